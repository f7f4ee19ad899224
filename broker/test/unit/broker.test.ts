/** The fetch handler in Node against a stand-in upstream: routes, validation, error mapping, CORS, the fallback limiter. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { createBroker } from '../../src/broker';
import type { Env } from '../../src/config';
import { s256Challenge } from '../../src/pkce';

const SECRET = 'the-client-secret-0123456789';
const ENV: Env = {
  ATTIO_CLIENT_ID: 'client-123',
  ATTIO_CLIENT_SECRET: SECRET,
  SEALING_KEY: 'k'.repeat(40),
  ATTIO_AUTHORIZE_URL: 'https://attio.example/authorize',
  ATTIO_TOKEN_URL: 'https://attio.example/oauth/token',
  SCOPES: 'record_permission:read task:read-write',
  APP_NAME: 'Northwind sign-in',
  ALLOWED_CALLBACK_ORIGINS: 'https://code.team.example',
};
const BROKER = 'https://broker.example';
const CALLBACK = 'vscode://attio-explorer.attio-explorer/auth/callback?windowId=2';
const VERIFIER = 'dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk';

interface Upstream {
  calls: { url: string; init: RequestInit }[];
  fetcher: typeof fetch;
}

function upstream(answer: () => Response | Promise<Response>): Upstream {
  const calls: Upstream['calls'] = [];
  return { calls, fetcher: (async (url: string, init: RequestInit) => (calls.push({ url, init }), answer())) as typeof fetch };
}

const get = (path: string, headers: Record<string, string> = {}) => new Request(`${BROKER}${path}`, { headers });

async function startSignIn(broker = createBroker(), env = ENV): Promise<string> {
  const q = new URLSearchParams({ callback: CALLBACK, nonce: 'n-1', code_challenge: await s256Challenge(VERIFIER), code_challenge_method: 'S256' });
  const res = await broker.fetch(get(`/authorize?${q}`), env, '198.51.100.1');
  assert.equal(res.status, 302);
  return new URL(res.headers.get('location')!).searchParams.get('state')!;
}

function tokenRequest(body: Record<string, string>, headers: Record<string, string> = {}, form = false): Request {
  return new Request(`${BROKER}/token`, {
    method: 'POST',
    headers: { 'content-type': form ? 'application/x-www-form-urlencoded' : 'application/json', ...headers },
    body: form ? new URLSearchParams(body).toString() : JSON.stringify(body),
  });
}

test('healthz answers 200 even before the broker is configured; anything else then names the missing variables, never a value', async () => {
  const broker = createBroker();
  assert.equal((await broker.fetch(get('/healthz'), {}, 'ip')).status, 200);
  const res = await broker.fetch(get('/.well-known/attio-explorer'), { ATTIO_CLIENT_SECRET: SECRET, SEALING_KEY: 'short' }, 'ip');
  assert.equal(res.status, 500);
  const text = await res.text();
  assert.match(text, /ATTIO_CLIENT_ID/);
  assert.match(text, /SEALING_KEY/);
  assert.ok(!text.includes(SECRET) && !text.includes('short'));
});

test('metadata: client id, endpoints on the broker (or PUBLIC_URL), scopes, version; cached briefly; CORS *', async () => {
  const broker = createBroker();
  const res = await broker.fetch(get('/.well-known/attio-explorer'), ENV, 'ip');
  assert.equal(res.status, 200);
  assert.deepEqual(await res.json(), {
    version: 1,
    name: 'Northwind sign-in',
    client_id: 'client-123',
    authorization_endpoint: `${BROKER}/authorize`,
    token_endpoint: `${BROKER}/token`,
    scopes: ['record_permission:read', 'task:read-write'],
  });
  assert.equal(res.headers.get('access-control-allow-origin'), '*');
  assert.match(res.headers.get('cache-control')!, /max-age=300/);
  const proxied = await broker.fetch(new Request('http://127.0.0.1:8787/.well-known/attio-explorer'), { ...ENV, PUBLIC_URL: 'https://sso.team.example/' }, 'ip');
  assert.equal(((await proxied.json()) as { token_endpoint: string }).token_endpoint, 'https://sso.team.example/token');
  assert.ok(!JSON.stringify(await (await broker.fetch(get('/.well-known/attio-explorer'), ENV, 'ip')).text()).includes(SECRET));
});

test('authorize: a good request redirects to Attio with exactly client_id, response_type, redirect_uri and a sealed state', async () => {
  const q = new URLSearchParams({ callback: CALLBACK, nonce: 'n-1', code_challenge: await s256Challenge(VERIFIER), code_challenge_method: 'S256', workspace: 'northwind' });
  const res = await createBroker().fetch(get(`/authorize?${q}`), ENV, 'ip');
  assert.equal(res.status, 302);
  const to = new URL(res.headers.get('location')!);
  assert.equal(`${to.origin}${to.pathname}`, ENV.ATTIO_AUTHORIZE_URL);
  assert.deepEqual([...to.searchParams.keys()].sort(), ['client_id', 'redirect_uri', 'response_type', 'state']);
  assert.equal(to.searchParams.get('client_id'), 'client-123');
  assert.equal(to.searchParams.get('response_type'), 'code');
  assert.equal(to.searchParams.get('redirect_uri'), `${BROKER}/callback`);
  assert.ok(!to.searchParams.get('state')!.includes('attio-explorer') && !to.toString().includes(SECRET));
});

test('authorize: bad input gets a 400 page and no redirect', async () => {
  const challenge = await s256Challenge(VERIFIER);
  const good = { callback: CALLBACK, nonce: 'n-1', code_challenge: challenge, code_challenge_method: 'S256' };
  const cases: Record<string, string>[] = [
    { ...good, callback: '' },
    { ...good, callback: 'https://vscode.dev@evil.example/callback' },
    { ...good, callback: 'vscode://evil.extension/auth/callback' },
    { ...good, nonce: '' },
    { ...good, nonce: 'has space' },
    { ...good, code_challenge_method: 'plain' },
    { ...good, code_challenge: VERIFIER + 'x' },
    { ...good, code_challenge: '' },
    { ...good, workspace: 'a'.repeat(300) },
  ];
  const broker = createBroker();
  for (const params of cases) {
    const res = await broker.fetch(get(`/authorize?${new URLSearchParams(params)}`), ENV, 'ip');
    assert.equal(res.status, 400, JSON.stringify(params));
    assert.equal(res.headers.get('location'), null);
    assert.match(res.headers.get('content-type')!, /text\/plain/);
  }
  const repeated = await broker.fetch(get(`/authorize?${new URLSearchParams(good)}&callback=${encodeURIComponent('https://evil.example/')}`), ENV, 'ip');
  assert.equal(repeated.status, 400, 'a repeated parameter');
});

test('token: one upstream request, form-encoded, no redirects followed; the answer is access_token and token_type only', async () => {
  const up = upstream(() => Response.json({ access_token: 'tok-1', token_type: 'Bearer', refresh_token: 'r', scope: 'x', extra: 1 }));
  const broker = createBroker({ fetcher: up.fetcher });
  const state = await startSignIn(broker);
  const res = await broker.fetch(tokenRequest({ code: 'code-1', code_verifier: VERIFIER, state }), ENV, 'ip');
  assert.equal(res.status, 200);
  assert.deepEqual(await res.json(), { access_token: 'tok-1', token_type: 'Bearer' });
  assert.equal(res.headers.get('cache-control'), 'no-store');
  assert.equal(up.calls.length, 1);
  assert.equal(up.calls[0].url, ENV.ATTIO_TOKEN_URL);
  assert.equal(up.calls[0].init.redirect, 'manual');
  assert.deepEqual(Object.fromEntries(new URLSearchParams(String(up.calls[0].init.body))), {
    grant_type: 'authorization_code',
    code: 'code-1',
    client_id: 'client-123',
    client_secret: SECRET,
    redirect_uri: `${BROKER}/callback`,
  });
  const asForm = await broker.fetch(tokenRequest({ code: 'code-2', code_verifier: VERIFIER, state }, {}, true), ENV, 'ip');
  assert.equal(asForm.status, 200, 'a form body works too');
});

test('token: refused before any upstream request unless the verifier matches the sealed challenge of an authentic state', async () => {
  const up = upstream(() => Response.json({ access_token: 'tok', token_type: 'Bearer' }));
  const broker = createBroker({ fetcher: up.fetcher });
  const state = await startSignIn(broker);
  const refused: [Record<string, string>, string][] = [
    [{ code: 'c', code_verifier: 'W'.repeat(43), state }, 'invalid_grant'],
    [{ code: 'c', code_verifier: VERIFIER, state: state.slice(0, -2) + (state.endsWith('AA') ? 'BA' : 'AA') }, 'invalid_grant'],
    [{ code: 'c', code_verifier: VERIFIER, state: 'forged' }, 'invalid_grant'],
    [{ code: 'c', code_verifier: 'short', state }, 'invalid_request'],
    [{ code: '', code_verifier: VERIFIER, state }, 'invalid_request'],
    [{ code: 'c', code_verifier: VERIFIER }, 'invalid_request'],
  ];
  for (const [body, error] of refused) {
    const res = await broker.fetch(tokenRequest(body), ENV, 'ip');
    assert.equal(res.status, 400, JSON.stringify(body));
    assert.equal(((await res.json()) as { error: string }).error, error, JSON.stringify(body));
  }
  const bodies = [
    new Request(`${BROKER}/token`, { method: 'POST', headers: { 'content-type': 'text/plain' }, body: JSON.stringify({ code: 'c', code_verifier: VERIFIER, state }) }),
    new Request(`${BROKER}/token`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ code: 'c', code_verifier: VERIFIER, state, pad: 'x'.repeat(9000) }) }),
    new Request(`${BROKER}/token`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '[1,2]' }),
  ];
  for (const request of bodies) assert.equal((await broker.fetch(request, ENV, 'ip')).status, 400);
  assert.equal(up.calls.length, 0);
});

test('token: upstream failures become upstream_unavailable (502) or a bounded, redacted OAuth error', async () => {
  const cases: [() => Response | Promise<Response>, number, string][] = [
    [() => Promise.reject(new TypeError('connection refused')), 502, 'upstream_unavailable'],
    [() => new Response('<html>down</html>', { status: 503 }), 502, 'upstream_unavailable'],
    [() => Response.json({ error: 'rate_limit' }, { status: 429 }), 502, 'upstream_unavailable'],
    [() => new Response(null, { status: 302, headers: { location: 'https://evil.example/' } }), 502, 'upstream_unavailable'],
    [() => new Response('not json', { status: 200 }), 502, 'upstream_unavailable'],
    [() => Response.json({ token_type: 'Bearer' }), 502, 'upstream_unavailable'],
    [() => new Response('x'.repeat(70_000), { status: 200 }), 502, 'upstream_unavailable'],
    [() => Response.json({ error: 'invalid_grant', error_description: `code code-9 and ${SECRET} are \u0007bad ${'y'.repeat(400)}` }, { status: 400 }), 400, 'invalid_grant'],
    [() => Response.json({ error: 'invalid_client', error_description: `secret ${SECRET}` }, { status: 401 }), 502, 'invalid_client'],
    [() => Response.json({ error: 'something_new' }, { status: 400 }), 502, 'upstream_unavailable'],
  ];
  for (const [answer, status, error] of cases) {
    const up = upstream(answer);
    const broker = createBroker({ fetcher: up.fetcher });
    const res = await broker.fetch(tokenRequest({ code: 'code-9', code_verifier: VERIFIER, state: await startSignIn(broker) }), ENV, 'ip');
    const text = await res.text();
    assert.equal(res.status, status, text);
    const body = JSON.parse(text) as { error: string; error_description?: string };
    assert.equal(body.error, error);
    assert.ok(!text.includes(SECRET) && !text.includes('code-9'), `redacted: ${text}`);
    assert.ok(!body.error_description || (body.error_description.length <= 300 && !/[\u0000-\u001f]/.test(body.error_description)));
    assert.equal(up.calls.length, 1);
  }
});

test('token: CORS for VS Code for the Web, its workers and configured origins (preflight too); none for others', async () => {
  const up = upstream(() => Response.json({ access_token: 'tok', token_type: 'Bearer' }));
  const broker = createBroker({ fetcher: up.fetcher });
  for (const origin of ['https://vscode.dev', 'https://v--abc123.vscode-cdn.net', 'https://code.team.example']) {
    const pre = await broker.fetch(new Request(`${BROKER}/token`, { method: 'OPTIONS', headers: { origin, 'access-control-request-method': 'POST', 'access-control-request-headers': 'content-type' } }), ENV, 'ip');
    assert.equal(pre.status, 204);
    assert.equal(pre.headers.get('access-control-allow-origin'), origin);
    assert.match(pre.headers.get('access-control-allow-headers')!, /Content-Type/i);
    const res = await broker.fetch(tokenRequest({ code: 'c', code_verifier: VERIFIER, state: await startSignIn(broker) }, { origin }), ENV, 'ip');
    assert.equal(res.headers.get('access-control-allow-origin'), origin);
  }
  const evil = await broker.fetch(new Request(`${BROKER}/token`, { method: 'OPTIONS', headers: { origin: 'https://evil.example', 'access-control-request-method': 'POST' } }), ENV, 'ip');
  assert.equal(evil.headers.get('access-control-allow-origin'), null);
  const res = await broker.fetch(tokenRequest({ code: 'c', code_verifier: VERIFIER, state: await startSignIn(broker) }, { origin: 'https://evil.example' }), ENV, 'ip');
  assert.equal(res.headers.get('access-control-allow-origin'), null);
});

test('rate limit without the Workers binding: the in-memory window answers 429 with Retry-After, per client IP and route', async () => {
  let now = 1_750_000_000_000;
  const broker = createBroker({ clock: () => now, fetcher: upstream(() => Response.json({ access_token: 't', token_type: 'Bearer' })).fetcher });
  const env = { ...ENV, RATE_LIMIT_PER_MINUTE: '3' };
  const authorize = (ip: string) => broker.fetch(get('/authorize'), env, ip);
  for (let i = 0; i < 3; i++) assert.equal((await authorize('203.0.113.5')).status, 400);
  const limited = await authorize('203.0.113.5');
  assert.equal(limited.status, 429);
  assert.equal(limited.headers.get('retry-after'), '60');
  assert.equal((await authorize('203.0.113.6')).status, 400, 'another client is not limited');
  const token = await broker.fetch(tokenRequest({}), env, '203.0.113.5');
  assert.equal(token.status, 400, '/token counts on its own');
  now += 45_000;
  assert.equal((await authorize('203.0.113.5')).headers.get('retry-after'), '15');
  now += 15_000;
  assert.equal((await authorize('203.0.113.5')).status, 400, 'a new window');
});

test('nothing is logged through a whole sign-in, a refusal and an upstream failure', async () => {
  const lines: unknown[] = [];
  const saved = { log: console.log, info: console.info, warn: console.warn, error: console.error, debug: console.debug };
  for (const k of Object.keys(saved) as (keyof typeof saved)[]) console[k] = (...args: unknown[]) => void lines.push(args);
  try {
    let fail = false;
    const broker = createBroker({ fetcher: upstream(() => (fail ? Promise.reject(new Error(SECRET)) : Response.json({ access_token: 'tok', token_type: 'Bearer' }))).fetcher });
    const state = await startSignIn(broker);
    await broker.fetch(get(`/callback?code=code-1&state=${encodeURIComponent(state)}`), ENV, 'ip');
    await broker.fetch(tokenRequest({ code: 'code-1', code_verifier: VERIFIER, state }), ENV, 'ip');
    await broker.fetch(tokenRequest({ code: 'code-1', code_verifier: 'W'.repeat(43), state }), ENV, 'ip');
    fail = true;
    await broker.fetch(tokenRequest({ code: 'code-1', code_verifier: VERIFIER, state }), ENV, 'ip');
  } finally {
    Object.assign(console, saved);
  }
  assert.deepEqual(lines, []);
});
