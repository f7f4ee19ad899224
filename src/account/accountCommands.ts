import * as vscode from 'vscode';
import { errorMessage } from '../attio';
import type { CommandArguments, CommandTable } from '../common/commands';
import { Commands } from '../constants';
import type { Logger } from '../common/log';
import type { ReportView } from './reportView';
import type { Connection } from '../session/connection';
import type { AttioAuthProvider } from '../session/authProvider';
import { connectionReport, scopeErrorsReport } from './reports';
import type { ScopeErrorLog } from '../session/scopeErrors';
import type { SignIn, SignInRequest } from '../signIn';
import type { TokenStore } from '../session/tokenStore';

export interface AccountCommandDeps {
  auth: AttioAuthProvider;
  signIn: SignIn;
  connection: Connection;
  store: TokenStore;
  scopeErrors: ScopeErrorLog;
  reports: ReportView;
  log: Logger;
  showLog: () => void;
  /** Arguments that skip prompts are honoured only in the integration tests. */
  args: Pick<CommandArguments, 'honour'>;
}

/** Sign in/out, switch workspace, account actions, Verify Connection, Show Scope Errors. */
export function accountCommands(d: AccountCommandDeps): CommandTable {
  const signOut = async (given?: { sessionId?: string; removeClientSecret?: boolean }): Promise<boolean> => {
    const arg = d.args.honour(given);
    const { sessions, activeId } = await d.auth.current();
    if (!sessions.length) {
      void vscode.window.showInformationMessage(vscode.l10n.t('Attio: you are not signed in.'));
      return false;
    }
    let ids: string[];
    if (arg?.sessionId) ids = [arg.sessionId];
    else if (sessions.length === 1) ids = [sessions[0].id];
    else {
      const all = { label: `$(sign-out) ${vscode.l10n.t('All workspaces')}`, ids: sessions.map(s => s.id) };
      const pick = await vscode.window.showQuickPick(
        [...sessions.map(s => ({ label: s.workspaceName, description: s.id === activeId ? vscode.l10n.t({ message: 'active', comment: ['Describes the workspace the views show now.'] }) : undefined, ids: [s.id] })), all],
        { title: vscode.l10n.t('Attio: Sign Out'), placeHolder: vscode.l10n.t('Sign out of which workspace?') },
      );
      if (!pick) return false;
      ids = pick.ids;
    }
    for (const id of ids) await d.auth.remove(id);
    let dropSecret = arg?.removeClientSecret;
    if (dropSecret === undefined && !arg?.sessionId && (await d.store.hasClientSecrets())) {
      const remove = vscode.l10n.t('Remove Client Secret');
      const keep = vscode.l10n.t({ message: 'Keep It', comment: ['A button: keep the stored OAuth client secret.'] });
      dropSecret = (await vscode.window.showInformationMessage(vscode.l10n.t('Attio: signed out. Also remove the stored OAuth client secret?'), remove, keep)) === remove;
    }
    if (dropSecret) {
      await d.store.deleteClientSecrets();
      d.log.info('removed the stored OAuth client secret');
    }
    return true;
  };

  const switchWorkspace = async (arg?: { sessionId?: string }): Promise<void> => {
    const { sessions, activeId } = await d.auth.current();
    if (arg?.sessionId) return d.auth.setActive(arg.sessionId);
    const another = { label: `$(add) ${vscode.l10n.t('Sign in to another workspace…')}`, id: '' };
    const pick = await vscode.window.showQuickPick(
      [...sessions.map(s => ({ label: s.workspaceName, description: s.id === activeId ? `$(check) ${vscode.l10n.t({ message: 'active', comment: ['Describes the workspace the views show now.'] })}` : s.workspaceSlug, id: s.id })), another],
      { title: vscode.l10n.t('Attio: Switch Workspace'), placeHolder: vscode.l10n.t('Which workspace should the Attio views show?') },
    );
    if (!pick) return;
    if (pick.id) await d.auth.setActive(pick.id);
    else await vscode.commands.executeCommand(Commands.signIn);
  };

  const verifyConnection = async (): Promise<string | undefined> => {
    const conn = d.connection.current;
    if (!conn && d.connection.mismatch) {
      void d.connection.promptOriginMismatch().catch(e => d.log.warn(`origin mismatch prompt failed: ${errorMessage(e)}`));
      return undefined;
    }
    if (!conn) {
      const signIn = vscode.l10n.t('Sign In');
      const pick = await vscode.window.showInformationMessage(vscode.l10n.t('Attio: you are not signed in.'), signIn);
      if (pick === signIn) await vscode.commands.executeCommand(Commands.signIn);
      return undefined;
    }
    const self = await vscode.window.withProgress({ location: vscode.ProgressLocation.Window, title: vscode.l10n.t('Attio: verifying the connection') }, () => conn.client.self());
    let authorizedBy: string | undefined;
    if (self.active && self.authorizedByMemberId) {
      try {
        const m = (await conn.client.listMembers()).find(x => x.id.workspace_member_id === self.authorizedByMemberId);
        if (m) authorizedBy = `${[m.first_name, m.last_name].filter(Boolean).join(' ')} <${m.email_address}>`;
      } catch (e) {
        d.log.debug(`could not resolve the authorising member: ${errorMessage(e)}`);
      }
    }
    const md = connectionReport({ self, method: conn.session.method, apiBaseUrl: d.connection.apiBaseUrl, authorizedBy, checkedAt: new Date() });
    d.log.info(`verified connection to "${conn.session.workspaceName}": ${self.active ? 'active' : 'inactive'}`);
    await d.reports.show('connection', vscode.l10n.t({ message: 'Attio: {0}', args: [conn.session.workspaceName], comment: ['A title. {0} is the workspace name.'] }), md);
    return md.markdown;
  };

  const showScopeErrors = async (): Promise<string> => {
    const md = scopeErrorsReport(d.scopeErrors.entries, d.connection.current?.session.method);
    await d.reports.show('scopeErrors', vscode.l10n.t('Attio: Scope Errors'), md);
    return md.markdown;
  };

  const accountActions = async (): Promise<void> => {
    const conn = d.connection.current;
    const m = d.connection.mismatch;
    if (m) {
      const choices: (vscode.QuickPickItem & { run: string })[] = [
        ...(m.settingOrigin ? [{ label: `$(sign-in) ${vscode.l10n.t({ message: 'Sign In for {0}', args: [m.settingOrigin], comment: ['{0} is an API address.'] })}`, run: Commands.signIn }] : []),
        {
          label: `$(history) ${vscode.l10n.t({ message: 'Use {0} Again', args: [m.sessionOrigin], comment: ['{0} is an API address.'] })}`,
          detail: vscode.l10n.t('Sets attio.apiBaseUrl in your user settings back to the session\'s address.'),
          run: Commands.useSessionApiOrigin,
        },
        { label: `$(sign-out) ${vscode.l10n.t('Sign Out')}`, run: Commands.signOut },
        { label: `$(output) ${vscode.l10n.t('Show Log')}`, run: Commands.showLog },
      ];
      const title = vscode.l10n.t({
        message: 'Attio: "{0}" belongs to {1}; attio.apiBaseUrl names {2}',
        args: [m.session.workspaceName, m.sessionOrigin, m.settingOrigin || m.apiBaseUrl],
        comment: ['{0} is the workspace name, {1} and {2} are API addresses; attio.apiBaseUrl is a setting.'],
      });
      const pick = await vscode.window.showQuickPick(choices, { title });
      if (pick) await vscode.commands.executeCommand(pick.run);
      return;
    }
    const items: (vscode.QuickPickItem & { run: string })[] = conn
      ? [
          { label: `$(pulse) ${vscode.l10n.t('Verify Connection')}`, run: Commands.verifyConnection },
          { label: `$(arrow-swap) ${vscode.l10n.t('Switch Workspace')}`, run: Commands.switchWorkspace },
          { label: `$(warning) ${vscode.l10n.t('Show Scope Errors')}`, run: Commands.showScopeErrors },
          { label: `$(add) ${vscode.l10n.t('Sign In to Another Workspace')}`, run: Commands.signIn },
          { label: `$(sign-out) ${vscode.l10n.t('Sign Out')}`, run: Commands.signOut },
          { label: `$(output) ${vscode.l10n.t('Show Log')}`, run: Commands.showLog },
        ]
      : [
          { label: `$(sign-in) ${vscode.l10n.t('Sign In')}`, run: Commands.signIn },
          { label: `$(output) ${vscode.l10n.t('Show Log')}`, run: Commands.showLog },
        ];
    const title = conn
      ? vscode.l10n.t({ message: 'Attio: {0}', args: [conn.session.workspaceName], comment: ['A title. {0} is the workspace name.'] })
      : vscode.l10n.t('Attio: signed out');
    const pick = await vscode.window.showQuickPick(items, { title });
    if (pick) await vscode.commands.executeCommand(pick.run);
  };

  // true when signed in; never the session (it holds the access token) to whoever ran the command
  const signIn = async (req: SignInRequest): Promise<boolean> => {
    const session = await d.signIn.acquire(req);
    await d.auth.add(session);
    void vscode.window.showInformationMessage(vscode.l10n.t('Signed in to Attio workspace "{0}".', session.workspaceName));
    return true;
  };

  return {
    [Commands.signIn]: (given?: SignInRequest): Promise<boolean> => {
      const req = d.args.honour(given);
      return signIn(req && typeof req === 'object' ? req : {});
    },
    // the team's way in without the pick: only the way is chosen, the address and the consent are asked as always
    [Commands.signInWithTeamApp]: (): Promise<boolean> => signIn({ method: 'broker' }),
    [Commands.signOut]: signOut,
    [Commands.switchWorkspace]: switchWorkspace,
    [Commands.accountActions]: accountActions,
    [Commands.verifyConnection]: verifyConnection,
    [Commands.showScopeErrors]: showScopeErrors,
    [Commands.showLog]: d.showLog,
    [Commands.useSessionApiOrigin]: () => d.connection.useSessionOrigin(),
  };
}
