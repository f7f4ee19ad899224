import * as vscode from 'vscode';
import { accountCommands } from './auth/accountCommands';
import { AttioAuthProvider, registerAuthProvider } from './auth/authProvider';
import { ScopeErrorLog } from './auth/scopeErrors';
import { SignInController } from './auth/signIn';
import { TokenStore } from './auth/tokenStore';
import { UriEventHandler } from './auth/uriHandler';
import { registerCommands } from './commands';
import { onDidChangeConfig, readConfig } from './config';
import { AUTH_PROVIDER_LABEL } from './constants';
import { WorkspaceData } from './data';
import { DetailDocuments } from './detail/provider';
import { EditorSurface } from './editor';
import { Logger, Redactor } from './log';
import { ReportView } from './reportView';
import { AccountStatusBar } from './statusBar';
import { readTreeConfig } from './views/config';
import { SidebarViews } from './views/controller';
import { viewCommands } from './views/viewCommands';
import { WorkspaceManager } from './workspace';

/** What integration tests reach (only in ExtensionMode.Test: it holds live tokens, so never for other extensions). */
export interface TestApi {
  workspace: WorkspaceManager;
  auth: AttioAuthProvider;
  scopeErrors: ScopeErrorLog;
  logUri: vscode.Uri;
  globalStorageUri: vscode.Uri;
  data: WorkspaceData;
  views: SidebarViews;
  secrets: vscode.SecretStorage;
  editor: EditorSurface;
  details: DetailDocuments;
}

/** Composition root: builds the parts, hands each its dependencies, gives every disposable an owner. Nothing else. */
export function activate(context: vscode.ExtensionContext): TestApi | undefined {
  const channel = vscode.window.createOutputChannel('Attio', { log: true });
  const redactor = new Redactor();
  const log = new Logger(channel, redactor);

  const store = new TokenStore(context.secrets, log.child('Secrets'));
  const auth = new AttioAuthProvider(store, log.child('Auth'));
  const uris = new UriEventHandler(log.child('URI'));
  const scopeErrors = new ScopeErrorLog();
  const workspace = new WorkspaceManager(auth, readConfig(), scopeErrors, redactor, log.child('Client'));
  const signIn = new SignInController({
    auth,
    workspace,
    store,
    uris,
    config: readConfig,
    log: log.child('SignIn'),
    redactor,
    env: process.env,
    fetch: globalThis.fetch,
  });
  auth.setInteractiveSignIn(() => signIn.acquire());
  const reports = new ReportView();
  const describeError = (e: unknown, feature: string) => workspace.describeError(e, feature);
  const data = new WorkspaceData({ connection: () => workspace.connection, config: readTreeConfig, locale: vscode.env.language, log: log.child('Data') });
  const details = new DetailDocuments(data, describeError, log.child('Detail'));
  const views = new SidebarViews({ data, details, describeError, log: log.child('Tree'), config: readTreeConfig });
  const editor = new EditorSurface({
    data,
    details,
    describeError,
    log: log.child('Editor'),
    scopes: () => workspace.connection?.session.scopes,
    sessions: async () => (await auth.current()).sessions.map(s => ({ id: s.id, workspaceSlug: s.workspaceSlug, workspaceName: s.workspaceName })),
    reveal: (object, id) => views.revealRecord(object, id),
  });

  context.subscriptions.push(
    channel,
    store,
    auth,
    uris,
    workspace,
    reports,
    vscode.window.registerUriHandler(uris),
    registerAuthProvider(auth, AUTH_PROVIDER_LABEL),
    onDidChangeConfig(() => workspace.setConfig(readConfig())),
    new AccountStatusBar(workspace),
    data,
    workspace.onDidChange(() => data.clear()),
    details,
    views,
    registerCommands(viewCommands({ views, data, details, describeError, log: log.child('Tree') }), log, redactor),
    editor,
    registerCommands(editor.commands(), log, redactor),
    registerCommands(
      accountCommands({ auth, signIn, workspace, store, scopeErrors, reports, log: log.child('Account'), showLog: () => channel.show() }),
      log,
      redactor,
    ),
  );

  return context.extensionMode === vscode.ExtensionMode.Test ? { workspace, auth, scopeErrors, logUri: context.logUri, globalStorageUri: context.globalStorageUri, data, views, secrets: context.secrets, editor, details } : undefined;
}

export function deactivate(): void {}
