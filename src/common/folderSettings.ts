/**
 * A folder or workspace file that tries to set where credentials go: found (settings.json and .code-workspace
 * files, comments allowed) and warned about once per setting and file. The values themselves are never read
 * (config.ts reads those settings from the user's settings only).
 */
import * as vscode from 'vscode';
import { errorMessage } from '../attio';
import { StateKeys } from '../constants';
import type { Configuration } from './config';
import type * as FolderScan from './folderScan';
import { lazy } from '../platform';
import { Disposable } from './disposable';
import type { Logger } from './log';

const folderScan = lazy<typeof FolderScan>(() => require('./folderScan'));

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
    const fresh = (await (await folderScan.load()).findFolderOverrides()).filter(o => !warned.has(`${o.setting}|${o.file}`));
    if (!fresh.length) return;
    for (const o of fresh) warned.add(`${o.setting}|${o.file}`);
    await this.memory.update(StateKeys.warnedFolderSettings, [...warned]);
    for (const where of new Set(fresh.map(o => o.where))) {
      const names = fresh.filter(o => o.where === where).map(o => o.setting);
      this.log.warn(`ignored ${names.join(', ')} in ${where}: where credentials go is read from user settings only`);
      const open = vscode.l10n.t('Open User Settings');
      const quoted = names.map(n => `"${n}"`).join(', ');
      void vscode.window
        .showWarningMessage(vscode.l10n.t('Attio ignores {0} in {1}: where your token, OAuth code or client secret goes is read only from your user settings.', quoted, where), open)
        .then(pick => pick === open && vscode.commands.executeCommand('workbench.action.openGlobalSettings', { query: names[0] }));
    }
  }
}
