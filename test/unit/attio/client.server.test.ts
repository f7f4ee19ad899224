/**
 * AttioClient against the project's local Attio-compatible server over real HTTP on loopback.
 * Assertions are about behaviour (relations between what the client returns and what the server logged),
 * never hard-coded workspace contents.
 */
import * as assert from 'assert';
import { startAttioServer, type AttioTestServer } from '../../server';
import {
  AttioClient,
  AttioError,
  AuthError,
  CancelledError,
  InvalidRequestError,
  MissingScopeError,
  NetworkError,
  NotFoundError,
  RateLimitedError,
  RateLimiter,
  SchemaError,
  ServerError,
  TimeoutError,
  allItems,
  collectAll,
  entryParentTitles,
  featureScopes,
  pages,
  recordTitle,
  type AttioClientOptions,
  type LogLevel,
  type Page,
} from '../../../src/attio';

const sleep = (ms: number) => new Promise(r => setTimeout(r, ms));

suite('attio/AttioClient against the local Attio server', function () {
  this.timeout(60000);
  let server: AttioTestServer;
  /** Everything any client's `log` received, and every error seen, for the final token-leak scan. */
  const logLines: [LogLevel, string][] = [];
  const errors: unknown[] = [];
  const secrets: string[] = [];

  function client(token: string | (() => string | undefined), extra: Partial<AttioClientOptions> = {}): AttioClient {
    return new AttioClient({
      baseUrl: server.url,
      token: typeof token === 'function' ? token : () => token,
      limiter: new RateLimiter(),
      log: (level, message) => logLines.push([level, message]),
      ...extra,
    });
  }

  /** Awaits a rejection and records the error for the leak scan. */
  async function failure(p: Promise<unknown>): Promise<AttioError> {
    try {
      await p;
    } catch (e) {
      errors.push(e);
      assert.ok(e instanceof AttioError, `expected an AttioError, got ${String(e)}`);
      return e;
    }
    assert.fail('expected the call to fail');
  }

  suiteSetup(async () => {
    server = await startAttioServer({});
    secrets.push(...Object.values(server.tokens));
  });
  suiteTeardown(async () => {
    await server?.close();
  });
  setup(() => {
    server.setFaults({});
    server.clearRequests();
  });

  // -------------------------------------------------------------------------------------------------------
  // Methods
  // -------------------------------------------------------------------------------------------------------

  test('self(): active token carries scopes and workspace; inactive and unknown tokens are {active:false}', async () => {
    const me = await client(server.tokens.full).self();
    assert.ok(me.active);
    assert.ok(me.scopes.has('task:read-write'));
    assert.strictEqual(me.scope.split(' ').length, me.scopes.size);
    assert.ok(me.workspaceId && me.workspaceName && me.workspaceSlug);
    assert.ok(me.issuedAt instanceof Date && !Number.isNaN(me.issuedAt.getTime()));
    assert.deepStrictEqual(await client(server.tokens.inactive).self(), { active: false });
    assert.deepStrictEqual(await client('not-a-real-token-0123456789').self(), { active: false });
  });

  test('objects: listObjects, getObject, listAttributes (all and one page)', async () => {
    const c = client(server.tokens.readOnly);
    const objects = await c.listObjects();
    assert.ok(objects.length > 0);
    const slug = objects[0].api_slug!;
    const one = await c.getObject(slug);
    assert.strictEqual(one.id.object_id, objects[0].id.object_id);
    const all = await c.listAttributes('objects', slug);
    assert.ok(all.length > 1);
    const first = await c.listAttributes('objects', slug, { limit: 1, offset: 1 });
    assert.deepStrictEqual(first.map(a => a.api_slug), [all[1].api_slug]);
    const q = new URLSearchParams(server.requests.at(-1)!.query);
    assert.strictEqual(q.get('limit'), '1');
    assert.strictEqual(q.get('offset'), '1');
    await failure(c.getObject('no-such-object')).then(e => assert.ok(e instanceof NotFoundError && e.status === 404 && e.code === 'not_found'));
  });

  test('records: queryRecords (limit/offset sent explicitly), getRecord, titles, filter $in', async () => {
    const c = client(server.tokens.readOnly);
    const page = await c.queryRecords('people', { limit: 5 });
    const body = server.requests.at(-1)!.body as { limit: number; offset: number };
    assert.strictEqual(body.offset, 0);
    assert.ok(body.limit >= 5);
    assert.strictEqual(page.items.length, 5);
    assert.strictEqual(page.hasMore, true);
    for (const r of page.items) assert.notStrictEqual(recordTitle(r, 'people'), r.id.record_id, 'people have names');
    const second = await c.queryRecords('people', { limit: 5, offset: 5 });
    assert.ok(second.items.every(r => !page.items.some(p => p.id.record_id === r.id.record_id)), 'pages do not overlap');
    const one = await c.getRecord('people', page.items[2].id.record_id);
    assert.strictEqual(recordTitle(one, 'people'), recordTitle(page.items[2], 'people'));
    const ids = [page.items[0].id.record_id, page.items[4].id.record_id];
    const filtered = await c.queryRecords('people', { filter: { record_id: { $in: ids } }, limit: 10 });
    assert.deepStrictEqual(filtered.items.map(r => r.id.record_id).sort(), [...ids].sort());
    assert.strictEqual(filtered.hasMore, false);
    await failure(c.getRecord('people', '00000000-0000-4000-8000-000000000000')).then(e => assert.ok(e instanceof NotFoundError));
    await failure(c.queryRecords('people', { filter: { no_such_attribute: 'x' } })).then(e => {
      assert.ok(e instanceof InvalidRequestError);
      assert.strictEqual(e.status, 400);
      assert.strictEqual(e.code, 'filter_error');
    });
  });

  test('searchRecords finds a record by its title', async () => {
    const c = client(server.tokens.readOnly);
    const [rec] = (await c.queryRecords('companies', { limit: 1 })).items;
    const title = recordTitle(rec, 'companies');
    const hits = await c.searchRecords({ query: title, objects: ['companies'], limit: 5 });
    assert.ok(hits.some(h => h.id.record_id === rec.id.record_id && h.object_slug === 'companies'));
    assert.ok(hits.length <= 5);
  });

  test('lists: listLists, getList, queryEntries, getEntry, listRecordEntries', async () => {
    const c = client(server.tokens.readOnly);
    const lists = await c.listLists();
    assert.ok(lists.length > 0);
    const list = lists[0];
    assert.strictEqual((await c.getList(list.api_slug)).id.list_id, list.id.list_id);
    const entries = await c.queryEntries(list.api_slug, { limit: 3 });
    assert.ok(entries.items.length > 0);
    for (const e of entries.items) assert.ok(list.parent_object.includes(e.parent_object));
    const e0 = entries.items[0];
    const again = await c.getEntry(list.api_slug, e0.id.entry_id);
    assert.strictEqual(again.parent_record_id, e0.parent_record_id);
    const memberships = await c.listRecordEntries(e0.parent_object, e0.parent_record_id);
    assert.ok(memberships.items.some(m => m.entry_id === e0.id.entry_id && m.list_id === list.id.list_id));
  });

  test('entryParentTitles: one records query per parent object, titles match the records', async () => {
    const c = client(server.tokens.readOnly);
    const entries: Page<import('../../../src/attio').AttioEntry>['items'] = [];
    for (const l of await c.listLists()) entries.push(...(await c.queryEntries(l.api_slug, { limit: 20 })).items);
    const objects = new Set(entries.map(e => e.parent_object));
    server.clearRequests();
    const titles = await entryParentTitles(c, entries);
    const queries = server.requests.filter(r => r.path.endsWith('/records/query'));
    assert.strictEqual(queries.length, objects.size);
    assert.strictEqual(server.requests.length, objects.size);
    assert.strictEqual(titles.size, new Set(entries.map(e => e.parent_record_id)).size);
    const e = entries[0];
    const parent = await c.getRecord(e.parent_object, e.parent_record_id);
    assert.strictEqual(titles.get(e.parent_record_id), recordTitle(parent, e.parent_object));
  });

  test('tasks: listTasks with filters, getTask, createTask, updateTask', async () => {
    const c = client(server.tokens.full);
    const open = await c.listTasks({ isCompleted: false, limit: 10 });
    assert.ok(open.items.every(t => !t.is_completed));
    const q = new URLSearchParams(server.requests.at(-1)!.query);
    assert.strictEqual(q.get('is_completed'), 'false');
    assert.strictEqual(q.get('offset'), '0');
    const [person] = (await c.queryRecords('people', { limit: 1 })).items;
    const [member] = await c.listMembers();
    const created = await c.createTask({
      content: 'Call back about the renewal',
      deadlineAt: new Date(Date.now() + 86400000).toISOString(),
      linkedRecords: [{ targetObject: 'people', targetRecordId: person.id.record_id }],
      assigneeIds: [member.id.workspace_member_id],
    });
    assert.strictEqual(created.content_plaintext, 'Call back about the renewal');
    assert.strictEqual(created.is_completed, false);
    assert.ok(created.linked_records.some(l => l.target_record_id === person.id.record_id));
    const linked = await c.listTasks({ linkedObject: 'people', linkedRecordId: person.id.record_id, limit: 50 });
    assert.ok(linked.items.some(t => t.id.task_id === created.id.task_id));
    const mine = await c.listTasks({ assignee: member.id.workspace_member_id, limit: 500 });
    assert.ok(mine.items.some(t => t.id.task_id === created.id.task_id));
    const done = await c.updateTask(created.id.task_id, { isCompleted: true });
    assert.strictEqual(done.is_completed, true);
    assert.strictEqual((await c.getTask(created.id.task_id)).is_completed, true);
    const undated = await c.updateTask(created.id.task_id, { deadlineAt: null });
    assert.strictEqual(undated.deadline_at ?? null, null);
  });

  test('members and notes', async () => {
    const c = client(server.tokens.readOnly);
    const members = await c.listMembers();
    assert.ok(members.length > 0 && members.every(m => m.id.workspace_member_id));
    const notes = await c.listNotes({ limit: 3 });
    assert.ok(notes.items.length <= 3);
    if (notes.items.length > 0) {
      const n = notes.items[0];
      const forParent = await c.listNotes({ parentObject: n.parent_object, parentRecordId: n.parent_record_id, limit: 50 });
      assert.ok(forParent.items.some(x => x.id.note_id === n.id.note_id));
      assert.ok(forParent.items.every(x => x.parent_record_id === n.parent_record_id));
    }
  });

  // -------------------------------------------------------------------------------------------------------
  // Pagination
  // -------------------------------------------------------------------------------------------------------

  test('pagination: empty result, exactly one page, limit+1, and a full walk', async () => {
    const c = client(server.tokens.readOnly);
    const all = await collectAll((limit, offset) => c.queryRecords('companies', { limit, offset }), 7);
    const n = all.length;
    assert.strictEqual(new Set(all.map(r => r.id.record_id)).size, n, 'no duplicates');

    server.clearRequests();
    const empty = await c.queryRecords('companies', { filter: { record_id: { $in: [] } }, limit: 10 });
    assert.deepStrictEqual([empty.items.length, empty.hasMore], [0, false]);

    server.clearRequests();
    const exact = await collectAll((limit, offset) => c.queryRecords('companies', { limit, offset }), n);
    assert.strictEqual(exact.length, n);
    assert.strictEqual(server.requests.length, 1, 'exactly one page needs exactly one request');

    server.clearRequests();
    const seen: Page<unknown>[] = [];
    for await (const p of pages((limit, offset) => c.queryRecords('companies', { limit, offset }), n - 1)) seen.push(p);
    assert.deepStrictEqual(seen.map(p => [p.items.length, p.hasMore]), [[n - 1, true], [1, false]]);
    assert.strictEqual(server.requests.length, 2);

    let count = 0;
    for await (const _ of allItems((limit, offset) => c.listTasks({ limit, offset }), 3)) count++;
    assert.ok(count > 0);
  });

  // -------------------------------------------------------------------------------------------------------
  // Errors through fault injection
  // -------------------------------------------------------------------------------------------------------

  test('403 with an under-scoped token → MissingScopeError naming required − granted (via /v2/self)', async () => {
    const noTasks = await failure(client(server.tokens.noTasks).listTasks());
    assert.ok(noTasks instanceof MissingScopeError);
    assert.deepStrictEqual(noTasks.missingScopes, ['task:read']);
    assert.ok(featureScopes('tasks').every(s => noTasks.requiredScopes.includes(s)));
    assert.ok(server.requests.some(r => r.path === '/v2/self'), 'asked /v2/self');
    const noLists = await failure(client(server.tokens.noLists).queryEntries('anything'));
    assert.ok(noLists instanceof MissingScopeError);
    assert.deepStrictEqual(noLists.missingScopes.sort(), ['list_configuration:read', 'list_entry:read']);
    const readOnly = await failure(client(server.tokens.readOnly).createTask({ content: 'x', deadlineAt: null }));
    assert.ok(readOnly instanceof MissingScopeError);
    assert.deepStrictEqual(readOnly.missingScopes, ['task:read-write']);
  });

  test('403 with a revoked token → AuthError(inactive); 401 → AuthError(rejected); no token → AuthError(missing)', async () => {
    const token = server.addToken('to-revoke', ['object_configuration:read']);
    secrets.push(token);
    const c = client(token);
    await c.listObjects();
    server.revokeToken(token);
    const e = await failure(c.listObjects());
    assert.ok(e instanceof AuthError && e.reason === 'inactive', String(e));
    // A proxy that drops the Authorization header makes the server answer 401.
    const dropAuth: typeof fetch = (input, init) => fetch(input, { ...init, headers: { accept: 'application/json' } });
    const e401 = await failure(client(server.tokens.full, { fetch: dropAuth }).listObjects());
    assert.ok(e401 instanceof AuthError && e401.reason === 'rejected' && e401.status === 401);
    server.clearRequests();
    const missing = await failure(client(() => undefined).listObjects());
    assert.ok(missing instanceof AuthError && missing.reason === 'missing');
    assert.strictEqual(server.requests.length, 0, 'nothing sent without a token');
  });

  test('429: retried, never before the Retry-After date, then succeeds', async () => {
    const c = client(server.tokens.readOnly);
    server.setFaults({ storm429: 2 });
    const objects = await c.listObjects();
    assert.ok(objects.length > 0);
    const reqs = server.requests.filter(r => r.path === '/v2/objects');
    assert.deepStrictEqual(reqs.map(r => r.status), [429, 429, 200]);
    for (let i = 1; i < reqs.length; i++) {
      // The server's Retry-After is the start of the next wall-clock second after the 429.
      const retryAt = (Math.floor(reqs[i - 1].startedAt / 1000) + 1) * 1000;
      assert.ok(reqs[i].startedAt >= retryAt, `retry ${i} at ${reqs[i].startedAt} before ${retryAt}`);
    }
  });

  test('429 beyond maxRetries → RateLimitedError with retryAt', async () => {
    server.setFaults({ storm429: 10 });
    const before = Date.now();
    const e = await failure(client(server.tokens.readOnly, { maxRetries: 1 }).listObjects());
    assert.ok(e instanceof RateLimitedError);
    assert.strictEqual(e.status, 429);
    assert.strictEqual(e.code, 'rate_limit_exceeded');
    assert.ok(e.retryAt.getTime() > before);
    assert.strictEqual(server.requests.length, 2);
  });

  test('5xx: reads retried with backoff then ServerError; occasional 5xx absorbed', async () => {
    server.setFaults({ status5xxRate: 1 });
    const e = await failure(client(server.tokens.readOnly, { maxRetries: 2 }).listLists());
    assert.ok(e instanceof ServerError && e.status! >= 500);
    assert.strictEqual(server.requests.length, 3, '1 attempt + 2 retries');
    const gaps = server.requests.slice(1).map((r, i) => r.startedAt - server.requests[i].startedAt);
    assert.ok(gaps.every(g => g >= 100), `backoff gaps ${gaps}`);
    server.setFaults({ status5xxRate: 0.3 });
    const c = client(server.tokens.readOnly, { maxRetries: 5 });
    for (let i = 0; i < 10; i++) await c.listLists();
  });

  test('5xx on a create is not retried (it might have been processed)', async () => {
    server.setFaults({ status5xxRate: 1 });
    const e = await failure(client(server.tokens.full).createTask({ content: 'once', deadlineAt: null }));
    assert.ok(e instanceof ServerError);
    assert.strictEqual(server.requests.length, 1);
  });

  test('connection resets: reads retried then NetworkError', async () => {
    server.setFaults({ resetRate: 1 });
    const e = await failure(client(server.tokens.readOnly, { maxRetries: 2 }).listMembers());
    assert.ok(e instanceof NetworkError);
    assert.strictEqual(server.requests.length, 3);
    server.setFaults({ resetRate: 0.3 });
    const c = client(server.tokens.readOnly, { maxRetries: 6 });
    for (let i = 0; i < 10; i++) await c.listMembers();
  });

  test('malformed body → SchemaError', async () => {
    server.setFaults({ malformedRate: 1 });
    const e = await failure(client(server.tokens.readOnly).listObjects());
    assert.ok(e instanceof SchemaError);
    assert.strictEqual(e.endpoint, 'GET /v2/objects');
  });

  test('timeout → TimeoutError, and the server sees the disconnect', async () => {
    server.setFaults({ latencyMs: 3000 });
    const started = Date.now();
    const e = await failure(client(server.tokens.readOnly, { timeoutMs: 200 }).listObjects());
    assert.ok(e instanceof TimeoutError);
    assert.ok(Date.now() - started < 2000);
    await waitFor(() => server.requests[0]?.aborted === true);
  });

  test('cancellation → CancelledError; the request is aborted server-side', async () => {
    server.setFaults({ latencyMs: 3000 });
    const ctrl = new AbortController();
    const p = client(server.tokens.readOnly).queryRecords('people', { limit: 5 }, ctrl.signal);
    await waitFor(() => server.requests.length === 1);
    ctrl.abort();
    const e = await failure(p);
    assert.ok(e instanceof CancelledError);
    await waitFor(() => server.requests[0].aborted === true);
    assert.strictEqual(server.requests[0].status, 0, 'never answered');
  });

  test('cancellation while queued in the limiter sends nothing', async () => {
    const limiter = new RateLimiter({ readsPerSecond: 1 });
    const c = client(server.tokens.readOnly, { limiter });
    await c.listLists();
    const ctrl = new AbortController();
    const p = c.listLists(ctrl.signal);
    await sleep(50);
    ctrl.abort();
    assert.ok((await failure(p)) instanceof CancelledError);
    assert.strictEqual(server.requests.length, 1);
  });

  for (const drift of ['unknown-fields', 'missing-optional'] as const) {
    test(`schema drift "${drift}" is tolerated by every read`, async () => {
      server.setFaults({ drift });
      const c = client(server.tokens.full);
      assert.ok((await c.self()).active);
      const objects = await c.listObjects();
      for (const o of objects) {
        await c.listAttributes('objects', o.api_slug!);
        const page = await c.queryRecords(o.api_slug!, { limit: 5 });
        for (const r of page.items) assert.ok(recordTitle(r, o.api_slug!).length > 0);
      }
      const lists = await c.listLists();
      for (const l of lists) {
        const entries = await c.queryEntries(l.api_slug, { limit: 5 });
        await entryParentTitles(c, entries.items);
      }
      await c.listTasks({ limit: 5 });
      await c.listMembers();
      await c.listNotes({ limit: 5 });
      await c.searchRecords({ query: '', objects: ['people'] });
    });
  }

  // -------------------------------------------------------------------------------------------------------
  // Rate limit
  // -------------------------------------------------------------------------------------------------------

  test('1,000 concurrent reads: never more than 100 per aligned second at the server, no failure', async function () {
    this.timeout(40000);
    const token = server.addToken('burst-test', ['object_configuration:read']);
    secrets.push(token);
    const c = client(token, { limiter: new RateLimiter() });
    const results = await Promise.allSettled(Array.from({ length: 1000 }, () => c.getObject('people')));
    const failed = results.filter(r => r.status === 'rejected');
    assert.strictEqual(failed.length, 0);
    const mine = server.requests.filter(r => r.token === 'burst-test');
    const perSecond = new Map<number, number>();
    for (const r of mine) perSecond.set(Math.floor(r.startedAt / 1000), (perSecond.get(Math.floor(r.startedAt / 1000)) ?? 0) + 1);
    assert.ok(Math.max(...perSecond.values()) <= 100, `per second: ${[...perSecond.values()]}`);
    assert.strictEqual(mine.filter(r => r.status === 429).length, 0, 'no 429');
    assert.strictEqual(mine.length, 1000);
  });

  // -------------------------------------------------------------------------------------------------------
  // Leak scan (runs last)
  // -------------------------------------------------------------------------------------------------------

  test('no token in any log line or error message/stack/JSON', () => {
    assert.ok(logLines.length > 0 && errors.length > 5);
    for (const secret of secrets) {
      for (const [, line] of logLines) assert.ok(!line.includes(secret), 'log line leaks a token');
      for (const e of errors) {
        const err = e as Error;
        for (const text of [err.message, err.stack ?? '', JSON.stringify(err), String(err)]) assert.ok(!text.includes(secret), 'error leaks a token');
      }
    }
  });
});

async function waitFor(cond: () => boolean, ms = 3000): Promise<void> {
  const end = Date.now() + ms;
  while (!cond()) {
    if (Date.now() > end) assert.fail('condition not met in time');
    await sleep(10);
  }
}
