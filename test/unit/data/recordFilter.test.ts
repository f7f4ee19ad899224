/**
 * Filter building per attribute type: the JSON sent (Attio's verbose filter), checked against the OpenAPI
 * document's query body (`filter` an object, `sorts` items of the "sort by attribute" shape) and run through the
 * local server's filter engine over rows whose answer is known, so the server covers every type the builder emits.
 */
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { buildQuery, conditionJson, FilterBuildError, isSortable, operatorsFor, parseRecordFilter, type FilterCondition, type FilterEnv, type RecordFilter } from '../../../src/data/recordFilter';
import { compileFilter, compileSorts, type FilterableRow } from '../../server/filters';
import type { AttributeDef, AttributeType, ValueObject } from '../../server/model';

const NOW = Date.parse('2026-11-28T10:00:00Z');
const ME = 'member-me';
const env: FilterEnv = { now: NOW, memberId: ME };

const ATTRS: [string, AttributeType][] = [
  ['title', 'text'],
  ['name', 'personal-name'],
  ['email', 'email-address'],
  ['stage', 'status'],
  ['tier', 'select'],
  ['employees', 'number'],
  ['value', 'currency'],
  ['priority', 'rating'],
  ['close', 'date'],
  ['seen', 'timestamp'],
  ['active', 'checkbox'],
  ['company', 'record-reference'],
  ['owner', 'actor-reference'],
  ['domains', 'domain'],
  ['phone', 'phone-number'],
  ['where', 'location'],
  ['last', 'interaction'],
];
const defs: AttributeDef[] = ATTRS.map(([slug, type]) => ({ id: `id-${slug}`, parentId: 'p', title: slug, description: null, slug, type, isSystem: false, isWritable: true, isRequired: false, isUnique: false, isMultiselect: false, isArchived: false, createdAt: '' }));

const v = (type: AttributeType, fields: Record<string, unknown>): ValueObject[] => [{ attribute_type: type, active_from: '', active_until: null, created_by_actor: {}, ...fields }];
const rowA: FilterableRow = {
  id: 'A',
  values: {
    title: v('text', { value: 'Enterprise renewal' }),
    name: v('personal-name', { first_name: 'Ada', last_name: 'Lovelace', full_name: 'Ada Lovelace' }),
    email: v('email-address', { email_address: 'ada@acme.com' }),
    stage: v('status', { status: { id: { status_id: 'st-neg' }, title: 'Negotiation' } }),
    tier: v('select', { option: { id: { option_id: 'op-gold' }, title: 'Gold' } }),
    employees: v('number', { value: 120 }),
    value: v('currency', { currency_value: 50000, currency_code: 'USD' }),
    priority: v('rating', { value: 4 }),
    close: v('date', { value: '2026-12-15' }),
    seen: v('timestamp', { value: '2026-11-25T09:00:00.000000000Z' }),
    active: v('checkbox', { value: true }),
    company: v('record-reference', { target_object: 'companies', target_record_id: 'rec-acme' }),
    owner: v('actor-reference', { referenced_actor_type: 'workspace-member', referenced_actor_id: ME }),
    domains: v('domain', { domain: 'acme.com', root_domain: 'acme.com' }),
    phone: v('phone-number', { phone_number: '+442071234567', original_phone_number: '+442071234567', country_code: 'GB' }),
    where: v('location', { locality: 'London', country_code: 'GB' }),
    last: v('interaction', { interaction_type: 'email', interacted_at: '2026-11-27T08:00:00.000000000Z' }),
  },
};
const rowB: FilterableRow = {
  id: 'B',
  values: {
    title: v('text', { value: 'Small pilot' }),
    name: v('personal-name', { first_name: 'Alan', last_name: 'Turing', full_name: 'Alan Turing' }),
    stage: v('status', { status: { id: { status_id: 'st-won' }, title: 'Won' } }),
    employees: v('number', { value: 8 }),
    value: v('currency', { currency_value: 900, currency_code: 'USD' }),
    close: v('date', { value: '2026-01-10' }),
    seen: v('timestamp', { value: '2026-09-01T09:00:00.000000000Z' }),
    active: v('checkbox', { value: false }),
    owner: v('actor-reference', { referenced_actor_type: 'workspace-member', referenced_actor_id: 'someone-else' }),
  },
};

const c = (attribute: string, op: FilterCondition['op'], value?: string | number): FilterCondition => ({ attribute, type: ATTRS.find(a => a[0] === attribute)![1], op, label: attribute, ...(value !== undefined ? { value } : {}) });

/** condition, the JSON sent, the rows (of A, B) it keeps */
const TABLE: [FilterCondition, unknown, string[]][] = [
  [c('title', 'contains', 'renewal'), { title: { $contains: 'renewal' } }, ['A']],
  [c('title', 'eq', 'Small pilot'), { title: { $eq: 'Small pilot' } }, ['B']],
  [c('title', 'startsWith', 'ent'), { title: { $starts_with: 'ent' } }, ['A']],
  [c('name', 'contains', 'turing'), { name: { full_name: { $contains: 'turing' } } }, ['B']],
  [c('email', 'notEmpty'), { email: { $not_empty: true } }, ['A']],
  [c('domains', 'eq', 'acme.com'), { domains: { domain: { $eq: 'acme.com' } } }, ['A']],
  [c('stage', 'is', 'st-neg'), { stage: { status: { $eq: 'st-neg' } } }, ['A']],
  [c('tier', 'is', 'op-gold'), { tier: { option: { $eq: 'op-gold' } } }, ['A']],
  [c('employees', 'gt', 100), { employees: { $gt: 100 } }, ['A']],
  [c('employees', 'lt', 100), { employees: { $lt: 100 } }, ['B']],
  [c('priority', 'eq', 4), { priority: { $eq: 4 } }, ['A']],
  [c('value', 'gt', 1000), { value: { currency_value: { $gt: 1000 } } }, ['A']],
  [c('close', 'before', '2026-06-01'), { close: { $lt: '2026-06-01' } }, ['B']],
  [c('close', 'after', '2026-06-01'), { close: { $gt: '2026-06-01' } }, ['A']],
  [c('seen', 'withinDays', 7), { seen: { $gte: '2026-11-21T00:00:00.000Z' } }, ['A']],
  [c('close', 'withinDays', 400), { close: { $gte: '2025-10-24' } }, ['A', 'B']],
  [c('active', 'checked'), { active: { $eq: true } }, ['A']],
  [c('active', 'unchecked'), { active: { $eq: false } }, ['B']],
  [c('company', 'isRecord', 'rec-acme'), { company: { target_record_id: { $eq: 'rec-acme' } } }, ['A']],
  [c('phone', 'startsWith', '+44'), { phone: { phone_number: { $starts_with: '+44' } } }, ['A']],
  [c('where', 'contains', 'lond'), { where: { locality: { $contains: 'lond' } } }, ['A']],
  [c('last', 'withinDays', 3), { last: { interacted_at: { $gte: '2026-11-25T00:00:00.000Z' } } }, ['A']],
  [c('owner', 'isMe'), { owner: { referenced_actor_type: { $eq: 'workspace-member' }, referenced_actor_id: { $eq: ME } } }, ['A']],
];

const openapi = JSON.parse(fs.readFileSync(path.resolve(__dirname, '../../../../../shared/attio/openapi.json'), 'utf8'));
const queryBody = openapi.paths['/v2/objects/{object}/records/query'].post.requestBody.content['application/json'].schema;

/** The sort item against the OpenAPI "sort by attribute" branch: required keys, known keys, direction enum. */
function checkSort(s: Record<string, unknown>): void {
  const branch = queryBody.properties.sorts.items.anyOf.find((b: { required: string[] }) => b.required.includes('attribute'));
  for (const r of branch.required) assert.ok(r in s, `sort has ${r}`);
  for (const k of Object.keys(s)) assert.ok(k in branch.properties, `sort key ${k} is in the OpenAPI document`);
  assert.ok(branch.properties.direction.enum.includes(s.direction));
}

suite('recordFilter: filter and sort JSON per attribute type', () => {
  test('the query body fields the builder fills are the OpenAPI document\'s (filter an object, sorts an array)', () => {
    assert.strictEqual(queryBody.properties.filter.type, 'object');
    assert.strictEqual(queryBody.properties.sorts.type, 'array');
  });

  for (const [cond, json, keeps] of TABLE) {
    test(`${cond.type} ${cond.op}: sends ${JSON.stringify(json)} and the server keeps ${keeps.join(', ')}`, () => {
      const sent = conditionJson(cond, env);
      assert.deepStrictEqual(sent, json);
      const q = buildQuery({ conditions: [cond] }, env);
      assert.deepStrictEqual(q.filter, json, 'one condition is sent unwrapped');
      const keep = compileFilter(q.filter, defs, {});
      assert.deepStrictEqual([rowA, rowB].filter(keep).map(r => r.id), keeps);
    });
  }

  test('every type the builder offers operators for is in the table (so the server is checked for it)', () => {
    const covered = new Set(TABLE.map(([x]) => x.type));
    const offered = ['text', 'personal-name', 'email-address', 'domain', 'phone-number', 'location', 'select', 'status', 'number', 'currency', 'rating', 'date', 'timestamp', 'interaction', 'checkbox', 'record-reference', 'actor-reference'];
    for (const type of offered) assert.ok(operatorsFor(type).length, type);
    assert.deepStrictEqual(offered.filter(t => !covered.has(t)), []);
    assert.deepStrictEqual(operatorsFor('unknown-type'), []);
  });

  test('several conditions are sent as $and, and the sort as one OpenAPI sort item', () => {
    const f: RecordFilter = { conditions: [c('stage', 'is', 'st-neg'), c('owner', 'isMe')], sort: { attribute: 'value', label: 'Value', direction: 'desc' } };
    const q = buildQuery(f, env);
    assert.deepStrictEqual(q.filter, { $and: [{ stage: { status: { $eq: 'st-neg' } } }, { owner: { referenced_actor_type: { $eq: 'workspace-member' }, referenced_actor_id: { $eq: ME } } }] });
    assert.deepStrictEqual(q.sorts, [{ direction: 'desc', attribute: 'value' }]);
    checkSort(q.sorts![0]);
    const rows = [rowB, rowA];
    assert.deepStrictEqual(compileSorts(q.sorts, defs, {})(rows).map(r => r.id), ['A', 'B'], 'by value, descending');
    assert.deepStrictEqual(compileSorts([{ direction: 'asc', attribute: 'value' }], defs, {})(rows).map(r => r.id), ['B', 'A']);
  });

  test('a sort alone is a query without a filter; nothing active is no query', () => {
    const q = buildQuery({ conditions: [], sort: { attribute: 'name', label: 'Name', direction: 'asc' } }, env);
    assert.strictEqual(q.filter, undefined);
    assert.deepStrictEqual(q.sorts, [{ direction: 'asc', attribute: 'name' }]);
    const none = buildQuery({ conditions: [] }, env);
    assert.strictEqual(none.filter, undefined);
    assert.strictEqual(none.sorts, undefined);
  });

  test('the cache key follows the JSON: same filter same key, another value another key, "last N days" stable within a day', () => {
    const a = buildQuery({ conditions: [c('seen', 'withinDays', 7)] }, env).key;
    assert.strictEqual(buildQuery({ conditions: [c('seen', 'withinDays', 7)] }, { ...env, now: NOW + 3_600_000 }).key, a);
    assert.notStrictEqual(buildQuery({ conditions: [c('seen', 'withinDays', 8)] }, env).key, a);
  });

  test('"is me" without a member cannot be built; a text condition without text neither', () => {
    assert.throws(() => conditionJson(c('owner', 'isMe'), { now: NOW, memberId: null }), FilterBuildError);
    assert.throws(() => conditionJson(c('title', 'contains', ''), env), FilterBuildError);
  });

  test('sortable types are the ones with a plain order', () => {
    assert.ok(isSortable('currency') && isSortable('status') && isSortable('date'));
    assert.ok(!isSortable('record-reference') && !isSortable('actor-reference'));
  });

  test('a stored filter is read back only when well-formed', () => {
    const f: RecordFilter = { conditions: [c('stage', 'is', 'st-neg')], sort: { attribute: 'value', label: 'Value', direction: 'asc' } };
    assert.deepStrictEqual(parseRecordFilter(JSON.parse(JSON.stringify(f))), f);
    for (const junk of [null, 'x', {}, { conditions: [{ attribute: 'a' }] }, { conditions: [], sort: { attribute: 'a', label: 'A', direction: 'up' } }, { conditions: [{ ...c('title', 'contains', 'x'), op: 'drop' }] }]) {
      assert.strictEqual(parseRecordFilter(junk), undefined, JSON.stringify(junk));
    }
  });
});
