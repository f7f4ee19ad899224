import * as assert from 'node:assert';
import { AttioTestServer, startAttioServer } from '../index';
import { api } from './helpers';

/** Counts an object's records with limit-1 probes (binary search on offset). */
async function countRecords(server: AttioTestServer, object: string): Promise<number> {
  const exists = async (offset: number) =>
    (await api(server, 'POST', `/v2/objects/${object}/records/query`, { body: { limit: 1, offset } })).body.data.length === 1;
  let low = 0;
  let high = 1;
  while (await exists(high)) high *= 2;
  while (low < high) {
    const mid = Math.floor((low + high) / 2);
    if (await exists(mid)) low = mid + 1;
    else high = mid;
  }
  return low;
}

suite('Attio test server: workspaces', () => {
  test('the demo workspace is deterministic per seed', async () => {
    const [a, b, c] = await Promise.all([startAttioServer({ seed: 7 }), startAttioServer({ seed: 7 }), startAttioServer({ seed: 8 })]);
    try {
      const ids = async (s: AttioTestServer) => {
        const people = (await api(s, 'POST', '/v2/objects/people/records/query', { body: {} })).body.data;
        return people.map((p: any) => `${p.id.record_id} ${p.values.name[0].full_name}`);
      };
      assert.deepStrictEqual(await ids(a), await ids(b));
      assert.notDeepStrictEqual(await ids(a), await ids(c));
      assert.strictEqual(a.tokens.full, b.tokens.full);
      assert.notStrictEqual(a.tokens.full, a.tokens.readOnly);
      const values = Object.values(a.tokens);
      assert.strictEqual(new Set(values.map((t) => t.slice(0, 3))).size, values.length, 'tokens do not share a prefix');
    } finally {
      await Promise.all([a.close(), b.close(), c.close()]);
    }
  });

  test('the demo workspace has the expected structures', async () => {
    const server = await startAttioServer();
    try {
      const self = (await api(server, 'GET', '/v2/self')).body;
      assert.deepStrictEqual([self.workspace_name, self.workspace_slug], ['Northwind Labs', 'northwind-labs']);
      const counts = Object.fromEntries(await Promise.all(['people', 'companies', 'deals', 'partnerships'].map(async (o) => [o, await countRecords(server, o)])));
      assert.ok(counts.people >= 50 && counts.companies >= 20 && counts.deals >= 15 && counts.partnerships >= 3, JSON.stringify(counts));
      const members = (await api(server, 'GET', '/v2/workspace_members')).body.data;
      assert.ok(members.length >= 5 && members.length <= 8);
      const lists = (await api(server, 'GET', '/v2/lists')).body.data;
      for (const l of lists) {
        const entries = (await api(server, 'POST', `/v2/lists/${l.api_slug}/entries/query`, { body: {} })).body.data;
        assert.ok(entries.length > 0, `${l.name} has entries`);
      }
      const deal = (await api(server, 'POST', '/v2/objects/deals/records/query', { body: { limit: 1 } })).body.data[0];
      for (const slug of ['stage', 'value', 'owner', 'associated_company', 'associated_people']) assert.ok(deal.values[slug].length > 0, slug);
      assert.strictEqual(deal.values.owner[0].referenced_actor_type, 'workspace-member');
      const notes = (await api(server, 'GET', '/v2/notes?limit=50')).body.data;
      assert.ok(new Set(notes.map((n: any) => n.parent_record_id)).size >= 5, 'notes on several records');
    } finally {
      await server.close();
    }
  });

  // Start-up and filter times are figures for `npm run bench`, not assertions: a busy CI machine must not fail this.
  test('a 50,000-record workspace keeps the demo structures and serves filtered pages', async function () {
    this.timeout(60000);
    const server = await startAttioServer({ workspace: { records: 50_000 }, rateLimit: false });
    try {
      const [people, companies, deals] = await Promise.all(['people', 'companies', 'deals'].map((o) => countRecords(server, o)));
      assert.strictEqual(people + companies + deals, 50_000);
      assert.ok(people > 0 && companies > 0 && deals > 0);
      const ada = await api(server, 'POST', '/v2/objects/people/records/query', { body: { filter: { name: 'Ada Lovelace' } } });
      assert.ok(ada.body.data.length >= 1);
      assert.ok((await api(server, 'GET', '/v2/tasks')).body.data.length >= 30);
      assert.strictEqual((await api(server, 'GET', '/v2/lists')).body.data.length, 3);
      const page = await api(server, 'POST', '/v2/objects/people/records/query', { body: { filter: { name: { full_name: { $contains: 'grace' } } }, limit: 50 } });
      assert.strictEqual(page.body.data.length, 50);
    } finally {
      await server.close();
    }
  });
});
