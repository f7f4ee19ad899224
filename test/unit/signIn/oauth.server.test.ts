import * as assert from 'assert';
import { createServer } from 'http';
import type { AddressInfo } from 'net';
import { OAuthError, buildAuthorizeUrl, buildState, exchangeCode, newNonce, waitForCallback } from '../../../src/signIn/oauth';

/** A tiny stand-in for the URI handler: tests push callback queries into it. */
class FakeCallbacks {
  private listeners = new Set<(q: URLSearchParams) => void>();
  subscribe = (l: (q: URLSearchParams) => void): (() => void) => {
    this.listeners.add(l);
    return () => this.listeners.delete(l);
  };
  push(query: string): void {
    for (const l of [...this.listeners]) l(new URLSearchParams(query));
  }
  get count(): number {
    return this.listeners.size;
  }
}

suite('OAuth: state, callback wait, exchange', () => {
  test('every attempt gets a different unguessable nonce', () => {
    const a = newNonce();
    const b = newNonce();
    assert.notStrictEqual(a, b);
    assert.match(a, /^[0-9a-f]{48}$/);
  });

  test('authorize URL carries client_id, response_type=code, the exact redirect and the state', () => {
    const url = new URL(buildAuthorizeUrl({ authorizeUrl: 'https://app.attio.com/authorize', clientId: 'cid', redirectUri: 'vscode://attio-explorer.attio-explorer/auth/callback', state: 'n1' }));
    assert.strictEqual(url.origin + url.pathname, 'https://app.attio.com/authorize');
    assert.strictEqual(url.searchParams.get('client_id'), 'cid');
    assert.strictEqual(url.searchParams.get('response_type'), 'code');
    assert.strictEqual(url.searchParams.get('redirect_uri'), 'vscode://attio-explorer.attio-explorer/auth/callback');
    assert.strictEqual(url.searchParams.get('state'), 'n1');
  });

  test('behind a relay the state carries the nonce and the window callback', () => {
    const cb = 'http://127.0.0.1:9/callback?vscode-reqid=3&vscode-scheme=code-oss';
    const state = buildState('abc', cb);
    assert.deepStrictEqual(JSON.parse(Buffer.from(state, 'base64url').toString('utf8')), { n: 'abc', cb });
    assert.strictEqual(buildState('abc'), 'abc');
  });

  test('a callback with another state is ignored; the right one resolves with its code', async () => {
    const cbs = new FakeCallbacks();
    const ignored: string[] = [];
    const waiting = waitForCallback({ subscribe: cbs.subscribe, state: 's-good', timeoutMs: 2000, onIgnored: r => ignored.push(r) });
    cbs.push('code=evil&state=s-bad');
    cbs.push('code=c1&state=s-good');
    assert.deepStrictEqual(await waiting, { code: 'c1' });
    assert.strictEqual(ignored.length, 1);
    assert.strictEqual(cbs.count, 0, 'the listener is removed once settled');
  });

  test('a denial comes back as an error result', async () => {
    const cbs = new FakeCallbacks();
    const waiting = waitForCallback({ subscribe: cbs.subscribe, state: 's', timeoutMs: 2000 });
    cbs.push('error=access_denied&state=s');
    assert.deepStrictEqual(await waiting, { error: 'access_denied' });
    const long = waitForCallback({ subscribe: cbs.subscribe, state: 't', timeoutMs: 2000 });
    cbs.push(`error=${encodeURIComponent('<b>Call +1 555</b> '.repeat(5000))}&error_description=x&state=t`);
    assert.deepStrictEqual(await long, { error: 'unreadable_error' }, 'text that is not an error code is not passed on');
  });

  test('times out when nothing comes back, and stops listening', async () => {
    const cbs = new FakeCallbacks();
    const t0 = Date.now();
    await assert.rejects(waitForCallback({ subscribe: cbs.subscribe, state: 's', timeoutMs: 60 }), (e: unknown) => e instanceof OAuthError && e.reason === 'timeout');
    assert.ok(Date.now() - t0 >= 55);
    assert.strictEqual(cbs.count, 0);
  });

  test('cancellation rejects at once, before and during the wait', async () => {
    const cbs = new FakeCallbacks();
    const ac = new AbortController();
    const waiting = waitForCallback({ subscribe: cbs.subscribe, state: 's', timeoutMs: 10_000, signal: ac.signal });
    ac.abort();
    await assert.rejects(waiting, (e: unknown) => e instanceof OAuthError && e.reason === 'cancelled');
    assert.strictEqual(cbs.count, 0);
    await assert.rejects(waitForCallback({ subscribe: cbs.subscribe, state: 's', timeoutMs: 10_000, signal: ac.signal }), /cancelled/);
  });

  test('the exchange posts a form with the secret and never echoes code or secret in errors', async () => {
    const seen: { url: string; body: string }[] = [];
    const fakeFetch = (async (url: string, init: RequestInit) => {
      seen.push({ url, body: String(init.body) });
      return new Response(JSON.stringify({ error: 'invalid_client' }), { status: 401, headers: { 'content-type': 'application/json' } });
    }) as unknown as typeof fetch;
    const err = await exchangeCode({ fetch: fakeFetch, code: 'code-123456', clientId: 'cid', redirectUri: 'r', tokenUrl: 'https://x.test/oauth/token', clientSecret: 'very-secret-value' }).catch(e => e);
    assert.ok(err instanceof OAuthError);
    assert.match(err.message, /invalid_client/);
    assert.deepStrictEqual(err.failure, { kind: 'refused', why: 'invalid_client' }, 'typed, for the words a person reads');
    assert.ok(!err.message.includes('code-123456') && !err.message.includes('very-secret-value'));
    const form = new URLSearchParams(seen[0].body);
    assert.strictEqual(form.get('grant_type'), 'authorization_code');
    assert.strictEqual(form.get('client_secret'), 'very-secret-value');
    assert.strictEqual(form.get('code'), 'code-123456');
  });

  test('a redirecting token endpoint gets the code and secret once and its target gets nothing', async () => {
    const forms: string[] = [];
    const target = createServer((req, res) => {
      let body = '';
      req.on('data', c => (body += c));
      req.on('end', () => {
        forms.push(body);
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ access_token: 'stolen-token' }));
      });
    });
    await new Promise<void>(r => target.listen(0, '127.0.0.1', r));
    const targetHost = `127.0.0.1:${(target.address() as AddressInfo).port}`;
    const redirector = createServer((_req, res) => {
      res.writeHead(307, { location: `http://${targetHost}/oauth/token` });
      res.end();
    });
    await new Promise<void>(r => redirector.listen(0, '127.0.0.1', r));
    try {
      const tokenUrl = `http://127.0.0.1:${(redirector.address() as AddressInfo).port}/oauth/token`;
      const err = await exchangeCode({ fetch: globalThis.fetch, code: 'code-123456', clientId: 'cid', redirectUri: 'r', tokenUrl, clientSecret: 'very-secret-value' }).catch(e => e);
      assert.ok(err instanceof OAuthError && err.reason === 'exchange', String(err));
      assert.match(err.message, new RegExp(`redirect to ${targetHost.replace(/\./g, '\\.')}`));
      assert.ok(err.failure?.kind === 'redirect' && err.failure.targetHost === targetHost, JSON.stringify(err.failure));
      assert.ok(!err.message.includes('code-123456') && !err.message.includes('very-secret-value'));
      assert.deepStrictEqual(forms, [], 'the code and secret were not sent on');
    } finally {
      redirector.close();
      target.close();
    }
  });

  test("a token endpoint's error text is shown only as a short error code, never long, never a secret of the exchange", async () => {
    const answering = (error: unknown) =>
      (async () => new Response(JSON.stringify({ error, error_description: 'x'.repeat(100_000) }), { status: 400, headers: { 'content-type': 'application/json' } })) as unknown as typeof fetch;
    const exchange = (error: unknown): Promise<OAuthError> =>
      exchangeCode({ fetch: answering(error), code: 'code-123456', clientId: 'cid', redirectUri: 'r', tokenUrl: 'https://x.test/oauth/token', clientSecret: 'very-secret-value' }).catch(e => e);
    assert.match((await exchange('invalid_grant')).message, /\(invalid_grant\)/);
    for (const hostile of ['y'.repeat(1_000_000), 'very-secret-value', 'code-123456', 'Bearer abc def', '<script>', { nested: true }]) {
      const e = await exchange(hostile);
      assert.match(e.message, /^The token exchange failed \(HTTP 400\)\.$/, JSON.stringify(hostile).slice(0, 40));
      assert.deepStrictEqual(e.failure, { kind: 'refused', why: 'HTTP 400' });
    }
  });

  test('with an exchange URL the secret is not needed and not sent', async () => {
    let body = '';
    const fakeFetch = (async (_url: string, init: RequestInit) => {
      body = String(init.body);
      return new Response(JSON.stringify({ access_token: 'tok', token_type: 'Bearer' }), { status: 200 });
    }) as unknown as typeof fetch;
    assert.strictEqual(await exchangeCode({ fetch: fakeFetch, code: 'c', clientId: 'cid', redirectUri: 'r', exchangeUrl: 'https://team.test/x' }), 'tok');
    assert.strictEqual(new URLSearchParams(body).get('client_secret'), null);
  });
});
