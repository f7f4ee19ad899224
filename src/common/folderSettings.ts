/**
 * A folder or workspace file that tries to set where credentials go: found (settings.json and .code-workspace
 * files, comments allowed) and warned about once per setting and file. The values themselves are never read
 * (config.ts reads those settings from the user's settings only).
 */
import * as vscode from 'vscode';
import { errorMessage } from '../attio';
import { Settings, StateKeys } from '../constants';
import { CREDENTIAL_SETTINGS, type Configuration } from './config';
import { Disposable } from './disposable';
import type { Logger } from './log';

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
    where: `.vscode/settings.json of folder "${f.name}"`,
  }));
  const wf = vscode.workspace.workspaceFile;
  if (wf && wf.scheme !== 'untitled') files.push({ uri: wf, where: `the workspace file ${wf.path.split('/').pop()}` });
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
      found.push({ setting, file: (wf ?? vscode.workspace.workspaceFolders?.[0]?.uri)?.toString() ?? '', where: 'this workspace\'s settings' });
    }
  }
  return found;
}

/**
 * Warns, once per setting and file (remembered in workspaceState), when a folder or workspace file tries to set
 * where credentials go. The value itself is never read (see config.ts).
 */
export class FolderSettingsGuard extends Disposable {
  private queue: Promise<void> = Promise.resolve();

  constructor(private readonly memory: vscode.Memento, config: Configuration, private readonly log: Logger) {
    super();
    const check = (): void => {
      this.queue = this.queue.then(() => this.check()).catch(e => this.log.warn(`could not check folder settings: ${errorMessage(e)}`));
    };
    const watcher = this._register(vscode.workspace.createFileSystemWatcher('**/.vscode/settings.json'));
    this._register(watcher.onDidCreate(check));
    this._register(watcher.onDidChange(check));
    this._register(vscode.workspace.onDidChangeWorkspaceFolders(check));
    this._register(config.onDidChange(check));
    check();
  }

  private async check(): Promise<void> {
    const warned = new Set(this.memory.get<string[]>(StateKeys.warnedFolderSettings, []));
    const fresh = (await findFolderOverrides()).filter(o => !warned.has(`${o.setting}|${o.file}`));
    if (!fresh.length) return;
    for (const o of fresh) warned.add(`${o.setting}|${o.file}`);
    await this.memory.update(StateKeys.warnedFolderSettings, [...warned]);
    for (const where of new Set(fresh.map(o => o.where))) {
      const names = fresh.filter(o => o.where === where).map(o => o.setting);
      this.log.warn(`ignored ${names.join(', ')} in ${where}: where credentials go is read from user settings only`);
      const open = 'Open User Settings';
      void vscode.window
        .showWarningMessage(
          `Attio ignores ${names.map(n => `"${n}"`).join(', ')} in ${where}: where your token, OAuth code or client secret goes is read only from your user settings.`,
          open,
        )
        .then(pick => pick === open && vscode.commands.executeCommand('workbench.action.openGlobalSettings', { query: names[0] }));
    }
  }
}
