/**
 * The OAuth relay contract in the real extension host: the local server's relay forwards only to callbacks it
 * knows (here: this window's own host), and the extension ignores a callback whose state it did not send.
 */
import * as assert from 'assert';
import * as vscode from 'vscode';
import { extensionApi, suiteServer, waitFor } from './helpers';

const decode = (state: string): { n: string; cb: string } => JSON.parse(Buffer.from(state, 'base64url').toString('utf8')) as { n: string; cb: string };
const encode = (v: { n: string; cb: string }): string => Buffer.from(JSON.stringify(v)).toString('base64url');

suite('OAuth relay: only known callbacks', () => {
  const serverOf = suiteServer();
  suiteTeardown(() => serverOf().setOAuthAutoDecision(undefined));

  const lastAuthorize = (): URLSearchParams | undefined => {
    const r = [...serverOf().requests].reverse().find(x => x.path === '/authorize' && x.method === 'GET');
    return r ? new URLSearchParams(r.query) : undefined;
  };
  const relay = (state: string): Promise<Response> => fetch(`${serverOf().oauth.relayUrl}?code=the-code&state=${state}`, { redirect: 'manual' });

  test('a forged cb is refused by the relay; the genuine one goes to this window; a forged state reaching the extension is ignored', async () => {
    serverOf().setOAuthAutoDecision(undefined);
    serverOf().clearRequests();
    const api = await extensionApi();
    const before = (await api.auth.current()).sessions.length;
    const attempt = vscode.commands.executeCommand('attio.signIn', { method: 'oauth', clientSecret: serverOf().oauth.clientSecret, timeoutMs: 8_000 });
    const q = await waitFor(lastAuthorize, 'the authorize page to open');
    assert.strictEqual(q.get('redirect_uri'), serverOf().oauth.relayUrl, 'the attempt goes through the relay');
    const state = q.get('state')!;
    const { n, cb } = decode(state);

    for (const bad of ['https://attacker.example/steal', 'http://evil', 'javascript:alert(1)', 'vscode://other.extension/auth/callback']) {
      const res = await relay(encode({ n, cb: bad }));
      assert.strictEqual(res.status, 400, bad);
      assert.strictEqual(res.headers.get('location'), null, `${bad}: no redirect`);
    }

    // the extension's own callback is on a host the relay knows (the harness passed this window's origin)
    const genuine = await relay(state);
    assert.strictEqual(genuine.status, 302);
    const to = new URL(genuine.headers.get('location')!);
    assert.strictEqual(to.origin, new URL(cb).origin);
    assert.strictEqual(to.searchParams.get('state'), state, 'state unchanged');

    // had a relay forwarded a forged state (same nonce, another cb), the extension would not take it
    const callback = await vscode.env.asExternalUri(vscode.Uri.parse(`${vscode.env.uriScheme}://attio-explorer.attio-explorer/auth/callback?code=forged&state=${encode({ n, cb: 'https://attacker.example/steal' })}`));
    await vscode.env.openExternal(callback);
    assert.strictEqual(await attempt, undefined, 'the attempt times out');
    assert.strictEqual(serverOf().requests.filter(r => r.path === '/oauth/token').length, 0, 'no code was exchanged');
    assert.strictEqual((await api.auth.current()).sessions.length, before);
  });
});
