/**
 * "Sign in with your team's Attio app" in the real extension host: the real broker (broker/dist/node.js) in front of
 * the local Attio server's OAuth endpoints, the browser (Chromium, opened by `vscode.env.openExternal`) following
 * broker → Attio's consent (auto-decided) → broker → this window's callback page → the URI handler. In this web
 * window the callback is what `asExternalUri` makes of the extension's URI: the remote and web path.
 */
import * as assert from 'assert';
import * as vscode from 'vscode';
import type { AttioTestServer } from '../server';
import { startBroker, type BrokerScenery } from '../harness/brokerScenery';
import { EXTENSION_ID, extensionApi, logCount, logLeakCount, logText, signInCommand, signOutAll, startServerFor, waitFor } from './helpers';

const BROKER_SETTING = 'oauth.brokerUrl';
const setBrokerUrl = (v: string | undefined): Thenable<void> => vscode.workspace.getConfiguration('attio').update(BROKER_SETTING, v, vscode.ConfigurationTarget.Global);

suite('Sign in with your team\'s Attio app (broker)', () => {
  let attio: AttioTestServer;
  let broker: BrokerScenery;
  /** Every credential this suite saw, for the leak scan. */
  const seen: string[] = [];

  suiteSetup(async function () {
    const callback = await vscode.env.asExternalUri(vscode.Uri.parse(`${vscode.env.uriScheme}://${EXTENSION_ID}/auth/callback`));
    attio = await startServerFor();
    broker = await startBroker(attio, `${callback.scheme}://${callback.authority}`);
    await signOutAll();
    await setBrokerUrl(undefined);
  });
  suiteTeardown(async () => {
    attio?.setOAuthAutoDecision(undefined);
    await signOutAll();
    await setBrokerUrl(undefined);
    await broker?.close();
    await attio?.close();
  });

  const attioTokenCalls = (): number => attio.requests.filter(r => r.path === '/oauth/token').length;

  test('first time: the address is read, kept in user settings, and the consent signs in with a verified OAuth token', async function () {
    attio.setOAuthAutoDecision('approve');
    attio.clearRequests();
    const api = await extensionApi();
    const session = await signInCommand({ method: 'broker', brokerUrl: ` ${broker.url}/ `, timeoutMs: 45_000 });
    assert.ok(session, `no session: did the browser reach the broker and come back? ${await logText('attio.signIn failed')} ${broker.requests.map(r => `${r.method} ${r.url.split('?')[0]}`).join(', ')}`);
    seen.push(session.accessToken);
    assert.strictEqual(session.method, 'oauth');
    assert.strictEqual(session.apiOrigin, new URL(attio.url).origin, 'bound to the origin that verified it');
    assert.strictEqual(vscode.workspace.getConfiguration('attio').inspect<string>(BROKER_SETTING)?.globalValue, broker.url, 'kept, normalised, in user settings');
    assert.strictEqual(attioTokenCalls(), 1, 'the broker made one exchange at Attio');
    const authorize = attio.requests.find(r => r.path === '/authorize');
    assert.strictEqual(new URLSearchParams(authorize?.query).get('redirect_uri'), `${broker.url}/callback`, 'Attio sent the browser back to the broker');
    const exchange = broker.requests.find(r => r.method === 'POST' && r.url === '/token');
    assert.ok(exchange, 'the extension exchanged at the broker');
    assert.deepStrictEqual(Object.keys(JSON.parse(exchange.body) as object).sort(), ['code', 'code_verifier', 'state']);
    const authorizeAtBroker = new URL(broker.requests.find(r => r.url.startsWith('/authorize'))!.url, broker.url).searchParams;
    assert.strictEqual(authorizeAtBroker.get('code_challenge_method'), 'S256');
    assert.strictEqual(authorizeAtBroker.get('code_challenge')?.length, 43);
    await waitFor(() => api.connection.current?.session.accessToken === session.accessToken || undefined, 'the new session to be active');
    assert.ok(attio.requests.some(r => r.path === '/v2/self' && r.status === 200), 'the token was verified on /v2/self');
  });

  test('after the first time: no question, the stored address and the consent are all it takes', async function () {
    attio.setOAuthAutoDecision('approve');
    const before = broker.requests.filter(r => r.url === '/.well-known/attio-explorer').length;
    const session = await signInCommand({ method: 'broker', timeoutMs: 45_000 });
    assert.ok(session);
    seen.push(session.accessToken);
    assert.strictEqual(broker.requests.filter(r => r.url === '/.well-known/attio-explorer').length, before + 1, 'the metadata was read from the stored address');
  });

  test('Attio refuses (deny): nothing stored, no exchange, the refusal is said as a refusal and the session stays', async function () {
    const api = await extensionApi();
    const sessionsBefore = (await api.auth.current()).sessions.map(s => s.id);
    attio.setOAuthAutoDecision('deny');
    attio.clearRequests();
    const exchangesBefore = broker.requests.filter(r => r.url === '/token').length;
    const logged = await logCount('Attio answered the authorization with access_denied (declined)');
    const failures = await logCount('attio.signIn failed');
    const result = await vscode.commands.executeCommand('attio.signIn', { method: 'broker', timeoutMs: 45_000 });
    assert.strictEqual(result, undefined);
    assert.strictEqual(broker.requests.filter(r => r.url === '/token').length, exchangesBefore, 'nothing to exchange');
    assert.strictEqual(attioTokenCalls(), 0);
    assert.deepStrictEqual((await api.auth.current()).sessions.map(s => s.id), sessionsBefore);
    await waitFor(async () => (await logCount('Attio answered the authorization with access_denied (declined)')) - logged === 1 || undefined, 'the refusal, recognised once in the log');
    assert.strictEqual((await logCount('attio.signIn failed')) - failures, 0, 'not reported as a failed command');
  });

  test('a callback with another nonce is ignored; the attempt times out and nothing is exchanged', async function () {
    attio.setOAuthAutoDecision(undefined); // the consent page waits: nobody answers in the browser
    const exchangesBefore = broker.requests.filter(r => r.url === '/token').length;
    const attempt = vscode.commands.executeCommand('attio.signIn', { method: 'broker', timeoutMs: 5_000 });
    await waitFor(() => attio.requests.some(r => r.path === '/authorize' && r.method === 'GET') || undefined, 'the consent page to open');
    const forged = await vscode.env.asExternalUri(vscode.Uri.parse(`${vscode.env.uriScheme}://${EXTENSION_ID}/auth/callback?code=forged&nonce=not-ours&state=x`));
    await vscode.env.openExternal(forged);
    assert.strictEqual(await attempt, undefined);
    assert.strictEqual(broker.requests.filter(r => r.url === '/token').length, exchangesBefore);
  });

  test('a stored address that leads nowhere: said with the way to change it, not as a failed command; nothing stored', async function () {
    const api = await extensionApi();
    const sessionsBefore = (await api.auth.current()).sessions.map(s => s.id);
    await setBrokerUrl('http://[::1]:1');
    try {
      const failures = await logCount('attio.signIn failed');
      const said = await logCount('broker: Could not reach the sign-in broker ([::1]:1)');
      assert.strictEqual(await vscode.commands.executeCommand('attio.signIn', { method: 'broker', timeoutMs: 5_000 }), undefined);
      await waitFor(async () => (await logCount('broker: Could not reach the sign-in broker ([::1]:1)')) - said === 1 || undefined, 'the unreachable broker, said once in the log');
      assert.strictEqual((await logCount('attio.signIn failed')) - failures, 0);
      assert.deepStrictEqual((await api.auth.current()).sessions.map(s => s.id), sessionsBefore);
    } finally {
      await setBrokerUrl(broker.url);
    }
  });

  test('leak scan: the client secret is nowhere on the extension\'s side (settings, secrets, logs, requests)', async function () {
    const api = await extensionApi();
    const secret = attio.oauth.clientSecret;
    assert.ok(secret.length >= 16);
    const settings = JSON.stringify(vscode.workspace.getConfiguration('attio'));
    assert.ok(!settings.includes(secret), 'settings');
    for (const key of ['attio.sessions', 'attio.oauth.clientSecret']) assert.ok(!((await api.secrets.get(key)) ?? '').includes(secret), `secret storage ${key}`);
    assert.strictEqual(await api.secrets.get('attio.oauth.clientSecret'), undefined, 'no client secret was stored on this path');
    assert.strictEqual(await logLeakCount(secret), 0, 'logs');
    assert.ok(broker.requests.length >= 8, `requests were recorded (${broker.requests.length})`);
    for (const r of broker.requests) assert.ok(![r.url, r.headers, r.body].some(t => t.includes(secret)), `request ${r.method} ${r.url.split('?')[0]}`);
    // the tokens it handed out are not in the logs either, nor is the broker's output any wiser
    for (const t of seen) assert.strictEqual(await logLeakCount(t), 0, 'a token in the logs');
    assert.ok(!broker.output.join('').includes(secret));
  });
});
