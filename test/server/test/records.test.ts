import * as assert from 'node:assert';
import Ajv2020 from 'ajv/dist/2020';
import { AttioTestServer, startAttioServer } from '../index';
import { ApiResponse, api } from './helpers';
import { openapiContract } from './openapi';

const CREATE = '/v2/objects/{object}/records';
const RECORD = '/v2/objects/{object}/records/{record_id}';

suite('Attio test server: writing records (create, assert, PATCH, PUT)', function () {
  this.timeout(60000);
  let server: AttioTestServer;
  let member: string;
  let company: any;
  const contract = openapiContract();

  suiteSetup(async () => {
    server = await startAttioServer({ rateLimit: false });
    member = (await api(server, 'GET', '/v2/workspace_members')).body.data[0].id.workspace_member_id;
    company = (await api(server, 'POST', '/v2/objects/companies/records/query', { body: { limit: 1 } })).body.data[0];
  });
  suiteTeardown(() => server.close());

  /** Sends a write whose body must itself match the document, and checks the answer against it. */
  async function write(method: string, template: string, path: string, values: Record<string, unknown>): Promise<ApiResponse> {
    const body = { data: { values } };
    contract.checkRequest(method, template, body);
    const res = await api(server, method, path, { body });
    // the document describes one 400 per operation (its own code); other refusals must still be Attio's error shape
    const documented = contract.spec.paths[template][method.toLowerCase()].responses[String(res.status)]?.content['application/json'].schema.properties.code?.enum;
    if (contract.hasResponse(method, template, res.status) && (!documented || documented.includes(res.body.code))) {
      contract.check(method, template, res);
    } else {
      const shape = { type: 'object', properties: { status_code: { const: res.status }, type: { type: 'string' }, code: { type: 'string' }, message: { type: 'string' } }, required: ['status_code', 'type', 'code', 'message'], additionalProperties: false };
      assert.ok(new Ajv2020({ strict: false }).validate(shape, res.body), JSON.stringify(res.body));
    }
    return res;
  }

  const current = (res: ApiResponse, slug: string) => (res.body.data.values[slug] ?? []).filter((x: any) => x.active_until === null);

  test('create a deal with every kind of value; Attio answers with what it stored', async () => {
    const res = await write('POST', CREATE, '/v2/objects/deals/records', {
      name: [{ value: 'Northwind renewal 2027' }],
      stage: [{ status: 'Negotiation' }],
      owner: [{ referenced_actor_type: 'workspace-member', referenced_actor_id: member }],
      value: [{ currency_value: 48000.5 }],
      associated_company: [{ target_object: 'companies', target_record_id: company.id.record_id }],
      close_date: [{ value: '2027-03-31' }],
    });
    assert.strictEqual(res.status, 200, JSON.stringify(res.body));
    assert.strictEqual(current(res, 'stage')[0].status.title, 'Negotiation');
    assert.deepStrictEqual([current(res, 'value')[0].currency_value, current(res, 'value')[0].currency_code], [48000.5, 'USD']);
    assert.strictEqual(current(res, 'created_by')[0].referenced_actor_type, 'api-token');
    const read = await api(server, 'GET', `/v2/objects/deals/records/${res.body.data.id.record_id}`);
    assert.deepStrictEqual(read.body.data.values.name[0].value, 'Northwind renewal 2027');
  });

  test('create: a missing required value, a bad email and an unknown option are refused, naming the attribute, and nothing is created', async () => {
    const before = (await api(server, 'POST', '/v2/objects/deals/records/query', { body: { limit: 10000 } })).body.data.length;
    const missingName = await write('POST', CREATE, '/v2/objects/deals/records', { stage: [{ status: 'Lead' }], owner: [{ referenced_actor_type: 'workspace-member', referenced_actor_id: member }] });
    assert.deepStrictEqual([missingName.status, missingName.body.code], [400, 'missing_value']);
    assert.match(missingName.body.message, /attribute with ID "[0-9a-f-]{36}"/);
    const badEmail = await write('POST', CREATE, '/v2/objects/people/records', { email_addresses: [{ email_address: 'ada@' }] });
    assert.deepStrictEqual([badEmail.status, badEmail.body.code], [400, 'validation_type']);
    assert.match(badEmail.body.message, /attribute with slug "email_addresses"/);
    const badStage = await write('POST', CREATE, '/v2/objects/deals/records', { name: [{ value: 'X' }], stage: [{ status: 'Won big' }], owner: [{ referenced_actor_type: 'workspace-member', referenced_actor_id: member }] });
    assert.deepStrictEqual([badStage.status, badStage.body.code], [400, 'value_not_found']);
    const system = await write('POST', CREATE, '/v2/objects/people/records', { created_at: [{ value: '2020-01-01T00:00:00Z' }] });
    assert.deepStrictEqual([system.status, system.body.code], [400, 'immutable_value']);
    const two = await write('POST', CREATE, '/v2/objects/people/records', { job_title: [{ value: 'a' }, { value: 'b' }] });
    assert.deepStrictEqual([two.status, two.body.code], [400, 'validation_type']);
    const unknown = await write('POST', CREATE, '/v2/objects/nope/records', { name: [] });
    assert.strictEqual(unknown.status, 404);
    const after = (await api(server, 'POST', '/v2/objects/deals/records/query', { body: { limit: 10000 } })).body.data.length;
    assert.strictEqual(after, before);
  });

  test('create throws on a unique conflict; assert updates the record holding the value instead', async () => {
    const domain = company.values.domains[0].domain;
    const conflict = await write('POST', CREATE, '/v2/objects/companies/records', { name: [{ value: 'Copycat' }], domains: [{ domain: domain.toUpperCase() }] });
    assert.deepStrictEqual([conflict.status, conflict.body.code], [400, 'uniqueness_conflict']);
    assert.match(conflict.body.message, /attribute with slug "domains"/);
    const asserted = await write('PUT', CREATE, '/v2/objects/companies/records?matching_attribute=domains', { domains: [{ domain }], description: [{ value: 'Asserted' }] });
    assert.strictEqual(asserted.status, 200, JSON.stringify(asserted.body));
    assert.strictEqual(asserted.body.data.id.record_id, company.id.record_id);
    assert.strictEqual(current(asserted, 'description')[0].value, 'Asserted');
    assert.ok(current(asserted, 'domains').length >= 1, 'the matching multiselect keeps its values');
    const fresh = await write('PUT', CREATE, '/v2/objects/companies/records?matching_attribute=domains', { name: [{ value: 'Brand new GmbH' }], domains: [{ domain: 'brand-new.example' }] });
    assert.strictEqual(fresh.status, 200);
    assert.notStrictEqual(fresh.body.data.id.record_id, company.id.record_id);
    const notUnique = await api(server, 'PUT', '/v2/objects/companies/records?matching_attribute=name', { body: { data: { values: { name: [{ value: 'x' }] } } } });
    assert.strictEqual(notUnique.status, 400);
    const noSuch = await write('PUT', CREATE, '/v2/objects/companies/records?matching_attribute=nope', { name: [{ value: 'x' }] });
    assert.deepStrictEqual([noSuch.status, noSuch.body.code], [400, 'value_not_found']);
  });

  test('PATCH prepends multiselect values and keeps the others; PUT overwrites them; single values are replaced', async () => {
    const id = company.id.record_id;
    const path = `/v2/objects/companies/records/${id}`;
    const start = await write('PUT', RECORD, path, { categories: [{ option: 'B2B' }] });
    assert.deepStrictEqual(current(start, 'categories').map((x: any) => x.option.title), ['B2B']);
    const appended = await write('PATCH', RECORD, path, { categories: [{ option: 'SaaS' }, { option: 'B2B' }], employee_count: [{ value: 120 }] });
    assert.deepStrictEqual(current(appended, 'categories').map((x: any) => x.option.title), ['SaaS', 'B2B']);
    assert.strictEqual(current(appended, 'employee_count')[0].value, 120);
    const overwritten = await write('PUT', RECORD, path, { categories: [{ option: 'SaaS' }] });
    assert.deepStrictEqual(current(overwritten, 'categories').map((x: any) => x.option.title), ['SaaS']);
    const cleared = await write('PATCH', RECORD, path, { employee_count: [] });
    assert.deepStrictEqual(current(cleared, 'employee_count'), []);
    const missing = await write('PATCH', RECORD, '/v2/objects/companies/records/00000000-0000-4000-8000-000000000000', { name: [{ value: 'x' }] });
    assert.strictEqual(missing.status, 404);
  });

  test('every writable type is read back as Attio stores it (email, domain, phone, name, location, rating, checkbox, timestamp)', async () => {
    const person = await write('POST', CREATE, '/v2/objects/people/records', {
      name: [{ first_name: 'Grace', last_name: 'Hopper', full_name: 'Grace Hopper' }],
      email_addresses: [{ email_address: 'Grace.Hopper@Navy.example' }],
      phone_numbers: [{ original_phone_number: '030 1234567', country_code: 'DE' }],
      primary_location: [{ line_1: 'Unter den Linden 1', line_2: null, line_3: null, line_4: null, locality: 'Berlin', region: null, postcode: '10117', country_code: 'DE', latitude: '52.517', longitude: '13.389' }],
    });
    assert.strictEqual(person.status, 200, JSON.stringify(person.body));
    assert.strictEqual(current(person, 'email_addresses')[0].email_address, 'grace.hopper@navy.example');
    assert.strictEqual(current(person, 'phone_numbers')[0].phone_number, '+49301234567');
    assert.strictEqual(current(person, 'name')[0].full_name, 'Grace Hopper');
    const partner = await write('POST', CREATE, '/v2/objects/partnerships/records', {
      name: [{ value: 'Northwind × Contoso' }], tier: [{ option: 'Gold' }], priority: [{ value: 4 }], is_active: [{ value: true }], start_date: [{ value: '2027-01-01' }],
    });
    assert.strictEqual(partner.status, 200, JSON.stringify(partner.body));
    const badRating = await write('PATCH', RECORD, `/v2/objects/partnerships/records/${partner.body.data.id.record_id}`, { priority: [{ value: 9 }] });
    assert.match(badRating.body.message, /attribute with slug "priority"/);
    const archived = await write('PATCH', RECORD, `/v2/objects/partnerships/records/${partner.body.data.id.record_id}`, { tier: [{ option: 'Platinum' }] });
    assert.deepStrictEqual([archived.status, archived.body.code], [400, 'value_not_found']);
    const badPhone = await write('PATCH', RECORD, `/v2/objects/people/records/${person.body.data.id.record_id}`, { phone_numbers: [{ original_phone_number: '1234567' }] });
    assert.match(badPhone.body.message, /attribute with slug "phone_numbers"/);
  });

  test('writes need record_permission:read-write and count against 25 writes a second', async () => {
    const readOnly = await api(server, 'PATCH', `/v2/objects/companies/records/${company.id.record_id}`, { token: server.tokens.readOnly, body: { data: { values: { description: [{ value: 'x' }] } } } });
    assert.strictEqual(readOnly.status, 403);
    const limited = await startAttioServer();
    try {
      const c = (await api(limited, 'POST', '/v2/objects/companies/records/query', { body: { limit: 1 } })).body.data[0];
      const statuses = await Promise.all(Array.from({ length: 30 }, (_, i) =>
        api(limited, 'PATCH', `/v2/objects/companies/records/${c.id.record_id}`, { body: { data: { values: { description: [{ value: `n${i}` }] } } } }).then((r) => r.status)));
      assert.ok(statuses.filter((s) => s === 429).length >= 5, statuses.join(','));
    } finally {
      await limited.close();
    }
  });
});
