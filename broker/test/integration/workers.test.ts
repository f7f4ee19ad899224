/**
 * The broker in the real Workers runtime (workerd through miniflare), against the local Attio-compatible server's
 * OAuth endpoints: the whole flow, a wrong verifier, a forged or expired state, a denied consent, Attio down, and the
 * rate-limiting binding.
 */
import assert from 'node:assert/strict';
import { after, before, beforeEach, describe, test } from 'node:test';
import { createServer } from 'node:net';
import type { Readable } from 'node:stream';
import { Miniflare } from 'miniflare';
import type { AttioTestServer } from '../../../test/server/index';
import { open, seal, sealingKey } from '../../src/sealing';
import { DESKTOP_CALLBACK, SEALING_KEY, VERIFIER, brokerEnv, exchange, signInUntilCallback, startAttio, tokenRequests, visit } from './helpers';

const WORKER = new URL('../../worker.js', import.meta.url).pathname;

function startWorker(attio: AttioTestServer, rateLimit: number, output: string[], overrides: Record<string, string> = {}): Miniflare {
  return new Miniflare({
    scriptPath: WORKER,
    modules: true,
    compatibilityDate: '2025-09-01',
    host: '127.0.0.1',
    port: 0,
    bindings: { ...brokerEnv(attio), ...overrides },
    ratelimits: { RATE_LIMITER: { simple: { limit: rateLimit, period: 60 } } },
    handleRuntimeStdio(stdout: Readable, stderr: Readable) {
      stdout.on('data', (chunk: Buffer) => output.push(chunk.toString()));
      stderr.on('data', (chunk: Buffer) => output.push(chunk.toString()));
    },
  });
}

/** A port that was free a moment ago and has nothing listening on it now. */
function closedPort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
    server.once('error', reject);
  });
}

describe('broker in workerd (miniflare) against the local Attio server', () => {
  let attio: AttioTestServer;
  let mf: Miniflare;
  let broker: string;
  const output: string[] = [];
  let clientNumber = 0;
  /** Each test is its own client IP, so the rate limit of one does not spill into another. */
  let client: Record<string, string>;

  before(async () => {
    attio = await startAttio();
    mf = startWorker(attio, 1000, output);
    broker = (await mf.ready).origin;
    attio.allowRedirectUri(`${broker}/callback`);
  });
  after(async () => {
    await mf?.dispose();
    await attio?.close();
  });
  beforeEach(() => {
    attio.clearRequests();
    attio.setFaults({});
    attio.setOAuthAutoDecision('approve');
    client = { 'cf-connecting-ip': `192.0.2.${++clientNumber}` };
  });

  test('metadata names the broker endpoints and the app', async () => {
    const res = await fetch(`${broker}/.well-known/attio-explorer`);
    assert.equal(res.status, 200);
    const body = (await res.json()) as Record<string, unknown>;
    assert.equal(body.client_id, attio.oauth.clientId);
    assert.equal(body.token_endpoint, `${broker}/token`);
    assert.equal(body.authorization_endpoint, `${broker}/authorize`);
    assert.equal((await fetch(`${broker}/healthz`)).status, 200);
  });

  test('whole flow: authorize → Attio consent → callback → token, with exactly one upstream request, and the token works', async () => {
    const { landed, attioAuthorize } = await signInUntilCallback(broker, client);
    assert.equal(attioAuthorize.searchParams.get('redirect_uri'), `${broker}/callback`);
    assert.equal(`${landed.protocol}//${landed.host}${landed.pathname}`, 'vscode://attio-explorer.attio-explorer/auth/callback');
    assert.equal(landed.searchParams.get('windowId'), '3', "the callback's own query is kept");
    assert.equal(landed.searchParams.get('nonce'), 'nonce-42');
    const code = landed.searchParams.get('code')!;
    const state = landed.searchParams.get('state')!;
    assert.equal(state, attioAuthorize.searchParams.get('state'), 'the sealed state travels unchanged');
    attio.clearRequests();
    const res = await exchange(broker, { code, code_verifier: VERIFIER, state }, client);
    assert.equal(res.status, 200, JSON.stringify(res.body));
    assert.deepEqual(Object.keys(res.body).sort(), ['access_token', 'token_type']);
    assert.equal(res.body.token_type, 'Bearer');
    assert.equal(tokenRequests(attio), 1, '/token adds exactly one upstream request');
    assert.equal(attio.requests.length, 1);
    const self = await fetch(`${attio.url}/v2/self`, { headers: { authorization: `Bearer ${res.body.access_token}` } });
    assert.equal(((await self.json()) as { active: boolean }).active, true);
    const again = await exchange(broker, { code, code_verifier: VERIFIER, state }, client);
    assert.equal(again.status, 400, 'a used code is refused by Attio');
    assert.equal(again.body.error, 'invalid_grant');
    const logs = output.join('');
    for (const secret of [code, res.body.access_token, VERIFIER, attio.oauth.clientSecret, SEALING_KEY]) assert.ok(!logs.includes(secret), 'nothing sensitive in the runtime output');
  });

  test('wrong verifier: refused with invalid_grant and Attio is never asked', async () => {
    const { landed } = await signInUntilCallback(broker, client);
    attio.clearRequests();
    const res = await exchange(broker, { code: landed.searchParams.get('code')!, code_verifier: 'W'.repeat(43), state: landed.searchParams.get('state')! }, client);
    assert.equal(res.status, 400);
    assert.equal(res.body.error, 'invalid_grant');
    assert.equal(tokenRequests(attio), 0);
    const right = await exchange(broker, { code: landed.searchParams.get('code')!, code_verifier: VERIFIER, state: landed.searchParams.get('state')! }, client);
    assert.equal(right.status, 200, 'the code was not spent by the refused attempt');
  });

  test('forged state: /callback shows a page and redirects nowhere; /token refuses it', async () => {
    const { landed } = await signInUntilCallback(broker, client);
    const code = landed.searchParams.get('code')!;
    const forgedByAnotherKey = await seal({ callback: 'https://evil.example/steal', nonce: 'n', challenge: 'E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM', exp: Date.now() + 60_000 }, await sealingKey('an-attacker-key-that-is-long-enough-000'));
    const plainJson = Buffer.from(JSON.stringify({ n: 'n', cb: 'https://evil.example/steal' })).toString('base64url');
    for (const state of [forgedByAnotherKey, plainJson, landed.searchParams.get('state')!.slice(0, -3)]) {
      const page = await visit(`${broker}/callback?code=${code}&state=${encodeURIComponent(state)}`);
      assert.equal(page.status, 400);
      assert.equal(page.location, null);
      assert.ok(!page.text.includes(code), 'the code is not echoed');
      const res = await exchange(broker, { code, code_verifier: VERIFIER, state }, client);
      assert.equal(res.status, 400);
      assert.equal(res.body.error, 'invalid_grant');
    }
    assert.equal(tokenRequests(attio), 0);
  });

  test('expired state: /callback and /token both refuse it', async () => {
    const key = await sealingKey(SEALING_KEY);
    const { landed } = await signInUntilCallback(broker, client);
    const opened = await open(landed.searchParams.get('state')!, key, Date.now());
    assert.ok(opened.ok);
    const expired = await seal({ ...opened.state, exp: Date.now() - 1 }, key);
    const page = await visit(`${broker}/callback?code=abc&state=${encodeURIComponent(expired)}`);
    assert.equal(page.status, 400);
    assert.equal(page.location, null);
    assert.match(page.text, /10 minutes/);
    const res = await exchange(broker, { code: landed.searchParams.get('code')!, code_verifier: VERIFIER, state: expired }, client);
    assert.equal(res.status, 400);
    assert.equal(res.body.error, 'invalid_grant');
    assert.match(res.body.error_description, /expired/);
    assert.equal(tokenRequests(attio), 0);
  });

  test("denied consent: the editor's callback gets Attio's error, its description and the nonce, and no code", async () => {
    attio.setOAuthAutoDecision('deny');
    const { landed } = await signInUntilCallback(broker, client);
    assert.equal(landed.searchParams.get('error'), 'access_denied');
    assert.equal(landed.searchParams.get('nonce'), 'nonce-42');
    assert.equal(landed.searchParams.get('code'), null);
    // a refusal with a reason (a member who may not install the app): the reason is passed on, bounded
    const q = new URLSearchParams({ callback: DESKTOP_CALLBACK, nonce: 'nonce-7', code_challenge: 'E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM', code_challenge_method: 'S256' });
    const state = new URL((await visit(`${broker}/authorize?${q}`, client)).location!).searchParams.get('state')!;
    const reason = 'Only workspace admins can install this app.\r\nAsk an admin.' + ' x'.repeat(400);
    const forwarded = await visit(`${broker}/callback?${new URLSearchParams({ error: 'access_denied', error_description: reason, state })}`);
    assert.equal(forwarded.status, 302);
    const to = new URL(forwarded.location!);
    assert.match(to.searchParams.get('error_description')!, /^Only workspace admins can install this app\. {2}Ask an admin\./);
    assert.ok(to.searchParams.get('error_description')!.length <= 300);
    assert.equal(to.searchParams.get('nonce'), 'nonce-7');
    assert.equal(to.searchParams.get('state'), null, 'a denial carries no state to exchange');
  });

  test('Attio down: 5xx, a reset or a closed port become 502 upstream_unavailable, one upstream attempt each, the code still usable', async () => {
    const { landed } = await signInUntilCallback(broker, client);
    const body = { code: landed.searchParams.get('code')!, code_verifier: VERIFIER, state: landed.searchParams.get('state')! };
    for (const faults of [{ pathPrefix: '/oauth/token', status5xxRate: 1 }, { pathPrefix: '/oauth/token', resetRate: 1 }]) {
      attio.clearRequests();
      attio.setFaults(faults);
      const res = await exchange(broker, body, client);
      assert.equal(res.status, 502, JSON.stringify(faults));
      assert.deepEqual(res.body, { error: 'upstream_unavailable' });
      assert.equal(tokenRequests(attio), 1, 'no retry');
    }
    const closed = startWorker(attio, 1000, [], { ATTIO_TOKEN_URL: `http://127.0.0.1:${await closedPort()}/oauth/token` });
    try {
      const res = await exchange((await closed.ready).origin, body, client);
      assert.equal(res.status, 502);
      assert.deepEqual(res.body, { error: 'upstream_unavailable' });
    } finally {
      await closed.dispose();
    }
    attio.setFaults({});
    assert.equal((await exchange(broker, body, client)).status, 200);
  });

  test('rate limit: the Workers binding answers 429 with Retry-After on /authorize and /token', async () => {
    const limitedOutput: string[] = [];
    const small = startWorker(attio, 3, limitedOutput);
    try {
      const origin = (await small.ready).origin;
      const ip = { 'cf-connecting-ip': '198.51.100.77' };
      const statuses: number[] = [];
      let last: Awaited<ReturnType<typeof visit>> | undefined;
      for (let i = 0; i < 5; i++) statuses.push((last = await visit(`${origin}/authorize`, ip)).status);
      assert.deepEqual(statuses, [400, 400, 400, 429, 429]);
      const limited = await fetch(`${origin}/authorize`, { redirect: 'manual', headers: ip });
      assert.equal(limited.status, 429);
      assert.match(limited.headers.get('retry-after')!, /^\d+$/);
      assert.ok(last);
      const tokenStatuses: number[] = [];
      for (let i = 0; i < 4; i++) tokenStatuses.push((await exchange(origin, {}, ip)).status);
      assert.deepEqual(tokenStatuses, [400, 400, 400, 429]);
      assert.equal((await visit(`${origin}/authorize`, { 'cf-connecting-ip': '198.51.100.78' })).status, 400, 'another client is not limited');
    } finally {
      await small.dispose();
    }
  });
});
