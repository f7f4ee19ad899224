/**
 * Token health in the real extension host: a token revoked on the server is said once after the window regains
 * focus, before anything else fails; nothing is asked when nothing shows Attio data.
 *
 * What is simulated, and why: the window's focus cannot be moved from inside the extension host, so the test calls
 * `health.windowStateChanged(focused)`, the handler that `vscode.window.onDidChangeWindowState` calls. The 15 minutes
 * pass by moving `Date.now` forward for the moment of the focus event (the extension host is one process). The rest
 * is real: the views, the session, `/v2/self` over HTTP, the revocation on the server, the prompt and its log line.
 */
import * as assert from 'assert';
import * as vscode from 'vscode';
import { extensionApi, logCount, signInWith, suiteServer, waitFor } from './helpers';

const MINUTES = 60_000;

suite('Token health', () => {
  const serverOf = suiteServer();
  const selfCalls = (): number => serverOf().requests.filter(r => r.path === '/v2/self').length;

  /** Blur, then focus with the clock `aheadMs` ahead, and wait for any check it started. */
  async function refocus(aheadMs: number): Promise<void> {
    const health = (await extensionApi()).health;
    const realNow = Date.now;
    Date.now = () => realNow() + aheadMs;
    try {
      health.windowStateChanged(false);
      health.windowStateChanged(true);
    } finally {
      Date.now = realNow;
    }
    await health.settled();
  }

  async function showViews(visible: boolean): Promise<void> {
    const api = await extensionApi();
    await vscode.commands.executeCommand(visible ? 'workbench.view.extension.attio' : 'workbench.action.closeSidebar');
    await waitFor(() => api.views.objects.view.visible === visible || undefined, `the Attio views to be ${visible ? 'shown' : 'hidden'}`);
  }

  test('a token revoked on the server is said once after the window regains focus (not within 15 minutes, never again)', async function () {
    const token = serverOf().addToken('health-1', ['object_configuration:read', 'record_permission:read']);
    await signInWith(token);
    await showViews(true);
    const prompts = await logCount('asking to sign in again');
    const said = await logCount('token health: the token for');
    serverOf().revokeToken(token);
    serverOf().clearRequests();

    await refocus(5 * MINUTES);
    assert.strictEqual(selfCalls(), 0, 'checked at sign-in a moment ago: focus within 15 minutes asks nothing');

    await refocus(16 * MINUTES);
    assert.strictEqual(selfCalls(), 1, 'one /v2/self after 15 minutes');
    await waitFor(async () => (await logCount('token health: the token for')) - said === 1 || undefined, 'the revocation found, once, in the log');
    await waitFor(async () => (await logCount('asking to sign in again')) - prompts === 1 || undefined, 'one prompt with Sign In Again');

    await refocus(40 * MINUTES);
    await refocus(80 * MINUTES);
    assert.strictEqual(selfCalls(), 1, 'that session is not asked again: no loop');
    assert.strictEqual((await logCount('asking to sign in again')) - prompts, 1, 'said once');
  });

  test('nothing visible: no request however long the window was away; once the views show, the next focus asks', async function () {
    const token = serverOf().addToken('health-2', ['object_configuration:read', 'record_permission:read']);
    await signInWith(token);
    await showViews(false);
    serverOf().revokeToken(token);
    serverOf().clearRequests();
    await refocus(20 * MINUTES);
    await refocus(60 * MINUTES);
    assert.strictEqual(serverOf().requests.length, 0, '0 requests while nothing shows Attio data');
    const said = await logCount('token health: the token for');
    await showViews(true);
    serverOf().clearRequests();
    await refocus(20 * MINUTES);
    assert.strictEqual(selfCalls(), 1);
    await waitFor(async () => (await logCount('token health: the token for')) - said === 1 || undefined, 'the revocation found, once, in the log');
  });
});
