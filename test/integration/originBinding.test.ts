/**
 * Where credentials go (issue 8, items 1 and 2), in a real extension host against local Attio servers:
 * a folder's settings never redirect the token, code or client secret; a session is used only at the API origin
 * it was verified against; requests carrying a credential never follow redirects.
 *
 * Server B is the "other host". It is started with the same seed as the suite's server, so it knows the same tokens
 * and OAuth client: any token, code or secret that reached it would show in its request log.
 */
import * as assert from 'assert';
import * as fs from 'fs';
import { createServer, type Server } from 'http';
import type { AddressInfo } from 'net';
import * as path from 'path';
import * as vscode from 'vscode';
import { SecretKeys } from '../../src/constants';
import { startAttioServer, type AttioTestServer, type LoggedRequest } from '../server';
import { extensionApi, logCount, signOutAll, suiteServer, waitFor, holdsFor, serverQuiet, signInCommand, dismissPrompts } from './helpers';

/** What a request log shows of credentials: a known token's name, an OAuth code or client secret in the form. */
const credentialsIn = (requests: LoggedRequest[]): string[] =>
  requests.flatMap(r => {
    const form = (r.body ?? {}) as Record<string, unknown>;
    return [
      ...(r.token ? [`${r.method} ${r.path} carried token "${r.token}"`] : []),
      ...('code' in form ? [`${r.method} ${r.path} carried a code`] : []),
      ...('client_secret' in form ? [`${r.method} ${r.path} carried the client secret`] : []),
    ];
  });

const setUser = (key: string, value: unknown): Thenable<void> => vscode.workspace.getConfiguration().update(key, value, vscode.ConfigurationTarget.Global);

const folderSettingsFile = (): string => {
  const folder = vscode.workspace.workspaceFolders?.[0];
  assert.ok(folder, 'the integration host opens a folder');
  return path.join(folder.uri.fsPath, '.vscode', 'settings.json');
};


/** Sets `attio.apiBaseUrl` in user settings and waits until the extension has it. */
async function moveApiTo(url: string): Promise<void> {
  await setUser('attio.apiBaseUrl', url);
  const api = await extensionApi();
  await waitFor(() => api.connection.apiBaseUrl === url || undefined, `attio.apiBaseUrl = ${url}`);
}

suite('Origin binding: a folder\'s settings never redirect credentials', () => {
  const aOf = suiteServer();
  let b: AttioTestServer;
  let file: string;

  suiteSetup(async () => {
    b = await startAttioServer({ rateLimit: false });
    file = folderSettingsFile();
  });
  suiteTeardown(async () => {
    fs.rmSync(path.dirname(file), { recursive: true, force: true });
    aOf().setOAuthAutoDecision(undefined);
    await b.close();
  });

  test('a trusted folder naming another server for the API and OAuth: that server receives nothing, once warned', async function () {
    const api = await extensionApi();
    assert.strictEqual(vscode.workspace.isTrusted, true, 'the folder is trusted: restricted settings would apply');
    const session = await signInCommand({ method: 'token', token: aOf().tokens.full });
    assert.ok(session);
    const warnedBefore = await logCount('ignored attio.apiBaseUrl');

    fs.mkdirSync(path.dirname(file), { recursive: true });
    const folderSettings = {
      'attio.apiBaseUrl': b.url,
      'attio.oauth.authorizeUrl': b.oauth.authorizeUrl,
      'attio.oauth.tokenUrl': b.oauth.tokenUrl,
      'attio.oauth.tokenExchangeUrl': b.oauth.tokenUrl,
      'attio.oauth.redirectUri': b.oauth.relayUrl,
      'attio.oauth.clientId': b.oauth.clientId,
      // a setting a folder may decide: proves VS Code has read this file
      'attio.tree.pageSize': 7,
    };
    fs.writeFileSync(file, `// a cloned repository's settings\n${JSON.stringify(folderSettings, null, 2)}\n`);
    await waitFor(() => vscode.workspace.getConfiguration('attio').get('tree.pageSize') === 7 || undefined, 'VS Code to read the folder settings');
    // a (wrong) configuration change would reach the extension within this window
    await holdsFor(() => api.connection.apiBaseUrl === aOf().url, 'the API base URL is still the user\'s', 1000);
    assert.strictEqual(api.connection.mismatch, undefined);
    assert.strictEqual(api.connection.current?.session.id, session.id, 'the session keeps working');

    // Everything that sends a token, a code or a secret: the trees, Verify Connection, a token sign-in, an OAuth sign-in.
    await vscode.commands.executeCommand('attio.refresh');
    const report = await vscode.commands.executeCommand<string>('attio.verifyConnection');
    assert.match(report, /Workspace/);
    assert.ok(await vscode.commands.executeCommand('attio.signIn', { method: 'token', token: aOf().tokens.readOnly }));
    aOf().setOAuthAutoDecision('approve');
    const viaOAuth = await signInCommand({ method: 'oauth', clientSecret: aOf().oauth.clientSecret, timeoutMs: 45_000 });
    assert.ok(viaOAuth, 'OAuth sign-in works with the user\'s settings');
    assert.strictEqual(viaOAuth.apiOrigin, new URL(aOf().url).origin);
    assert.strictEqual(aOf().requests.filter(r => r.path === '/oauth/token' && r.status === 200).length, 1, 'the code went to the user\'s token URL');

    assert.deepStrictEqual(b.requests.map(r => `${r.method} ${r.path}`), [], 'the folder\'s server received no request at all');
    assert.deepStrictEqual(credentialsIn(b.requests), []);

    // One warning naming the setting and the file; writing the file again does not repeat it.
    await waitFor(async () => (await logCount('ignored attio.apiBaseUrl')) > warnedBefore || undefined, 'the folder-settings warning', 10_000);
    assert.strictEqual((await logCount(`.vscode/settings.json of folder "${vscode.workspace.workspaceFolders![0].name}"`)) > 0, true, 'the warning names the file');
    fs.writeFileSync(file, JSON.stringify({ ...folderSettings, 'attio.tree.pageSize': 8 }, null, 2));
    await waitFor(() => vscode.workspace.getConfiguration('attio').get('tree.pageSize') === 8 || undefined, 'the rewritten folder settings');
    await holdsFor(async () => (await logCount('ignored attio.apiBaseUrl')) - warnedBefore === 1, 'warned once per setting and folder', 1500);
    await signOutAll();
  });
});

suite('Origin binding: a session is used only at the origin it was verified against', () => {
  const aOf = suiteServer();
  let b: AttioTestServer;
  suiteSetup(async () => void (b = await startAttioServer({ rateLimit: false })));
  suiteTeardown(async () => {
    await setUser('attio.apiBaseUrl', aOf().url);
    await b.close();
  });

  test('the user moving attio.apiBaseUrl to another origin gets asked to sign in; the old token goes nowhere', async () => {
    const api = await extensionApi();
    const s = await signInCommand({ method: 'token', token: aOf().tokens.full });
    assert.ok(s);
    assert.strictEqual(s.apiOrigin, new URL(aOf().url).origin, 'the session records where it was verified');
    await serverQuiet(aOf());
    aOf().clearRequests();

    await moveApiTo(b.url);
    const m = await waitFor(() => api.connection.mismatch, 'the origin-mismatch state');
    assert.strictEqual(m.sessionOrigin, new URL(aOf().url).origin);
    assert.strictEqual(m.settingOrigin, new URL(b.url).origin);
    assert.strictEqual(api.connection.current, undefined, 'no client exists');
    // the views and commands that would load data
    await vscode.commands.executeCommand('attio.refresh');
    assert.strictEqual(await vscode.commands.executeCommand('attio.verifyConnection'), undefined);
    await holdsFor(() => b.requests.length === 0, 'nothing reaches the new origin', 1000);
    assert.deepStrictEqual(credentialsIn(b.requests), [], 'the old token never reached the new origin');
    assert.deepStrictEqual(b.requests.map(r => r.path), []);
    assert.deepStrictEqual(credentialsIn(aOf().requests), [], 'nor the old one, while the setting names another');

    // "Use <session origin>": the user setting goes back and the session works again
    await vscode.commands.executeCommand('attio.useSessionApiOrigin');
    await waitFor(() => api.connection.current?.session.id === s.id || undefined, 'the session back at its origin');
    assert.strictEqual(vscode.workspace.getConfiguration('attio').inspect('apiBaseUrl')?.globalValue, new URL(aOf().url).origin);

    // "Sign in for <new origin>": a new session, bound to the new origin
    await moveApiTo(b.url);
    await waitFor(() => api.connection.mismatch, 'the mismatch again');
    const s2 = await signInCommand({ method: 'token', token: b.tokens.full });
    assert.ok(s2);
    assert.strictEqual(s2.apiOrigin, new URL(b.url).origin);
    await waitFor(() => api.connection.current?.session.id === s2.id || undefined, 'the new session active');
    assert.strictEqual(api.connection.mismatch, undefined);
    await signOutAll();
  });

  test('sign-out works in the mismatch state', async () => {
    const api = await extensionApi();
    await moveApiTo(aOf().url);
    const s = await signInCommand({ method: 'token', token: aOf().tokens.full });
    assert.ok(s);
    await moveApiTo(b.url);
    await waitFor(() => api.connection.mismatch, 'the mismatch state');
    await vscode.commands.executeCommand('attio.signOut', { sessionId: s.id, removeClientSecret: false });
    assert.deepStrictEqual((await api.auth.current()).sessions, []);
    await waitFor(() => (api.connection.mismatch === undefined && api.connection.current === undefined) || undefined, 'signed out');
  });

  test('a session stored before origins were recorded is bound to Attio\'s API, never to the current setting', async () => {
    const api = await extensionApi();
    await moveApiTo(aOf().url);
    await serverQuiet(aOf());
    aOf().clearRequests();
    const legacy = { id: 'legacy-1', accessToken: aOf().tokens.full, method: 'token', workspaceId: 'w', workspaceName: 'Old', workspaceSlug: 'old', scopes: ['task:read'], memberId: null, createdAt: 1 };
    await api.secrets.store(SecretKeys.sessions, JSON.stringify({ sessions: [legacy], activeId: legacy.id }));
    const m = await waitFor(() => api.connection.mismatch, 'the migrated session in the mismatch state');
    assert.strictEqual(m.sessionOrigin, 'https://api.attio.com');
    await vscode.commands.executeCommand('attio.refresh');
    await holdsFor(() => credentialsIn(aOf().requests).length === 0, 'the legacy token was not sent to the configured server', 1000);
    await signOutAll();
  });

  test('a stored client secret is sent only to the token URL it was first used with', async function () {
    const api = await extensionApi();
    aOf().clearRequests();
    aOf().setOAuthAutoDecision('approve');
    try {
      // the older {clientId → secret} form: bound to Attio's token URL, not to the local server's the user setting names
      await api.secrets.store(SecretKeys.oauthClientSecret, JSON.stringify({ [aOf().oauth.clientId]: aOf().oauth.clientSecret }));
      const asked = await logCount('asking again');
      const attempt = vscode.commands.executeCommand('attio.signIn', { method: 'oauth', timeoutMs: 20_000 });
      await waitFor(async () => (await logCount('asking again')) > asked || undefined, 'the sign-in to ask for the secret again');
      // the user presses Escape on the input box
      assert.strictEqual(await dismissPrompts(attempt, 'the secret prompt'), undefined, 'no session');
      assert.deepStrictEqual(credentialsIn(aOf().requests), [], 'the secret was not sent to another token URL');
      assert.deepStrictEqual(aOf().requests.map(r => r.path), [], 'asked before the browser opened');
    } finally {
      aOf().setOAuthAutoDecision(undefined);
      await api.secrets.delete(SecretKeys.oauthClientSecret);
    }
  });
});

suite('Redirects: a request carrying a credential never follows one', () => {
  const aOf = suiteServer();
  let redirector: Server;
  let redirectorUrl: string;
  /** Answers /v2/self itself (passing it on to A, as a real API would answer it); redirects everything else to A with 307. */
  suiteSetup(async () => {
    redirector = createServer((req, res) => {
      if (req.url === '/v2/self') {
        void fetch(`${aOf().url}/v2/self`, { headers: { authorization: req.headers.authorization ?? '' } })
          .then(async r => {
            res.writeHead(r.status, { 'content-type': 'application/json' });
            res.end(await r.text());
          })
          .catch(() => res.destroy());
        return;
      }
      res.writeHead(307, { location: `${aOf().url}${req.url}` });
      res.end();
    });
    await new Promise<void>(r => redirector.listen(0, '127.0.0.1', r));
    redirectorUrl = `http://127.0.0.1:${(redirector.address() as AddressInfo).port}`;
  });
  suiteTeardown(async () => {
    await setUser('attio.apiBaseUrl', aOf().url);
    await setUser('attio.oauth.tokenUrl', aOf().oauth.tokenUrl);
    aOf().setOAuthAutoDecision(undefined);
    redirector.closeAllConnections();
    await new Promise(r => redirector.close(r));
  });

  test('an API that redirects is reported (naming where to), and the target receives no token', async () => {
    const api = await extensionApi();
    await moveApiTo(redirectorUrl);
    const s = await signInCommand({ method: 'token', token: aOf().tokens.full });
    assert.ok(s, 'signed in: /v2/self answered at the redirecting origin');
    const conn = await waitFor(() => api.connection.current, 'the connection');
    aOf().clearRequests();
    const err = await conn.client.listObjects().then(() => undefined, (e: unknown) => e);
    const view = api.errors.describe(err, 'Objects');
    assert.strictEqual(view.kind, 'other');
    assert.ok(view.kind === 'other' && view.message.includes(`redirect to ${new URL(aOf().url).host}`) && /never follow redirects/.test(view.message), JSON.stringify(view));
    assert.ok(view.kind === 'other' && !view.message.includes(aOf().tokens.full));
    assert.deepStrictEqual(aOf().requests.map(r => r.path), [], 'the redirect target received nothing');
    await signOutAll();
  });

  test('a token endpoint that redirects: the code and client secret are not sent on', async function () {
    await moveApiTo(aOf().url);
    await setUser('attio.oauth.tokenUrl', `${redirectorUrl}/oauth/token`);
    aOf().clearRequests();
    aOf().setOAuthAutoDecision('approve');
    const failed = await logCount('answered with a redirect');
    const result = await vscode.commands.executeCommand('attio.signIn', { method: 'oauth', clientSecret: aOf().oauth.clientSecret, timeoutMs: 45_000 });
    assert.strictEqual(result, undefined, 'sign-in fails');
    assert.ok(aOf().requests.some(r => r.path === '/authorize'), 'the browser part ran');
    assert.deepStrictEqual(aOf().requests.filter(r => r.path === '/oauth/token').map(r => r.path), [], 'the redirect target got no code and no secret');
    await waitFor(async () => (await logCount('answered with a redirect')) > failed || undefined, 'the failure in the log');
    assert.deepStrictEqual((await extensionApi()).connection.current, undefined);
  });
});
