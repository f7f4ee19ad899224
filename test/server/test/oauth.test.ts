import * as assert from 'node:assert';
import { AttioTestServer, startAttioServer } from '../index';
import { OAuthProvider, CODE_TTL_MS } from '../oauth';
import { TokenStore } from '../tokens';
import { api, form, raw } from './helpers';

const APP_CALLBACK = 'http://127.0.0.1:3050/callback';

suite('Attio test server: OAuth', () => {
  let server: AttioTestServer;
  setup(async () => {
    server = await startAttioServer({ rateLimit: false, oauth: { redirectUris: [APP_CALLBACK] } });
  });
  teardown(() => server.close());

  function authorizeUrl(params: Record<string, string>): string {
    const url = new URL(server.oauth.authorizeUrl);
    for (const [k, v] of Object.entries({ client_id: server.oauth.clientId, response_type: 'code', redirect_uri: APP_CALLBACK, ...params })) {
      url.searchParams.set(k, v);
    }
    return url.toString();
  }

  /** Loads the consent page and submits the given decision. */
  async function decide(decision: 'approve' | 'deny', state = 'st-123'): Promise<URL> {
    const page = await raw(authorizeUrl({ state }));
    assert.strictEqual(page.status, 200);
    const html = await page.text();
    const requestId = /name="request_id" value="([^"]+)"/.exec(html)![1];
    const res = await raw(new URL('/authorize/decision', server.url).toString(), form({ request_id: requestId, decision }));
    assert.strictEqual(res.status, 302);
    return new URL(res.headers.get('location')!);
  }

  async function exchange(code: string, secret = server.oauth.clientSecret): Promise<Response> {
    return raw(server.oauth.tokenUrl, form({ client_id: server.oauth.clientId, client_secret: secret, code, grant_type: 'authorization_code' }));
  }

  test('default redirect URIs include the relay and the vscode callback', () => {
    assert.deepStrictEqual(server.oauth.redirectUris, [server.oauth.relayUrl, 'vscode://attio-explorer.attio-explorer/auth/callback', APP_CALLBACK]);
  });

  test('the consent page shows app, workspace, scopes and both buttons', async () => {
    const html = await (await raw(authorizeUrl({ state: 'x' }))).text();
    assert.match(html, /Northwind Labs/);
    assert.match(html, /task:read-write/);
    assert.match(html, /<form method="post" action="\/authorize\/decision">/);
    assert.match(html, /value="approve"[^>]*>Approve</);
    assert.match(html, /value="deny"[^>]*>Deny</);
  });

  test('approve → code + state; the code exchanges once for a working token', async () => {
    const location = await decide('approve');
    assert.strictEqual(`${location.origin}${location.pathname}`, APP_CALLBACK);
    assert.strictEqual(location.searchParams.get('state'), 'st-123');
    const code = location.searchParams.get('code')!;
    assert.ok(code);
    const res = await exchange(code);
    assert.strictEqual(res.status, 200);
    const body = (await res.json()) as { access_token: string; token_type: string };
    assert.strictEqual(body.token_type, 'Bearer');
    const self = (await api(server, 'GET', '/v2/self', { token: body.access_token })).body;
    assert.strictEqual(self.active, true);
    assert.strictEqual(self.client_id, server.oauth.clientId);
    const scopes = self.scope.split(' ');
    assert.ok(scopes.includes('task:read-write') && scopes.includes('record_permission:read') && !scopes.includes('record_permission:read-write'));
    assert.strictEqual((await api(server, 'GET', '/v2/tasks', { token: body.access_token })).status, 200);
    assert.match(server.requests.find((r) => r.path === '/v2/self')!.token!, /^oauth-/);

    const replay = await exchange(code);
    assert.strictEqual(replay.status, 400);
    assert.strictEqual(((await replay.json()) as { error: string }).error, 'invalid_grant');
    assert.ok(!JSON.stringify(server.requests).includes(code), 'codes are redacted in the log');
  });

  test('deny → error=access_denied with state', async () => {
    const location = await decide('deny', 'deny-state');
    assert.strictEqual(location.searchParams.get('error'), 'access_denied');
    assert.strictEqual(location.searchParams.get('state'), 'deny-state');
    assert.strictEqual(location.searchParams.get('code'), null);
  });

  test('wrong secret → 401 invalid_client; unknown code → 400 invalid_grant; missing fields → 400', async () => {
    const code = (await decide('approve')).searchParams.get('code')!;
    const wrong = await exchange(code, 'not-the-secret');
    assert.strictEqual(wrong.status, 401);
    assert.strictEqual(((await wrong.json()) as { error: string }).error, 'invalid_client');
    assert.strictEqual((await exchange(code)).status, 200, 'a failed client auth does not burn the code');
    const unknown = await exchange('made-up-code');
    assert.strictEqual(unknown.status, 400);
    assert.strictEqual(((await unknown.json()) as { error: string }).error, 'invalid_grant');
    const missing = await raw(server.oauth.tokenUrl, form({ client_id: server.oauth.clientId, code }));
    assert.strictEqual(missing.status, 400);
  });

  test('unknown client or unregistered redirect_uri → HTML error page, never a redirect', async () => {
    const cases: Record<string, string>[] = [{ client_id: 'someone-else' }, { redirect_uri: 'http://127.0.0.1:3050/callback/' }, { redirect_uri: 'https://evil.example/cb' }];
    for (const params of cases) {
      const res = await raw(authorizeUrl(params));
      assert.strictEqual(res.status, 400, JSON.stringify(params));
      assert.strictEqual(res.headers.get('location'), null);
      assert.match(res.headers.get('content-type')!, /text\/html/);
    }
  });

  test('autoDecision decides at once, and can be changed at runtime', async () => {
    server.setOAuthAutoDecision('approve');
    const approved = await raw(authorizeUrl({ state: 'auto' }));
    assert.strictEqual(approved.status, 302);
    assert.ok(new URL(approved.headers.get('location')!).searchParams.get('code'));
    server.setOAuthAutoDecision('deny');
    const denied = await raw(authorizeUrl({ state: 'auto' }));
    assert.strictEqual(new URL(denied.headers.get('location')!).searchParams.get('error'), 'access_denied');
    server.setOAuthAutoDecision(undefined);
    assert.strictEqual((await raw(authorizeUrl({ state: 'auto' }))).status, 200);
  });

  test('relay forwards code/error and state to the callback in state, keeping its query', async () => {
    server.setOAuthAutoDecision('approve');
    const state = Buffer.from(JSON.stringify({ n: 'nonce-1', cb: 'vscode://attio-explorer.attio-explorer/auth/callback?windowId=7' })).toString('base64url');
    const auth = new URL(server.oauth.authorizeUrl);
    auth.search = new URLSearchParams({ client_id: server.oauth.clientId, response_type: 'code', redirect_uri: server.oauth.relayUrl, state }).toString();
    const toRelay = await raw(auth.toString());
    const relayLocation = toRelay.headers.get('location')!;
    assert.ok(relayLocation.startsWith(server.oauth.relayUrl));
    const relayed = await raw(relayLocation);
    assert.strictEqual(relayed.status, 302);
    const final = new URL(relayed.headers.get('location')!);
    assert.strictEqual(final.protocol, 'vscode:');
    assert.strictEqual(final.searchParams.get('windowId'), '7');
    assert.strictEqual(final.searchParams.get('state'), state);
    const code = final.searchParams.get('code')!;
    assert.strictEqual((await exchange(code)).status, 200);

    const denied = await raw(`${server.oauth.relayUrl}?error=access_denied&state=${state}`);
    assert.strictEqual(new URL(denied.headers.get('location')!).searchParams.get('error'), 'access_denied');

    const bad = await raw(`${server.oauth.relayUrl}?code=abc&state=not-base64-json`);
    assert.strictEqual(bad.status, 400);
    assert.strictEqual(bad.headers.get('location'), null);
  });

  const relayState = (cb: string, n = 'nonce-1'): string => Buffer.from(JSON.stringify({ n, cb })).toString('base64url');
  const relayTo = (state: string, query = 'code=the-code'): Promise<Response> => raw(`${server.oauth.relayUrl}?${query}&state=${state}`);

  test('relay: a forged callback gets a 400 page and no redirect, for a code or an error', async () => {
    const forged = [
      'https://attacker.example/steal',
      'http://evil',
      'javascript:alert(document.cookie)',
      'data:text/html,<script>alert(1)</script>',
      'file:///etc/passwd',
      'http://vscode.dev/callback',
      'https://vscode.dev.attacker.example/callback',
      'https://attacker.example@vscode.dev/callback',
      'https://vscode.dev:8443/callback',
      'https://vscode.dev/',
      'https://vscode.dev/github/attacker/repo',
      'https://github.dev/callback/../attacker',
      'https://insiders.vscode.dev/callbackx',
      'vscode://attio-explorer.attio-explorer/other/path',
      'vscode://other.extension/auth/callback',
      'vscode-insiders://other.extension/auth/callback',
      'vscodium://attio-explorer.attio-explorer/auth/callback',
      'command:attio.signOut',
      'http://127.0.0.1:3050/callback',
    ];
    for (const cb of forged) {
      for (const query of ['code=the-code', 'error=access_denied']) {
        const res = await relayTo(relayState(cb), query);
        assert.strictEqual(res.status, 400, `${cb} (${query})`);
        assert.strictEqual(res.headers.get('location'), null, cb);
        const html = await res.text();
        assert.match(html, /Unknown callback/);
        assert.ok(!html.includes('the-code'), 'the code is not echoed');
      }
    }
    assert.strictEqual((await relayTo(relayState('https://vscode.dev/callback', ''))).status, 400, 'a state without a nonce');
  });

  test('relay: forwards to the desktop schemes, vscode.dev, insiders.vscode.dev and github.dev with the state unchanged', async () => {
    const known = [
      'vscode://attio-explorer.attio-explorer/auth/callback?windowId=7',
      'vscode-insiders://attio-explorer.attio-explorer/auth/callback',
      'https://vscode.dev/callback?vscode-reqid=3&vscode-scheme=vscode&vscode-authority=attio-explorer.attio-explorer&vscode-path=%2Fauth%2Fcallback',
      'https://insiders.vscode.dev/callback?vscode-reqid=4',
      'https://github.dev/callback?vscode-reqid=5',
    ];
    for (const cb of known) {
      const state = relayState(cb);
      const res = await relayTo(state);
      assert.strictEqual(res.status, 302, cb);
      const to = new URL(res.headers.get('location')!);
      const want = new URL(cb);
      assert.strictEqual(`${to.protocol}//${to.host}${to.pathname}`, `${want.protocol}//${want.host}${want.pathname}`);
      for (const [k, v] of want.searchParams) assert.strictEqual(to.searchParams.get(k), v, `${cb}: keeps ${k}`);
      assert.strictEqual(to.searchParams.get('code'), 'the-code');
      assert.strictEqual(to.searchParams.get('state'), state, 'state unchanged');
    }
  });

  test("relay: the team's own hosts, from the server option or added later, and no other port", async () => {
    const own = await startAttioServer({ rateLimit: false, oauth: { relayOrigins: ['http://127.0.0.1:3050/'] } });
    try {
      const go = (cb: string): Promise<Response> => raw(`${own.oauth.relayUrl}?code=c&state=${relayState(cb)}`);
      assert.strictEqual((await go('http://127.0.0.1:3050/callback?vscode-reqid=1')).status, 302);
      assert.strictEqual((await go('http://127.0.0.1:3051/callback')).status, 400);
      assert.strictEqual((await go('https://code.team.example/callback')).status, 400);
      own.allowRelayOrigin('https://code.team.example');
      const res = await go('https://code.team.example/callback');
      assert.strictEqual(res.status, 302);
      assert.strictEqual(new URL(res.headers.get('location')!).origin, 'https://code.team.example');
      assert.strictEqual((await go('http://code.team.example/callback')).status, 400, 'the origin includes its scheme');
    } finally {
      await own.close();
    }
  });

  test('configured scopes are granted to OAuth tokens', async () => {
    const custom = await startAttioServer({ rateLimit: false, oauth: { scopes: ['object_configuration:read'], autoDecision: 'approve' } });
    try {
      const url = new URL(custom.oauth.authorizeUrl);
      url.search = new URLSearchParams({ client_id: custom.oauth.clientId, response_type: 'code', redirect_uri: custom.oauth.relayUrl, state: 's' }).toString();
      const code = new URL((await raw(url.toString())).headers.get('location')!).searchParams.get('code')!;
      const res = await raw(custom.oauth.tokenUrl, form({ client_id: custom.oauth.clientId, client_secret: custom.oauth.clientSecret, code, grant_type: 'authorization_code' }));
      const token = ((await res.json()) as { access_token: string }).access_token;
      assert.strictEqual((await api(custom, 'GET', '/v2/self', { token })).body.scope, 'object_configuration:read');
      assert.strictEqual((await api(custom, 'GET', '/v2/tasks', { token })).status, 403);
    } finally {
      await custom.close();
    }
  });

  test('a redirect URI registered later (a sign-in broker started after the server) is accepted from then on', async () => {
    const broker = 'http://127.0.0.1:3999/callback';
    const params = { redirect_uri: broker, state: 'b' };
    assert.strictEqual((await raw(authorizeUrl(params))).status, 400, 'unknown before');
    server.allowRedirectUri(broker);
    server.setOAuthAutoDecision('approve');
    const res = await raw(authorizeUrl(params));
    assert.strictEqual(res.status, 302);
    assert.strictEqual(new URL(res.headers.get('location')!).origin + new URL(res.headers.get('location')!).pathname, broker);
    assert.ok(server.oauth.redirectUris.includes(broker));
  });

  test('the token endpoint down (faults aimed at /oauth/token): 5xx, 429 or a reset, and the code stays usable', async () => {
    const code = (await decide('approve')).searchParams.get('code')!;
    server.setFaults({ pathPrefix: '/oauth/token', status5xxRate: 1 });
    const down = await exchange(code);
    assert.ok([500, 502, 503].includes(down.status), String(down.status));
    assert.strictEqual((await api(server, 'GET', '/v2/self', { token: server.tokens.full })).status, 200, 'the REST API is not affected');
    server.setFaults({ pathPrefix: '/oauth/token', status429Rate: 1 });
    const limited = await exchange(code);
    assert.strictEqual(limited.status, 429);
    assert.ok(limited.headers.get('retry-after'));
    server.setFaults({ pathPrefix: '/oauth/token', resetRate: 1 });
    await assert.rejects(exchange(code));
    assert.deepStrictEqual(server.requests.filter(r => r.path === '/oauth/token').map(r => r.fault), ['server-error', 'rate-limit', 'reset']);
    server.setFaults({});
    assert.strictEqual((await exchange(code)).status, 200, 'the code was not burnt while the endpoint was down');
  });
});

suite('OAuth provider: code expiry', () => {
  test('codes expire after 10 minutes', () => {
    let now = 1_700_000_000_000;
    const config = { appName: 'App', clientId: 'cid', clientSecret: 'secret', redirectUris: ['http://127.0.0.1/cb'], scopes: ['task:read'], autoDecision: 'approve' as const };
    const provider = new OAuthProvider(config, new TokenStore('api-client'), 'Northwind Labs', () => now);
    const issue = (): string => {
      const reply = provider.handle('GET', new URL('http://x/authorize?client_id=cid&response_type=code&redirect_uri=http%3A%2F%2F127.0.0.1%2Fcb&state=s'), '', undefined)!;
      return new URL(reply.headers!.location).searchParams.get('code')!;
    };
    const exchange = (code: string) =>
      provider.handle('POST', new URL('http://x/oauth/token'), new URLSearchParams({ client_id: 'cid', client_secret: 'secret', code, grant_type: 'authorization_code' }).toString(), 'application/x-www-form-urlencoded')!;
    const fresh = issue();
    now += CODE_TTL_MS - 1000;
    assert.strictEqual(exchange(fresh).status, 200);
    const stale = issue();
    now += CODE_TTL_MS + 1;
    const reply = exchange(stale);
    assert.strictEqual(reply.status, 400);
    assert.strictEqual(JSON.parse(reply.body!).error, 'invalid_grant');
  });
});
