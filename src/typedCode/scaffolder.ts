/**
 * "Attio: Add a Typed Client to This Project": writes the fetch client (typed by the generated module, in the
 * project's module style, under `src/` when there is one), `.env.example` and the `.gitignore` lines. Replaces no
 * file without asking; `.gitignore` only gains the lines it lacks. In Restricted Mode it reads and writes nothing.
 */
import * as vscode from 'vscode';
import { ENV_EXAMPLE, clientSource, importSpecifier, moduleKindOf, withGitignoreLines } from '../typegen/scaffold';

export interface ScaffoldDeps {
  /** The file generated last, if any. */
  typesFile(): vscode.Uri | undefined;
  /** Generates the types (asks where); the file written. */
  generate(): Promise<vscode.Uri | undefined>;
  readText(uri: vscode.Uri): Promise<string | undefined>;
  exists(uri: vscode.Uri): Promise<boolean>;
}

/** Asks before a file is replaced (a quick pick: Escape keeps the file). */
export async function askReplace(question: string): Promise<boolean> {
  const replace = { label: vscode.l10n.t('Replace'), replace: true };
  const keep = { label: vscode.l10n.t('Keep it'), replace: false };
  return (await vscode.window.showQuickPick([keep, replace], { title: question, placeHolder: question, ignoreFocusOut: true }))?.replace === true;
}

async function pickFolder(): Promise<vscode.WorkspaceFolder | undefined> {
  const folders = vscode.workspace.workspaceFolders ?? [];
  return folders.length > 1 ? vscode.window.showWorkspaceFolderPick({ placeHolder: vscode.l10n.t('Add the typed client to which folder?') }) : folders[0];
}

/** `file` relative to `folder` with `/`, or undefined when it is outside. */
function inside(folder: vscode.Uri, file: vscode.Uri): string | undefined {
  const base = folder.path.endsWith('/') ? folder.path : `${folder.path}/`;
  return file.scheme === folder.scheme && file.authority === folder.authority && file.path.startsWith(base) ? file.path.slice(base.length) : undefined;
}

export async function scaffoldClient(d: ScaffoldDeps): Promise<void> {
  if (!vscode.workspace.isTrusted) {
    void vscode.window.showWarningMessage(vscode.l10n.t('Adding a typed client writes files to this folder: trust the folder first (Restricted Mode reads and writes nothing here).'));
    return;
  }
  const folder = await pickFolder();
  if (!folder) {
    void vscode.window.showWarningMessage(vscode.l10n.t('Open a folder to add a typed client to.'));
    return;
  }
  let types = d.typesFile();
  if (!types || !inside(folder.uri, types) || !(await d.exists(types))) types = await d.generate();
  if (!types) return;
  const typesPath = inside(folder.uri, types);
  if (!typesPath) {
    void vscode.window.showWarningMessage(vscode.l10n.t('The generated types must be inside the folder {0}.', folder.name));
    return;
  }
  const kind = moduleKindOf(await d.readText(vscode.Uri.joinPath(folder.uri, 'package.json')));
  const srcDir = (await d.exists(vscode.Uri.joinPath(folder.uri, 'src'))) ? 'src' : '';
  const client = vscode.Uri.joinPath(folder.uri, srcDir, 'attioClient.ts');
  const files = [
    { uri: client, text: clientSource(importSpecifier(srcDir, typesPath, kind)) },
    { uri: vscode.Uri.joinPath(folder.uri, '.env.example'), text: ENV_EXAMPLE },
  ];
  const written: string[] = [];
  for (const f of files) {
    const name = vscode.workspace.asRelativePath(f.uri);
    if ((await d.exists(f.uri)) && !(await askReplace(vscode.l10n.t('{0} already exists. Replace it?', name)))) continue;
    await vscode.workspace.fs.writeFile(f.uri, new TextEncoder().encode(f.text));
    written.push(name);
  }
  const gitignore = vscode.Uri.joinPath(folder.uri, '.gitignore');
  const ignore = withGitignoreLines(await d.readText(gitignore));
  if (ignore !== undefined) {
    await vscode.workspace.fs.writeFile(gitignore, new TextEncoder().encode(ignore));
    written.push('.gitignore');
  }
  if (written.includes(vscode.workspace.asRelativePath(client))) await vscode.window.showTextDocument(client);
  void vscode.window.showInformationMessage(
    written.length ? vscode.l10n.t('Added to {0}: {1}. Put your key in .env as ATTIO_API_KEY.', folder.name, written.join(', ')) : vscode.l10n.t('Nothing was changed.'),
  );
}
