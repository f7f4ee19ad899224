/**
 * Link-scan benchmark (prints figures; not a test): the cost of finding Attio record URLs in an editor's text, which
 * the link and hover providers pay on every change of a visible document. Budget: ≤ 5 ms for a 10,000-line file.
 * Run alone: `npx tsc -p . && node out/test/bench/linkScan.js`; `npm run bench` runs it after the client benchmarks.
 */
import * as os from 'os';
import { RecordUrlScanner } from '../../src/editor/recordUrls';
import { bigFile } from '../unit/editor/bigFile';

const BUDGET_MS = 5;

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[s.length >> 1];
}

function percentile(xs: number[], p: number): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(s.length * p))];
}

/** Median and 95th percentile in ms of `scan` over `runs` runs after `warm` warm-up runs; also what it found. */
function time(scan: () => number, runs = 300, warm = 30): { median: number; p95: number; found: number } {
  let found = 0;
  for (let i = 0; i < warm; i++) found = scan();
  const ms: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = process.hrtime.bigint();
    found = scan();
    ms.push(Number(process.hrtime.bigint() - t0) / 1e6);
  }
  return { median: median(ms), p95: percentile(ms, 0.95), found };
}

export function benchLinkScan(): void {
  console.log(`\n5) record-link scan of a 10,000-line file (src/editor/recordUrls.ts; budget ${BUDGET_MS} ms a file)`);
  const scanner = new RecordUrlScanner();
  const withLinks = bigFile(10000, 200).text;
  const without = bigFile(10000, 0).text;
  const everyLine = bigFile(10000, 1).text;
  const lineStarts = [0];
  for (let i = 0; i < withLinks.length; i++) if (withLinks[i] === '\n') lineStarts.push(i + 1);
  // About one screen: 60 lines in the middle of the file, one link among them (line 4,999).
  const visible = { start: lineStarts[4970], end: lineStarts[5030] };

  const rows: [string, string, () => number][] = [
    ['mixed code/prose, 50 links', withLinks, () => scanner.find(withLinks).length],
    ['mixed code/prose, no links', without, () => scanner.find(without).length],
    ['visible range (60 lines) of the first', withLinks, () => scanner.find(withLinks, visible).length],
    ['worst case: a link on every line', everyLine, () => scanner.find(everyLine).length],
  ];
  for (const [name, text, scan] of rows) {
    const t = time(scan);
    const verdict = t.median <= BUDGET_MS ? 'within budget' : 'OVER BUDGET';
    console.log(
      `   ${name.padEnd(40)} ${(text.length / 1024).toFixed(0).padStart(4)} KB: median ${t.median.toFixed(3)} ms, p95 ${t.p95.toFixed(3)} ms, ` +
        `${t.found} links (${verdict})`,
    );
  }
}

if (require.main === module) {
  benchLinkScan();
  console.log(`\n(node ${process.version}, ${os.cpus().length} CPUs, load ${os.loadavg()[0].toFixed(1)})`);
}
