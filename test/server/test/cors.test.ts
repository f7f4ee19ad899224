/** CORS of the local server (cors.ts): what a browser's worker sees when it calls the API from an allowed origin or not. */
import * as assert from 'node:assert';
import { AttioTestServer, startAttioServer } from '../index';

suite('Local server: CORS for browsers', () => {
  let server: AttioTestServer;
  const allowed = 'http://127.0.0.1:8080';
  suiteSetup(async () => {
    server = await startAttioServer({ rateLimit: false, corsOrigins: [] });
    server.allowCorsOrigin(`${allowed}/some/path`);
  });
  suiteTeardown(() => server.close());

  const preflight = (origin: string) =>
    fetch(`${server.url}/v2/objects/people/records/query`, {
      method: 'OPTIONS',
      headers: { origin, 'access-control-request-method': 'POST', 'access-control-request-headers': 'authorization,content-type' },
    });

  test('an allowed origin: the preflight allows Authorization and Content-Type, answers carry the origin and expose Retry-After', async () => {
    const pre = await preflight(allowed);
    assert.strictEqual(pre.status, 204);
    assert.strictEqual(pre.headers.get('access-control-allow-origin'), allowed);
    assert.match(pre.headers.get('access-control-allow-headers') ?? '', /Authorization/);
    assert.match(pre.headers.get('access-control-allow-headers') ?? '', /Content-Type/);
    assert.match(pre.headers.get('access-control-allow-methods') ?? '', /POST/);
    const res = await fetch(`${server.url}/v2/self`, { headers: { origin: allowed, authorization: `Bearer ${server.tokens.full}` } });
    assert.strictEqual(res.status, 200);
    assert.strictEqual(res.headers.get('access-control-allow-origin'), allowed);
    assert.strictEqual(res.headers.get('access-control-expose-headers'), 'Retry-After');
    assert.strictEqual(server.requests.at(-1)?.origin, allowed, 'the log names the origin');
  });

  test('another origin gets no CORS header (the browser blocks the answer); Node, sending no Origin, is unaffected', async () => {
    const pre = await preflight('https://evil.example');
    assert.strictEqual(pre.headers.get('access-control-allow-origin'), null);
    const res = await fetch(`${server.url}/v2/self`, { headers: { origin: 'https://evil.example', authorization: `Bearer ${server.tokens.full}` } });
    assert.strictEqual(res.headers.get('access-control-allow-origin'), null);
    const node = await fetch(`${server.url}/v2/self`, { headers: { authorization: `Bearer ${server.tokens.full}` } });
    assert.strictEqual(node.status, 200);
    assert.strictEqual(server.requests.at(-1)?.origin, undefined);
  });
});
