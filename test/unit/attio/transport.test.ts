import * as assert from 'assert';
import { AttioClient, AuthError, MissingScopeError, SchemaError, TimeoutError, CancelledError, NetworkError, RateLimiter, AttioError, type LogLevel } from '../../../src/attio';
import { fakeFetch, ids } from './fakeFetch';

const TOKEN = 'tok_7f3a9c1e5b2d4f6a8c0e2b4d6f8a0c2e';

function person(n: number, extra: Record<string, unknown> = {}) {
  return {
    id: ids.rec(n),
    created_at: '2024-01-01T00:00:00Z',
    web_url: `https://app.attio.com/x/person/r${n}`,
    values: {
      name: [{ active_from: '2024-01-01T00:00:00Z', active_until: null, created_by_actor: { type: 'system', id: null }, attribute_type: 'personal-name', first_name: 'A', last_name: `${n}`, full_name: `A ${n}` }],
    },
    ...extra,
  };
}

function make(routes: Parameters<typeof fakeFetch>[0], extra: Partial<ConstructorParameters<typeof AttioClient>[0]> = {}) {
  const f = fakeFetch(routes);
  const logs: [LogLevel, string][] = [];
  const client = new AttioClient({ baseUrl: 'http://fake', token: () => TOKEN, fetch: f.fetch, limiter: new RateLimiter(), log: (l, m) => logs.push([l, m]), ...extra });
  return { client, calls: f.calls, logs };
}

suite('attio/AttioClient with a fake fetch', () => {
  test('a bad shape is rejected with the path of the bad field and no value', async () => {
    const bad = person(3);
    (bad.values.name[0] as Record<string, unknown>).attribute_type = 12345;
    const { client } = make({ 'POST /v2/objects/people/records/query': { body: { data: [person(0), person(1), person(2), bad] } } });
    const e = await client.queryRecords('people').then(
      () => assert.fail('should reject'),
      (x: unknown) => x,
    );
    assert.ok(e instanceof SchemaError);
    assert.strictEqual(e.path, 'data[3].values.name[0].attribute_type');
    assert.strictEqual(e.endpoint, 'POST /v2/objects/{object}/records/query');
    assert.ok(!e.message.includes('12345') && !JSON.stringify(e).includes('12345'));
    assert.ok(!e.message.includes('A 3'));
  });

  test('missing required field and invalid JSON are SchemaErrors too', async () => {
    const { client } = make({
      'GET /v2/tasks/t1': { body: { data: { id: { workspace_id: 'w', task_id: 't1' }, is_completed: false, linked_records: [], assignees: [] } } },
      'GET /v2/lists': { text: '{"data": [' },
    });
    await assert.rejects(client.getTask('t1'), (e: unknown) => e instanceof SchemaError && e.path === 'data.content_plaintext');
    await assert.rejects(client.listLists(), (e: unknown) => e instanceof SchemaError && e.path === '');
  });

  test('schema drift: unknown fields kept, optional fields missing, null values, unknown attribute types', async () => {
    const drifted = { ...person(1, { brand_new: { x: 1 } }) } as Record<string, unknown>;
    delete drifted.web_url;
    (drifted.values as Record<string, unknown[]>).mood = [{ attribute_type: 'emoji-reaction', emoji: '🙂' }];
    const noValues = { id: ids.rec(2), created_at: null, values: null };
    const { client } = make({ 'POST /v2/objects/people/records/query': { body: { data: [drifted, noValues], extra_top_level: true } } });
    const page = await client.queryRecords('people', { limit: 5 });
    assert.strictEqual(page.items.length, 2);
    assert.deepStrictEqual((page.items[0] as Record<string, unknown>).brand_new, { x: 1 });
    assert.strictEqual(page.items[0].values.mood[0].attribute_type, 'emoji-reaction');
    assert.deepStrictEqual(page.items[1].values, {});
    assert.strictEqual(page.hasMore, false);
  });

  test('explicit limit/offset are sent (limit+1 probe) and the extra item trimmed', async () => {
    const { client, calls } = make({ 'POST /v2/objects/people/records/query': c => ({ body: { data: Array.from({ length: (c.body as { limit: number }).limit }, (_, i) => person(i)) } }) });
    const page = await client.queryRecords('people', { limit: 3, offset: 6 });
    assert.deepStrictEqual(calls[0].body, { limit: 4, offset: 6 });
    assert.strictEqual(page.items.length, 3);
    assert.strictEqual(page.hasMore, true);
    assert.strictEqual(page.offset, 6);
  });

  test('403 + inactive token → AuthError(inactive); 403 + active token → MissingScopeError(required − granted)', async () => {
    let active = true;
    const { client } = make({
      'GET /v2/tasks': { status: 403, body: { status_code: 403, type: 'auth_error', code: 'forbidden', message: 'Forbidden' } },
      'GET /v2/self': () => ({ body: active ? { active: true, scope: 'task:read object_configuration:read record_permission:read', workspace_id: 'w', workspace_name: 'W', workspace_slug: 'w', client_id: 'c', token_type: 'Bearer', iat: 1, exp: null, workspace_logo_url: null, authorized_by_workspace_member_id: null } : { active: false } }),
    });
    const e = await client.listTasks().catch((x: unknown) => x);
    assert.ok(e instanceof MissingScopeError, String(e));
    assert.deepStrictEqual(e.missingScopes, ['user_management:read']);
    assert.ok(e.requiredScopes.includes('task:read'));
    active = false;
    const e2 = await client.listTasks().catch((x: unknown) => x);
    assert.ok(e2 instanceof AuthError && e2.reason === 'inactive');
  });

  test('no token → AuthError(missing) without any request', async () => {
    const { client, calls } = make({}, { token: async () => undefined });
    await assert.rejects(client.listObjects(), (e: unknown) => e instanceof AuthError && e.reason === 'missing');
    assert.strictEqual(calls.length, 0);
  });

  test('per-request timeout → TimeoutError; caller abort → CancelledError', async () => {
    const hang = (_: unknown, init?: RequestInit) =>
      new Promise<Response>((_r, reject) => init?.signal?.addEventListener('abort', () => reject(Object.assign(new Error('aborted'), { name: 'AbortError' }))));
    const client = new AttioClient({ baseUrl: 'http://fake', token: () => TOKEN, fetch: hang as typeof fetch, timeoutMs: 50 });
    await assert.rejects(client.listObjects(), (e: unknown) => e instanceof TimeoutError && e.timeoutMs === 50);
    const slow = new AttioClient({ baseUrl: 'http://fake', token: () => TOKEN, fetch: hang as typeof fetch, timeoutMs: 5000 });
    const ctrl = new AbortController();
    setTimeout(() => ctrl.abort(), 30);
    await assert.rejects(slow.listObjects(ctrl.signal), (e: unknown) => e instanceof CancelledError);
  });

  test('network failures of reads are retried; creates are not', async () => {
    let n = 0;
    const flaky = (async (input: RequestInfo | URL, init?: RequestInit) => {
      n++;
      if (n <= 2 || init?.method === 'POST') throw Object.assign(new TypeError('fetch failed'), { cause: { code: 'ECONNRESET' } });
      return new Response(JSON.stringify({ data: [] }), { status: 200 });
    }) as typeof fetch;
    const client = new AttioClient({ baseUrl: 'http://fake', token: () => TOKEN, fetch: flaky, maxRetries: 3 });
    assert.deepStrictEqual(await client.listLists(), []);
    assert.strictEqual(n, 3);
    n = 10;
    await assert.rejects(client.createTask({ content: 'x', deadlineAt: null }), (e: unknown) => e instanceof NetworkError && /ECONNRESET/.test(e.message));
    assert.strictEqual(n, 11);
  });

  test('the token never appears in errors or log lines, even when the server echoes it', async () => {
    const echo = `invalid header Authorization: Bearer ${TOKEN}`;
    const { client, logs } = make({
      '*': c => ({ status: 400, body: { status_code: 400, code: TOKEN, message: `${echo} ${c.headers.Authorization}` } }),
    });
    const e = (await client.listObjects().catch((x: unknown) => x)) as AttioError;
    for (const s of [e.message, e.stack ?? '', JSON.stringify(e), ...logs.map(l => l[1])]) assert.ok(!s.includes(TOKEN), s);
    assert.ok(logs.length > 0);
  });

  test('self(): active and inactive shapes', async () => {
    const { client } = make({
      'GET /v2/self': { body: { active: true, scope: 'a:read b:read-write', client_id: 'c', token_type: 'Bearer', exp: 2000000000, iat: 1700000000, sub: 'w', aud: 'c', iss: 'attio.com', authorized_by_workspace_member_id: 'm', workspace_id: 'w', workspace_name: 'Acme', workspace_slug: 'acme', workspace_logo_url: null } },
    });
    const me = await client.self();
    assert.ok(me.active);
    assert.deepStrictEqual([...me.scopes], ['a:read', 'b:read-write']);
    assert.strictEqual(me.workspaceName, 'Acme');
    assert.strictEqual(me.issuedAt?.getTime(), 1700000000 * 1000);
    assert.strictEqual(me.expiresAt?.getTime(), 2000000000 * 1000);
    const { client: c2 } = make({ 'GET /v2/self': { body: { active: false } } });
    assert.deepStrictEqual(await c2.self(), { active: false });
  });
});
