import * as vscode from 'vscode';
import { accountCommands } from './auth/accountCommands';
import { AttioAuthProvider, registerAuthProvider } from './auth/authProvider';
import { ScopeErrorLog } from './auth/scopeErrors';
import { SignInController } from './auth/signIn';
import { TokenStore } from './auth/tokenStore';
import { UriEventHandler } from './auth/uriHandler';
import { registerCommands } from './commands';
import { FolderSettingsGuard, onDidChangeConfig, readConfig } from './config';
import { AUTH_PROVIDER_LABEL } from './constants';
import { Logger, Redactor } from './log';
import { ReportView } from './reportView';
import { AccountStatusBar } from './statusBar';
import { AttioTree, readTreeConfig } from './tree';
import { WorkspaceManager } from './workspace';

/** What integration tests reach (only in ExtensionMode.Test: it holds live tokens, so never for other extensions). */
export interface TestApi {
  workspace: WorkspaceManager;
  auth: AttioAuthProvider;
  scopeErrors: ScopeErrorLog;
  logUri: vscode.Uri;
  globalStorageUri: vscode.Uri;
  tree: AttioTree;
  secrets: vscode.SecretStorage;
  reports: ReportView;
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
  const tree = new AttioTree({ workspace, log: log.child('Tree'), redactor, config: readTreeConfig });

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
    new FolderSettingsGuard(context.workspaceState, log.child('Settings')),
    new AccountStatusBar(workspace),
    tree,
    registerCommands(tree.commands(), log, redactor),
    registerCommands(
      accountCommands({ auth, signIn, workspace, store, scopeErrors, reports, log: log.child('Account'), showLog: () => channel.show() }),
      log,
      redactor,
    ),
  );

  return context.extensionMode === vscode.ExtensionMode.Test ? { workspace, auth, scopeErrors, logUri: context.logUri, globalStorageUri: context.globalStorageUri, tree, secrets: context.secrets, reports } : undefined;
}

export function deactivate(): void {}
