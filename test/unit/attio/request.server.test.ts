/**
 * The token goes only to the origin it was verified against, and a request carrying it never follows a redirect.
 * Redirects are tested with Node's real fetch against real loopback servers (one redirecting to the other).
 */
import * as assert from 'assert';
import { createServer, type IncomingMessage, type Server } from 'http';
import type { AddressInfo } from 'net';
import { AttioClient, OriginMismatchError, RateLimiter, RedirectError, buildRequest, endpoints, redirectOf } from '../../../src/attio';
import { fakeFetch } from './fakeFetch';

const TOKEN = 'tok_origin_bound_5b2d4f6a8c0e2b4d6f8a';

interface Recorder {
  url: string;
  host: string;
  seen: { path: string; authorization?: string }[];
  close(): Promise<void>;
}

/** A loopback HTTP server that records each request and answers with `reply`. */
async function listen(reply: (req: IncomingMessage, res: import('http').ServerResponse) => void): Promise<Recorder> {
  const seen: Recorder['seen'] = [];
  const server: Server = createServer((req, res) => {
    seen.push({ path: req.url ?? '', authorization: req.headers.authorization });
    reply(req, res);
  });
  await new Promise<void>(r => server.listen(0, '127.0.0.1', r));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    host: `127.0.0.1:${port}`,
    seen,
    close: () => new Promise<void>(r => {
      server.closeAllConnections();
      server.close(() => r());
    }),
  };
}

const selfBody = JSON.stringify({ active: false });

suite('attio: the token goes only to its own origin', () => {
  test('buildRequest refuses to attach the token to another origin', () => {
    assert.throws(
      () => buildRequest(endpoints.self, { baseUrl: 'https://evil.test', token: TOKEN, tokenOrigin: 'https://api.attio.com' }),
      (e: unknown) => e instanceof OriginMismatchError && e.tokenOrigin === 'https://api.attio.com' && e.requestOrigin === 'https://evil.test' && !e.message.includes(TOKEN),
    );
    // same origin, another path prefix: allowed
    const ok = buildRequest(endpoints.self, { baseUrl: 'https://api.attio.com/proxy/', token: TOKEN, tokenOrigin: 'https://api.attio.com' });
    assert.strictEqual(ok.headers.Authorization, `Bearer ${TOKEN}`);
    // a port is part of the origin
    assert.throws(() => buildRequest(endpoints.self, { baseUrl: 'http://127.0.0.1:9001', token: TOKEN, tokenOrigin: 'http://127.0.0.1:9000' }), OriginMismatchError);
    // nothing to protect without a token
    assert.strictEqual(buildRequest(endpoints.self, { baseUrl: 'https://evil.test', tokenOrigin: 'https://api.attio.com' }).headers.Authorization, undefined);
  });

  test('a client bound to one origin sends nothing when its base URL names another', async () => {
    const f = fakeFetch({ '*': { body: { active: false } } });
    const client = new AttioClient({ baseUrl: 'https://other.test', tokenOrigin: 'https://api.attio.com', token: () => TOKEN, fetch: f.fetch, limiter: new RateLimiter(), maxRetries: 3 });
    const err = await client.listObjects().catch((e: unknown) => e);
    assert.ok(err instanceof OriginMismatchError, String(err));
    assert.match(err.message, /belongs to https:\/\/api\.attio\.com, not https:\/\/other\.test/);
    assert.ok(!err.message.includes(TOKEN) && !JSON.stringify(err).includes(TOKEN));
    assert.strictEqual(f.calls.length, 0, 'no request left the client');
  });

  test('without a tokenOrigin the client is bound to its base URL\'s origin', async () => {
    const f = fakeFetch({ 'GET /v2/self': { body: { active: false } } });
    const client = new AttioClient({ baseUrl: 'https://api.example.test', token: () => TOKEN, fetch: f.fetch, limiter: new RateLimiter() });
    assert.deepStrictEqual(await client.self(), { active: false });
    assert.strictEqual(f.calls[0].headers.Authorization, `Bearer ${TOKEN}`);
  });
});

suite('attio: requests carrying the token never follow redirects', () => {
  let target: Recorder;
  let redirector: Recorder;
  let status = 307;
  suiteSetup(async () => {
    target = await listen((_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(selfBody);
    });
    redirector = await listen((req, res) => {
      res.writeHead(status, { location: `${target.url}${req.url}?stolen=1` });
      res.end();
    });
  });
  suiteTeardown(async () => {
    await redirector.close();
    await target.close();
  });

  for (const s of [301, 302, 303, 307, 308]) {
    test(`HTTP ${s} from the API is reported with the target host, not followed`, async () => {
      status = s;
      target.seen.length = 0;
      redirector.seen.length = 0;
      const client = new AttioClient({ baseUrl: redirector.url, token: () => TOKEN, limiter: new RateLimiter(), maxRetries: 3, timeoutMs: 5000 });
      const err = await client.self().catch((e: unknown) => e);
      assert.ok(err instanceof RedirectError, String(err));
      assert.strictEqual(err.status, s);
      assert.strictEqual(err.targetHost, target.host);
      assert.match(err.message, new RegExp(`redirect to ${target.host.replace(/\./g, '\\.')}.*never follow redirects`));
      assert.ok(!err.message.includes(TOKEN) && !err.message.includes('stolen'), 'neither the token nor the target path or query');
      assert.strictEqual(redirector.seen.length, 1, 'asked once: a redirect is not retried');
      assert.strictEqual(target.seen.length, 0, 'the redirect target received nothing');
    });
  }

  test('a browser-style opaque redirect is reported too (no host known)', () => {
    const opaque = { type: 'opaqueredirect', status: 0, headers: new Headers() } as unknown as Response;
    assert.deepStrictEqual(redirectOf(opaque, 'https://api.attio.com/v2/self'), { status: undefined, host: '' });
    assert.strictEqual(redirectOf(new Response(null, { status: 304 }), 'https://api.attio.com/v2/self'), undefined, '304 is not a redirect');
    assert.strictEqual(redirectOf(new Response('{}', { status: 200 }), 'https://api.attio.com/v2/self'), undefined);
  });
});
