/**
 * Filtered and sorted records and entries through the data layer, against the local Attio server: exactly the
 * records the server's data says, one request per page (building costs none: attributes and statuses cached), a
 * filtered page cached apart from the unfiltered one, Load more of the filtered result, and a 50,000-record
 * workspace answering a filtered first page in as many requests as an unfiltered one.
 */
import * as assert from 'assert';
import type { AttioRecord } from '../../../src/attio';
import { buildQuery, type RecordFilter, type WorkspaceData } from '../../../src/data';
import { startAttioServer, type AttioTestServer } from '../../server';
import { apiCalls, localData } from './localData';

const calls = apiCalls;
const model = async (server: AttioTestServer, pageSize = 50): Promise<WorkspaceData> => (await localData(server, { pageSize })).data;



const statusTitle = (r: AttioRecord, slug: string): string | undefined => (r.values[slug]?.[0] as { status?: { title: string } } | undefined)?.status?.title;
const amount = (r: AttioRecord): number => (r.values.value?.[0] as { currency_value?: number } | undefined)?.currency_value ?? -Infinity;

suite('Filtered records and entries (data layer, local Attio server)', () => {
  let server: AttioTestServer;
  suiteSetup(async () => {
    server = await startAttioServer({ rateLimit: false });
  });
  suiteTeardown(() => server.close());

  test('deals in one stage, by value descending: exactly the server\'s records, one request, cached apart from the unfiltered page', async () => {
    const data = await model(server);
    const all = (await data.records.list('deals')).items;
    const statuses = await data.schema.statuses('objects', 'deals', 'stage');
    const stage = statuses.find(s => all.some(r => statusTitle(r, 'stage') === s.title))!;
    const f: RecordFilter = { conditions: [{ attribute: 'stage', type: 'status', op: 'is', value: stage.id.status_id, label: 'Stage', valueLabel: stage.title }], sort: { attribute: 'value', label: 'Value', direction: 'desc' } };
    const expected = all.filter(r => statusTitle(r, 'stage') === stage.title).sort((a, b) => amount(b) - amount(a)).map(r => r.id.record_id);
    assert.ok(expected.length >= 2 && expected.length < all.length, `a stage with some deals (${expected.length} of ${all.length})`);

    server.clearRequests();
    const q = buildQuery(f, { now: Date.now(), memberId: data.session?.memberId });
    const got = await data.records.list('deals', q);
    assert.deepStrictEqual(calls(server), ['POST /v2/objects/deals/records/query'], 'applying costs one request');
    const body = server.requests.at(-1)?.body as { filter: unknown; sorts: unknown; offset: number };
    assert.deepStrictEqual({ filter: body.filter, sorts: body.sorts, offset: body.offset }, { filter: q.filter, sorts: q.sorts, offset: 0 }, 'the filter and sort, as built');
    assert.deepStrictEqual(got.items.map(r => r.id.record_id), expected);

    server.clearRequests();
    assert.strictEqual((await data.records.list('deals')).items.length, all.length, 'the unfiltered list is still its own cache entry');
    assert.strictEqual((await data.records.list('deals', q)).items.length, expected.length);
    assert.deepStrictEqual(calls(server), [], 'both cached');
    assert.strictEqual(data.records.count('deals'), all.length, 'a filtered result never becomes the object\'s count');
  });

  test('Load more pages the filtered result (its own paged id), one request per page', async () => {
    const data = await model(server, 5);
    const f: RecordFilter = { conditions: [{ attribute: 'name', type: 'personal-name', op: 'contains', value: 'a', label: 'Name' }], sort: { attribute: 'name', label: 'Name', direction: 'asc' } };
    const q = buildQuery(f, { now: Date.now(), memberId: null });
    server.clearRequests();
    const p1 = await data.records.list('people', q);
    assert.strictEqual(p1.items.length, 5);
    assert.ok(p1.hasMore);
    data.loadMore({ kind: 'records', object: 'people', query: q.key });
    const p2 = await data.records.list('people', q);
    assert.strictEqual(p2.items.length, 10);
    assert.deepStrictEqual(calls(server), ['POST /v2/objects/people/records/query', 'POST /v2/objects/people/records/query']);
    assert.deepStrictEqual(server.requests.map(r => (r.body as { offset: number }).offset), [0, 5]);
    const unfiltered = await data.records.list('people');
    assert.strictEqual(unfiltered.items.length, 5, 'the unfiltered list did not get the filtered "Load more"');
  });

  test('a list\'s entries filtered by status: exactly the matching entries, one entries request', async () => {
    const data = await model(server);
    const entries = (await data.lists.entries('sales-pipeline')).items;
    const statuses = await data.schema.statuses('lists', 'sales-pipeline', 'stage');
    const title = (e: (typeof entries)[number]): string | undefined => (e.entry.entry_values.stage?.[0] as { status?: { title: string } } | undefined)?.status?.title;
    const stage = statuses.find(s => entries.some(e => title(e) === s.title))!;
    const q = buildQuery({ conditions: [{ attribute: 'stage', type: 'status', op: 'is', value: stage.id.status_id, label: 'Stage' }] }, { now: Date.now(), memberId: null });
    server.clearRequests();
    const got = await data.lists.entries('sales-pipeline', q);
    assert.deepStrictEqual(got.items.map(e => e.entry.id.entry_id).sort(), entries.filter(e => title(e) === stage.title).map(e => e.entry.id.entry_id).sort());
    assert.deepStrictEqual(calls(server).filter(c => c.includes('/entries/query')), ['POST /v2/lists/sales-pipeline/entries/query']);
  });

  test('an attribute removed in Attio: the query is rejected as 400 filter_error (what the sidebar falls back on)', async () => {
    const data = await model(server);
    const q = buildQuery({ conditions: [{ attribute: 'gone_attribute', type: 'text', op: 'contains', value: 'x', label: 'Gone' }] }, { now: Date.now(), memberId: null });
    await assert.rejects(data.records.list('deals', q), (e: { status?: number; code?: string }) => e.status === 400 && e.code === 'filter_error');
  });
});

suite('Filtered records in a 50,000-record workspace', () => {
  let server: AttioTestServer;
  suiteSetup(async () => {
    server = await startAttioServer({ rateLimit: false, workspace: { records: 50_000 } });
  });
  suiteTeardown(() => server.close());

  test('a filtered, sorted first page costs the same one request as an unfiltered one', async () => {
    const data = await model(server);
    server.clearRequests();
    const plain = await data.records.list('people');
    const unfiltered = calls(server).length;
    server.clearRequests();
    const q = buildQuery({ conditions: [{ attribute: 'name', type: 'personal-name', op: 'contains', value: 'an', label: 'Name' }], sort: { attribute: 'name', label: 'Name', direction: 'desc' } }, { now: Date.now(), memberId: null });
    const t0 = Date.now();
    const filtered = await data.records.list('people', q);
    const ms = Date.now() - t0;
    assert.strictEqual(unfiltered, 1);
    assert.strictEqual(calls(server).length, unfiltered, 'same number of requests');
    assert.strictEqual(filtered.items.length, 50);
    assert.ok(filtered.hasMore && plain.hasMore);
    assert.ok(filtered.items.every(r => JSON.stringify(r.values.name).toLowerCase().includes('an')));
    console.log(`      50,000 records: filtered first page in ${calls(server).length} request, ${ms} ms`);
  });
});
