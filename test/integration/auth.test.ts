/**
 * Sign-in, sign-out, OAuth through the real URI handler, several workspaces, scope errors, and a leak scan:
 * inside a real extension host, against the local Attio-compatible server over HTTP.
 */
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import * as vscode from 'vscode';
import { AttioAuthProvider } from '../../src/session/authProvider';
import { TokenStore } from '../../src/session/tokenStore';
import { Redactor } from '../../src/attio';
import { Logger } from '../../src/common/log';
import { extensionApi, signOutAll, suiteServer, waitFor, holdsFor, logCount, signInCommand, dismissPrompts } from './helpers';

const ENTERED_SECRETS: string[] = [];

suite('Sign in with an access token', () => {
  const serverOf = suiteServer();

  test('a good token, pasted with whitespace around it, signs in and names the workspace', async () => {
    ENTERED_SECRETS.push(serverOf().tokens.full);
    const session = await signInCommand({ method: 'token', token: `  ${serverOf().tokens.full}\n` });
    assert.ok(session, 'sign-in returned no session');
    const api = await extensionApi();
    const conn = await waitFor(() => api.connection.current, 'the active connection');
    assert.strictEqual(conn.session.accessToken, serverOf().tokens.full, 'the stored token is trimmed');
    assert.strictEqual(conn.session.workspaceName, session.workspaceName);
    assert.ok(conn.session.workspaceName.length > 0);
    // VS Code (Accounts menu, other extensions) sees it through the authentication API
    const accounts = await vscode.authentication.getAccounts('attio');
    assert.deepStrictEqual(accounts.map(a => a.label), [conn.session.workspaceName]);
    const sessions = await api.auth.getSessions(['task:read']);
    assert.strictEqual(sessions.length, 1, 'task:read-write satisfies a request for task:read');
    assert.strictEqual((await api.auth.getSessions(['no_such_scope:read'])).length, 0);
  });

  test('an inactive token stores nothing and keeps the working session', async () => {
    const api = await extensionApi();
    const before = (await api.auth.current()).sessions.map(s => s.id);
    assert.strictEqual(before.length, 1);
    const result = await vscode.commands.executeCommand('attio.signIn', { method: 'token', token: serverOf().tokens.inactive });
    assert.strictEqual(result, undefined);
    assert.deepStrictEqual((await api.auth.current()).sessions.map(s => s.id), before);
    assert.strictEqual(api.connection.current?.session.accessToken, serverOf().tokens.full);
  });

  test('another extension running attio.signIn with a token gets no token back and signs nobody in (login CSRF)', async () => {
    // Outside the tests no caller's arguments are honoured. The tests run in ExtensionMode.Test, where they are (the
    // suites sign in that way), so the call runs through the test API's switch that withholds them for this one call:
    // the same code path as a call from another extension in a normal window.
    const api = await extensionApi();
    const before = await api.auth.current();
    assert.strictEqual(before.sessions.length, 1);
    const attacker = serverOf().tokens.otherWorkspace;
    serverOf().clearRequests();
    const result = await dismissPrompts(
      api.commandArguments.asOutsider(() => vscode.commands.executeCommand('attio.signIn', { method: 'token', token: attacker })),
      'Sign In as another extension runs it',
    );
    assert.strictEqual(result, undefined, 'nothing comes back: no session, no token');
    assert.deepStrictEqual(await api.auth.current(), before, 'the same sessions, the same one active');
    assert.deepStrictEqual(serverOf().requests.map(r => r.path), [], 'the token was never tried');
    assert.strictEqual(api.connection.current?.session.accessToken, serverOf().tokens.full);
    // and in the tests, where the request is honoured, the answer is true and nothing more
    const signedIn = await vscode.commands.executeCommand('attio.signIn', { method: 'token', token: serverOf().tokens.full });
    assert.strictEqual(signedIn, true);
  });

  test('a token Attio has never seen (any format) is refused, not judged by its prefix', async () => {
    const api = await extensionApi();
    for (const token of ['sk_live_not_a_real_token', 'x', 'attio_pat_0000']) {
      const result = await vscode.commands.executeCommand('attio.signIn', { method: 'token', token });
      assert.strictEqual(result, undefined, token);
    }
    assert.strictEqual((await api.auth.current()).sessions.length, 1);
    // the server was asked about each of them: none was rejected client-side for its shape
    const selfCalls = serverOf().requests.filter(r => r.path === '/v2/self');
    assert.ok(selfCalls.length >= 4, `expected /v2/self for every attempt, saw ${selfCalls.length}`);
  });

  test('a whitespace-only token, or one that cannot travel in a header, is refused before any request', async () => {
    serverOf().clearRequests();
    for (const token of ['  \n ', 'abc def', '\u201cabc\u201d', 'abc\ndef']) {
      const result = await vscode.commands.executeCommand('attio.signIn', { method: 'token', token });
      assert.strictEqual(result, undefined, JSON.stringify(token));
    }
    assert.strictEqual(serverOf().requests.length, 0);
  });

  test('a token missing task scopes: tasks fail as a scope error naming task:read, not as signed out', async () => {
    const api = await extensionApi();
    ENTERED_SECRETS.push(serverOf().tokens.noTasks);
    const session = await signInCommand({ method: 'token', token: serverOf().tokens.noTasks });
    assert.ok(session);
    const conn = await waitFor(() => (api.connection.current?.session.id === session.id ? api.connection.current : undefined), 'the new connection');
    const err = await conn.client.listTasks({ limit: 5, offset: 0 }).then(() => undefined, (e: unknown) => e);
    const view = api.errors.describe(err, 'Tasks');
    assert.strictEqual(view.kind, 'scope');
    assert.ok(view.kind === 'scope' && view.missing.includes('task:read'), JSON.stringify(view));
    assert.ok(api.connection.current, 'still signed in');
    const report = await vscode.commands.executeCommand<string>('attio.showScopeErrors');
    assert.match(report, /GET \/v2\/tasks/);
    assert.match(report, /task:read/);
  });

  test('Verify Connection reports workspace, scopes and what each feature lacks', async () => {
    const report = await vscode.commands.executeCommand<string>('attio.verifyConnection');
    assert.match(report, /Workspace/);
    const tasks = report.split('\n').find(l => l.startsWith('| Tasks |'));
    assert.ok(tasks?.includes('task:read'), tasks);
    const objects = report.split('\n').find(l => l.startsWith('| Objects and attributes |'));
    assert.ok(objects?.includes('✓'), objects);
  });

  test('sign-out removes the session and returns to the signed-out state', async () => {
    await signOutAll();
    const api = await extensionApi();
    assert.strictEqual((await api.auth.current()).sessions.length, 0);
    await waitFor(() => api.connection.current === undefined || undefined, 'signed-out state');
    assert.deepStrictEqual(await vscode.authentication.getAccounts('attio'), []);
  });
});

suite('Sign in with OAuth through the URI handler', () => {
  const serverOf = suiteServer();
  suiteSetup(() => void ENTERED_SECRETS.push(serverOf().oauth.clientSecret));
  suiteTeardown(() => serverOf().setOAuthAutoDecision(undefined));

  /** The authorize request the extension opened, as the server saw it. */
  const lastAuthorize = (): URLSearchParams | undefined => {
    const r = [...serverOf().requests].reverse().find(x => x.path === '/authorize' && x.method === 'GET');
    return r ? new URLSearchParams(r.query.replace(/^\?/, '')) : undefined;
  };

  /** Plays the browser: delivers a callback to this window's URI handler through asExternalUri + openExternal. */
  const deliverCallback = async (query: string): Promise<void> => {
    const uri = await vscode.env.asExternalUri(vscode.Uri.parse(`${vscode.env.uriScheme}://attio-explorer.attio-explorer/auth/callback?${query}`));
    await vscode.env.openExternal(uri);
  };

  test('approve in the browser: signed in with an OAuth token', async () => {
    serverOf().setOAuthAutoDecision('approve');
    const session = await signInCommand({ method: 'oauth', clientSecret: serverOf().oauth.clientSecret, timeoutMs: 45_000 });
    assert.ok(session, 'no session: did the authorize page open and redirect back?');
    assert.strictEqual(session.method, 'oauth');
    const api = await extensionApi();
    ENTERED_SECRETS.push(api.connection.current!.session.accessToken);
    const tokenCalls = serverOf().requests.filter(r => r.path === '/oauth/token');
    assert.strictEqual(tokenCalls.length, 1);
    assert.strictEqual(tokenCalls[0].status, 200);
  });

  test('deny in the browser: nothing stored, the old session stays', async () => {
    const api = await extensionApi();
    const before = (await api.auth.current()).sessions.map(s => s.id);
    serverOf().setOAuthAutoDecision('deny');
    const result = await vscode.commands.executeCommand('attio.signIn', { method: 'oauth', timeoutMs: 45_000 });
    assert.strictEqual(result, undefined);
    assert.deepStrictEqual((await api.auth.current()).sessions.map(s => s.id), before);
  });

  test('a callback with the wrong state is ignored; the attempt then times out', async () => {
    serverOf().setOAuthAutoDecision(undefined);
    serverOf().clearRequests();
    const api = await extensionApi();
    const before = (await api.auth.current()).sessions.length;
    const attempt = vscode.commands.executeCommand('attio.signIn', { method: 'oauth', timeoutMs: 6_000 });
    await waitFor(lastAuthorize, 'the authorize page to open');
    await deliverCallback('code=forged-code&state=not-the-state');
    assert.strictEqual(await attempt, undefined);
    assert.strictEqual(serverOf().requests.filter(r => r.path === '/oauth/token').length, 0, 'a forged callback must not reach the token endpoint');
    assert.strictEqual((await api.auth.current()).sessions.length, before);
  });

  test('a replayed (already used) code fails the exchange and stores nothing', async () => {
    serverOf().setOAuthAutoDecision(undefined);
    serverOf().clearRequests();
    const api = await extensionApi();
    const before = (await api.auth.current()).sessions.length;
    const attempt = vscode.commands.executeCommand('attio.signIn', { method: 'oauth', timeoutMs: 20_000 });
    const q = await waitFor(lastAuthorize, 'the authorize page to open');
    // approve as the browser would (consent page → decision), but redeem the code first, as an attacker replaying it would
    const consent = await (await fetch(`${serverOf().oauth.authorizeUrl}?${q.toString()}`)).text();
    const requestId = /name="request_id" value="([^"]+)"/.exec(consent)?.[1];
    assert.ok(requestId, 'the consent page carries its request id');
    const decision = await fetch(`${serverOf().url}/authorize/decision`, {
      method: 'POST',
      redirect: 'manual',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ request_id: requestId, decision: 'approve' }).toString(),
    });
    const location = new URL(decision.headers.get('location')!, serverOf().url);
    const code = location.searchParams.get('code')!;
    assert.ok(code, `no code in ${location.pathname}`);
    const first = await fetch(serverOf().oauth.tokenUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ grant_type: 'authorization_code', code, client_id: serverOf().oauth.clientId, client_secret: serverOf().oauth.clientSecret }).toString(),
    });
    assert.strictEqual(first.status, 200);
    ENTERED_SECRETS.push(((await first.json()) as { access_token: string }).access_token);
    await deliverCallback(`code=${encodeURIComponent(code)}&state=${encodeURIComponent(q.get('state')!)}`);
    assert.strictEqual(await attempt, undefined);
    const exchanges = serverOf().requests.filter(r => r.path === '/oauth/token');
    assert.strictEqual(exchanges.at(-1)?.status, 400, 'the replayed code is refused');
    assert.strictEqual((await api.auth.current()).sessions.length, before);
  });

  test('nobody answers: the attempt times out and stores nothing', async () => {
    serverOf().setOAuthAutoDecision(undefined);
    const api = await extensionApi();
    const before = (await api.auth.current()).sessions.length;
    const t0 = Date.now();
    assert.strictEqual(await vscode.commands.executeCommand('attio.signIn', { method: 'oauth', timeoutMs: 1_500 }), undefined);
    assert.ok(Date.now() - t0 >= 1_400);
    assert.strictEqual((await api.auth.current()).sessions.length, before);
  });
});

suite('Several workspaces', () => {
  const aOf = suiteServer();

  test('two workspaces signed in; switching changes the active one; signing out one keeps the other', async () => {
    const api = await extensionApi();
    const other = aOf().tokens.otherWorkspace;
    assert.ok(other, 'the server offers a token for a second workspace');
    ENTERED_SECRETS.push(aOf().tokens.full, other);
    const s1 = await signInCommand({ method: 'token', token: aOf().tokens.full });
    const s2 = await signInCommand({ method: 'token', token: other });
    assert.ok(s1 && s2);
    assert.notStrictEqual(s1.workspaceName, s2.workspaceName);
    assert.strictEqual((await api.auth.current()).sessions.length, 2);
    assert.strictEqual(api.connection.current?.session.id, s2.id, 'the newest sign-in is active');
    await vscode.commands.executeCommand('attio.switchWorkspace', { sessionId: s1.id });
    await waitFor(() => api.connection.current?.session.id === s1.id || undefined, 'switch to the first workspace');
    const accounts = await vscode.authentication.getAccounts('attio');
    assert.deepStrictEqual(accounts.map(a => a.label).sort(), [s1.workspaceName, s2.workspaceName].sort(), 'both in the Accounts menu');
    await vscode.commands.executeCommand('attio.signOut', { sessionId: s1.id });
    await waitFor(() => api.connection.current?.session.id === s2.id || undefined, 'the remaining workspace to become active');
  });
});

suite('A revoked token', () => {
  const serverOf = suiteServer();

  test('is "signed out", not a scope error, and prompts to sign in again once per cool-down', async () => {
    const api = await extensionApi();
    const token = serverOf().addToken('soon-revoked', ['object_configuration:read', 'record_permission:read']);
    ENTERED_SECRETS.push(token);
    assert.ok(await vscode.commands.executeCommand('attio.signIn', { method: 'token', token }));
    const conn = await waitFor(() => (api.connection.current?.session.accessToken === token ? api.connection.current : undefined), 'the connection');
    const before = await logCount('asking to sign in again');
    serverOf().revokeToken(token);
    for (let i = 0; i < 3; i++) {
      const err = await conn.client.listObjects().then(() => undefined, (e: unknown) => e);
      const view = api.errors.describe(err, 'Objects');
      assert.strictEqual(view.kind, 'signedOut', JSON.stringify(view));
    }
    await waitFor(async () => (await logCount('asking to sign in again')) > before || undefined, 'the re-sign-in prompt');
    await holdsFor(async () => (await logCount('asking to sign in again')) - before === 1, 'one prompt, not a loop', 1000);
    assert.strictEqual(api.scopeErrors.entries.filter(e => e.feature === 'Objects').length, 0, 'not recorded as a scope error');
  });
});

suite('Another window', () => {
  const serverOf = suiteServer();

  test('sees sign-in and sign-out through secrets.onDidChange, without a reload', async () => {
    // What another window runs: its own store and provider over the same SecretStorage.
    const api = await extensionApi();
    const channel = vscode.window.createOutputChannel('Attio (other window)', { log: true });
    const log = new Logger(channel, new Redactor());
    const store = new TokenStore(api.secrets, log);
    const other = new AttioAuthProvider(store, () => Promise.reject(new Error('no interactive sign-in here')), log);
    const events: { added: number; removed: number }[] = [];
    const sub = other.onDidChangeSessions(e => events.push({ added: e.added?.length ?? 0, removed: e.removed?.length ?? 0 }));
    try {
      assert.strictEqual((await other.getSessions()).length, 0);
      ENTERED_SECRETS.push(serverOf().tokens.full);
      const s = await signInCommand({ method: 'token', token: serverOf().tokens.full });
      assert.ok(s);
      await waitFor(() => events.some(e => e.added === 1) || undefined, 'the other window to see the new session');
      const seen = await other.getSessions();
      assert.deepStrictEqual(seen.map(x => x.account.label), [s.workspaceName]);
      await vscode.commands.executeCommand('attio.signOut', { sessionId: s.id });
      await waitFor(() => events.some(e => e.removed === 1) || undefined, 'the other window to see the sign-out');
      assert.strictEqual((await other.getSessions()).length, 0);
    } finally {
      sub.dispose();
      other.dispose();
      store.dispose();
      channel.dispose();
    }
  });
});

suite('Credentials leave no trace', () => {
  test('no token, code or client secret in settings, global state, logs or user-data files', async function () {
    const api = await extensionApi();
    const secrets = [...new Set(ENTERED_SECRETS)].filter(s => s && s.length >= 8);
    assert.ok(secrets.length >= 3, `the suite should have used several secrets, got ${secrets.length}`);
    // globalState / workspaceState through the API
    const roots = new Set<string>();
    const userData = path.resolve(api.globalStorageUri.fsPath, '..', '..', '..'); // <user-data>/User/globalStorage/<ext> → <user-data>
    roots.add(userData);
    roots.add(path.resolve(api.logUri.fsPath, '..', '..')); // this window's log folder
    const hits: string[] = [];
    let scanned = 0;
    const scan = (p: string): void => {
      let st: fs.Stats;
      try {
        st = fs.statSync(p);
      } catch {
        return;
      }
      if (st.isDirectory()) {
        for (const e of fs.readdirSync(p)) scan(path.join(p, e));
        return;
      }
      if (!st.isFile() || st.size > 20 * 1024 * 1024) return;
      if (/secret/i.test(path.basename(p))) return; // the secret store itself (desktop keeps it encrypted there)
      scanned++;
      const text = fs.readFileSync(p).toString('latin1');
      for (const s of secrets) if (text.includes(s)) hits.push(`${p} contains a secret (${s.slice(0, 3)}…)`);
    };
    for (const r of roots) scan(r);
    assert.ok(scanned > 0, `nothing scanned under ${[...roots].join(', ')}`);
    assert.deepStrictEqual(hits, []);
    const settings = JSON.stringify(vscode.workspace.getConfiguration('attio'));
    for (const s of secrets) assert.ok(!settings.includes(s), 'a secret is in the attio settings');
  });
});
