/**
 * The quick fixes of the project key's diagnostics: "Add .env to .gitignore" and "Move to .env" (the key appended to
 * `.env` unless it is there, `.env` added to `.gitignore`, the literal replaced by `process.env.ATTIO_API_KEY`), each one
 * WorkspaceEdit. `.env` and `.gitignore` are written to the disk (git reads them there) unless they are open with
 * unsaved edits; the source file is left for the person to save, as any quick fix leaves it.
 */
import * as vscode from 'vscode';
import { ENV_API_KEY, ProjectCommands, ProjectDiagnostics } from '../constants';
import { envAddition, gitignoreAddition } from './edits';
import { baseName, readText } from './folderFiles';
import { envReplacement, findKeyLiterals } from './keyLiterals';

/** Languages whose code reads the environment as `process.env.X`: the only ones "Move to .env" rewrites. */
const NODE_LANGUAGES = new Set(['javascript', 'typescript', 'javascriptreact', 'typescriptreact']);

export class KeyQuickFixes implements vscode.CodeActionProvider {
  provideCodeActions(doc: vscode.TextDocument, _range: vscode.Range, context: vscode.CodeActionContext): vscode.CodeAction[] {
    const actions: vscode.CodeAction[] = [];
    for (const d of context.diagnostics) {
      if (d.source !== ProjectDiagnostics.source) continue;
      if (d.code === ProjectDiagnostics.envNotIgnored) {
        const name = baseName(doc.uri);
        const a = new vscode.CodeAction(vscode.l10n.t({ message: 'Add {0} to .gitignore', args: [name], comment: ['{0} is a file name such as .env'] }), vscode.CodeActionKind.QuickFix);
        a.command = { command: ProjectCommands.ignoreEnvFile, title: a.title, arguments: [doc.uri] };
        a.diagnostics = [d];
        a.isPreferred = true;
        actions.push(a);
      } else if (d.code === ProjectDiagnostics.keyLiteral && NODE_LANGUAGES.has(doc.languageId)) {
        const a = new vscode.CodeAction(vscode.l10n.t('Move to .env'), vscode.CodeActionKind.QuickFix);
        a.command = { command: ProjectCommands.moveKeyToEnv, title: a.title, arguments: [doc.uri, doc.offsetAt(d.range.start)] };
        a.diagnostics = [d];
        a.isPreferred = true;
        actions.push(a);
      }
    }
    return actions;
  }
}

/**
 * Adds to `edit` what makes the file at `uri` end with `addition`: into an open document with unsaved edits (which
 * stays unsaved, as the person left it), else the file written whole (created when missing): git reads the disk.
 */
function appendTo(edit: vscode.WorkspaceEdit, uri: vscode.Uri, existing: string | undefined, addition: string): void {
  const dirty = vscode.workspace.textDocuments.find(d => d.uri.toString() === uri.toString() && d.isDirty);
  if (dirty) edit.insert(uri, dirty.positionAt(dirty.getText().length), addition);
  // a file that could not be read (too large) is never overwritten: only a missing one is created
  else if (existing === undefined) edit.createFile(uri, { ignoreIfExists: true, contents: new TextEncoder().encode(addition) });
  else edit.createFile(uri, { overwrite: true, contents: new TextEncoder().encode(existing + addition) });
}

/** Adds `name` to the `.gitignore` beside `file` (git reads a `.gitignore` for its own folder and below). */
async function ignoreEdit(edit: vscode.WorkspaceEdit, file: vscode.Uri): Promise<boolean> {
  const gitignore = vscode.Uri.joinPath(file, '..', '.gitignore');
  const text = await readText(gitignore);
  const addition = gitignoreAddition(text ?? '', baseName(file));
  if (addition === undefined) return false;
  appendTo(edit, gitignore, text, addition);
  return true;
}

/** "Add .env to .gitignore" for the `.env*` file at `uri`. True when the edit was applied. */
export async function ignoreEnvFile(uri: vscode.Uri): Promise<boolean> {
  const edit = new vscode.WorkspaceEdit();
  if (!(await ignoreEdit(edit, uri))) return true;
  return vscode.workspace.applyEdit(edit);
}

/**
 * "Move to .env" for the key literal starting at `offset` of the document at `uri`: one WorkspaceEdit. Refused (with
 * a message) when `.env` already sets another key: nothing is overwritten.
 */
export async function moveKeyToEnv(uri: vscode.Uri, offset: number): Promise<boolean> {
  const doc = await vscode.workspace.openTextDocument(uri);
  const folder = vscode.workspace.getWorkspaceFolder(uri);
  const text = doc.getText();
  const literal = findKeyLiterals(text).find(l => l.valueStart === offset);
  if (!folder || !literal) return false; // edited since: the diagnostic is stale, the next scan answers
  const key = text.slice(literal.valueStart, literal.valueEnd);
  const envUri = vscode.Uri.joinPath(folder.uri, '.env');
  const envText = await readText(envUri);
  const addition = envAddition(envText ?? '', ENV_API_KEY, key);
  if (addition && 'conflict' in addition) {
    void vscode.window.showWarningMessage(vscode.l10n.t('Attio: .env already sets ATTIO_API_KEY to another key. Nothing was changed: decide which key the project uses, then remove the other.'));
    return false;
  }
  const edit = new vscode.WorkspaceEdit();
  if (addition) appendTo(edit, envUri, envText, addition.append);
  await ignoreEdit(edit, envUri);
  edit.replace(uri, new vscode.Range(doc.positionAt(literal.start), doc.positionAt(literal.end)), envReplacement(text, literal, ENV_API_KEY));
  return vscode.workspace.applyEdit(edit);
}
