import * as assert from 'assert';
import { buildRequest, endpoints, errorFromResponse, parseRetryAfter, type RawResponse } from '../../../src/attio/request';
import { AuthError, InvalidRequestError, NotFoundError, RateLimitedError, ServerError, formatPath, isCancellation, CancelledError, AttioError } from '../../../src/attio/errors';

const raw = (status: number, body: unknown, headers: Record<string, string> = {}): RawResponse => ({
  status,
  headers: new Headers(headers),
  text: typeof body === 'string' ? body : JSON.stringify(body),
});

suite('attio/request: buildRequest', () => {
  test('GET with path params (a slug and an id) and bearer token; a path param that is no slug or id is refused (pathSegments.test.ts)', () => {
    const r = buildRequest(endpoints.getRecord, { baseUrl: 'https://api.example.com/', token: 'tok', path: { object: 'people', record_id: 'bf071e1f-6035-429d-b874-d83ea64ea13b' } });
    assert.strictEqual(r.method, 'GET');
    assert.strictEqual(r.url, 'https://api.example.com/v2/objects/people/records/bf071e1f-6035-429d-b874-d83ea64ea13b');
    assert.throws(() => buildRequest(endpoints.getRecord, { baseUrl: 'https://api.example.com/', token: 'tok', path: { object: 'people', record_id: 'a/b c' } }), /not an Attio slug or id/);
    assert.strictEqual(r.headers.Authorization, 'Bearer tok');
    assert.strictEqual(r.body, undefined);
    assert.strictEqual(r.headers['Content-Type'], undefined);
  });

  test('query omits undefined/null values and keeps false/0', () => {
    const r = buildRequest(endpoints.listTasks, { baseUrl: 'http://h', query: { limit: 51, offset: 0, is_completed: false, assignee: undefined, sort: null } });
    const u = new URL(r.url);
    assert.strictEqual(u.pathname, '/v2/tasks');
    assert.deepStrictEqual([...u.searchParams.entries()], [['limit', '51'], ['offset', '0'], ['is_completed', 'false']]);
    assert.strictEqual(r.headers.Authorization, undefined);
  });

  test('POST body is JSON with a content type', () => {
    const r = buildRequest(endpoints.queryRecords, { baseUrl: 'http://h', token: 't', path: { object: 'companies' }, body: { limit: 3, offset: 0 } });
    assert.strictEqual(r.method, 'POST');
    assert.strictEqual(r.url, 'http://h/v2/objects/companies/records/query');
    assert.strictEqual(r.headers['Content-Type'], 'application/json');
    assert.deepStrictEqual(JSON.parse(r.body!), { limit: 3, offset: 0 });
  });

  test('missing path parameter throws', () => {
    assert.throws(() => buildRequest(endpoints.getObject, { baseUrl: 'http://h' }), /missing path parameter object/);
  });

  test('endpoint keys are method + template', () => {
    assert.strictEqual(endpoints.queryRecords.key, 'POST /v2/objects/{object}/records/query');
    assert.strictEqual(endpoints.createTask.write, true);
    assert.strictEqual(endpoints.createTask.idempotent, false);
    assert.strictEqual(endpoints.queryRecords.write, false);
    assert.strictEqual(endpoints.queryRecords.idempotent, true);
  });
});

suite('attio/request: Retry-After and error mapping', () => {
  test('parseRetryAfter reads an HTTP date, delta-seconds, and falls back to +1 s', () => {
    const now = Date.UTC(2025, 0, 1, 12, 0, 0, 300);
    assert.strictEqual(parseRetryAfter('Wed, 01 Jan 2025 12:00:01 GMT', now).getTime(), Date.UTC(2025, 0, 1, 12, 0, 1));
    assert.strictEqual(parseRetryAfter('2', now).getTime(), now + 2000);
    assert.strictEqual(parseRetryAfter('garbage', now).getTime(), now + 1000);
    assert.strictEqual(parseRetryAfter(null, now).getTime(), now + 1000);
  });

  const table: [number, unknown, new (...a: never[]) => AttioError][] = [
    [429, { status_code: 429, type: 'rate_limit_error', code: 'rate_limit_exceeded', message: 'x' }, RateLimitedError],
    [500, { status_code: 500 }, ServerError],
    [503, 'not json', ServerError],
    [401, { type: 'auth_error', code: 'unauthorized' }, AuthError],
    [404, { type: 'invalid_request_error', code: 'not_found', message: 'Record not found' }, NotFoundError],
    [400, { type: 'invalid_request_error', code: 'filter_error', message: 'bad filter' }, InvalidRequestError],
    [409, { code: 'slug_conflict' }, InvalidRequestError],
  ];
  for (const [status, body, cls] of table) {
    test(`HTTP ${status} → ${cls.name}`, () => {
      const e = errorFromResponse('GET /v2/x', raw(status, body, { 'retry-after': 'Wed, 01 Jan 2025 12:00:01 GMT' }), [], true);
      assert.ok(e instanceof cls, e.constructor.name);
      assert.strictEqual(e.status, status);
      assert.strictEqual(e.endpoint, 'GET /v2/x');
      if (typeof body === 'object' && body && 'code' in body) assert.strictEqual(e.code, (body as { code: string }).code);
      if (e instanceof RateLimitedError) assert.strictEqual(e.retryAt.toISOString(), '2025-01-01T12:00:01.000Z');
    });
  }

  test('401 without a token sent → missing, with → rejected', () => {
    assert.strictEqual((errorFromResponse('GET /v2/x', raw(401, {}), [], false) as AuthError).reason, 'missing');
    assert.strictEqual((errorFromResponse('GET /v2/x', raw(401, {}), [], true) as AuthError).reason, 'rejected');
  });

  test('secrets echoed by the server are redacted from messages', () => {
    const secret = 'sk_live_abcdefghijklmnop';
    const e = errorFromResponse('POST /v2/x', raw(400, { code: 'validation_type', message: `token ${secret} Bearer ${secret} is odd` }), [secret], true);
    assert.ok(!e.message.includes(secret), e.message);
    assert.ok(!JSON.stringify(e).includes(secret));
  });
});

suite('attio/errors', () => {
  test('formatPath', () => {
    assert.strictEqual(formatPath(['data', 3, 'values', 'name', 0, 'full_name']), 'data[3].values.name[0].full_name');
    assert.strictEqual(formatPath(['values', 'email-addresses', 0]), 'values.email-addresses[0]');
    assert.strictEqual(formatPath(['values', 'a b']), 'values["a b"]');
    assert.strictEqual(formatPath([]), '');
  });

  test('isCancellation', () => {
    assert.ok(isCancellation(new CancelledError('GET /v2/x')));
    const abort = new Error('aborted');
    abort.name = 'AbortError';
    assert.ok(isCancellation(abort));
    assert.ok(!isCancellation(new ServerError('GET /v2/x', 500)));
    assert.ok(!isCancellation(undefined));
  });
});
