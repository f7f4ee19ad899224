import * as vscode from 'vscode';
import { Commands } from '../constants';
import { Disposable } from '../common/disposable';
import type { Connection } from '../session/connection';

/** Shows the active Attio workspace (or "signed out") and opens the account actions. */
export class AccountStatusBar extends Disposable {
  private readonly item = this._register(vscode.window.createStatusBarItem('attio.account', vscode.StatusBarAlignment.Left, 0));

  constructor(private readonly connection: Connection) {
    super();
    this.item.name = 'Attio Account';
    this.item.command = Commands.accountActions;
    this._register(connection.onDidChange(() => this.render()));
    this.render();
    this.item.show();
  }

  private render(): void {
    const conn = this.connection.current;
    const m = this.connection.mismatch;
    if (m) {
      this.item.text = `$(warning) Attio: ${m.session.workspaceName} (other API address)`;
      this.item.tooltip = `The session for "${m.session.workspaceName}" belongs to ${m.sessionOrigin}; attio.apiBaseUrl names ${m.settingOrigin || m.apiBaseUrl}. Nothing is sent — click to choose.`;
    } else if (conn) {
      this.item.text = `$(organization) ${conn.session.workspaceName}`;
      this.item.tooltip = `Attio workspace "${conn.session.workspaceName}" (${conn.session.workspaceSlug}) — click for account actions`;
    } else {
      this.item.text = '$(account) Attio: Signed out';
      this.item.tooltip = 'Attio — click to sign in';
    }
  }
}
