import * as assert from 'assert';
import {
  BrokerError,
  brokerAuthorizeUrl,
  classifyRefusal,
  codeChallengeS256,
  exchangeAtBroker,
  fetchBrokerMetadata,
  newCodeVerifier,
  parseBrokerUrl,
  plainReason,
} from '../../../src/signIn/broker';
import { adminSteps, brokerErrorText, refusalMessage } from '../../../src/signIn/brokerFlow';

const BROKER = 'https://signin.team.example';
const META = {
  version: 1,
  name: 'Team Explorer',
  client_id: 'client-1',
  authorization_endpoint: `${BROKER}/authorize`,
  token_endpoint: `${BROKER}/token`,
  scopes: ['record_permission:read', 'object_configuration:read'],
};

/** A fetch that answers every request with `reply` and remembers what was sent. */
function fakeFetch(reply: (url: string, init: RequestInit) => Response | Promise<Response>): { fetch: typeof fetch; sent: { url: string; init: RequestInit }[] } {
  const sent: { url: string; init: RequestInit }[] = [];
  const f = (async (url: string, init: RequestInit) => {
    sent.push({ url, init });
    return reply(url, init);
  }) as unknown as typeof fetch;
  return { fetch: f, sent };
}
const json = (body: unknown, status = 200, headers: Record<string, string> = {}): Response => new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json', ...headers } });
const failure = async (p: Promise<unknown>): Promise<BrokerError> => {
  const e = await p.then(() => undefined, (x: unknown) => x);
  assert.ok(e instanceof BrokerError, `expected a BrokerError, got ${String(e)}`);
  return e;
};

suite('Sign-in broker: PKCE', () => {
  test('S256 challenge of RFC 7636 appendix B\'s verifier', async () => {
    assert.strictEqual(await codeChallengeS256('dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk'), 'E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM');
  });

  test('a verifier is 43 characters of the unreserved set, different every time', () => {
    const a = newCodeVerifier();
    assert.match(a, /^[A-Za-z0-9\-._~]{43}$/);
    assert.notStrictEqual(a, newCodeVerifier());
  });
});

suite('Sign-in broker: the address a person types', () => {
  const table: [string, string][] = [
    ['https://signin.team.example', 'https://signin.team.example'],
    ['  https://signin.team.example/attio/ ', 'https://signin.team.example/attio'],
    ['https://signin.team.example/?x=1#frag', 'https://signin.team.example'],
    ['http://127.0.0.1:8787', 'http://127.0.0.1:8787'],
    ['http://localhost:8787/', 'http://localhost:8787'],
    ['http://[::1]:8787', 'http://[::1]:8787'],
    ['', 'empty'],
    ['signin.team.example', 'invalid'],
    ['ftp://signin.team.example', 'invalid'],
    ['javascript:alert(1)', 'invalid'],
    ['http://signin.team.example', 'insecure'],
    ['http://127.0.0.1.evil.example', 'insecure'],
    ['https://user:pw@signin.team.example', 'credentials'],
  ];
  for (const [input, expected] of table) {
    test(`${JSON.stringify(input)} → ${expected}`, () => {
      const r = parseBrokerUrl(input);
      assert.strictEqual('url' in r ? r.url : r.problem, expected);
    });
  }
});

suite('Sign-in broker: metadata', () => {
  test('a valid document is read from /.well-known/attio-explorer, without following redirects or sending cookies', async () => {
    const f = fakeFetch(() => json(META));
    const m = await fetchBrokerMetadata(f.fetch, BROKER);
    assert.deepStrictEqual(m, { name: 'Team Explorer', clientId: 'client-1', authorizationEndpoint: `${BROKER}/authorize`, tokenEndpoint: `${BROKER}/token`, scopes: META.scopes });
    assert.strictEqual(f.sent[0].url, `${BROKER}/.well-known/attio-explorer`);
    assert.strictEqual(f.sent[0].init.redirect, 'manual');
    assert.strictEqual(f.sent[0].init.credentials, 'omit');
  });

  const bad: [string, unknown, string][] = [
    ['another version', { ...META, version: 2 }, 'version'],
    ['no client id', { ...META, client_id: undefined }, 'client_id'],
    ['an empty name', { ...META, name: '' }, 'name'],
    ['scopes not a list', { ...META, scopes: 'a b' }, 'scopes'],
    ['not an object', ['x'], '(root)'],
  ];
  for (const [what, doc, field] of bad) {
    test(`${what}: not a broker, naming the field`, async () => {
      const e = await failure(fetchBrokerMetadata(fakeFetch(() => json(doc)).fetch, BROKER));
      assert.deepStrictEqual(e.failure, { kind: 'notBroker', host: 'signin.team.example', why: field });
    });
  }

  test('an endpoint on another origin is refused: the code would go where the person never pointed', async () => {
    const e = await failure(fetchBrokerMetadata(fakeFetch(() => json({ ...META, token_endpoint: 'https://collector.evil.example/token' })).fetch, BROKER));
    assert.deepStrictEqual(e.failure, { kind: 'foreignEndpoint', host: 'signin.team.example', endpointHost: 'collector.evil.example' });
    const http = await failure(fetchBrokerMetadata(fakeFetch(() => json({ ...META, authorization_endpoint: 'http://signin.team.example/authorize' })).fetch, BROKER));
    assert.strictEqual(http.failure.kind, 'foreignEndpoint', 'http on the same host is another origin');
  });

  test('404, not JSON, a redirect and no answer each have their own failure', async () => {
    assert.deepStrictEqual((await failure(fetchBrokerMetadata(fakeFetch(() => new Response('nope', { status: 404 })).fetch, BROKER))).failure, { kind: 'notBroker', host: 'signin.team.example', why: 'HTTP 404' });
    assert.deepStrictEqual((await failure(fetchBrokerMetadata(fakeFetch(() => new Response('<html>', { status: 200 })).fetch, BROKER))).failure, { kind: 'notBroker', host: 'signin.team.example', why: 'not JSON' });
    const redirect = await failure(fetchBrokerMetadata(fakeFetch(() => new Response(null, { status: 302, headers: { location: 'https://elsewhere.example/x' } })).fetch, BROKER));
    assert.deepStrictEqual(redirect.failure, { kind: 'redirect', host: 'signin.team.example', targetHost: 'elsewhere.example' });
    const down = await failure(fetchBrokerMetadata(fakeFetch(() => Promise.reject(new TypeError('fetch failed'))).fetch, BROKER));
    assert.deepStrictEqual(down.failure, { kind: 'unreachable', host: 'signin.team.example' });
  });
});

suite('Sign-in broker: authorize URL and exchange', () => {
  test('the authorize URL carries the callback, nonce and S256 challenge, and nothing secret', () => {
    const u = new URL(brokerAuthorizeUrl({ authorizationEndpoint: `${BROKER}/authorize` }, { callback: 'vscode://attio-explorer.attio-explorer/auth/callback', nonce: 'n1', challenge: 'c1' }));
    assert.strictEqual(u.origin + u.pathname, `${BROKER}/authorize`);
    assert.deepStrictEqual(Object.fromEntries(u.searchParams), { callback: 'vscode://attio-explorer.attio-explorer/auth/callback', nonce: 'n1', code_challenge: 'c1', code_challenge_method: 'S256' });
  });

  test('the exchange posts code, verifier and sealed state as JSON (no client id or secret) and returns the token', async () => {
    const f = fakeFetch(() => json({ access_token: 'tok-1', token_type: 'Bearer' }));
    assert.strictEqual(await exchangeAtBroker({ fetch: f.fetch, tokenEndpoint: `${BROKER}/token`, code: 'code-1', verifier: 'verifier-1', state: 'sealed-1' }), 'tok-1');
    assert.deepStrictEqual(JSON.parse(String(f.sent[0].init.body)), { code: 'code-1', code_verifier: 'verifier-1', state: 'sealed-1' });
    assert.strictEqual(f.sent[0].init.method, 'POST');
    assert.strictEqual(f.sent[0].init.redirect, 'manual');
  });

  const errors: [string, () => Response, Record<string, unknown>][] = [
    ['400 invalid_grant', () => json({ error: 'invalid_grant', error_description: 'verifier mismatch' }, 400), { kind: 'expired' }],
    ['429 with Retry-After', () => json({ error: 'rate_limited' }, 429, { 'retry-after': '7' }), { kind: 'busy', retryAfterSeconds: 7 }],
    ['502 upstream_unavailable', () => json({ error: 'upstream_unavailable' }, 502), { kind: 'attioDown' }],
    ['400 invalid_request', () => json({ error: 'invalid_request' }, 400), { kind: 'refused', why: 'invalid_request' }],
    ['500 without a body', () => new Response('', { status: 500 }), { kind: 'refused', why: 'HTTP 500' }],
    ['200 without a token', () => json({ token_type: 'Bearer' }), { kind: 'refused', why: 'no access_token' }],
  ];
  for (const [what, reply, expected] of errors) {
    test(`${what} → ${String(expected.kind)}, with no code or verifier in the message`, async () => {
      const e = await failure(exchangeAtBroker({ fetch: fakeFetch(reply).fetch, tokenEndpoint: `${BROKER}/token`, code: 'code-secret-1', verifier: 'verifier-secret-1', state: 's', now: () => 0 }));
      assert.deepStrictEqual(e.failure, { host: 'signin.team.example', ...expected });
      assert.ok(!/code-secret-1|verifier-secret-1/.test(e.message), e.message);
      assert.ok(!/code-secret-1|verifier-secret-1/.test(brokerErrorText(e)));
      assert.ok(brokerErrorText(e).length > 10);
    });
  }
});

suite('Sign-in broker: when Attio says no', () => {
  test('error codes map to what a person can do', () => {
    assert.deepStrictEqual(
      ['access_denied', 'unauthorized_client', 'invalid_scope', 'temporarily_unavailable', 'server_error', 'whatever'].map(classifyRefusal),
      ['declined', 'notAllowed', 'notAllowed', 'unavailable', 'unavailable', 'other'],
    );
  });

  test('a denial is information, quotes Attio\'s reason and names the next step (ask an admin to install the app)', () => {
    const m = refusalMessage('declined', 'Team Explorer', 'access_denied', 'Members cannot install apps in this workspace.');
    assert.strictEqual(m.severity, 'info', 'a person\'s own Deny is not a failure of the extension');
    assert.ok(m.askAdmin);
    assert.match(m.text, /Attio did not authorize Team Explorer/);
    assert.match(m.text, /Attio says: "Members cannot install apps in this workspace\."/);
    assert.match(m.text, /ask a workspace admin to install Team Explorer for your workspace/);
  });

  test('an app not allowed asks for the admin; Attio being unavailable says try again, without an admin', () => {
    const notAllowed = refusalMessage('notAllowed', 'Team Explorer', 'unauthorized_client');
    assert.deepStrictEqual([notAllowed.severity, notAllowed.askAdmin], ['warning', true]);
    assert.match(notAllowed.text, /unauthorized_client.*Ask a workspace admin to install Team Explorer/);
    const down = refusalMessage('unavailable', 'Team Explorer', 'temporarily_unavailable');
    assert.deepStrictEqual([down.askAdmin, /Try again/.test(down.text)], [false, true]);
  });

  test('Attio\'s reason is shown as plain text: no link, no markup, one line, bounded', () => {
    assert.strictEqual(plainReason('see [here](command:workbench.action.reloadWindow) `x`\n<b>y</b>'), 'see here (command:workbench.action.reloadWindow) x b y /b');
    assert.ok(plainReason('a'.repeat(1000)).length <= 300);
    assert.ok(!/\[|\]/.test(refusalMessage('other', 'App', 'x', '[click](https://evil.example)').text));
  });

  test('the admin\'s steps name the app and the broker address', () => {
    const steps = adminSteps('Team Explorer', BROKER);
    assert.match(steps, /Team Explorer/);
    assert.ok(steps.includes(BROKER));
    assert.match(steps, /workspace admin/);
  });
});
