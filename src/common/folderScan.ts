/**
 * Finding credential-routing settings in a window's folder and workspace files (comments allowed), loaded on the
 * first check after activation (lazy part `common`).
 */
import * as vscode from 'vscode';
import { Settings } from '../constants';
import { CREDENTIAL_SETTINGS } from './config';

/** A credential-routing setting that a folder or workspace file tries to set. */
export interface FolderOverride {
  setting: string;
  /** The file, or for values VS Code reports without a file, the workspace's identity. */
  file: string;
  /** For people: `.vscode/settings.json of folder "x"`. */
  where: string;
}

/** JSON with comments → the same text without comments (strings kept intact). */
function stripComments(text: string): string {
  let out = '';
  for (let i = 0; i < text.length; ) {
    if (text[i] === '"') {
      const start = i++;
      while (i < text.length && text[i] !== '"') i += text[i] === '\\' ? 2 : 1;
      out += text.slice(start, ++i);
    } else if (text.startsWith('//', i)) {
      while (i < text.length && text[i] !== '\n') i++;
    } else if (text.startsWith('/*', i)) {
      const end = text.indexOf('*/', i + 2);
      i = end < 0 ? text.length : end + 2;
    } else out += text[i++];
  }
  return out;
}

/** Which credential-routing settings a settings.json or .code-workspace text sets. */
export function credentialSettingsIn(text: string): string[] {
  const plain = stripComments(text);
  return CREDENTIAL_SETTINGS.map(k => `${Settings.section}.${k}`).filter(full => new RegExp(`"${full.replace(/\./g, '\\.')}"\\s*:`).test(plain));
}

/** Credential-routing settings set by this window's folders or workspace file (their values are never used). */
export async function findFolderOverrides(): Promise<FolderOverride[]> {
  const files = (vscode.workspace.workspaceFolders ?? []).map(f => ({
    uri: vscode.Uri.joinPath(f.uri, '.vscode', 'settings.json'),
    where: vscode.l10n.t({ message: '.vscode/settings.json of folder "{0}"', args: [f.name], comment: ['Completes "Attio ignores … in {1}" (the place, after "in"). {0} is a folder name.'] }),
  }));
  const wf = vscode.workspace.workspaceFile;
  if (wf && wf.scheme !== 'untitled') files.push({ uri: wf, where: vscode.l10n.t({ message: 'the workspace file {0}', args: [wf.path.split('/').pop() ?? ''], comment: ['Completes "Attio ignores … in {1}" (the place, after "in"). {0} is a file name.'] }) });
  const found: FolderOverride[] = [];
  for (const f of files) {
    let text: string;
    try {
      text = new TextDecoder().decode(await vscode.workspace.fs.readFile(f.uri));
    } catch {
      continue; // no such file
    }
    for (const setting of credentialSettingsIn(text)) found.push({ setting, file: f.uri.toString(), where: f.where });
  }
  // Values VS Code itself reports at workspace or folder level (it drops them for application-scoped settings).
  const c = vscode.workspace.getConfiguration(Settings.section);
  for (const key of CREDENTIAL_SETTINGS) {
    const i = c.inspect(key);
    const setting = `${Settings.section}.${key}`;
    if ((i?.workspaceValue !== undefined || i?.workspaceFolderValue !== undefined) && !found.some(x => x.setting === setting)) {
      found.push({ setting, file: (wf ?? vscode.workspace.workspaceFolders?.[0]?.uri)?.toString() ?? '', where: vscode.l10n.t({ message: 'this workspace\'s settings', comment: ['Completes "Attio ignores … in {1}" (the place, after "in").'] }) });
    }
  }
  return found;
}
