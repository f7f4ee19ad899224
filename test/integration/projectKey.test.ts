/**
 * The project's own API key (issue 23), in a real extension host on this window's folder (trusted: workspace trust is
 * off in this window), made a git repository for the suite: Check This Project's Key against the local server, the
 * `.env` git does not ignore and its quick fix, a key written in a tracked source file and "Move to .env". The
 * Restricted Mode half (nothing of an untrusted folder is read) is in restrictedMode.test.ts.
 */
import * as assert from 'assert';
import { execFileSync } from 'child_process';
import { randomBytes } from 'crypto';
import * as fs from 'fs';
import * as path from 'path';
import * as vscode from 'vscode';
import type { KeyCheckResult } from '../../src/project';
import { extensionApi, logLeakCount, suiteServer, waitFor } from './helpers';

const SOURCE = 'Attio';
const ourDiagnostics = (uri: vscode.Uri, code: string): vscode.Diagnostic[] => vscode.languages.getDiagnostics(uri).filter(d => d.source === SOURCE && d.code === code);

/**
 * Writes (or with `undefined` deletes) a file of the folder as another program would, and waits until an open
 * document of it has caught up (VS Code reloads it from the disk).
 */
async function writeFile(file: string, text: string | undefined): Promise<void> {
  if (text === undefined) fs.rmSync(file, { force: true });
  else fs.writeFileSync(file, text);
  const open = (): vscode.TextDocument | undefined => vscode.workspace.textDocuments.find(d => d.uri.fsPath === vscode.Uri.file(file).fsPath);
  if (open() && text !== undefined) await waitFor(() => open()?.getText() === text || undefined, `the open ${path.basename(file)} to reload`);
}

/** Runs the quick fix titled `title` offered for `diagnostic` of `uri`. */
async function runQuickFix(uri: vscode.Uri, diagnostic: vscode.Diagnostic, title: string): Promise<unknown> {
  const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', uri, diagnostic.range, vscode.CodeActionKind.QuickFix.value);
  const fix = actions.find(a => a.title === title);
  assert.ok(fix?.command, `quick fix "${title}" among ${actions.map(a => a.title).join(', ')}`);
  return vscode.commands.executeCommand(fix.command.command, ...(fix.command.arguments ?? []));
}

suite('Project key: a trusted folder with git', () => {
  const server = suiteServer();
  const folder = (): vscode.WorkspaceFolder => vscode.workspace.workspaceFolders![0];
  const file = (name: string): string => path.join(folder().uri.fsPath, name);
  const uri = (name: string): vscode.Uri => vscode.Uri.file(file(name));
  const created = ['.git', '.env', '.gitignore', 'src'];

  suiteSetup(function () {
    if (!vscode.workspace.isTrusted || !folder()) return this.skip();
    execFileSync('git', ['init', '-q'], { cwd: folder().uri.fsPath });
  });
  suiteTeardown(async () => {
    await vscode.commands.executeCommand('workbench.action.files.revert');
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    for (const name of created) fs.rmSync(file(name), { recursive: true, force: true });
  });

  test("Check This Project's Key names the workspace, its scopes and what it lacks; an unknown key gets a clear answer", async () => {
    const key = server().tokens.readOnly;
    fs.writeFileSync(file('.env'), `# local settings\nexport PORT=3000\nATTIO_API_KEY="${key}"\n`);
    const self = (await (await fetch(`${server().url}/v2/self`, { headers: { authorization: `Bearer ${key}` } })).json()) as { workspace_name: string };
    server().clearRequests();
    const before = server().requests.length;

    const result = await vscode.commands.executeCommand<KeyCheckResult>('attio.checkProjectKey', folder().uri);
    assert.ok(result && result.status === 'checked', JSON.stringify(result));
    const [verdict] = result.keys;
    assert.ok(verdict.status === 'active', JSON.stringify(verdict));
    assert.deepStrictEqual(verdict.files, ['.env']);
    assert.strictEqual(verdict.workspaceName, self.workspace_name);
    assert.ok(verdict.scopes.includes('object_configuration:read') && verdict.scopes.includes('record_permission:read'), verdict.scopes.join(' '));
    assert.deepStrictEqual(verdict.missing.types, [], 'a read-only key generates types');
    assert.deepStrictEqual(verdict.missing.writes, ['list_entry:read-write', 'record_permission:read-write'], 'but cannot write');
    assert.ok(!JSON.stringify(result).includes(key), 'the answer carries no key');
    const sent = server().requests.slice(before).map(r => `${r.method} ${r.path} ${r.token}`);
    assert.deepStrictEqual(sent, ['GET /v2/self readOnly'], 'one request, to the configured server, with the folder\'s key');

    const unknown = randomBytes(32).toString('hex');
    fs.writeFileSync(file('.env'), `ATTIO_API_KEY=${unknown}\n`);
    const second = await vscode.commands.executeCommand<KeyCheckResult>('attio.checkProjectKey', folder().uri);
    assert.ok(second?.status === 'checked' && second.keys[0].status === 'inactive', JSON.stringify(second));
    assert.strictEqual(await logLeakCount(key), 0, 'the key is in no log');
    assert.strictEqual(await logLeakCount(unknown), 0, 'the unknown key is in no log');
  });

  test('a .env git does not ignore is flagged; "Add .env to .gitignore" clears it', async () => {
    await writeFile(file('.env'), `ATTIO_API_KEY=${server().tokens.full}\n`);
    await writeFile(file('.gitignore'), 'node_modules\n');
    await vscode.workspace.openTextDocument(uri('.env')); // quick fixes are asked of an open document
    const [diagnostic] = await waitFor(() => {
      const found = ourDiagnostics(uri('.env'), 'attio-env-not-ignored');
      return found.length ? found : undefined;
    }, 'the .env diagnostic');
    assert.match(diagnostic.message, /\.env holds ATTIO_API_KEY and git does not ignore it/);
    assert.strictEqual(diagnostic.range.start.line, 0);

    await runQuickFix(uri('.env'), diagnostic, 'Add .env to .gitignore');
    assert.strictEqual(fs.readFileSync(file('.gitignore'), 'utf8'), 'node_modules\n.env\n');
    await waitFor(() => ourDiagnostics(uri('.env'), 'attio-env-not-ignored').length === 0 || undefined, 'the diagnostic to clear once git ignores .env');
  });

  test('a key written in a tracked source file is flagged; "Move to .env" moves it and git ignores .env', async () => {
    const key = server().tokens.full;
    await writeFile(file('.env'), undefined);
    fs.mkdirSync(file('src'), { recursive: true });
    fs.writeFileSync(file('src/ignored.ts'), `export const ATTIO_API_KEY = "${key}";\n`);
    await writeFile(file('.gitignore'), 'src/ignored.ts\n');
    fs.writeFileSync(file('src/client.ts'), `// talks to Attio\nexport const ATTIO_API_KEY = "${key}";\nexport const headers = { Authorization: 'Bearer ${key}' };\n`);
    const ignoredDoc = await vscode.workspace.openTextDocument(uri('src/ignored.ts'));
    const doc = await vscode.workspace.openTextDocument(uri('src/client.ts'));
    await vscode.window.showTextDocument(doc);
    const found = await waitFor(() => {
      const d = ourDiagnostics(doc.uri, 'attio-key-literal');
      return d.length === 2 ? d : undefined;
    }, 'both literals flagged');
    assert.deepStrictEqual(found.map(d => doc.getText(d.range)), [key, key], 'each diagnostic underlines the key');

    await runQuickFix(doc.uri, found[0], 'Move to .env');
    assert.strictEqual(doc.lineAt(1).text, 'export const ATTIO_API_KEY = process.env.ATTIO_API_KEY;');
    assert.strictEqual(fs.readFileSync(file('.env'), 'utf8'), `ATTIO_API_KEY=${key}\n`);
    assert.strictEqual(fs.readFileSync(file('.gitignore'), 'utf8'), 'src/ignored.ts\n.env\n');
    const [bearer] = await waitFor(() => {
      const d = ourDiagnostics(doc.uri, 'attio-key-literal');
      return d.length === 1 ? d : undefined;
    }, 'one literal left');

    await runQuickFix(doc.uri, bearer, 'Move to .env');
    assert.strictEqual(doc.lineAt(2).text, 'export const headers = { Authorization: `Bearer ${process.env.ATTIO_API_KEY}` };');
    assert.strictEqual(fs.readFileSync(file('.env'), 'utf8'), `ATTIO_API_KEY=${key}\n`, 'the same key is not written twice');
    await waitFor(() => ourDiagnostics(doc.uri, 'attio-key-literal').length === 0 || undefined, 'no literal left');
    await doc.save();
    assert.deepStrictEqual(ourDiagnostics(ignoredDoc.uri, 'attio-key-literal'), [], 'a file git ignores is not flagged');
    const api = await extensionApi();
    assert.ok(api.projectKey.isLoaded, 'the implementation was loaded in this trusted window');
  });
});
