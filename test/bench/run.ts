/**
 * Benchmarks of the Attio client (prints figures; not a test). Run: `npx tsc -p . && node out/test/bench/run.js`.
 *
 *  1. parse + validate + title one 500-record query page (real server JSON) vs JSON.parse of the same text
 *  2. requests and wall time to list 10,000 records page by page
 *  3. a 1,000-read burst through the RateLimiter against the server's 100 reads/s limit
 *  4. production bundle sizes from esbuild.js, by output and folder (one build in dist/ for both extension hosts)
 *  5. record-link scan of a 10,000-line file (test/bench/linkScan.ts)
 *  6. the local server's 50,000-record workspace: start-up and a filtered page
 *  7. "Open as JSON" of a 500-record page: the raw answer through the client, and the document text built from it
 *     (outside the extension host; the integration test "Developer" logs the in-host open time)
 *  8. typed code: a 50-object, 1,000-attribute module generated and type-checked (test/bench/typegen.ts)
 */
import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { startAttioServer, type AttioTestServer } from '../server';
import { AttioClient, RateLimiter, pages, recordTitle } from '../../src/attio';
import { parseBody } from '../../src/attio/request';
import { dataArray, recordSchema } from '../../src/attio/schemas';
import { benchLinkScan } from './linkScan';
import { benchTypegen } from './typegen';
import { jsonText } from '../../src/developer/snippets';

const ROOT = path.resolve(__dirname, '..', '..', '..');
const pageSchema = dataArray(recordSchema);

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[s.length >> 1];
}

/**
 * Median ns per call of `base` and `ours`, timed alternately (base, ours, base, ours, …) so that both see the
 * same machine load; also the median of the per-pair ratios.
 */
function timePair(base: () => void, ours: () => void, runs = 120, warm = 20): { base: number; ours: number; ratio: number } {
  for (let i = 0; i < warm; i++) {
    base();
    ours();
  }
  const b: number[] = [];
  const o: number[] = [];
  const r: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = process.hrtime.bigint();
    base();
    const t1 = process.hrtime.bigint();
    ours();
    const t2 = process.hrtime.bigint();
    b.push(Number(t1 - t0));
    o.push(Number(t2 - t1));
    r.push(Number(t2 - t1) / Number(t1 - t0));
  }
  return { base: median(b), ours: median(o), ratio: median(r) };
}

async function rawQuery(server: AttioTestServer, object: string, limit: number, offset = 0): Promise<string> {
  const res = await fetch(`${server.url}/v2/objects/${object}/records/query`, {
    method: 'POST',
    headers: { authorization: `Bearer ${server.tokens.full}`, 'content-type': 'application/json' },
    body: JSON.stringify({ limit, offset }),
  });
  if (!res.ok) throw new Error(`query ${object}: HTTP ${res.status}`);
  return res.text();
}

async function benchParse(server: AttioTestServer): Promise<void> {
  console.log('\n1) parse + validate + title one 500-record page vs JSON.parse of the same text');
  const people = await rawQuery(server, 'people', 500);
  // A mixed page: people, companies and deals interleaved (as a search-like or cross-object view would hold).
  const parts = await Promise.all(['people', 'companies', 'deals'].map(o => rawQuery(server, o, 167, 500)));
  const objectSlugs = new Map<string, string>();
  const client = new AttioClient({ baseUrl: server.url, token: () => server.tokens.full });
  for (const o of await client.listObjects()) objectSlugs.set(o.id.object_id, o.api_slug ?? '');
  const mixedData = parts.flatMap(t => (JSON.parse(t) as { data: unknown[] }).data).slice(0, 500);
  const mixed = JSON.stringify({ data: mixedData });

  for (const [name, text, slugOf] of [
    ['people', people, () => 'people'],
    ['mix (people/companies/deals)', mixed, (objectId: string) => objectSlugs.get(objectId)],
  ] as [string, string, (id: string) => string | undefined][]) {
    const n = (JSON.parse(text) as { data: unknown[] }).data.length;
    let sink = 0;
    const t = timePair(
      () => {
        sink += (JSON.parse(text) as { data: unknown[] }).data.length;
      },
      () => {
        const { data } = parseBody(pageSchema, text, 'POST /v2/objects/{object}/records/query');
        for (const r of data) {
          if (r.values == null) r.values = {};
          sink += recordTitle(r as Parameters<typeof recordTitle>[0], slugOf(r.id.object_id)).length;
        }
      },
    );
    console.log(
      `   ${name.padEnd(30)} ${n} records, ${(text.length / 1024).toFixed(0)} KB: JSON.parse ${(t.base / 1e6).toFixed(2)} ms (${Math.round(t.base / n)} ns/record), ` +
        `parse+validate+title ${(t.ours / 1e6).toFixed(2)} ms (${Math.round(t.ours / n)} ns/record) → ratio ${(t.ours / t.base).toFixed(2)}× ` +
        `(median of paired ratios ${t.ratio.toFixed(2)}×)${sink < 0 ? '' : ''}`,
    );
  }
}

async function benchList(): Promise<void> {
  console.log('\n2) list 10,000 records page by page (limit 500, limit+1 probe)');
  const server = await startAttioServer({ workspace: { records: 21000 } });
  try {
    const client = new AttioClient({ baseUrl: server.url, token: () => server.tokens.readOnly, limiter: new RateLimiter() });
    await client.self();
    server.clearRequests();
    const t0 = performance.now();
    let n = 0;
    for await (const page of pages((limit, offset) => client.queryRecords('people', { limit, offset }), 500)) {
      n += page.items.length;
      if (n >= 10000) break;
    }
    const ms = performance.now() - t0;
    console.log(`   ${n} records in ${server.requests.length} requests, ${ms.toFixed(0)} ms (${((n / ms) * 1000).toFixed(0)} records/s)`);
  } finally {
    await server.close();
  }
}

async function benchBurst(server: AttioTestServer): Promise<void> {
  console.log('\n3) 1,000 concurrent reads through the RateLimiter (server: 100 reads/s per token, aligned 1 s windows)');
  const token = server.addToken('bench-burst', ['object_configuration:read']);
  const limiter = new RateLimiter();
  const client = new AttioClient({ baseUrl: server.url, token: () => token, limiter });
  // Warm the connection pool and JIT a little, then let the window empty.
  await Promise.all(Array.from({ length: 10 }, () => client.getObject('people')));
  await new Promise(r => setTimeout(r, 1100));
  server.clearRequests();
  const t0 = performance.now();
  const results = await Promise.allSettled(Array.from({ length: 1000 }, () => client.getObject('people')));
  const ms = performance.now() - t0;
  const failed = results.filter(r => r.status === 'rejected').length;
  const mine = server.requests.filter(r => r.token === 'bench-burst');
  const perSecond = new Map<number, number>();
  for (const r of mine) perSecond.set(Math.floor(r.startedAt / 1000), (perSecond.get(Math.floor(r.startedAt / 1000)) ?? 0) + 1);
  const rate = (1000 / ms) * 1000;
  console.log(
    `   wall ${ms.toFixed(0)} ms, achieved ${rate.toFixed(1)} reads/s (${rate.toFixed(1)} % of 100/s), failed ${failed}, ` +
      `server saw ${mine.length} requests, 429s ${mine.filter(r => r.status === 429).length}, max per aligned second ${Math.max(...perSecond.values())}`,
  );
  console.log(`   per aligned second: ${[...perSecond.values()].join(' ')}`);
}

/** Sizes of the production bundles, built by the project's own esbuild.js, and what is in them by folder. */
async function benchBundle(): Promise<void> {
  console.log('\n4) bundle size (node esbuild.js --production)');
  const meta = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'attio-bench-')), 'meta.json');
  try {
    execFileSync(process.execPath, [path.join(ROOT, 'esbuild.js'), '--production', `--metafile=${meta}`], { cwd: ROOT, stdio: 'ignore' });
    const metafile = JSON.parse(fs.readFileSync(meta, 'utf8')) as { outputs: Record<string, { bytes: number; inputs: Record<string, { bytesInOutput: number }> }> };
    const kb = (b: number) => `${(b / 1024).toFixed(1)} KB`;
    for (const [file, out] of Object.entries(metafile.outputs)) {
      if (!file.endsWith('.js')) continue;
      const parts = new Map<string, number>();
      for (const [input, i] of Object.entries(out.inputs)) {
        const part = /node_modules[\\/]zod[\\/]/.test(input) ? 'zod' : input.replace(/^src[\\/]([^\\/]+)[\\/].*$/, 'src/$1');
        parts.set(part, (parts.get(part) ?? 0) + i.bytesInOutput);
      }
      const top = [...parts].sort((a, b) => b[1] - a[1]).slice(0, 8).map(([p, b]) => `${p} ${kb(b)}`);
      const main = file.endsWith('extension.js')
        ? ` (loaded at activation; budget 120 KB; 130 KB in the web worker)`
        : file.endsWith('attio-types.js')
          ? ' (the types CLI, not part of the extension)'
          : ' (loaded on first use)';
      console.log(`   ${file}: ${kb(out.bytes)}${main} — ${top.join(', ')}`);
    }
  } catch (e) {
    console.log(`   production build failed: ${(e as Error).message.split('\n')[0]}`);
  } finally {
    fs.rmSync(path.dirname(meta), { recursive: true, force: true });
  }
}

/** The local server's 50,000-record workspace: start-up and one filtered page (figures the tests do not time). */
async function benchLargeServer(): Promise<void> {
  console.log('\n6) local Attio-compatible server, 50,000-record generated workspace');
  const t0 = performance.now();
  const server = await startAttioServer({ workspace: { records: 50_000 }, rateLimit: false });
  const started = performance.now() - t0;
  try {
    const t1 = performance.now();
    const res = await fetch(`${server.url}/v2/objects/people/records/query`, {
      method: 'POST',
      headers: { authorization: `Bearer ${server.tokens.readOnly}`, 'content-type': 'application/json' },
      body: JSON.stringify({ filter: { name: { full_name: { $contains: 'grace' } } }, limit: 50 }),
    });
    await res.json();
    console.log(`   start ${started.toFixed(0)} ms; a filtered page of people ($contains) ${(performance.now() - t1).toFixed(0)} ms`);
  } finally {
    await server.close();
  }
}

async function benchJsonDocument(server: AttioTestServer): Promise<void> {
  console.log('\n7) "Open as JSON" of a 500-record page (client.raw + pretty-printed document text)');
  const client = new AttioClient({ baseUrl: server.url, token: () => server.tokens.full });
  const call = { path: { object: 'people' }, body: { limit: 500, offset: 0 } };
  await client.raw('queryRecords', call);
  const fetchMs: number[] = [];
  const textMs: number[] = [];
  let text = '';
  for (let i = 0; i < 15; i++) {
    const t0 = performance.now();
    const answer = await client.raw('queryRecords', call);
    const t1 = performance.now();
    text = jsonText(answer);
    const t2 = performance.now();
    fetchMs.push(t1 - t0);
    textMs.push(t2 - t1);
  }
  const lines = text.split('\n').length;
  console.log(
    `   ${(text.length / 1024).toFixed(0)} KB, ${lines} lines: request+parse ${median(fetchMs).toFixed(1)} ms (local server), ` +
      `document text ${median(textMs).toFixed(1)} ms (median of 15); budget for opening in the host: 300 ms`,
  );
}

async function main(): Promise<void> {
  const started = Date.now();
  const server = await startAttioServer({ workspace: { records: 3000 } });
  try {
    await benchParse(server);
    await benchJsonDocument(server);
  } finally {
    await server.close();
  }
  await benchList();
  const burstServer = await startAttioServer({});
  try {
    await benchBurst(burstServer);
  } finally {
    await burstServer.close();
  }
  await benchBundle();
  benchLinkScan();
  await benchLargeServer();
  benchTypegen();
  console.log(`\ntotal ${((Date.now() - started) / 1000).toFixed(1)} s (node ${process.version}, ${os.cpus().length} CPUs, load ${os.loadavg()[0].toFixed(1)})`);
}

main().catch(e => {
  console.error(e);
  process.exit(1);
});
