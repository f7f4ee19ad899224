/**
 * Hostile-text benchmark (prints figures; not a test): the record-link scan (200 KB files), inert Markdown (1 MB
 * notes) and the TODO check (single lines) on inputs built to be slow. Each case runs in a child process killed after
 * BENCH_LIMIT_S seconds (default 30), so a quadratic build can be measured too: point the first argument at another
 * compiled tree (an `out/` of an older commit) to compare.
 *
 *   npx tsc -p . && node out/test/bench/hostileText.js [out-dir] [case-regex]
 * Prints the least wall-clock time of 3 runs per case (one run when it takes over a second).
 */
import { spawnSync } from 'child_process';
import * as path from 'path';

type Scan = (text: string) => unknown;
interface Modules {
  findRecordUrls: (text: string, options?: { range?: { start: number; end: number } }) => unknown[];
  inertMarkdown: (text: string) => string;
  todoFinder: (triggers: readonly string[]) => (line: string) => unknown;
}

const out = path.resolve(process.argv[2] ?? path.resolve(__dirname, '../..'));
const only = process.argv[3] ? new RegExp(process.argv[3]) : undefined;
const limitS = Number(process.env.BENCH_LIMIT_S ?? 30);

function load(): Modules {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const req = (p: string) => require(path.join(out, p)) as Record<string, unknown>;
  req('test/unit/stubs/vscode.js');
  return { ...req('src/editor/recordUrls.js'), ...req('src/detail/inertMarkdown.js'), ...req('src/editor/todo.js') } as unknown as Modules;
}

const URL = 'https://app.attio.com/acme/person/4d7e3a3b-6035-429d-b874-d83ea64ea13b';
const K200 = 200_000;
const MB = 1_000_000;
const fill = (unit: string, size: number): string => unit.repeat(Math.ceil(size / unit.length)).slice(0, size);

function cases(m: Modules | undefined): { group: string; name: string; input: string; scan: Scan }[] {
  const url: Scan = t => m!.findRecordUrls(t);
  const md: Scan = t => m!.inertMarkdown(t);
  const find = m ? m.todoFinder(['TODO', 'FIXME']) : () => undefined;
  const todo: Scan = t => find(t);
  return [
    { group: 'links', name: "record URL + ')' x 200K", input: URL + fill(')', K200), scan: url },
    { group: 'links', name: "record URL + '/' + ')' x 200K", input: `${URL}/${fill(')', K200)}`, scan: url },
    { group: 'links', name: "(record URL + ')') repeated", input: fill(`${URL})`, K200), scan: url },
    { group: 'links', name: "(record URL + '/') repeated, no space", input: fill(`${URL}/`, K200), scan: url },
    { group: 'links', name: "(record URL + '/' + ')' x 2000 + ' ') repeated", input: fill(`${URL}/${')'.repeat(2000)} `, K200), scan: url },
    { group: 'links', name: 'origin repeated, no record', input: fill('https://app.attio.com/', K200), scan: url },
    { group: 'links', name: "origin + 'a' x 200K", input: `https://app.attio.com/${fill('a', K200)}`, scan: url },
    { group: 'links', name: "record URL + '_' x 200K", input: URL + fill('_', K200), scan: url },
    { group: 'links', name: 'hover: 5 MB line, pointer at the end', input: URL + fill(')', 5_000_000), scan: t => m!.findRecordUrls(t, { range: { start: t.length - 1, end: t.length } }) },
    { group: 'note', name: "'[' x 1M (one line)", input: fill('[', MB), scan: md },
    { group: 'note', name: "'![' x 500K", input: fill('![', MB), scan: md },
    { group: 'note', name: "'[a](' x 250K", input: fill('[a](', MB), scan: md },
    { group: 'note', name: "'[a](x (' x 140K (paren titles)", input: fill('[a](x (', MB), scan: md },
    { group: 'note', name: "'[' x 500K + ']' x 500K (nested)", input: fill('[', MB / 2) + fill(']', MB / 2), scan: md },
    { group: 'note', name: 'backtick runs of length 1..1400', input: Array.from({ length: 1400 }, (_, k) => `${'`'.repeat(k + 1)}a`).join('').slice(0, MB), scan: md },
    { group: 'note', name: "code block of '` ' x 500K (one line)", input: `\`\`\`\n${fill('` ', MB)}\n\`\`\``, scan: md },
    { group: 'note', name: "code block of '`' lines x 500K", input: `\`\`\`\n${fill('`\n', MB)}\`\`\``, scan: md },
    { group: 'note', name: "'<' x 1M", input: fill('<', MB), scan: md },
    { group: 'note', name: "'<a@' x 333K", input: fill('<a@', MB), scan: md },
    { group: 'note', name: '1 MB of ordinary prose with links', input: fill('Some **prose** with a [link](https://example.com/x) and `code`.\n\n', MB), scan: md },
    { group: 'todo', name: "'// TODO x' + 1,990 spaces + 'y'", input: `// TODO x${' '.repeat(1990)}y`, scan: todo },
    { group: 'todo', name: "'// TODO x' + ' \\t' x 995 + 'y'", input: `// TODO x${' \t'.repeat(995)}y`, scan: todo },
    { group: 'todo', name: "';' x 2000", input: ';'.repeat(2000), scan: todo },
    { group: 'todo', name: "'TODO ' x 400", input: 'TODO '.repeat(400), scan: todo },
    { group: 'todo', name: "'// TODO x' + 10,000 spaces + 'y' (cut at 2,000)", input: `// TODO x${' '.repeat(10_000)}y`, scan: todo },
  ];
}

const row = (c: { group: string; name: string; input: string }, text: string): string =>
  `${c.group.padEnd(6)} ${c.name.padEnd(52)} ${(c.input.length / 1000).toFixed(0).padStart(5)} K  ${text}`;

const child = process.env.BENCH_CASE;
if (child === undefined) {
  cases(undefined).forEach((c, i) => {
    if (only && !only.test(`${c.group} ${c.name}`)) return;
    const r = spawnSync(process.execPath, process.argv.slice(1), { env: { ...process.env, BENCH_CASE: String(i) }, encoding: 'utf8', timeout: limitS * 1000 });
    process.stdout.write(r.error || r.signal ? `${row(c, `${`> ${limitS * 1000}`.padStart(10)} ms  (stopped)`)}\n` : r.stdout + r.stderr);
  });
} else {
  const c = cases(load())[Number(child)];
  let best = Infinity;
  let failure = '';
  for (let run = 0; run < 3; run++) {
    const t0 = process.hrtime.bigint();
    try {
      c.scan(c.input);
    } catch (e) {
      failure = `  ${(e as Error).name}: ${(e as Error).message.slice(0, 50)}`;
    }
    const ms = Number(process.hrtime.bigint() - t0) / 1e6;
    best = Math.min(best, ms);
    if (ms > 1000) break;
  }
  process.stdout.write(`${row(c, `${best.toFixed(2).padStart(10)} ms${failure}`)}\n`);
}
