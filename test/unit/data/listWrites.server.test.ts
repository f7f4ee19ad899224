import * as assert from 'assert';
import { isAttioError, type AttioEntry } from '../../../src/attio';
import { inputOf, toCsv, type DataChange, type InputValue } from '../../../src/data';
import { startAttioServer, type AttioTestServer } from '../../server';
import { apiCalls, localData, type LocalData } from './localData';

const HEADINGS = { record: 'Record', recordId: 'Record ID', entryId: 'Entry ID' };
const inputs = (values: { attribute_type: string; active_until?: unknown }[] | undefined): InputValue[] => (values ?? []).filter(v => !v.active_until).map(v => inputOf(v)!);
const stageOf = (e: AttioEntry): string | undefined => (e.entry_values.stage?.[0] as { status?: { title?: string } } | undefined)?.status?.title;

suite('data/entryWrites and export on the local server', function () {
  this.timeout(120_000);
  let server: AttioTestServer;
  let d: LocalData;
  const changes: DataChange[] = [];

  suiteSetup(async () => {
    server = await startAttioServer({ rateLimit: false });
    d = await localData(server);
    d.data.onDidChange(c => changes.push(c));
  });
  suiteTeardown(() => server?.close());
  setup(() => {
    server.clearRequests();
    changes.length = 0;
  });

  test('only lists whose parent object fits are offered for a record', async () => {
    assert.deepStrictEqual((await d.data.entryWrites.listsFor('people')).map(l => l.api_slug), ['hiring']);
    assert.deepStrictEqual((await d.data.entryWrites.listsFor('companies')).map(l => l.api_slug), ['key-accounts']);
  });

  test('add to a list (1 write), move to a stage (1 write + 1 read, shown at once), remove (1 write)', async () => {
    const person = (await d.client.queryRecords('people', { limit: 1 })).items[0];
    const hiring = (await d.data.lists.lists()).value.find(l => l.api_slug === 'hiring')!;
    const list = hiring.id.list_id;
    const attr = (await d.data.entryWrites.stageAttribute(list))!;
    const stages = await d.data.entryWrites.stages(list, attr);
    assert.deepStrictEqual(stages.map(s => s.title), ['Applied', 'Screening', 'Interview', 'Offer', 'Hired', 'Rejected']);
    server.clearRequests();

    const entry = await d.data.entryWrites.add(list, { object: 'people', recordId: person.id.record_id }, { stage: [{ status: stages[0].id.status_id }] });
    assert.deepStrictEqual(apiCalls(server, { ids: false }), ['POST /v2/lists/:id/entries']);
    assert.strictEqual(stageOf(entry), 'Applied');
    assert.ok((await d.data.lists.entries(list)).items.some(i => i.entry.id.entry_id === entry.id.entry_id), 'the list shows the new entry');

    server.clearRequests();
    let shownDuringWrite: string | undefined;
    const sub = d.data.onDidChange(() => (shownDuringWrite ??= stageOf(entry)));
    await d.data.entryWrites.setStage(list, entry, attr, stages[2]);
    sub.dispose();
    assert.strictEqual(shownDuringWrite, 'Interview', 'the new stage shows before Attio answers');
    assert.deepStrictEqual(apiCalls(server, { ids: false }), ['PUT /v2/lists/:id/entries/:id', 'GET /v2/lists/:id/entries/:id']);
    assert.strictEqual(stageOf(entry), 'Interview');

    server.clearRequests();
    await d.data.entryWrites.remove(list, entry);
    assert.deepStrictEqual(apiCalls(server, { ids: false }), ['DELETE /v2/lists/:id/entries/:id']);
    assert.ok(!(await d.data.lists.entries(list)).items.some(i => i.entry.id.entry_id === entry.id.entry_id), 'gone from the list');
  });

  test('a refused move puts the old stage back and rethrows', async () => {
    const list = (await d.data.lists.lists()).value.find(l => l.api_slug === 'hiring')!.id.list_id;
    const entry = (await d.data.lists.entries(list)).items[0].entry;
    const before = stageOf(entry);
    const attr = (await d.data.entryWrites.stageAttribute(list))!;
    const fake = { ...(await d.data.entryWrites.stages(list, attr))[0] };
    fake.id = { ...fake.id, status_id: '00000000-0000-4000-8000-000000000000' };
    fake.title = 'Vanished';
    await assert.rejects(d.data.entryWrites.setStage(list, entry, attr, fake), (e: { kind?: string }) => e.kind === 'invalid-request');
    assert.strictEqual(stageOf(entry), before);
    assert.ok(changes.length >= 2, 'shown, then put back');
  });

  test('editing an entry value: 1 write + 1 read, the cached entry shows it at once, then what Attio stored', async () => {
    const list = (await d.data.lists.lists()).value.find(l => l.api_slug === 'hiring')!.id.list_id;
    const entry = (await d.data.lists.entries(list)).items[0].entry;
    const role = (await d.data.schema.attributes('lists', list)).find(a => a.api_slug === 'role')!;
    server.clearRequests();
    let shownDuringWrite: unknown;
    const sub = d.data.onDidChange(() => (shownDuringWrite ??= (entry.entry_values.role?.[0] as { value?: unknown } | undefined)?.value));
    const stored = await d.data.entryWrites.edit(list, entry, { attribute: role, before: inputs(entry.entry_values.role), after: [{ kind: 'text', value: 'Staff Engineer' }] });
    sub.dispose();
    assert.strictEqual(shownDuringWrite, 'Staff Engineer', 'the new value shows before Attio answers');
    assert.deepStrictEqual(apiCalls(server, { ids: false }), ['PATCH /v2/lists/:id/entries/:id', 'GET /v2/lists/:id/entries/:id']);
    assert.strictEqual(stored, entry, 'the cached entry (the tree\'s and the page\'s) holds what Attio stored');
    assert.deepStrictEqual((await d.data.lists.valueRows(list, entry.id.entry_id)).find(r => r.slug === 'role')!.texts, ['Staff Engineer']);
    assert.ok(changes.some(c => c.kind === 'entries' && c.list === list));
  });

  test('an entry\'s multiselect: adding goes by PATCH with just the new value, removing by PUT with the whole set', async () => {
    server.changeSchema({ kind: 'addAttribute', target: 'hiring', slug: 'skills', type: 'select', multi: true });
    for (const title of ['TypeScript', 'Go', 'SQL']) server.changeSchema({ kind: 'addOption', target: 'hiring', attribute: 'skills', title });
    d.data.expire();
    const list = (await d.data.lists.lists()).value.find(l => l.api_slug === 'hiring')!.id.list_id;
    const entry = (await d.data.lists.entries(list)).items[0].entry;
    const skills = (await d.data.schema.attributes('lists', list)).find(a => a.api_slug === 'skills')!;
    const [ts, go, sql] = (await d.data.schema.selectOptions('lists', list, 'skills')).map(o => ({ kind: 'option' as const, value: o.id.option_id }));
    await d.data.entryWrites.edit(list, entry, { attribute: skills, before: [], after: [ts, go] });
    server.clearRequests();
    await d.data.entryWrites.edit(list, entry, { attribute: skills, before: inputs(entry.entry_values.skills), after: [...inputs(entry.entry_values.skills), sql] });
    assert.deepStrictEqual(apiCalls(server, { ids: false }), ['PATCH /v2/lists/:id/entries/:id', 'GET /v2/lists/:id/entries/:id']);
    assert.deepStrictEqual(server.requests.find(r => r.method === 'PATCH')!.body, { data: { entry_values: { skills: [{ option: sql.value }] } } }, 'only the added value');
    assert.deepStrictEqual(inputs(entry.entry_values.skills).map(v => v.kind === 'option' && v.value).sort(), [ts, go, sql].map(v => v.value).sort());
    server.clearRequests();
    await d.data.entryWrites.edit(list, entry, { attribute: skills, before: inputs(entry.entry_values.skills), after: [go] });
    assert.deepStrictEqual(apiCalls(server, { ids: false }), ['PUT /v2/lists/:id/entries/:id', 'GET /v2/lists/:id/entries/:id']);
    assert.deepStrictEqual(inputs(entry.entry_values.skills), [go]);
  });

  test('a refused entry edit puts the old value back and names the attribute and Attio\'s reason', async () => {
    const list = (await d.data.lists.lists()).value.find(l => l.api_slug === 'hiring')!.id.list_id;
    const entry = (await d.data.lists.entries(list)).items[0].entry;
    const rating = (await d.data.schema.attributes('lists', list)).find(a => a.api_slug === 'rating')!;
    const old = JSON.stringify(entry.entry_values.rating);
    // a rating Attio refuses (the input box would not let a person type it)
    const refused = await d.data.entryWrites.edit(list, entry, { attribute: rating, before: inputs(entry.entry_values.rating), after: [{ kind: 'number', value: 9 } as InputValue] }).then(() => undefined, e => e);
    assert.ok(isAttioError(refused, 'invalid-request'), String(refused));
    assert.strictEqual(refused.code, 'validation_type');
    assert.match(refused.detail ?? '', /rating/);
    assert.strictEqual(JSON.stringify(entry.entry_values.rating), old, 'rolled back');
  });

  test('export of a filtered list: every matching entry, attribute titles as columns, values as rendered', async () => {
    const list = (await d.data.lists.lists()).value.find(l => l.api_slug === 'sales-pipeline')!.id.list_id;
    const query = { filter: { stage: 'Qualified' }, key: 'stage=Qualified' };
    const table = await d.data.exporter.table({ kind: 'lists', list }, query, HEADINGS);
    const expected = (await d.client.queryEntries(list, { filter: query.filter, limit: 1000 })).items;
    assert.deepStrictEqual(table.columns, ['Record', 'Stage', 'Owner', 'Expected close', 'Added at', 'Added by', 'Entry ID']);
    assert.deepStrictEqual(table.rows.map(r => r[r.length - 1]).sort(), expected.map(e => e.id.entry_id).sort());
    assert.ok(table.rows.every(r => r[1] === 'Qualified'));
    assert.ok(table.rows.every(r => r[0] && !/^[0-9a-f-]{36}$/.test(r[0])), 'parent titles, not ids');
    assert.match(toCsv(table), /^Record,Stage,Owner,/);
  });
});

suite('data/export: 10,000 records', function () {
  this.timeout(300_000);
  test('in at most 25 requests, the pages of 500 at a time', async () => {
    // 19,985 records make exactly 10,000 people (60 demo + half the generated ones)
    const server = await startAttioServer({ workspace: { records: 19_985 } });
    try {
      const d = await localData(server);
      server.clearRequests();
      const started = Date.now();
      let progressCalls = 0;
      const table = await d.data.exporter.table({ kind: 'objects', object: 'people' }, undefined, HEADINGS, { progress: () => progressCalls++ });
      const ms = Date.now() - started;
      const calls = apiCalls(server, { ids: false });
      assert.strictEqual(table.rows.length, 10_000);
      assert.strictEqual(new Set(table.rows.map(r => r[r.length - 1])).size, 10_000, 'no row twice');
      const pages = calls.filter(c => c === 'POST /v2/objects/people/records/query').length;
      assert.ok(calls.length <= 25, `${calls.length} requests: ${calls.join(', ')}`);
      assert.ok(pages >= 20 && pages <= 24, `${pages} pages`);
      assert.ok(progressCalls >= 5);
      const reqs = server.requests.filter(r => r.path.startsWith('/v2/') && r.path !== '/v2/self');
      const span = (reqs[reqs.length - 1].startedAt + reqs[reqs.length - 1].durationMs - reqs[0].startedAt) / 1000;
      console.log(`      export of 10,000 people: ${calls.length} requests (${pages} pages), ${ms} ms, ${(calls.length / span).toFixed(1)} requests/s while reading`);
    } finally {
      await server.close();
    }
  });
});
