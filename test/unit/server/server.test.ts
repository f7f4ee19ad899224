import * as assert from 'node:assert';
import { parseRecordUrl } from '../../../src/editor/recordUrls';
import { AttioTestServer, startAttioServer } from '../../server/index';
import { api } from './helpers';

type Rec = { id: { record_id: string; object_id: string; workspace_id: string }; values: Record<string, any[]>; web_url: string };

suite('Attio test server: reads', () => {
  let server: AttioTestServer;
  let people: Rec[];

  suiteSetup(async () => {
    server = await startAttioServer({ rateLimit: false });
    people = (await api(server, 'POST', '/v2/objects/people/records/query', { body: {} })).body.data;
  });
  suiteTeardown(() => server.close());

  test('objects can be addressed by slug or UUID', async () => {
    const objects = (await api(server, 'GET', '/v2/objects')).body.data;
    const slugs = objects.map((o: any) => o.api_slug);
    for (const slug of ['people', 'companies', 'deals', 'partnerships']) assert.ok(slugs.includes(slug), slug);
    const deals = objects.find((o: any) => o.api_slug === 'deals');
    const byId = await api(server, 'GET', `/v2/objects/${deals.id.object_id}`);
    assert.strictEqual(byId.status, 200);
    assert.deepStrictEqual(byId.body.data, deals);
    const missing = await api(server, 'GET', '/v2/objects/spaceships');
    assert.strictEqual(missing.status, 404);
    assert.deepStrictEqual([missing.body.type, missing.body.code], ['invalid_request_error', 'not_found']);
  });

  test('records query defaults to limit 500 and pages with limit/offset', async () => {
    const big = await startAttioServer({ workspace: { records: 2000 }, rateLimit: false });
    try {
      const all = (await api(big, 'POST', '/v2/objects/people/records/query', { body: {} })).body.data;
      assert.strictEqual(all.length, 500);
      const page1 = (await api(big, 'POST', '/v2/objects/people/records/query', { body: { limit: 7, offset: 0 } })).body.data;
      const page2 = (await api(big, 'POST', '/v2/objects/people/records/query', { body: { limit: 7, offset: 7 } })).body.data;
      assert.deepStrictEqual([...page1, ...page2].map((r: Rec) => r.id.record_id), all.slice(0, 14).map((r: Rec) => r.id.record_id));
      const beyond = (await api(big, 'POST', '/v2/objects/people/records/query', { body: { offset: 100000 } })).body.data;
      assert.deepStrictEqual(beyond, []);
    } finally {
      await big.close();
    }
  });

  test('records carry composite ids, typed values and a web_url', () => {
    const ada = people.find((p) => p.values.name[0].full_name === 'Ada Lovelace');
    assert.ok(ada, 'the demo workspace has Ada Lovelace');
    assert.ok(ada.id.workspace_id && ada.id.object_id);
    assert.match(ada.web_url, new RegExp(`^https://app\\.attio\\.com/northwind-labs/person/${ada.id.record_id}$`));
    const email = ada.values.email_addresses[0];
    assert.strictEqual(email.attribute_type, 'email-address');
    assert.strictEqual(email.active_until, null);
    assert.ok(email.active_from && email.created_by_actor);
    assert.strictEqual(ada.values.company[0].target_object, 'companies');
  });

  test('$in on record_id fetches exactly the requested records', async () => {
    const wanted = [people[3], people[17], people[42]].map((p) => p.id.record_id);
    const res = await api(server, 'POST', '/v2/objects/people/records/query', { body: { filter: { record_id: { $in: wanted } } } });
    assert.strictEqual(res.status, 200);
    assert.deepStrictEqual(res.body.data.map((r: Rec) => r.id.record_id).sort(), [...wanted].sort());
  });

  test('shorthand filter matches the default field', async () => {
    const companies: Rec[] = (await api(server, 'POST', '/v2/objects/companies/records/query', { body: {} })).body.data;
    const name = companies[4].values.name[0].value;
    const res = await api(server, 'POST', '/v2/objects/companies/records/query', { body: { filter: { name } } });
    assert.deepStrictEqual(res.body.data.map((r: Rec) => r.id.record_id), companies.filter((c) => c.values.name[0].value === name).map((c) => c.id.record_id));
    assert.ok(res.body.data.length >= 1);
  });

  test('$contains on a sub-field, $not and $or combine as expected', async () => {
    const expected = people.filter((p) => p.values.name[0].full_name.toLowerCase().includes('ada')).map((p) => p.id.record_id);
    const contains = await api(server, 'POST', '/v2/objects/people/records/query', { body: { filter: { name: { full_name: { $contains: 'Ada' } } } } });
    assert.deepStrictEqual(contains.body.data.map((r: Rec) => r.id.record_id), expected);
    const negated = await api(server, 'POST', '/v2/objects/people/records/query', { body: { filter: { $not: { name: { full_name: { $contains: 'Ada' } } } } } });
    assert.strictEqual(negated.body.data.length, people.length - expected.length);
    const a = people[0].id.record_id;
    const b = people[1].id.record_id;
    const either = await api(server, 'POST', '/v2/objects/people/records/query', { body: { filter: { $or: [{ record_id: a }, { record_id: { $eq: b } }] } } });
    assert.deepStrictEqual(either.body.data.map((r: Rec) => r.id.record_id).sort(), [a, b].sort());
  });

  test('numeric comparisons, $starts_with and $not_empty', async () => {
    const companies: Rec[] = (await api(server, 'POST', '/v2/objects/companies/records/query', { body: {} })).body.data;
    const counts = companies.map((c) => c.values.employee_count[0].value as number).sort((x, y) => x - y);
    const median = counts[Math.floor(counts.length / 2)];
    const res = await api(server, 'POST', '/v2/objects/companies/records/query', { body: { filter: { employee_count: { $gte: median } } } });
    assert.strictEqual(res.body.data.length, counts.filter((c) => c >= median).length);
    const starts = await api(server, 'POST', '/v2/objects/companies/records/query', { body: { filter: { domains: { domain: { $starts_with: 'acme' } } } } });
    assert.ok(starts.body.data.length >= 1);
    for (const r of starts.body.data) assert.ok(r.values.domains.some((d: any) => d.domain.startsWith('acme')));
    const withDescription = await api(server, 'POST', '/v2/objects/people/records/query', { body: { filter: { description: { $not_empty: true } } } });
    assert.strictEqual(withDescription.body.data.length, people.filter((p) => p.values.description.length > 0).length);
  });

  test('unknown attributes and operators are filter_error', async () => {
    for (const filter of [{ shoe_size: 42 }, { name: { $fuzzy: 'x' } }, { name: { middle_name: 'x' } }, { $xor: [] }]) {
      const res = await api(server, 'POST', '/v2/objects/people/records/query', { body: { filter } });
      assert.strictEqual(res.status, 400, JSON.stringify(filter));
      assert.deepStrictEqual([res.body.type, res.body.code], ['invalid_request_error', 'filter_error']);
    }
  });

  test('sorts order by attribute and field', async () => {
    const res = await api(server, 'POST', '/v2/objects/people/records/query', { body: { sorts: [{ direction: 'desc', attribute: 'name', field: 'last_name' }] } });
    const names = res.body.data.map((r: Rec) => r.values.name[0].last_name.toLowerCase());
    assert.deepStrictEqual(names, [...names].sort().reverse());
  });

  test('attributes are listed in UI order with limit/offset/show_archived', async () => {
    const visible = (await api(server, 'GET', '/v2/objects/people/attributes')).body.data;
    const all = (await api(server, 'GET', '/v2/objects/people/attributes?show_archived=true')).body.data;
    assert.strictEqual(visible[0].api_slug, 'name');
    assert.ok(all.length > visible.length, 'an archived attribute is hidden by default');
    assert.ok(visible.every((a: any) => !a.is_archived));
    const paged = (await api(server, 'GET', '/v2/objects/people/attributes?limit=2&offset=1')).body.data;
    assert.deepStrictEqual(paged.map((a: any) => a.api_slug), visible.slice(1, 3).map((a: any) => a.api_slug));
    const one = await api(server, 'GET', '/v2/objects/people/attributes/email_addresses');
    assert.strictEqual(one.body.data.type, 'email-address');
    const statuses = await api(server, 'GET', '/v2/lists/sales-pipeline/attributes/stage/statuses');
    assert.ok(statuses.body.data.length >= 3);
    const options = await api(server, 'GET', '/v2/objects/companies/attributes/categories/options');
    const allOptions = await api(server, 'GET', '/v2/objects/companies/attributes/categories/options?show_archived=true');
    assert.ok(allOptions.body.data.length > options.body.data.length);
    assert.strictEqual((await api(server, 'GET', '/v2/objects/people/attributes/nope')).status, 404);
  });

  test('record get, record entries, 404 for unknown records', async () => {
    const deals: Rec[] = (await api(server, 'POST', '/v2/objects/deals/records/query', { body: { limit: 1 } })).body.data;
    const deal = deals[0];
    const got = await api(server, 'GET', `/v2/objects/deals/records/${deal.id.record_id}`);
    assert.deepStrictEqual(got.body.data, deal);
    assert.strictEqual(deal.values.stage[0].attribute_type, 'status');
    assert.strictEqual(deal.values.value[0].attribute_type, 'currency');
    assert.ok(deal.values.value[0].currency_code);
    const entries = await api(server, 'GET', `/v2/objects/deals/records/${deal.id.record_id}/entries`);
    assert.ok(entries.body.data.some((e: any) => e.list_api_slug === 'sales-pipeline'));
    const missing = await api(server, 'GET', '/v2/objects/deals/records/00000000-0000-4000-8000-000000000000');
    assert.strictEqual(missing.status, 404);
    assert.strictEqual((await api(server, 'GET', `/v2/objects/people/records/${deal.id.record_id}`)).status, 404, 'record of another object');
  });

  test('lists, entries query and entry get', async () => {
    const lists = (await api(server, 'GET', '/v2/lists')).body.data;
    assert.ok(lists.length >= 3);
    const pipeline = lists.find((l: any) => l.api_slug === 'sales-pipeline');
    assert.deepStrictEqual(pipeline.parent_object, ['deals']);
    assert.deepStrictEqual((await api(server, 'GET', `/v2/lists/${pipeline.id.list_id}`)).body.data, pipeline);
    const entries = (await api(server, 'POST', '/v2/lists/sales-pipeline/entries/query', { body: {} })).body.data;
    assert.ok(entries.length > 0);
    assert.ok(entries.every((e: any) => e.parent_object === 'deals' && e.entry_values.stage));
    const statusTitle = entries[0].entry_values.stage[0].status.title;
    const filtered = (await api(server, 'POST', '/v2/lists/sales-pipeline/entries/query', { body: { filter: { stage: statusTitle } } })).body.data;
    assert.strictEqual(filtered.length, entries.filter((e: any) => e.entry_values.stage[0].status.title === statusTitle).length);
    const one = await api(server, 'GET', `/v2/lists/sales-pipeline/entries/${entries[0].id.entry_id}`);
    assert.deepStrictEqual(one.body.data, entries[0]);
  });

  test('search finds people by name and email with type-specific fields', async () => {
    const res = await api(server, 'POST', '/v2/objects/records/search', { body: { query: 'lovelace', objects: ['people', 'companies'], request_as: { type: 'workspace' } } });
    assert.strictEqual(res.status, 200);
    assert.ok(res.body.data.length >= 1);
    for (const item of res.body.data) {
      assert.strictEqual(item.object_slug, 'people');
      assert.ok(Array.isArray(item.email_addresses) && Array.isArray(item.phone_numbers));
      assert.ok(item.record_text.toLowerCase().includes('lovelace') || item.email_addresses.some((e: string) => e.includes('lovelace')));
    }
    const companies = await api(server, 'POST', '/v2/objects/records/search', { body: { query: '', objects: ['companies'], request_as: { type: 'workspace' } } });
    assert.strictEqual(companies.body.data.length, 25);
    assert.ok(companies.body.data.every((c: any) => Array.isArray(c.domains)));
    const limited = await api(server, 'POST', '/v2/objects/records/search', { body: { query: '', objects: ['people'], request_as: { type: 'workspace' }, limit: 3 } });
    assert.strictEqual(limited.body.data.length, 3);
    for (const body of [
      { query: '', objects: [], request_as: { type: 'workspace' } },
      { query: 'x'.repeat(257), objects: ['people'], request_as: { type: 'workspace' } },
      { query: '', objects: ['people'], request_as: { type: 'workspace' }, limit: 26 },
      { query: '', objects: ['people'] },
    ]) {
      assert.strictEqual((await api(server, 'POST', '/v2/objects/records/search', { body })).status, 400, JSON.stringify(body).slice(0, 80));
    }
  });

  test('every record\'s web_url is https://app.attio.com/<workspace slug>/<singular noun>/<record id>, as the editor recognises it', async () => {
    const self = (await api(server, 'GET', '/v2/self')).body;
    const nouns: Record<string, string> = { people: 'person', companies: 'company', deals: 'deal', partnerships: 'partnership' };
    for (const [object, noun] of Object.entries(nouns)) {
      const records: Rec[] = (await api(server, 'POST', `/v2/objects/${object}/records/query`, { body: {} })).body.data;
      assert.ok(records.length > 0, object);
      for (const r of records) {
        assert.strictEqual(r.web_url, `https://app.attio.com/${self.workspace_slug}/${noun}/${r.id.record_id}`);
        assert.deepStrictEqual(parseRecordUrl(r.web_url), { url: r.web_url, workspaceSlug: self.workspace_slug, object: noun, recordId: r.id.record_id });
      }
      const one = (await api(server, 'GET', `/v2/objects/${object}/records/${records[0].id.record_id}`)).body.data;
      assert.strictEqual(one.web_url, records[0].web_url);
    }
    const other = (await api(server, 'POST', '/v2/objects/people/records/query', { body: { limit: 1 }, token: server.tokens.otherWorkspace })).body.data[0];
    const otherSlug = (await api(server, 'GET', '/v2/self', { token: server.tokens.otherWorkspace })).body.workspace_slug;
    assert.notStrictEqual(otherSlug, self.workspace_slug);
    assert.strictEqual(parseRecordUrl(other.web_url)?.workspaceSlug, otherSlug);
  });

  test('workspace members and notes', async () => {
    const members = (await api(server, 'GET', '/v2/workspace_members')).body.data;
    assert.ok(members.length >= 5);
    const one = await api(server, 'GET', `/v2/workspace_members/${members[1].id.workspace_member_id}`);
    assert.deepStrictEqual(one.body.data, members[1]);
    const notes = (await api(server, 'GET', '/v2/notes')).body.data;
    assert.strictEqual(notes.length, 10, 'default limit is 10');
    const fifty = (await api(server, 'GET', '/v2/notes?limit=50')).body.data;
    assert.ok(fifty.length > 10);
    assert.strictEqual((await api(server, 'GET', '/v2/notes?limit=51')).status, 400);
    const parent = fifty[0];
    const byParent = (await api(server, 'GET', `/v2/notes?parent_object=${parent.parent_object}&parent_record_id=${parent.parent_record_id}`)).body.data;
    assert.deepStrictEqual(byParent, fifty.filter((n: any) => n.parent_record_id === parent.parent_record_id));
    assert.deepStrictEqual((await api(server, 'GET', `/v2/notes/${parent.id.note_id}`)).body.data, parent);
  });

  test('the request log names tokens and never records their values', async () => {
    server.clearRequests();
    await api(server, 'GET', '/v2/objects?x=1', { token: server.tokens.readOnly });
    await api(server, 'POST', '/v2/objects/people/records/query', { body: { limit: 1 } });
    assert.strictEqual(server.requests.length, 2);
    const [first, second] = server.requests;
    assert.deepStrictEqual([first.method, first.path, first.query, first.status, first.token, first.aborted], ['GET', '/v2/objects', 'x=1', 200, 'readOnly', false]);
    assert.deepStrictEqual(second.body, { limit: 1 });
    assert.ok(!JSON.stringify(server.requests).includes(server.tokens.full));
  });
});

suite('Attio test server: auth and scopes', () => {
  let server: AttioTestServer;
  suiteSetup(async () => {
    server = await startAttioServer({ rateLimit: false });
  });
  suiteTeardown(() => server.close());

  test('401 without an Authorization header', async () => {
    const res = await api(server, 'GET', '/v2/objects', { token: null });
    assert.strictEqual(res.status, 401);
    assert.deepStrictEqual([res.body.status_code, res.body.type, res.body.code], [401, 'auth_error', 'unauthorized']);
  });

  test('/v2/self: active shape for live tokens, {active:false} for unknown or revoked ones', async () => {
    const self = (await api(server, 'GET', '/v2/self')).body;
    assert.strictEqual(self.active, true);
    assert.strictEqual(self.workspace_slug, 'northwind-labs');
    assert.strictEqual(self.token_type, 'Bearer');
    assert.strictEqual(self.exp, null);
    assert.ok(self.scope.split(' ').includes('task:read-write'));
    for (const token of [server.tokens.inactive, 'not-a-real-token']) {
      const res = await api(server, 'GET', '/v2/self', { token });
      assert.deepStrictEqual([res.status, res.body], [200, { active: false }]);
    }
    const added = server.addToken('temp', ['object_configuration:read']);
    assert.strictEqual((await api(server, 'GET', '/v2/self', { token: added })).body.scope, 'object_configuration:read');
    server.revokeToken(added);
    assert.deepStrictEqual((await api(server, 'GET', '/v2/self', { token: added })).body, { active: false });
    assert.strictEqual((await api(server, 'GET', '/v2/objects', { token: added })).status, 403);
  });

  test('Basic auth with the token as username is accepted', async () => {
    const basic = Buffer.from(`${server.tokens.readOnly}:`).toString('base64');
    const res = await api(server, 'GET', '/v2/objects', { token: null, headers: { authorization: `Basic ${basic}` } });
    assert.strictEqual(res.status, 200);
  });

  const cases: [token: 'full' | 'readOnly' | 'noTasks' | 'noLists' | 'inactive', method: string, path: string, status: number][] = [
    ['readOnly', 'GET', '/v2/tasks', 200],
    ['noTasks', 'GET', '/v2/tasks', 403],
    ['noTasks', 'GET', '/v2/lists', 200],
    ['noLists', 'GET', '/v2/lists', 403],
    ['noLists', 'GET', '/v2/lists/hiring', 403],
    ['noLists', 'GET', '/v2/tasks', 200],
    ['noLists', 'GET', '/v2/objects', 200],
    ['readOnly', 'POST', '/v2/tasks', 403],
    ['readOnly', 'DELETE', '/v2/tasks/00000000-0000-4000-8000-000000000000', 403],
    ['full', 'DELETE', '/v2/tasks/00000000-0000-4000-8000-000000000000', 404],
    ['inactive', 'GET', '/v2/objects', 403],
  ];
  for (const [name, method, path, status] of cases) {
    test(`${name} → ${method} ${path} = ${status}`, async () => {
      const body = method === 'POST' ? { data: {} } : undefined;
      const res = await api(server, method, path, { token: server.tokens[name], body });
      assert.strictEqual(res.status, status);
      if (status === 403) {
        assert.strictEqual(res.body.type, 'auth_error');
        assert.ok(!/task|list|scope|:read/i.test(res.body.message), `message must not name the scope: ${res.body.message}`);
      }
    });
  }

  test('a token missing list_entry:read cannot read a record\'s entries', async () => {
    const token = server.addToken('noEntries', ['record_permission:read', 'object_configuration:read', 'list_configuration:read']);
    const rec = (await api(server, 'POST', '/v2/objects/people/records/query', { token, body: { limit: 1 } })).body.data[0];
    const res = await api(server, 'GET', `/v2/objects/people/records/${rec.id.record_id}/entries`, { token });
    assert.strictEqual(res.status, 403);
  });
});

suite('Attio test server: rate limits', function () {
  this.timeout(10000);
  test('reads beyond the per-second budget get 429 with Retry-After at the next second', async () => {
    const server = await startAttioServer({ rateLimit: { readsPerSecond: 5, writesPerSecond: 2 } });
    try {
      // Start early in a wall-clock second so all requests land in one window.
      while (Date.now() % 1000 > 300) await new Promise((r) => setTimeout(r, 20));
      const before = Date.now();
      // Unauthenticated requests do not count.
      await Promise.all(Array.from({ length: 5 }, () => api(server, 'GET', '/v2/objects', { token: null })));
      const results = await Promise.all(Array.from({ length: 9 }, () => api(server, 'GET', '/v2/objects')));
      const other = await api(server, 'GET', '/v2/objects', { token: server.tokens.readOnly });
      const statuses = results.map((r) => r.status);
      assert.strictEqual(statuses.filter((s) => s === 200).length, 5, statuses.join(','));
      assert.strictEqual(statuses.filter((s) => s === 429).length, 4);
      assert.strictEqual(other.status, 200, 'limits are per token');
      const limited = results.find((r) => r.status === 429)!;
      assert.deepStrictEqual([limited.body.type, limited.body.code], ['rate_limit_error', 'rate_limit_exceeded']);
      const retryAt = Date.parse(limited.headers.get('retry-after')!);
      assert.ok(/GMT$/.test(limited.headers.get('retry-after')!), 'HTTP date');
      assert.strictEqual(retryAt % 1000, 0);
      assert.strictEqual(retryAt, (Math.floor(before / 1000) + 1) * 1000);
      // Writes have their own budget.
      const writer = server.addToken('writer', ['task:read-write']);
      const writes = await Promise.all(Array.from({ length: 3 }, () => api(server, 'DELETE', '/v2/tasks/00000000-0000-4000-8000-000000000000', { token: writer })));
      if (Math.floor(Date.now() / 1000) === Math.floor(before / 1000)) {
        assert.deepStrictEqual(writes.map((w) => w.status).sort(), [404, 404, 429]);
      }
      await new Promise((r) => setTimeout(r, retryAt - Date.now() + 5));
      assert.strictEqual((await api(server, 'GET', '/v2/objects')).status, 200, 'allowed again after Retry-After');
    } finally {
      await server.close();
    }
  });
});
