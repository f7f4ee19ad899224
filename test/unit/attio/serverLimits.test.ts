/** What a server cannot make the client do: wait for weeks (Retry-After is capped) or page for ever (page caps). */
import * as assert from 'assert';
import { AttioClient, RateLimitedError, RateLimiter, type LogLevel } from '../../../src/attio';
import { RETRY_AFTER_CAP_MS } from '../../../src/attio/errors';
import { MAX_PAGES } from '../../../src/attio/pagination';
import { fakeFetch } from './fakeFetch';

const TOKEN = 'tok_5c1e7a9b3d2f4e6a8c0b2d4f6a8c0e2b';

function make(routes: Parameters<typeof fakeFetch>[0], limiter = new RateLimiter()) {
  const f = fakeFetch(routes);
  const logs: [LogLevel, string][] = [];
  const client = new AttioClient({ baseUrl: 'http://fake', token: () => TOKEN, fetch: f.fetch, limiter, log: (l, m) => logs.push([l, m]) });
  return { client, calls: f.calls, logs };
}

const rateLimited = (retryAfter: string) => ({ status: 429, headers: { 'retry-after': retryAfter }, body: { status_code: 429, type: 'rate_limit_error', code: 'rate_limit_exceeded', message: 'x' } });

suite('attio: the server cannot stall the client', () => {
  test('a Retry-After 30 days away is not waited for: one request, a typed error at once, a log line', async () => {
    const far = new Date(Date.now() + 30 * 24 * 3600_000).toUTCString();
    const limiter = new RateLimiter();
    const { client, calls, logs } = make({ 'GET /v2/objects': rateLimited(far) }, limiter);
    const started = Date.now();
    const e = await client.listObjects().catch((x: unknown) => x);
    assert.ok(e instanceof RateLimitedError, String(e));
    assert.strictEqual(e.beyondCap, true);
    assert.strictEqual(e.retryAt.toUTCString(), far, 'what Attio asked, for the message');
    assert.strictEqual(calls.length, 1, 'not retried');
    assert.ok(Date.now() - started < 5000, 'no wait');
    assert.ok(logs.some(([level, m]) => level === 'warn' && /asks to wait until .* more than 60 s: not retried/.test(m)), JSON.stringify(logs));
  });

  test('after such an answer the limiter holds requests for the cap at most, not 30 days (no timer overflow)', async () => {
    let now = 1_000_000;
    const limiter = new RateLimiter({ now: () => now });
    limiter.pauseUntil('read', now + 30 * 24 * 3600_000);
    const waiting = limiter.acquire('read');
    let granted = false;
    void waiting.then(release => {
      granted = true;
      release();
    });
    await new Promise(r => setImmediate(r));
    assert.ok(!granted, 'held during the pause');
    now += RETRY_AFTER_CAP_MS + 1;
    // a later request makes the lane look again (its own timer is set for the cap, not for 30 days)
    (await limiter.acquire('read'))();
    await new Promise(r => setImmediate(r));
    assert.ok(granted, 'granted once the cap has passed');
  });

  test('a Retry-After within the cap is still honoured and retried', async () => {
    let n = 0;
    const { client, calls } = make({ 'GET /v2/objects': () => (++n === 1 ? rateLimited('0.2') : { body: { data: [] } }) });
    const started = Date.now();
    assert.deepStrictEqual(await client.listObjects(), []);
    assert.strictEqual(calls.length, 2);
    assert.ok(Date.now() - started >= 190, 'not before Retry-After');
  });

  test(`listWebhooks stops after ${MAX_PAGES} pages when the server never ends the list`, async () => {
    const hook = (i: number) => ({ id: { workspace_id: 'w', webhook_id: `h${i}` }, target_url: 'https://example.com/h', status: 'active', subscriptions: [], created_at: null });
    const { client, calls, logs } = make({ 'GET /v2/webhooks': c => ({ body: { data: Array.from({ length: Number(c.url.searchParams.get('limit')) }, (_, i) => hook(i)) } }) });
    const hooks = await client.listWebhooks();
    assert.strictEqual(calls.length, MAX_PAGES);
    assert.strictEqual(hooks.length, MAX_PAGES * 100);
    assert.ok(logs.some(([level, m]) => level === 'warn' && /stopped after 100 pages/.test(m)));
  });

  test(`listAttributes stops after ${MAX_PAGES} pages too, and a short page still ends it early`, async () => {
    const attribute = (i: number) => ({ id: { workspace_id: 'w', object_id: 'o', attribute_id: `a${i}` }, title: `A${i}`, api_slug: `a${i}`, type: 'text', description: null, created_at: null });
    const endless = make({ 'GET /v2/objects/people/attributes': c => ({ body: { data: Array.from({ length: Number(c.url.searchParams.get('limit')) }, (_, i) => attribute(i)) } }) });
    assert.strictEqual((await endless.client.listAttributes('objects', 'people')).length, MAX_PAGES * 500);
    assert.strictEqual(endless.calls.length, MAX_PAGES);
    const short = make({ 'GET /v2/objects/people/attributes': c => ({ body: { data: Number(c.url.searchParams.get('offset')) === 0 ? Array.from({ length: 500 }, (_, i) => attribute(i)) : [attribute(500)] } }) });
    assert.strictEqual((await short.client.listAttributes('objects', 'people')).length, 501);
    assert.strictEqual(short.calls.length, 2);
  });
});
