import * as assert from 'assert';
import {
  checkDomain, checkEmail, checkLocation, checkPhone, editMethod, inputKey, inputOf, isEditable, parseTyped, valuesBody, writeValues,
  type InputValue, type WritableAttribute,
} from '../../../src/data/valueInput';
import { openapiContract } from '../../server/test/openapi';

const RECORD = '5f1d1e5c-3c38-4d0b-9d55-2a0b0b7d2c11';
const MEMBER = '0b8a4a64-7a8e-4f4b-8a55-3f1f1d3c2b10';

const attr = (type: string, extra: Partial<WritableAttribute> = {}): WritableAttribute => ({ api_slug: `a_${type.replace(/-/g, '_')}`, type, is_writable: true, ...extra });

/** Every writable attribute type: the attribute, what a person gives, and the anyOf branch of input-value that documents it. */
const CASES: { attribute: WritableAttribute; inputs: InputValue[]; branch: number }[] = [
  { attribute: attr('text'), inputs: [{ kind: 'text', value: 'Head of Platform' }], branch: 17 },
  { attribute: attr('number'), inputs: [{ kind: 'number', value: 42.5 }], branch: 11 },
  { attribute: attr('rating'), inputs: [{ kind: 'number', value: 4 }], branch: 15 },
  { attribute: attr('currency', { config: { currency: { default_currency_code: 'EUR' } } }), inputs: [{ kind: 'currency', amount: 137000.25 }], branch: 3 },
  { attribute: attr('date'), inputs: [{ kind: 'date', value: '2026-12-07' }], branch: 4 },
  { attribute: attr('timestamp'), inputs: [{ kind: 'timestamp', value: '2026-12-07T09:30:00.000Z' }], branch: 18 },
  { attribute: attr('checkbox'), inputs: [{ kind: 'checkbox', value: true }], branch: 2 },
  { attribute: attr('select'), inputs: [{ kind: 'option', value: 'Enterprise' }], branch: 16 },
  { attribute: attr('select', { is_multiselect: true }), inputs: [{ kind: 'option', value: 'b2b' }, { kind: 'option', value: 'saas' }], branch: 16 },
  { attribute: attr('status'), inputs: [{ kind: 'option', value: 'Won' }], branch: 14 },
  { attribute: attr('record-reference'), inputs: [{ kind: 'record', object: 'companies', recordId: RECORD }], branch: 7 },
  { attribute: attr('record-reference', { is_multiselect: true }), inputs: [{ kind: 'record', object: 'people', recordId: RECORD }, { kind: 'record', object: 'people', recordId: MEMBER }], branch: 7 },
  { attribute: attr('actor-reference'), inputs: [{ kind: 'member', memberId: MEMBER }], branch: 0 },
  { attribute: attr('email-address', { is_multiselect: true }), inputs: [{ kind: 'email', value: 'ada@northwind.test' }], branch: 6 },
  { attribute: attr('domain', { is_multiselect: true }), inputs: [{ kind: 'domain', value: 'northwind.test' }], branch: 5 },
  { attribute: attr('phone-number'), inputs: [{ kind: 'phone', value: '030123456', countryCode: 'DE' }, ], branch: 13 },
  { attribute: attr('phone-number', { api_slug: 'intl' }), inputs: [{ kind: 'phone', value: '+4930123456', countryCode: null }], branch: 13 },
  { attribute: attr('personal-name'), inputs: [{ kind: 'name', first: 'Ada', last: 'Lovelace' }], branch: 12 },
  {
    attribute: attr('location'),
    inputs: [{ kind: 'location', value: { line_1: 'Friedrichstraße 1', locality: 'Berlin', region: null, postcode: '10117', country_code: 'DE', latitude: '52.52', longitude: '13.405' } }],
    branch: 10,
  },
];

suite('valueInput: what a person gives becomes the JSON Attio takes', () => {
  const contract = openapiContract();
  const operations: [string, string][] = [
    ['POST', '/v2/objects/{object}/records'],
    ['PUT', '/v2/objects/{object}/records'],
    ['PATCH', '/v2/objects/{object}/records/{record_id}'],
    ['PUT', '/v2/objects/{object}/records/{record_id}'],
  ];
  /** A list entry's edit (Edit… on an entry value) sends the same values as `entry_values`. */
  const entryOperations: [string, string][] = [
    ['PATCH', '/v2/lists/{list}/entries/{entry_id}'],
    ['PUT', '/v2/lists/{list}/entries/{entry_id}'],
  ];

  for (const c of CASES) {
    test(`${c.attribute.type}${c.attribute.is_multiselect ? ' (multiselect)' : ''}: the body of create, assert, PATCH and PUT matches the document, of a record and of a list entry`, () => {
      const values = valuesBody([{ attribute: c.attribute, values: c.inputs }]);
      assert.strictEqual(values[c.attribute.api_slug].length, c.inputs.length);
      for (const [method, template] of operations) contract.checkRequest(method, template, { data: { values } });
      for (const [method, template] of entryOperations) contract.checkRequest(method, template, { data: { entry_values: values } });
      for (const item of values[c.attribute.api_slug]) contract.checkInputValue(item, c.branch);
    });
  }

  test('clearing an attribute sends an empty array, which the document allows', () => {
    const values = valuesBody([{ attribute: attr('text'), values: [] }]);
    assert.deepStrictEqual(values, { a_text: [] });
    contract.checkRequest('PATCH', '/v2/objects/{object}/records/{record_id}', { data: { values } });
  });

  test('a single-value attribute refuses two values', () => {
    assert.throws(() => writeValues(attr('select'), [{ kind: 'option', value: 'a' }, { kind: 'option', value: 'b' }]), RangeError);
  });

  test('multiselect: only added values go by PATCH (just the new ones); any removal goes by PUT with the whole set', () => {
    const tags = attr('select', { is_multiselect: true });
    const added = editMethod(tags, ['option:a'], ['option:a', 'option:b']);
    assert.strictEqual(added.method, 'PATCH');
    assert.deepStrictEqual(['option:a', 'option:b'].filter(added.keep), ['option:b']);
    const removed = editMethod(tags, ['option:a', 'option:b'], ['option:b', 'option:c']);
    assert.strictEqual(removed.method, 'PUT');
    assert.deepStrictEqual(['option:b', 'option:c'].filter(removed.keep), ['option:b', 'option:c']);
    assert.strictEqual(editMethod(attr('status'), ['option:x'], ['option:y']).method, 'PATCH');
  });

  test('a stored value reads back as the input it came from (same key)', () => {
    for (const c of CASES) {
      for (const input of c.inputs) {
        const item = { attribute_type: c.attribute.type, ...writeValues(c.attribute, [input])[0] } as { attribute_type: string };
        if (c.attribute.type === 'select' || c.attribute.type === 'status') continue; // stored as option/status objects with ids
        const back = inputOf(item);
        assert.ok(back, c.attribute.type);
        assert.strictEqual(inputKey(back), inputKey(input), c.attribute.type);
      }
    }
    const select = inputOf({ attribute_type: 'select', option: { id: { option_id: 'opt-1' }, title: 'B2B' } });
    assert.deepStrictEqual(select, { kind: 'option', value: 'opt-1' });
    assert.deepStrictEqual(inputOf({ attribute_type: 'interaction' }), undefined);
  });
});

suite('valueInput: typed text is checked as Attio checks it', () => {
  test('email addresses', () => {
    assert.strictEqual(checkEmail('  ada@northwind.test '), 'ada@northwind.test');
    for (const bad of ['ada', 'ada@', '@x.com', 'ada@x', 'a b@x.com', 'ada@@x.com', 'ada@x.c0m']) assert.strictEqual(checkEmail(bad), undefined, bad);
  });

  test('domains: a pasted URL gives its host; no dot, spaces or a numeric TLD are refused', () => {
    assert.strictEqual(checkDomain('https://www.Acme.com/about?x=1'), 'www.acme.com');
    assert.strictEqual(checkDomain('acme.co.uk'), 'acme.co.uk');
    for (const bad of ['acme', 'acme .com', 'acme.123', '-acme.com', '']) assert.strictEqual(checkDomain(bad), undefined, bad);
  });

  test('phone numbers: E.164, or a national number with a country code', () => {
    assert.strictEqual(checkPhone('+49 (30) 123-456', null), '+4930123456');
    assert.strictEqual(checkPhone('030 123456', 'DE'), '030123456');
    assert.strictEqual(checkPhone('030 123456', null), undefined);
    assert.strictEqual(checkPhone('+0123456789', null), undefined);
    assert.strictEqual(checkPhone('call me', 'DE'), undefined);
  });

  test('numbers, ratings, currency, dates and timestamps', () => {
    const p = (type: string, text: string, extra?: string) => parseTyped(attr(type), text, extra);
    assert.deepStrictEqual(p('number', '1,234.5'), { ok: true, value: { kind: 'number', value: 1234.5 } });
    assert.deepStrictEqual(p('number', '1.234,5'), { ok: true, value: { kind: 'number', value: 1234.5 } });
    assert.deepStrictEqual(p('number', '1,250'), { ok: true, value: { kind: 'number', value: 1250 } });
    assert.deepStrictEqual(p('number', '1,25'), { ok: true, value: { kind: 'number', value: 1.25 } });
    assert.deepStrictEqual(p('number', 'twelve'), { ok: false, problem: 'not-a-number' });
    assert.deepStrictEqual(p('rating', '6'), { ok: false, problem: 'rating-range' });
    assert.deepStrictEqual(p('rating', '2.5'), { ok: false, problem: 'not-an-integer' });
    assert.deepStrictEqual(p('currency', 'EUR 250000'), { ok: true, value: { kind: 'currency', amount: 250000 } });
    assert.deepStrictEqual(p('currency', '1.23456'), { ok: false, problem: 'too-many-decimals' });
    assert.deepStrictEqual(p('date', '2026-02-30'), { ok: false, problem: 'not-a-date' });
    assert.deepStrictEqual(p('timestamp', '2026-12-07T10:00:00+01:00'), { ok: true, value: { kind: 'timestamp', value: '2026-12-07T09:00:00.000Z' } });
    assert.deepStrictEqual(p('timestamp', 'tomorrow'), { ok: false, problem: 'not-a-timestamp' });
    assert.deepStrictEqual(p('email-address', 'nope'), { ok: false, problem: 'not-an-email' });
    assert.deepStrictEqual(p('phone-number', '0301234567', 'germany'), { ok: false, problem: 'not-a-country-code' });
    assert.deepStrictEqual(p('number', '  '), { ok: false, problem: 'empty' });
  });

  test('locations: country code and Attio\'s coordinate patterns', () => {
    const base = { line_1: null, locality: 'Berlin', region: null, postcode: null, country_code: 'DE' };
    assert.strictEqual(checkLocation({ ...base, latitude: '52.52', longitude: '13.405' }), undefined);
    assert.strictEqual(checkLocation({ ...base, latitude: '91', longitude: '13' }), 'not-a-coordinate');
    assert.strictEqual(checkLocation({ ...base, country_code: 'Germany' }), 'not-a-country-code');
  });

  test('read-only, archived and calculated attributes are not editable; interaction never is', () => {
    assert.ok(isEditable(attr('text')));
    assert.ok(!isEditable(attr('text', { is_writable: false })));
    assert.ok(!isEditable(attr('text', { is_archived: true })));
    assert.ok(!isEditable(attr('interaction')));
    assert.ok(isEditable(attr('personal-name', { is_system_attribute: true, is_writable: true })));
  });
});
