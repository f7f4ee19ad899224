import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { startAttioServer, type AttioTestServer } from '../../server';
import { runCli } from '../../../src/typegen/cli';
import { diffSchemas, fingerprint, generateModule, moduleStatus, parseHeader, readSchema, schemaReaderOf, staleChanges, withoutTime, type SchemaSummary } from '../../../src/typegen';
import { localData, apiCalls } from '../data/localData';
import { leastCpuMs } from '../cpuTime';
import { typeCheck } from './compile';
import { largeSchema } from './largeSchema';
import { PROGRAM_LINE, RIGHT_PROGRAM, WRONG_PROGRAMS, programText } from './wrongPrograms';

const WORKSPACE = { name: 'Northwind Labs', slug: 'northwind-labs' };
const T0 = new Date('2026-12-07T10:00:00Z');

suite('Typed code from the workspace: generator and CLI (local Attio server)', () => {
  let server: AttioTestServer;
  let demo: SchemaSummary;
  let demoModule: string;

  suiteSetup(async () => {
    server = await startAttioServer({ rateLimit: false });
    const { data } = await localData(server);
    server.clearRequests();
    demo = await readSchema(schemaReaderOf(data));
    demoModule = generateModule({ workspace: WORKSPACE, summary: demo, generatedAt: T0 });
  });

  suiteTeardown(() => server.close());

  test('the demo schema costs at most 1 + 2 × (objects + lists) + (select/status attributes) requests; again within the TTL: none', async () => {
    const { data } = await localData(server);
    server.clearRequests();
    const summary = await readSchema(schemaReaderOf(data));
    const targets = summary.objects.length + summary.lists.length;
    const choiceAttributes = [...summary.objects, ...summary.lists].flatMap(t => t.attributes).filter(a => a.choices).length;
    const first = apiCalls(server).length;
    assert.ok(first <= 1 + 2 * targets + choiceAttributes, `${first} requests for ${targets} objects and lists, ${choiceAttributes} select/status attributes`);
    assert.ok(choiceAttributes >= 4 && targets >= 5, 'the demo has selects, statuses, objects and lists');
    server.clearRequests();
    assert.deepStrictEqual(await readSchema(schemaReaderOf(data)), summary);
    assert.deepStrictEqual(apiCalls(server), [], 'regenerating within the cache TTL asks Attio nothing');
  });

  test('the demo module compiles under strict with no runtime import, and its header carries workspace, time and fingerprint', () => {
    assert.deepStrictEqual(typeCheck({ 'attio.gen.ts': demoModule })['attio.gen.ts'], []);
    assert.ok(!/^import /m.test(demoModule), 'no import without --zod');
    const header = parseHeader(demoModule)!;
    assert.match(demoModule.split('\n')[0], /"Northwind Labs"/);
    assert.match(demoModule, /^\/\/ Generated at: 2026-12-07T10:00:00.000Z$/m);
    assert.strictEqual(header.fingerprint, fingerprint(demo));
    assert.deepStrictEqual(header.summary, demo, 'the header holds the schema it was generated from');
    for (const want of ['export const AttioObjects = {', 'export type CompaniesCategoriesOption = "SaaS" | "B2B"', 'export type DealsStageStatus = ', 'export interface AttioObjectTypes']) {
      assert.ok(demoModule.includes(want), `has ${want}`);
    }
  });

  test('the fingerprint and text do not change with the time; they change with the schema', () => {
    const later = generateModule({ workspace: WORKSPACE, summary: demo, generatedAt: new Date('2027-01-01T00:00:00Z') });
    assert.notStrictEqual(later, demoModule);
    assert.strictEqual(withoutTime(later), withoutTime(demoModule));
    assert.strictEqual(moduleStatus(demoModule, { workspace: WORKSPACE, summary: demo, generatedAt: new Date() }).kind, 'current');
    const changed: SchemaSummary = { ...demo, objects: demo.objects.map((o, i) => (i === 0 ? { ...o, attributes: o.attributes.slice(1) } : o)) };
    assert.notStrictEqual(fingerprint(changed), fingerprint(demo));
    assert.deepStrictEqual(staleChanges(demoModule, changed), [{ kind: 'attributeRemoved', target: 'object', slug: 'people', attribute: 'name' }]);
  });

  test('with --zod the module validates records at run time and still compiles under strict', () => {
    const text = generateModule({ workspace: WORKSPACE, summary: demo, generatedAt: T0, zod: true });
    assert.match(text, /^import \{ z \} from 'zod';$/m);
    assert.match(text, /export const CompaniesRecordSchema = z\.object\(/);
    assert.deepStrictEqual(typeCheck({ 'attio.gen.ts': text })['attio.gen.ts'], []);
  }).timeout(60_000);

  test('wrong programs fail to compile with the expected error; the right program compiles', () => {
    const files: Record<string, string> = { 'attio.gen.ts': demoModule, 'right.ts': RIGHT_PROGRAM };
    WRONG_PROGRAMS.forEach((p, i) => (files[`wrong${i}.ts`] = programText(p.code)));
    const result = typeCheck(files);
    assert.deepStrictEqual(result['right.ts'], [], 'the right program compiles');
    const table = WRONG_PROGRAMS.map((p, i) => {
      const errors = result[`wrong${i}.ts`];
      const hit = errors.find(e => e.line === PROGRAM_LINE && e.code === p.error.code && p.error.message.test(e.message));
      assert.ok(hit, `${p.name}: expected TS${p.error.code} ${p.error.message} on line ${PROGRAM_LINE}, got ${JSON.stringify(errors)}`);
      assert.ok(errors.every(e => e.line === PROGRAM_LINE), `${p.name}: errors only on the wrong line: ${JSON.stringify(errors)}`);
      return `${p.name} | ${p.code} | TS${hit.code}: ${hit.message.split('\n')[0]}`;
    });
    if (process.env.ATTIO_TYPEGEN_TABLE) console.log(table.join('\n'));
  }).timeout(60_000);

  test('a 50-object, 1,000-attribute workspace generates within 2 s of CPU time and compiles', () => {
    const summary = largeSchema(50, 1000);
    assert.strictEqual(summary.objects.flatMap(o => o.attributes).length, 1000);
    let text = '';
    const cpu = leastCpuMs(() => {
      text = generateModule({ workspace: WORKSPACE, summary, generatedAt: T0 });
    }, 1);
    assert.ok(cpu < 2000, `generation took ${cpu} ms of CPU`);
    assert.deepStrictEqual(typeCheck({ 'attio.gen.ts': text })['attio.gen.ts'], []);
  }).timeout(60_000);

  test('what changed: attributes added, removed, retyped; options added and removed', () => {
    const base = demo;
    const companies = base.objects.find(o => o.slug === 'companies')!;
    const edited: SchemaSummary = {
      ...base,
      objects: base.objects.map(o =>
        o !== companies
          ? o
          : {
              ...o,
              attributes: [
                ...o.attributes
                  .filter(a => a.slug !== 'description')
                  .map(a => (a.slug === 'employee_count' ? { ...a, type: 'text' } : a.slug === 'categories' ? { ...a, choices: [...a.choices!.filter(c => c.title !== 'B2C'), { id: 'x', title: 'Robotics' }] } : a)),
                { slug: 'tier', type: 'select', choices: [] },
              ],
            },
      ),
    };
    assert.deepStrictEqual(
      diffSchemas(base, edited).map(c => c.kind),
      ['attributeRemoved', 'optionAdded', 'optionRemoved', 'attributeRetyped', 'attributeAdded'],
    );
  });

  test('CLI: writes the module, --check passes; after the workspace changes, --check exits 1 with what changed', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'attio-types-'));
    const out = path.join(dir, 'src', 'attio.gen.ts');
    const lines: string[] = [];
    const io = { env: { ATTIO_API_KEY: server.tokens.full }, out: (l: string) => lines.push(l), err: (l: string) => lines.push(l) };
    try {
      server.clearRequests();
      assert.strictEqual(await runCli(['--out', out, '--base-url', server.url], io), 0, lines.join('\n'));
      assert.ok(parseHeader(fs.readFileSync(out, 'utf8')), 'a generated module was written');
      assert.match(lines.join('\n'), /wrote .*attio\.gen\.ts: 4 objects, 3 lists/);
      assert.strictEqual(await runCli(['--out', out, '--base-url', server.url, '--check'], io), 0, lines.join('\n'));
      server.changeSchema({ kind: 'addAttribute', target: 'companies', slug: 'tier', type: 'text' });
      server.changeSchema({ kind: 'removeOption', target: 'companies', attribute: 'categories', title: 'Media' });
      lines.length = 0;
      assert.strictEqual(await runCli(['--out', out, '--base-url', server.url, '--check'], io), 1);
      const said = lines.join('\n');
      assert.match(said, /schema changed .* \(2 changes\)/);
      assert.match(said, /object companies: attribute tier added/);
      assert.match(said, /object companies: attribute categories option "Media" removed/);
      assert.ok(!lines.some(l => l.includes(server.tokens.full)), 'the token is never printed');
      fs.appendFileSync(out, '// my edit\n');
      lines.length = 0;
      assert.strictEqual(await runCli(['--out', out, '--base-url', server.url], io), 0);
      fs.appendFileSync(out, '// my edit\n');
      assert.strictEqual(await runCli(['--out', out, '--base-url', server.url, '--check'], io), 1);
      assert.match(lines.join('\n'), /schema is unchanged, but attio\.gen\.ts differs/);
      assert.strictEqual(await runCli(['--out', out], { ...io, env: {} }), 2, 'no token: usage error');
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  }).timeout(30_000);
});
