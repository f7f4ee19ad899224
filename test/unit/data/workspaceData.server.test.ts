import * as assert from 'assert';
import { startAttioServer, type AttioTestServer } from '../../server';
import { apiCalls, localData } from './localData';


/** The data layer under test (as `model`), its connection, clock and TTL. */
async function makeModel(server: AttioTestServer, token = server.tokens.full) {
  const h = await localData(server, { token });
  return { ...h, model: h.data };
}

const calls = apiCalls;

suite('Workspace data layer (local Attio server over HTTP)', () => {
  let server: AttioTestServer;

  suiteSetup(async () => {
    server = await startAttioServer({ rateLimit: false });
  });

  suiteTeardown(async () => {
    await server.close();
  });

  setup(() => {
    server.setFaults({});
    server.clearRequests();
  });

  test('objects: one request, standard objects present, none again within the TTL', async () => {
    const { model } = await makeModel(server);
    server.clearRequests();
    const r = await model.records.objects();
    const slugs = r.value.map(o => o.api_slug);
    for (const s of ['people', 'companies', 'deals']) assert.ok(slugs.includes(s), `has ${s}`);
    assert.deepStrictEqual(calls(server), ['GET /v2/objects']);
    await model.records.objects();
    assert.deepStrictEqual(calls(server), ['GET /v2/objects'], 're-expansion is served from the cache');
  });

  test('records: 50 a page, load more fetches only the next page, count known at the end', async () => {
    const { model } = await makeModel(server);
    server.clearRequests();
    const first = await model.records.list('people');
    assert.strictEqual(first.items.length, 50);
    assert.strictEqual(first.hasMore, true);
    assert.strictEqual(model.records.count('people'), undefined, 'no count while more pages exist');
    assert.deepStrictEqual(calls(server), ['POST /v2/objects/people/records/query']);
    for (const r of first.items) assert.notStrictEqual(model.records.title(r, 'people'), r.id.record_id, 'people have a name title');

    model.loadMore({ kind: 'records', object: 'people' });
    server.clearRequests();
    const all = await model.records.list('people');
    assert.strictEqual(calls(server).length, 1, 'load more = one request');
    assert.ok(all.items.length > 50);
    assert.strictEqual(new Set(all.items.map(r => r.id.record_id)).size, all.items.length, 'no duplicates');
    if (!all.hasMore) assert.strictEqual(model.records.count('people'), all.items.length);
  });

  test('TTL: expired expansions refetch; expire() (Refresh) refetches; ttl 0 disables caching', async () => {
    const h = await makeModel(server);
    await h.model.records.list('companies');
    server.clearRequests();
    await h.model.records.list('companies');
    assert.strictEqual(calls(server).length, 0);
    h.clock.now += 301_000;
    await h.model.records.list('companies');
    assert.strictEqual(calls(server).length, 1, 'refetched after the TTL');
    const changes: unknown[] = [];
    const sub = h.model.onDidChange(c => changes.push(c));
    h.model.expire('objects');
    sub.dispose();
    assert.deepStrictEqual(changes, [{ kind: 'expired', scope: 'objects' }], 'Refresh says so (the stale-types check reads the schema again)');
    await h.model.records.list('companies');
    assert.strictEqual(calls(server).length, 2, 'refetched after Refresh');
    h.setTtl(0);
    await h.model.records.list('companies');
    assert.strictEqual(calls(server).length, 3);
  });

  test('stale-while-error: a failed refresh keeps the old data, marked stale', async () => {
    const { model } = await makeModel(server);
    const fresh = await model.records.list('deals');
    assert.ok(!fresh.stale);
    model.expire();
    server.setFaults({ status5xxRate: 1 });
    const stale = await model.records.list('deals');
    assert.ok(stale.stale, 'marked stale');
    assert.deepStrictEqual(
      stale.items.map(r => r.id.record_id),
      fresh.items.map(r => r.id.record_id),
    );
    server.setFaults({});
    const again = await model.records.list('deals');
    assert.ok(!again.stale, 'fresh again once the server recovers');
  });

  test('a first load that fails throws (the tree shows an error node); nothing is cached', async () => {
    const { model } = await makeModel(server);
    server.setFaults({ status5xxRate: 1 });
    await assert.rejects(model.lists.lists());
    server.setFaults({});
    server.clearRequests();
    const r = await model.lists.lists();
    assert.ok(r.value.length > 0);
    assert.strictEqual(calls(server).length, 1);
  });

  test('list entries: two requests per page (entries + one titles query per parent object)', async () => {
    const { model } = await makeModel(server);
    const lists = (await model.lists.lists()).value;
    assert.ok(lists.length >= 1);
    for (const list of lists) {
      server.clearRequests();
      const r = await model.lists.entries(list.id.list_id);
      const parents = new Set(r.items.map(e => e.entry.parent_object));
      assert.strictEqual(calls(server).length, 1 + parents.size, `${list.name}: entries + ${parents.size} title queries`);
      assert.ok(calls(server).every(c => c.endsWith('/entries/query') || c.endsWith('/records/query')));
      for (const e of r.items) assert.notStrictEqual(e.title, 'Record not found', 'every entry has its parent title');
      server.clearRequests();
      await model.lists.entries(list.id.list_id);
      assert.strictEqual(calls(server).length, 0, 're-expansion within TTL');
    }
  });

  test('record values: type-aware rendering; references by title (batched); re-expansion costs nothing', async () => {
    const { model } = await makeModel(server);
    const people = await model.records.list('people');
    server.clearRequests();
    const rows = await model.records.valueRows('people', people.items[0].id.record_id);
    const first = calls(server);
    assert.ok(first.includes('GET /v2/objects/people/attributes'), 'attributes once per object');
    const bySlug = new Map(rows.map(r => [r.slug, r]));
    const name = bySlug.get('name');
    assert.ok(name && name.title === 'Name' && name.texts[0].includes(' '), 'personal name rendered');
    const email = bySlug.get('email_addresses');
    assert.ok(email && email.texts[0].includes('@'));
    const company = bySlug.get('company');
    if (company) {
      assert.strictEqual(company.refs.length, 1);
      assert.ok(!/^[0-9a-f-]{36}$/.test(company.texts[0]), `company shown by title, got ${company.texts[0]}`);
    }
    const created = bySlug.get('created_by');
    if (created) assert.ok(!created.texts[0].startsWith('Member '), 'actor shown by member name');
    server.clearRequests();
    await model.records.valueRows('people', people.items[1].id.record_id);
    const second = calls(server);
    assert.ok(!second.includes('GET /v2/objects/people/attributes'), 'attributes cached');
    assert.ok(!second.includes('GET /v2/workspace_members'), 'members cached');
    assert.ok(second.length <= 1, `references of the page were batched: ${second.join(', ')}`);
    server.clearRequests();
    await model.records.valueRows('people', people.items[0].id.record_id);
    assert.deepStrictEqual(calls(server), []);
  });

  test('deal values: currency with code, status title', async () => {
    const { model } = await makeModel(server);
    const deals = await model.records.list('deals');
    const rows = await model.records.valueRows('deals', deals.items[0].id.record_id);
    const currency = rows.find(r => r.type === 'currency');
    if (currency) assert.match(currency.texts[0], /[A-Z]{3}/, 'currency code shown');
    const status = rows.find(r => r.type === 'status');
    if (status) assert.ok(!/^[0-9a-f-]{36}$/.test(status.texts[0]), 'status by title');
  });

  test('tasks: groups, overdue shares the open request, my tasks are assigned to me', async () => {
    const { model, conn } = await makeModel(server);
    server.clearRequests();
    const open = await model.tasks.list('allOpen');
    assert.ok(open.value.every(t => !t.is_completed));
    const c1 = calls(server);
    assert.ok(c1.includes('GET /v2/tasks'));
    server.clearRequests();
    const overdue = await model.tasks.list('overdue');
    assert.deepStrictEqual(calls(server), [], 'overdue derived from the cached open tasks');
    const now = Date.now();
    assert.ok(overdue.value.every(t => t.deadline_at && Date.parse(t.deadline_at) < now));
    const completed = await model.tasks.list('completed');
    assert.ok(completed.value.every(t => t.is_completed));
    if (conn.session.memberId) {
      const mine = await model.tasks.list('mine');
      assert.ok(mine.value.every(t => model.tasks.isMine(t) && !t.is_completed));
      assert.strictEqual(model.tasks.myOverdueCount(), mine.value.filter(t => t.deadline_at && Date.parse(t.deadline_at) < now).length);
      assert.deepStrictEqual(model.tasks.groups(), ['mine', 'allOpen', 'overdue', 'completed']);
    }
    for (const t of open.value) for (const n of model.tasks.assigneeNames(t)) assert.ok(!n.startsWith('Member '), 'assignees by name');
  });

  test('completing a task updates the cached groups without reloading them', async () => {
    const { model } = await makeModel(server);
    const open = await model.tasks.list('allOpen');
    await model.tasks.list('completed');
    const task = open.value[0];
    const changes: string[] = [];
    model.onDidChange(c => changes.push(c.kind));
    server.clearRequests();
    await model.tasks.setCompleted(task.id.task_id, true);
    assert.deepStrictEqual(calls(server), [`PATCH /v2/tasks/${task.id.task_id}`]);
    const open2 = await model.tasks.list('allOpen');
    const done2 = await model.tasks.list('completed');
    assert.ok(!open2.value.some(t => t.id.task_id === task.id.task_id));
    assert.ok(done2.value.some(t => t.id.task_id === task.id.task_id));
    assert.deepStrictEqual(calls(server), [`PATCH /v2/tasks/${task.id.task_id}`], 'no reload');
    assert.deepStrictEqual(changes, ['tasks']);
    await model.tasks.setCompleted(task.id.task_id, false);
    assert.ok((await model.tasks.list('allOpen')).value.some(t => t.id.task_id === task.id.task_id), 'reopened');
  });

  test('creating a task puts it into the cached groups (mine when assigned to me) without reloading', async () => {
    const { model, conn } = await makeModel(server);
    await model.tasks.list('allOpen');
    if (conn.session.memberId) await model.tasks.list('mine');
    const company = (await model.records.list('companies')).items[0];
    server.clearRequests();
    const deadline = new Date(Date.now() - 3_600_000).toISOString();
    const created = await model.tasks.create({
      content: 'Unit test task',
      deadlineAt: deadline,
      assigneeIds: conn.session.memberId ? [conn.session.memberId] : [],
      linkedRecords: [{ targetObject: 'companies', targetRecordId: company.id.record_id }],
    });
    assert.deepStrictEqual(calls(server), ['POST /v2/tasks']);
    assert.ok((await model.tasks.list('allOpen')).value.some(t => t.id.task_id === created.id.task_id));
    assert.ok((await model.tasks.list('overdue')).value.some(t => t.id.task_id === created.id.task_id), 'past deadline = overdue');
    if (conn.session.memberId) assert.ok((await model.tasks.list('mine')).value.some(t => t.id.task_id === created.id.task_id));
    assert.deepStrictEqual(calls(server), ['POST /v2/tasks'], 'no reload');
    assert.strictEqual(model.tasks.linkedRecords(created)[0].title, model.records.title(company, 'companies'));
  });

  test('a workspace switch clears caches and aborts loads in flight', async () => {
    const h = await makeModel(server);
    await h.model.records.objects();
    server.setFaults({ latencyMs: 400 });
    const pending = h.model.records.list('companies');
    await new Promise(r => setTimeout(r, 50));
    h.conn.key = 'another-workspace';
    h.model.clear();
    await assert.rejects(pending, (e: Error) => /abort|cancel/i.test(`${e.name} ${e.message}`));
    server.setFaults({});
    server.clearRequests();
    await h.model.records.objects();
    assert.deepStrictEqual(calls(server), ['GET /v2/objects'], 'objects reloaded for the new workspace');
  });

  test('record entries, notes and search', async () => {
    const { model } = await makeModel(server);
    await model.lists.lists();
    const lists = (await model.lists.lists()).value;
    const entries = await model.lists.entries(lists[0].id.list_id);
    const e = entries.items[0].entry;
    server.clearRequests();
    const re = await model.records.entries(e.parent_object, e.parent_record_id);
    assert.deepStrictEqual(calls(server), [`GET /v2/objects/${e.parent_object}/records/${e.parent_record_id}/entries`]);
    assert.ok(re.value.some(x => x.entryId === e.id.entry_id && x.listName === lists[0].name));
    const notes = await model.notes.list('companies', (await model.records.list('companies')).items[0].id.record_id);
    assert.ok(Array.isArray(notes.value));
    const results = await model.search.find('a', ['people'], new AbortController().signal);
    assert.ok(results.length > 0 && results.every(r => r.object_slug === 'people' && r.record_text));
  });

  test('a token without list scopes fails the Lists root with a scope error', async () => {
    const { model } = await makeModel(server, server.tokens.noLists);
    await assert.rejects(model.lists.lists(), (e: Error) => e.name === 'MissingScopeError');
  });

  test('schema: attributes in one request; a status attribute\'s statuses and a select attribute\'s options in one request each, cached', async () => {
    const { model } = await makeModel(server);
    server.clearRequests();
    const attrs = await model.schema.attributes('objects', 'deals');
    assert.deepStrictEqual(calls(server), ['GET /v2/objects/deals/attributes']);
    const status = attrs.find(a => a.type === 'status');
    assert.ok(status, 'deals have a status attribute');
    server.clearRequests();
    const statuses = await model.schema.statuses('objects', 'deals', status.api_slug);
    assert.deepStrictEqual(calls(server), [`GET /v2/objects/deals/attributes/${status.api_slug}/statuses`]);
    assert.ok(statuses.length > 1 && statuses.every(s => s.title && s.id.status_id));
    await model.schema.statuses('objects', 'deals', status.api_slug);
    await model.schema.attributes('objects', 'deals');
    assert.strictEqual(calls(server).length, 1, 'cached');
    for (const target of ['objects', 'lists'] as const) {
      const ids = target === 'objects' ? (await model.records.objects()).value.map(o => o.api_slug ?? o.id.object_id) : (await model.lists.lists()).value.map(l => l.id.list_id);
      for (const id of ids) {
        const select = (await model.schema.attributes(target, id)).find(a => a.type === 'select');
        if (!select) continue;
        server.clearRequests();
        const options = await model.schema.selectOptions(target, id, select.api_slug);
        assert.strictEqual(calls(server).length, 1);
        assert.ok(options.every(o => o.title && o.id.option_id));
        return;
      }
    }
    assert.fail('the demo workspace has a select attribute somewhere');
  });
});
