/**
 * Typed code from the workspace in a real extension host, against the local Attio server: Generate TypeScript Types
 * writes the module (within the request budget; again within the cache TTL without a request), the schema changes
 * on the server, the stale-types diagnostic on the header says what changed, and its quick fix Regenerate brings the
 * file up to date. Then the typed-client scaffold in the (trusted) folder, which replaces nothing without asking.
 */
import * as assert from 'assert';
import * as vscode from 'vscode';
import type { AttioTestServer } from '../server';
import { apiCalls, dismissPrompts, signInWith, suiteServer, waitFor } from './helpers';

const STALE_CODE = 'attio-stale-types';

const text = async (uri: vscode.Uri): Promise<string> => new TextDecoder().decode(await vscode.workspace.fs.readFile(uri));
const staleOf = (uri: vscode.Uri): vscode.Diagnostic[] => vscode.languages.getDiagnostics(uri).filter(d => d.code === STALE_CODE);

suite('Typed code: Generate TypeScript Types, stale types, typed client', () => {
  let server: AttioTestServer;
  let folder: vscode.Uri;
  let typesFile: vscode.Uri;

  const serverOf = suiteServer();
  suiteSetup(async () => {
    server = serverOf();
    folder = vscode.workspace.workspaceFolders![0].uri;
    typesFile = vscode.Uri.joinPath(folder, 'src', 'attio.gen.ts');
    await vscode.workspace.fs.createDirectory(vscode.Uri.joinPath(folder, 'src'));
    await signInWith(server.tokens.full);
  });
  suiteTeardown(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    for (const f of ['src', '.env.example', '.gitignore']) await vscode.workspace.fs.delete(vscode.Uri.joinPath(folder, f), { recursive: true }).then(undefined, () => undefined);
  });

  test('generate: the module of the signed-in workspace, within the request budget; again within the TTL: no request', async function () {
    this.timeout(60_000);
    await vscode.commands.executeCommand('attio.refresh');
    server.clearRequests();
    const written = await vscode.commands.executeCommand<string>('attio.generateTypes', typesFile);
    assert.strictEqual(written, typesFile.toString());
    const calls = apiCalls(server);
    const module = await text(typesFile);
    assert.match(module, /^\/\/ Attio types for the workspace "Northwind Labs"/);
    const targets = (module.match(/^\/\/ (object|list) "/gm) ?? []).length;
    const choices = (module.match(/^\/\*\* (Options|Statuses) of /gm) ?? []).length;
    assert.ok(calls.length <= 1 + 2 * targets + choices, `${calls.length} requests for ${targets} objects and lists and ${choices} select/status attributes: ${calls.join(', ')}`);
    server.clearRequests();
    await vscode.commands.executeCommand('attio.generateTypes', typesFile);
    assert.deepStrictEqual(apiCalls(server), [], 'regenerating within the cache TTL asks Attio nothing');
  });

  test('the schema changes on the server: a diagnostic on the header says what changed; Regenerate fixes the file', async function () {
    this.timeout(60_000);
    const doc = await vscode.workspace.openTextDocument(typesFile);
    await vscode.window.showTextDocument(doc);
    assert.deepStrictEqual(staleOf(typesFile), [], 'up to date right after generating');
    server.changeSchema({ kind: 'addAttribute', target: 'companies', slug: 'tier', type: 'text' });
    server.changeSchema({ kind: 'removeOption', target: 'companies', attribute: 'categories', title: 'Media' });
    await vscode.commands.executeCommand('attio.refresh');
    // the person comes back to the file (another editor in between): it is checked again
    await vscode.window.showTextDocument(await vscode.workspace.openTextDocument({ content: 'scratch' }));
    await vscode.window.showTextDocument(doc);
    // (a check that started before the refresh may report part of the change first; the one after it reports both)
    const [stale] = await waitFor(() => (staleOf(typesFile).some(d => /tier/.test(d.message)) ? staleOf(typesFile) : undefined), 'the stale-types diagnostic');
    assert.strictEqual(stale.severity, vscode.DiagnosticSeverity.Warning);
    assert.strictEqual(stale.range.start.line, 2, 'on the fingerprint line of the header');
    assert.match(stale.message, /no longer match the workspace "Northwind Labs"/);
    assert.match(stale.message, /attribute companies\.tier added/);
    assert.match(stale.message, /option "Media" of companies\.categories removed/);

    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', typesFile, stale.range);
    const regenerate = actions.find(a => a.title === 'Regenerate');
    assert.ok(regenerate?.command, `a Regenerate quick fix among ${actions.map(a => a.title).join(', ')}`);
    await vscode.commands.executeCommand(regenerate.command.command, ...(regenerate.command.arguments ?? []));
    await waitFor(() => staleOf(typesFile).length === 0 || undefined, 'the diagnostic gone after Regenerate');
    const module = await text(typesFile);
    assert.match(module, /^ {2}tier\?: \[\] \| \[AttioTextValue\];$/m, 'the new attribute is typed');
    const live = module.split('\n').find(l => l.startsWith('export type CompaniesCategoriesOption = '));
    assert.ok(live && !live.includes('"Media"') && live.includes('"SaaS"'), `the removed option is no longer one to write or filter by: ${live}`);
  });

  test('Add a Typed Client: the client (CommonJS import, in src/), .env.example and .gitignore lines; nothing replaced without asking', async function () {
    this.timeout(60_000);
    await vscode.commands.executeCommand('attio.addTypedClient');
    const client = vscode.Uri.joinPath(folder, 'src', 'attioClient.ts');
    const source = await text(client);
    assert.match(source, /from '\.\/attio\.gen';/, 'imports the generated module, CommonJS style (no package.json type)');
    assert.match(source, /process\.env\.ATTIO_API_KEY/);
    assert.match(await text(vscode.Uri.joinPath(folder, '.env.example')), /^ATTIO_API_KEY=$/m);
    assert.match(await text(vscode.Uri.joinPath(folder, '.gitignore')), /^\.env$/m);

    await vscode.workspace.fs.writeFile(client, new TextEncoder().encode('// mine\n'));
    await dismissPrompts(vscode.commands.executeCommand('attio.addTypedClient'), 'Add a Typed Client, asked to replace');
    assert.strictEqual(await text(client), '// mine\n', 'a dismissed question replaces nothing');
  });
});
