import * as assert from 'assert';
import { entryParentTitles, recordTitle, valueText, type RecordQuerier } from '../../../src/attio/titles';
import { parseValue, type AttioRecord, type AttioValue, type UnknownAttioValue } from '../../../src/attio/schemas';
import { toPage } from '../../../src/attio/pagination';

const base = { active_from: '2024-01-01T00:00:00Z', active_until: null, created_by_actor: { type: 'system', id: null } };
const v = (attribute_type: string, fields: Record<string, unknown>) => ({ ...base, attribute_type, ...fields }) as AttioValue;
const rec = (id: string, values: Record<string, AttioValue[]>): AttioRecord =>
  ({ id: { workspace_id: 'w', object_id: 'o', record_id: id }, created_at: null, web_url: null, values }) as AttioRecord;

suite('attio/titles: recordTitle', () => {
  const cases: [string, string | undefined, AttioRecord, string][] = [
    ['person full name', 'people', rec('r1', { name: [v('personal-name', { first_name: 'Ada', last_name: 'L', full_name: 'Ada Lovelace' })] }), 'Ada Lovelace'],
    ['person first+last when full_name empty', 'people', rec('r1', { name: [v('personal-name', { first_name: 'Ada', last_name: 'L', full_name: '' })] }), 'Ada L'],
    ['person → first email', 'people', rec('r1', { name: [], email_addresses: [v('email-address', { email_address: 'a@x.io' })] }), 'a@x.io'],
    ['company name', 'companies', rec('r2', { name: [v('text', { value: 'Acme' })], domains: [v('domain', { domain: 'acme.com' })] }), 'Acme'],
    ['company → domain', 'companies', rec('r2', { domains: [v('domain', { domain: 'acme.com', root_domain: 'acme.com' })] }), 'acme.com'],
    ['deal name', 'deals', rec('r3', { name: [v('text', { value: 'Big deal' })] }), 'Big deal'],
    ['user → primary email', 'users', rec('r4', { primary_email_address: [v('email-address', { email_address: 'u@x.io' })], user_id: [v('text', { value: 'U1' })] }), 'u@x.io'],
    ['user → user_id', 'users', rec('r4', { user_id: [v('text', { value: 'U1' })] }), 'U1'],
    ['workspace name', 'workspaces', rec('r5', { name: [v('text', { value: 'WS' })], workspace_id: [v('text', { value: 'W1' })] }), 'WS'],
    ['workspace → workspace_id', 'workspaces', rec('r5', { workspace_id: [v('text', { value: 'W1' })] }), 'W1'],
    ['custom: name attribute', 'projects', rec('r6', { code: [v('text', { value: 'P-1' })], name: [v('text', { value: 'Apollo' })] }), 'Apollo'],
    ['custom: first text attribute (values order)', 'projects', rec('r6', { budget: [v('number', { value: 3 })], code: [v('text', { value: 'P-1' })] }), 'P-1'],
    ['custom: record id when nothing textual', 'projects', rec('r6', { budget: [v('number', { value: 3 })] }), 'r6'],
    ['no values at all', 'people', rec('r7', {}), 'r7'],
    ['historic value skipped for current', 'deals', rec('r8', { name: [{ ...v('text', { value: 'Old' }), active_until: '2024-02-01T00:00:00Z' } as AttioValue, v('text', { value: 'New' })] }), 'New'],
  ];
  for (const [name, slug, record, expected] of cases) test(name, () => assert.strictEqual(recordTitle(record, slug), expected));

  test('custom: first text attribute follows attribute order, skipping archived and record_id', () => {
    const r = rec('r9', { record_id: [v('text', { value: 'r9' })], alpha: [v('text', { value: 'A' })], beta: [v('text', { value: 'B' })], gamma: [v('text', { value: 'G' })] });
    const attrs = [
      { api_slug: 'record_id', type: 'text' },
      { api_slug: 'gamma', type: 'text', is_archived: true },
      { api_slug: 'count', type: 'number' },
      { api_slug: 'beta', type: 'text' },
      { api_slug: 'alpha', type: 'text' },
    ];
    assert.strictEqual(recordTitle(r, 'projects', attrs), 'B');
  });

  test('malformed type-specific fields never throw', () => {
    const r = rec('rx', { name: [{ attribute_type: 'personal-name', full_name: 42 } as unknown as AttioValue] });
    assert.strictEqual(recordTitle(r, 'people'), 'rx');
  });
});

suite('attio/titles: valueText', () => {
  const cases: [AttioValue | UnknownAttioValue, string][] = [
    [v('text', { value: 'hi' }), 'hi'],
    [v('number', { value: 4.5 }), '4.5'],
    [v('rating', { value: 3 }), '3'],
    [v('checkbox', { value: true }), 'Yes'],
    [v('checkbox', { value: false }), 'No'],
    [v('date', { value: '2024-05-01' }), '2024-05-01'],
    [v('timestamp', { value: '2024-05-01T10:00:00Z' }), '2024-05-01T10:00:00Z'],
    [v('currency', { currency_value: 100, currency_code: 'EUR' }), '100 EUR'],
    [v('currency', { currency_value: 100, currency_code: null }), '100'],
    [v('domain', { domain: 'x.io' }), 'x.io'],
    [v('email-address', { email_address: 'a@x.io' }), 'a@x.io'],
    [v('phone-number', { original_phone_number: '+44 20', phone_number: '+4420' }), '+44 20'],
    [v('personal-name', { first_name: 'A', last_name: 'B', full_name: 'A B' }), 'A B'],
    [v('location', { line_1: '1 Main St', line_2: null, locality: 'Leeds', region: null, postcode: 'LS1', country_code: 'GB' }), '1 Main St, Leeds, LS1, GB'],
    [v('record-reference', { target_object: 'people', target_record_id: 'abc' }), 'abc'],
    [v('actor-reference', { referenced_actor_type: 'system', referenced_actor_id: null }), 'system'],
    [v('interaction', { interaction_type: 'email', interacted_at: '2024-01-01T00:00:00Z' }), 'email 2024-01-01T00:00:00Z'],
    [v('select', { option: { title: 'Hot' } }), 'Hot'],
    [v('status', { status: { title: 'Won' } }), 'Won'],
    [{ attribute_type: 'brand-new-type', value: 'x' }, 'x'],
    [{ attribute_type: 'brand-new-type', value: { deep: 1 } }, ''],
  ];
  for (const [value, expected] of cases) test(`${value.attribute_type} → ${JSON.stringify(expected)}`, () => assert.strictEqual(valueText(value), expected));
});

suite('attio/titles: entryParentTitles', () => {
  test('one query per parent object with a record_id $in filter; absent parents are left out', async () => {
    const calls: { object: string; filter: unknown; limit?: number }[] = [];
    const db: Record<string, AttioRecord[]> = {
      people: [rec('p1', { name: [v('personal-name', { full_name: 'P One' })] }), rec('p2', { name: [v('personal-name', { full_name: 'P Two' })] })],
      companies: [rec('c1', { name: [v('text', { value: 'C One' })] })],
    };
    const client: RecordQuerier = {
      async queryRecords(object, opts) {
        calls.push({ object, filter: opts.filter, limit: opts.limit });
        const ids = (opts.filter as { record_id: { $in: string[] } }).record_id.$in;
        const items = (db[object] ?? []).filter(r => ids.includes(r.id.record_id));
        return toPage(items, opts.limit ?? 50, 0, (opts.limit ?? 50) + 1);
      },
    };
    const entries = [
      { parent_object: 'people', parent_record_id: 'p1' },
      { parent_object: 'people', parent_record_id: 'p2' },
      { parent_object: 'people', parent_record_id: 'p1' },
      { parent_object: 'companies', parent_record_id: 'c1' },
      { parent_object: 'companies', parent_record_id: 'gone' },
    ];
    const titles = await entryParentTitles(client, entries);
    assert.strictEqual(calls.length, 2);
    const people = calls.find(c => c.object === 'people')!;
    assert.deepStrictEqual(people.filter, { record_id: { $in: ['p1', 'p2'] } });
    assert.deepStrictEqual(Object.fromEntries(titles), { p1: 'P One', p2: 'P Two', c1: 'C One' });
  });

  test('no entries → no requests', async () => {
    let n = 0;
    const titles = await entryParentTitles({ queryRecords: async () => (n++, toPage([], 1, 0, 2)) }, []);
    assert.strictEqual(n, 0);
    assert.strictEqual(titles.size, 0);
  });
});

suite('attio/schemas: parseValue (lazy type-specific validation)', () => {
  test('accepts well-formed values of known types, keeping every field', () => {
    for (const value of [
      v('text', { value: 'x', extra_field: 1 }),
      v('personal-name', { first_name: 'A', last_name: null, full_name: 'A' }),
      v('status', { status: { title: 'Won', is_archived: false } }),
      v('currency', { currency_value: 1, currency_code: 'USD' }),
    ]) assert.deepStrictEqual(parseValue(value), value, value.attribute_type);
  });
  test('rejects wrong type-specific fields and unknown types', () => {
    assert.strictEqual(parseValue(v('personal-name', { full_name: 42 })), undefined);
    assert.strictEqual(parseValue(v('text', { value: 1 })), undefined);
    assert.strictEqual(parseValue({ attribute_type: 'brand-new-type', value: 'x' }), undefined);
  });
});
