import * as assert from 'node:assert';
import { AttioTestServer, startAttioServer } from '../index';
import { api } from './helpers';

suite('Attio test server: list entry writes', () => {
  let server: AttioTestServer;
  let freeDeal: string;
  let person: string;

  suiteSetup(async () => {
    server = await startAttioServer({ rateLimit: false });
    // every demo deal is in the pipeline: take one out first
    const entry = (await api(server, 'POST', '/v2/lists/sales-pipeline/entries/query', { body: { limit: 1 } })).body.data[0];
    assert.strictEqual((await api(server, 'DELETE', `/v2/lists/sales-pipeline/entries/${entry.id.entry_id}`)).status, 200);
    freeDeal = entry.parent_record_id;
    person = (await api(server, 'POST', '/v2/objects/people/records/query', { body: { limit: 1 } })).body.data[0].id.record_id;
  });
  suiteTeardown(() => server.close());

  const stageOf = (e: any): string | undefined => e.entry_values.stage?.[0]?.status.title;

  test('a record added to a list is an entry with its stage, found by the entries query; moved, then removed', async () => {
    const added = await api(server, 'POST', '/v2/lists/sales-pipeline/entries', { body: { data: { parent_record_id: freeDeal, parent_object: 'deals', entry_values: { stage: 'Qualified' } } } });
    assert.strictEqual(added.status, 200, JSON.stringify(added.body));
    const id = added.body.data.id.entry_id;
    assert.strictEqual(stageOf(added.body.data), 'Qualified');
    assert.strictEqual(added.body.data.entry_values.created_by[0].referenced_actor_type, 'api-token');
    const q = await api(server, 'POST', '/v2/lists/sales-pipeline/entries/query', { body: { filter: { record_id: freeDeal } } });
    assert.deepStrictEqual(q.body.data.map((e: any) => e.id.entry_id), [id]);
    const statuses = (await api(server, 'GET', '/v2/lists/sales-pipeline/attributes/stage/statuses')).body.data;
    const won = statuses.find((s: any) => s.title === 'Closed Won').id.status_id;
    const moved = await api(server, 'PATCH', `/v2/lists/sales-pipeline/entries/${id}`, { body: { data: { entry_values: { stage: [{ status: won }] } } } });
    assert.strictEqual(stageOf(moved.body.data), 'Closed Won');
    assert.strictEqual(stageOf((await api(server, 'GET', `/v2/lists/sales-pipeline/entries/${id}`)).body.data), 'Closed Won');
    assert.strictEqual((await api(server, 'DELETE', `/v2/lists/sales-pipeline/entries/${id}`)).status, 200);
    assert.strictEqual((await api(server, 'GET', `/v2/lists/sales-pipeline/entries/${id}`)).status, 404);
  });

  test('refusals name the attribute and change nothing', async () => {
    const post = (entry_values: unknown, list = 'sales-pipeline', parent_object = 'deals', parent_record_id = freeDeal) =>
      api(server, 'POST', `/v2/lists/${list}/entries`, { body: { data: { parent_record_id, parent_object, entry_values } } });
    const before = (await api(server, 'POST', '/v2/lists/sales-pipeline/entries/query', { body: {} })).body.data.length;
    const cases: [Promise<any>, string, RegExp][] = [
      [post({}), 'missing_value', /"stage"/],
      [post({ stage: 'Astronaut' }), 'value_not_found', /"stage"/],
      [post({ stage: 'Qualified', expected_close: '31/12/2026' }), 'validation_type', /"expected_close"/],
      [post({ stage: 'Qualified', created_by: 'x' }), 'system_edit_unauthorized', /"created_by"/],
      [post({ stage: ['Qualified', 'Closed Won'] }), 'validation_type', /"stage"/],
      [post({ stage: 'Qualified' }, 'sales-pipeline', 'people', person), 'validation_type', /deals/],
    ];
    for (const [p, code, message] of cases) {
      const res = await p;
      assert.strictEqual(res.status, 400);
      assert.strictEqual(res.body.code, code, JSON.stringify(res.body));
      assert.match(res.body.message, message);
    }
    assert.strictEqual((await api(server, 'POST', '/v2/lists/sales-pipeline/entries/query', { body: {} })).body.data.length, before);
  });

  test('assert by parent: creates once, then updates; two entries of one parent are "multiple_match_results"', async () => {
    const put = (stage: string) => api(server, 'PUT', '/v2/lists/hiring/entries', { body: { data: { parent_record_id: person, parent_object: 'people', entry_values: { stage } } } });
    const first = await put('Applied');
    const again = await put('Interview');
    assert.strictEqual(first.body.data.id.entry_id, again.body.data.id.entry_id);
    assert.strictEqual(stageOf(again.body.data), 'Interview');
    await api(server, 'POST', '/v2/lists/hiring/entries', { body: { data: { parent_record_id: person, parent_object: 'people', entry_values: {} } } });
    const twice = await put('Offer');
    assert.strictEqual(twice.status, 400);
    assert.strictEqual(twice.body.code, 'multiple_match_results');
  });

  test('a read-only token may not write entries; writes count against 25 per second', async () => {
    const ro = await api(server, 'DELETE', `/v2/lists/hiring/entries/00000000-0000-4000-8000-000000000000`, { token: server.tokens.readOnly });
    assert.strictEqual(ro.status, 403);
    const limited = await startAttioServer();
    try {
      // 30 writes at once: on a loaded machine they may straddle two of the limiter's one-second windows, so each
      // burst is judged by the seconds it reached; a burst inside one second has its 26th write refused
      let refused = false;
      for (let burst = 0; burst < 5 && !refused; burst++) {
        const t0 = Math.floor(Date.now() / 1000);
        const results = await Promise.all(Array.from({ length: 30 }, () => api(limited, 'DELETE', '/v2/lists/hiring/entries/00000000-0000-4000-8000-000000000000')));
        const oneSecond = Math.floor(Date.now() / 1000) === t0;
        const statuses = results.map(r => r.status);
        refused = statuses.includes(429);
        assert.ok(statuses.filter(s => s === 404).length <= 25 * (oneSecond ? 1 : 2), 'at most 25 writes pass per second');
        if (oneSecond) assert.ok(refused, 'the 26th write in a second is refused');
      }
      assert.ok(refused, 'some burst met the write limit');
    } finally {
      await limited.close();
    }
  });
});
