import * as assert from 'assert';
import { generateModule } from '../../../src/typegen';
import { ENV_EXAMPLE, clientSource, importSpecifier, moduleKindOf, withGitignoreLines } from '../../../src/typegen/scaffold';
import { typeCheck } from './compile';
import { largeSchema } from './largeSchema';

/** What a Node project's @types/node gives the client (the check runs without @types). */
const NODE_GLOBALS = `declare const process: { env: Record<string, string | undefined> };
declare function fetch(url: string, init: { method: string; headers: Record<string, string>; body?: string }): Promise<{ ok: boolean; status: number; json(): Promise<unknown> }>;
`;

suite('Typed client scaffold', () => {
  test('ES module or CommonJS, from package.json "type"', () => {
    assert.strictEqual(moduleKindOf('{"type":"module"}'), 'esm');
    assert.strictEqual(moduleKindOf('{"type":"commonjs"}'), 'commonjs');
    assert.strictEqual(moduleKindOf('{}'), 'commonjs');
    assert.strictEqual(moduleKindOf(undefined), 'commonjs');
    assert.strictEqual(moduleKindOf('not json'), 'commonjs');
  });

  test('the import of the generated module, relative to the client', () => {
    assert.strictEqual(importSpecifier('src', 'src/attio.gen.ts', 'commonjs'), './attio.gen');
    assert.strictEqual(importSpecifier('src', 'src/attio.gen.ts', 'esm'), './attio.gen.js');
    assert.strictEqual(importSpecifier('', 'attio.gen.ts', 'commonjs'), './attio.gen');
    assert.strictEqual(importSpecifier('src', 'types/attio.gen.ts', 'esm'), '../types/attio.gen.js');
    assert.strictEqual(importSpecifier('', 'src/generated/attio.gen.ts', 'commonjs'), './src/generated/attio.gen');
  });

  test('the client compiles under strict with the generated types, and a wrong filter through it does not', () => {
    const summary = largeSchema(3, 30);
    summary.lists.push({ slug: 'pipeline', parents: ['object_0'], attributes: [{ slug: 'stage', type: 'status', choices: [{ id: 's1', title: 'Lead' }] }] });
    const types = generateModule({ workspace: { name: 'W', slug: 'w' }, summary, generatedAt: new Date(0) });
    const use = `import { queryRecords, queryEntries, createRecord } from './attioClient';
export async function run(): Promise<void> {
  await queryRecords('object_0', { filter: { attribute_0: { $eq: 'x' } }, limit: 10 });
  await queryEntries('pipeline', { filter: { stage: 'Lead' } });
  await createRecord('object_1', { attribute_1: 4 });
}
`;
    const wrong = `import { queryEntries } from './attioClient';
export const p = queryEntries('pipeline', { filter: { stage: { $equals: 'Lead' } } });
`;
    const result = typeCheck({ 'attio.gen.ts': types, 'attioClient.ts': NODE_GLOBALS + clientSource('./attio.gen'), 'use.ts': use, 'wrong.ts': wrong, 'esm/attioClient.ts': NODE_GLOBALS + clientSource('../attio.gen.js') });
    assert.deepStrictEqual(result['attioClient.ts'], []);
    assert.deepStrictEqual(result['esm/attioClient.ts'], []);
    assert.deepStrictEqual(result['use.ts'], []);
    assert.ok(result['wrong.ts'].some(e => e.line === 2 && /'\$equals' does not exist/.test(e.message)), JSON.stringify(result['wrong.ts']));
  }).timeout(60_000);

  test('.gitignore gains only the lines it lacks; .env.example names the key without a value', () => {
    assert.strictEqual(withGitignoreLines(undefined), '# Attio API key (Attio Explorer)\n.env\n.env.*\n!.env.example\n');
    assert.strictEqual(withGitignoreLines('node_modules\n.env\n'), 'node_modules\n.env\n\n# Attio API key (Attio Explorer)\n.env.*\n!.env.example\n');
    assert.strictEqual(withGitignoreLines('.env\n.env.*\n!.env.example'), undefined);
    assert.match(ENV_EXAMPLE, /^ATTIO_API_KEY=$/m);
  });
});
