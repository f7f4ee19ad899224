/**
 * The report webview (Verify Connection, Show Scope Errors) in the real extension host: only the commands a report
 * links to run from it, scripts are off, and its content security policy loads nothing.
 */
import * as assert from 'assert';
import * as vscode from 'vscode';
import { extensionApi, suiteServer, waitFor } from './helpers';

/** The report panel's options and HTML, as VS Code holds them. */
async function panelOf(kind: string): Promise<{ options: vscode.WebviewOptions; html: string }> {
  const api = await extensionApi();
  const panel = await waitFor(() => api.reports.panel(kind), `the ${kind} report panel`);
  return { options: panel.webview.options, html: panel.webview.html };
}

const commandHrefs = (html: string): string[] => [...new Set([...html.matchAll(/href="command:([^"?]*)/g)].map(m => m[1]))].sort();

function assertLockedDown(p: { options: vscode.WebviewOptions; html: string }, commands: string[]): void {
  assert.deepStrictEqual(p.options.enableCommandUris, commands, 'enableCommandUris is exactly the linked commands');
  assert.deepStrictEqual(commandHrefs(p.html), [...commands].sort(), 'the report links to exactly these commands');
  assert.strictEqual(p.options.enableScripts, false);
  assert.strictEqual(p.options.enableForms, false);
  assert.deepStrictEqual(p.options.localResourceRoots, []);
  const csp = /<meta http-equiv="Content-Security-Policy" content="([^"]+)">/.exec(p.html)?.[1];
  assert.ok(csp, 'a CSP');
  assert.match(csp, /default-src 'none'/);
  assert.match(csp, /base-uri 'none'/);
  assert.match(csp, /form-action 'none'/);
  assert.ok(!/script-src|img-src|connect-src|frame-src|font-src/.test(csp), `nothing but inline styles is allowed: ${csp}`);
  assert.ok(!/<(script|img|iframe|form)\b/i.test(p.html), 'no script, image, frame or form in the HTML');
}

suite('Report webview: command allow-list, no scripts, strict CSP', () => {
  const serverOf = suiteServer();

  test('Verify Connection allows only "Show scope errors"; after revocation, only "Sign in"', async () => {
    const api = await extensionApi();
    await vscode.commands.executeCommand('attio.signIn', { method: 'token', token: serverOf().tokens.full });
    await waitFor(() => api.connection.current, 'sign-in');
    await vscode.commands.executeCommand('attio.verifyConnection');
    assertLockedDown(await panelOf('connection'), ['attio.copySelfAsCurl', 'attio.showScopeErrors']);

    // the same panel, reused for another report with another link: its allow-list follows
    serverOf().revokeToken(serverOf().tokens.full);
    const report = await vscode.commands.executeCommand<string>('attio.verifyConnection');
    assert.match(report, /not active/);
    assertLockedDown(await panelOf('connection'), ['attio.signIn']);
  });

  test('Show Scope Errors allows only "Verify the connection"', async () => {
    await vscode.commands.executeCommand('attio.showScopeErrors');
    assertLockedDown(await panelOf('scopeErrors'), ['attio.verifyConnection']);
  });
});
