import * as assert from 'assert';
import { generateModule, parseHeader, pascalName, type SchemaSummary } from '../../../src/typegen';
import { typeCheck } from './compile';

/** CRM text in every place the module writes it: quotes, comment ends, line and paragraph separators, backslashes. */
const HOSTILE = 'A "b" */ c\u2028d\u2029e\n// f \\ `g` ${h}';

suite('Typed code: the module header and CRM text in the module', () => {
  const summary: SchemaSummary = {
    objects: [
      { slug: 'deal-stage', attributes: [{ slug: 'kind', type: 'select', choices: [{ id: 'o1', title: HOSTILE }, { id: 'o2', title: 'Plain' }] }, { slug: '2fa code', type: 'text' }] },
      { slug: 'deal_stage', attributes: [{ slug: 'x', type: 'some-future-type' }] },
    ],
    lists: [{ slug: 'deal-stage', parents: ['deal-stage'], attributes: [] }],
  };

  test('hostile workspace names, option titles and slugs stay data: the module compiles and its header reads back', () => {
    const text = generateModule({ workspace: { name: HOSTILE, slug: 'w' }, summary, generatedAt: new Date(0), zod: true });
    assert.deepStrictEqual(typeCheck({ 'attio.gen.ts': text })['attio.gen.ts'], []);
    const header = parseHeader(text)!;
    assert.deepStrictEqual(header.summary, summary);
    assert.strictEqual(header.workspaceSlug, 'w');
    assert.strictEqual(header.fingerprintLine, 2);
    assert.ok(!/[\u2028\u2029]/.test(text), 'no raw line or paragraph separator anywhere');
  }).timeout(60_000);

  test('slugs that differ only in punctuation get distinct type names', () => {
    const text = generateModule({ workspace: { name: 'W', slug: 'w' }, summary, generatedAt: new Date(0) });
    assert.match(text, /export interface DealStageRecord \{/);
    assert.match(text, /export interface DealStage2Record \{/);
    assert.match(text, /export interface DealStageEntry \{/);
    assert.strictEqual(pascalName('2fa code'), 'A2faCode');
  });

  test('not a generated module: no header', () => {
    assert.strictEqual(parseHeader('export const x = 1;\n'), undefined);
  });
});
