import * as vscode from 'vscode';
import { Commands } from '../constants';
import { Disposable } from '../common/disposable';
import type { Connection } from '../session/connection';

/** Shows the active Attio workspace (or "signed out") and opens the account actions. */
export class AccountStatusBar extends Disposable {
  private readonly item = this._register(vscode.window.createStatusBarItem('attio.account', vscode.StatusBarAlignment.Left, 0));

  constructor(private readonly connection: Connection) {
    super();
    this.item.name = vscode.l10n.t('Attio Account');
    this.item.command = Commands.accountActions;
    this._register(connection.onDidChange(() => this.render()));
    this.render();
    this.item.show();
  }

  private render(): void {
    const conn = this.connection.current;
    const m = this.connection.mismatch;
    if (m) {
      this.item.text = `$(warning) ${vscode.l10n.t('Attio: {0} (other API address)', m.session.workspaceName)}`;
      this.item.tooltip = vscode.l10n.t(
        'The session for "{0}" belongs to {1}; attio.apiBaseUrl names {2}. Nothing is sent — click to choose.',
        m.session.workspaceName,
        m.sessionOrigin,
        m.settingOrigin || m.apiBaseUrl,
      );
    } else if (conn) {
      this.item.text = `$(organization) ${conn.session.workspaceName}`;
      this.item.tooltip = vscode.l10n.t('Attio workspace "{0}" ({1}) — click for account actions', conn.session.workspaceName, conn.session.workspaceSlug);
    } else {
      this.item.text = `$(account) ${vscode.l10n.t('Attio: Signed out')}`;
      this.item.tooltip = vscode.l10n.t('Attio — click to sign in');
    }
  }
}
