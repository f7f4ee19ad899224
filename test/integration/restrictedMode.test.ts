/**
 * Restricted Mode (issue 14), in a real code-server window with workspace trust on, on a folder nobody trusted whose
 * .vscode/settings.json names another Attio-compatible server for the API and OAuth (test/harness/restrictedFolder.ts,
 * run by runIntegration.ts as a window of its own): `workspace.isTrusted` is false, the views, Verify Connection and both
 * sign-ins work against the user's own settings, and the folder's server receives no request. An extension under
 * development is exempt from workspace trust, so what the manifest's `capabilities` decide (enabled or not in
 * Restricted Mode) is proved with the installed .vsix by test/ui/restrictedMode.uitest.ts. In the window without
 * workspace trust, where every other suite runs, this suite skips itself.
 */
import * as assert from 'assert';
import * as vscode from 'vscode';
import { RESTRICTED_FOLDER_KEY } from '../harness/restrictedFolder';
import { startAttioServer, type AttioTestServer } from '../server';
import { EXTENSION_ID, extensionApi, findRow, signInWith, signOutAll, startServerFor, treeRows, waitFor, holdsFor, signInCommand } from './helpers';

const trustEnabled = (): boolean => vscode.workspace.getConfiguration('security.workspace.trust').get<boolean>('enabled') === true;

suite('Restricted Mode: an untrusted folder naming another server', () => {
  let user: AttioTestServer;
  let folder: AttioTestServer;

  suiteSetup(async function () {
    if (!trustEnabled()) return this.skip();
    const port = Number(process.env.ATTIO_FOLDER_SERVER_PORT);
    assert.ok(port > 0, 'the runner reserved the port the folder settings name');
    // same seed as the user's server: it knows the same tokens and OAuth client, so anything sent to it would show
    folder = await startAttioServer({ port, rateLimit: false });
    user = await startServerFor();
    await signOutAll();
  });
  suiteTeardown(async () => {
    await signOutAll();
    await user?.close();
    await folder?.close();
  });

  test('the window is in Restricted Mode and the extension runs in it', async () => {
    assert.strictEqual(vscode.workspace.isTrusted, false, 'workspace.isTrusted');
    const ext = vscode.extensions.getExtension(EXTENSION_ID);
    assert.ok(ext, 'the extension is enabled in Restricted Mode (a disabled one is not listed)');
    await extensionApi();
    assert.strictEqual(ext.isActive, true);
    // VS Code read the folder's settings: a setting a folder may decide applies …
    await waitFor(() => vscode.workspace.getConfiguration('attio').get('tree.pageSize') === 7 || undefined, 'the folder setting attio.tree.pageSize');
    // … and the folder names the other server for the API
    const inspected = vscode.workspace.getConfiguration('attio').inspect<string>('apiBaseUrl');
    assert.strictEqual(inspected?.globalValue, user.url, 'the user setting names the user\'s server');
  });

  test("the views and commands work against the user's server; the folder's server receives no request", async function () {
    const api = await extensionApi();
    assert.strictEqual(api.connection.apiBaseUrl, user.url, 'the API base URL is the user\'s');

    await signInWith(user.tokens.full);
    await vscode.commands.executeCommand('attio.refresh');
    const objects = await treeRows(api.views.objects);
    for (const name of ['People', 'Companies', 'Deals']) findRow(objects, name);
    const people = await treeRows(api.views.objects, findRow(objects, 'People').node);
    assert.strictEqual(people.filter(r => /^record:/.test(r.contextValue)).length, 7, 'pages of 7: the folder\'s harmless setting applies');
    const lists = await treeRows(api.views.lists);
    assert.ok(lists.length > 0, 'lists');
    const tasks = await treeRows(api.views.tasks);
    assert.ok(tasks.length > 0, 'tasks');
    const report = await vscode.commands.executeCommand<string>('attio.verifyConnection');
    assert.match(report, /Workspace/);

    // OAuth sign-in: authorize and token URLs from the user's settings, never the folder's
    user.setOAuthAutoDecision('approve');
    try {
      const viaOAuth = await signInCommand({ method: 'oauth', clientSecret: user.oauth.clientSecret, timeoutMs: 45_000 });
      assert.ok(viaOAuth, 'OAuth sign-in works with the user\'s settings');
      assert.strictEqual(viaOAuth.apiOrigin, new URL(user.url).origin);
    } finally {
      user.setOAuthAutoDecision(undefined);
    }

    assert.ok(user.requests.some(r => r.path === '/v2/objects'), 'the user\'s server served the views');
    await holdsFor(() => folder.requests.length === 0, 'the folder\'s server received no request at all', 1000);
  });

  test('Add a Typed Client reads and writes nothing in the untrusted folder', async () => {
    // signed in: in a trusted folder the command would go on to generate the types and write the client
    await signInWith(user.tokens.full);
    const root = vscode.workspace.workspaceFolders![0].uri;
    const listing = async (dir: vscode.Uri): Promise<string[]> => {
      const out: string[] = [];
      for (const [name, type] of await vscode.workspace.fs.readDirectory(dir)) {
        const child = vscode.Uri.joinPath(dir, name);
        const stat = await vscode.workspace.fs.stat(child);
        out.push(`${child.path} ${stat.mtime} ${stat.size}`);
        if (type === vscode.FileType.Directory) out.push(...(await listing(child)));
      }
      return out.sort();
    };
    const before = await listing(root);
    await vscode.commands.executeCommand('attio.addTypedClient');
    assert.deepStrictEqual(await listing(root), before, 'no file added or changed');
    assert.ok(!before.some(l => /attioClient\.ts|\.env\.example/.test(l)));
  });

  test("the project key: the check reads nothing, no diagnostic, the implementation never loads", async () => {
    const api = await extensionApi();
    const folderUri = vscode.workspace.workspaceFolders![0].uri;
    // VS Code opens the file (the editor may); the extension must not read it or the .env beside it
    const doc = await vscode.workspace.openTextDocument(vscode.Uri.joinPath(folderUri, 'src', 'client.ts'));
    assert.match(doc.getText(), /ATTIO_API_KEY = "/, 'the folder holds a key literal');
    const before = user.requests.length;
    // a new file opened and saved: what starts a scan in a trusted folder
    const touched = vscode.Uri.joinPath(folderUri, 'src', 'touched.ts');
    await vscode.workspace.fs.writeFile(touched, new TextEncoder().encode(`export const attioToken = "${RESTRICTED_FOLDER_KEY}";\n`));
    const editor = await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(touched));
    await editor.edit(e => e.insert(new vscode.Position(1, 0), '// edited\n'));
    await editor.document.save();
    // the check, run after those events were delivered: it says why it reads nothing
    const result = await vscode.commands.executeCommand<{ status: string }>('attio.checkProjectKey', folderUri);
    assert.deepStrictEqual(result, { status: 'untrusted' });
    assert.deepStrictEqual(vscode.languages.getDiagnostics().filter(([, ds]) => ds.some(d => d.source === 'Attio')), [], 'no Attio diagnostic');
    assert.strictEqual(api.projectKey.isLoaded, false, 'the project key\'s implementation was never loaded');
    assert.strictEqual(user.requests.length, before, 'no request for the folder\'s key');
    assert.deepStrictEqual(folder.requests, [], 'the folder\'s server received nothing');
  });
});
