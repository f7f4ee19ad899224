import * as vscode from 'vscode';
import { accountCommandTable } from './account';
import { ReportView } from './account/reportView';
import { AccountStatusBar } from './account/statusBar';
import { errorMessage, Redactor } from './attio';
import { ChatTools } from './chat/chatTools';
import { AttioMcpServer } from './chat/mcp';
import { CommandArguments, registerCommands } from './common/commands';
import { Configuration } from './common/config';
import { FolderSettingsGuard } from './common/folderSettings';
import { Logger } from './common/log';
import { valueWording, valueWords } from './common/valueWords';
import { errorWording } from './common/errorText';
import { AUTH_PROVIDER_LABEL } from './constants';
import { HOST_KIND, hostEnvironment, setExtensionFiles } from './platform';
import { WorkspaceData } from './data';
import { DetailDocuments } from './detail/provider';
import { DeveloperView } from './developer';
import { ProjectKeySurface } from './project';
import { AttioAuthProvider, registerAuthProvider } from './session/authProvider';
import { ClientFactory } from './session/clients';
import { Connection } from './session/connection';
import { syncContextKeys } from './session/contextKeys';
import { ErrorReporter } from './session/errorReporter';
import { ScopeErrorLog } from './session/scopeErrors';
import { TokenStore } from './session/tokenStore';
import { NetworkWatch } from './session/networkWatch';
import { TokenHealthMonitor, attioDataVisible } from './session/tokenHealth';
import { SignIn } from './signIn';
import { UriEventHandler } from './signIn/uriHandler';
import { EditorSurface } from './editor';
import { SidebarViews } from './views/controller';
import { viewCommands } from './views/viewCommands';
import { filterCommands } from './views/filterCommands';
import { pinCommands } from './views/pinCommands';
import { commentCommands } from './views/commentCommands';
import { answerEditLinks, recordCommands } from './views/recordCommands';
import { meetingCommands } from './views/meetingCommands';
import { listCommands } from './views/listCommands';
import { assessScopes } from './attio';
import { TranscriptDocuments } from './detail/transcripts';
import { TypedCode } from './typedCode';

/** What integration tests reach (only in ExtensionMode.Test: it holds live tokens, so never for other extensions). */
export interface TestApi {
  connection: Connection;
  errors: ErrorReporter;
  auth: AttioAuthProvider;
  scopeErrors: ScopeErrorLog;
  logUri: vscode.Uri;
  /** Every line written to the Attio log since activation, as written (redacted). */
  logLines: readonly string[];
  globalStorageUri: vscode.Uri;
  data: WorkspaceData;
  views: SidebarViews;
  secrets: vscode.SecretStorage;
  reports: ReportView;
  editor: EditorSurface;
  details: DetailDocuments;
  attioMcp: AttioMcpServer;
  globalState: vscode.Memento;
  /** Runs a command as another extension's call runs outside the tests (arguments that skip prompts not honoured). */
  commandArguments: CommandArguments;
  chatTools: ChatTools;
  health: TokenHealthMonitor['health'];
  projectKey: ProjectKeySurface;
}

/** Composition root: builds the parts, hands each its dependencies, gives every disposable an owner. Nothing else. */
export function activate(context: vscode.ExtensionContext): TestApi | undefined {
  // in the browser the extension reads its lazy bundles through the workbench's file service (Node's require finds them itself)
  setExtensionFiles(path => vscode.workspace.fs.readFile(vscode.Uri.joinPath(context.extensionUri, path)));
  const channel = vscode.window.createOutputChannel('Attio', { log: true });
  const redactor = new Redactor();
  const testing = context.extensionMode === vscode.ExtensionMode.Test;
  const logLines: string[] = [];
  const log = new Logger(channel, redactor, undefined, testing ? line => logLines.push(line) : undefined);
  log.info(`activating in the ${HOST_KIND} extension host`);
  // On the web a lazy bundle is read asynchronously, and these two have synchronous callers (an error's wording in a
  // catch, the words around a value): read them now (8 KB), English until then. On Node they load on first use.
  if (HOST_KIND === 'web') void Promise.all([errorWording.load(), valueWording.load()]).catch(e => log.warn(`wording not loaded: ${errorMessage(e)}`));
  const config = new Configuration();
  // arguments that skip prompts: honoured only under the integration tests (the condition the test API has too)
  const commandArguments = new CommandArguments(testing);

  // who is signed in
  const store = new TokenStore(context.secrets, log.child('Secrets'));
  const network = new NetworkWatch(globalThis.fetch);
  const clients = new ClientFactory(redactor, log.child('Client'), network.fetch);
  const uris = new UriEventHandler(log.child('URI'));
  const signIn = new SignIn({ clients, store, uris, config: () => config.current, log: log.child('SignIn'), redactor, env: hostEnvironment(), fetch: globalThis.fetch });
  const auth = new AttioAuthProvider(store, () => signIn.acquire(), log.child('Auth'));
  const connection = new Connection(auth, config, clients, log.child('Connection'));
  const scopeErrors = new ScopeErrorLog();
  const errors = new ErrorReporter(connection, scopeErrors, redactor, log.child('Errors'));

  // what is shown
  const data = new WorkspaceData({ connection: () => connection.current, config: () => config.current, locale: vscode.env.language, words: valueWords, log: log.child('Data') });
  const canWrite = (feature: 'recordWrites' | 'entryWrites') => (): boolean => assessScopes(connection.current?.session.scopes.join(' ') ?? '').some(f => f.feature === feature && f.ok);
  const canWriteEntries = canWrite('entryWrites');
  const details = new DetailDocuments(data, errors.describe, log.child('Detail'), canWrite('recordWrites'), canWriteEntries);
  const views = new SidebarViews({ data, details, describeError: errors.describe, log: log.child('Tree'), config, state: context.globalState, canWriteEntries });
  const reports = new ReportView();
  const editor = new EditorSurface({
    data,
    details,
    config,
    describeError: errors.describe,
    log: log.child('Editor'),
    scopes: () => connection.current?.session.scopes,
    sessions: async () => (await auth.current()).sessions.map(s => ({ id: s.id, workspaceSlug: s.workspaceSlug, workspaceName: s.workspaceName })),
    reveal: (object, id) => views.revealRecord(object, id),
    args: commandArguments,
  });
  const attioMcp = new AttioMcpServer(config);
  const developer = new DeveloperView({ data, describeError: errors.describe, log: log.child('Developer'), baseUrl: () => connection.apiBaseUrl, resolve: arg => views.nodeOf(arg) });
  const projectKey = new ProjectKeySurface({ clientFor: (token, baseUrl) => clients.clientFor(token, baseUrl), apiBaseUrl: () => config.current.apiBaseUrl, redactor, log: log.child('Project'), args: commandArguments });
  const transcripts = new TranscriptDocuments(data, errors.describe);
  const typedCode = new TypedCode({ data, describeError: errors.describe, log: log.child('Types'), state: context.workspaceState, args: commandArguments });
  const chatTools = new ChatTools({ data, describeError: errors.describeForModel, redact: text => redactor.redact(text), config, log: log.child('Chat') });
  const tokenHealth = new TokenHealthMonitor({
    connection,
    network,
    errors,
    showingAttio: () => attioDataVisible([views.objects.view, views.lists.view, views.tasks.view], vscode.window.visibleTextEditors),
    log: log.child('Health'),
  });

  context.subscriptions.push(
    channel,
    config,
    network,
    store,
    auth,
    uris,
    connection,
    syncContextKeys(connection),
    connection.onDidChange(() => data.clear()),
    vscode.window.registerUriHandler(uris),
    registerAuthProvider(auth, AUTH_PROVIDER_LABEL),
    new FolderSettingsGuard(context.workspaceState, config, log.child('Settings')),
    new AccountStatusBar(connection),
    data,
    details,
    views,
    reports,
    editor,
    registerCommands(viewCommands({ views, data, details, describeError: errors.describe, log: log.child('Tree') }), log, redactor),
    registerCommands(editor.commands(), log, redactor),
    chatTools,
    attioMcp,
    developer,
    registerCommands(developer.commands(), log, redactor),
    typedCode,
    registerCommands(typedCode.commands(), log, redactor),
    projectKey,
    registerCommands(projectKey.commands(), log, redactor),
    registerCommands(pinCommands(views), log, redactor),
    registerCommands(commentCommands(views, data, details), log, redactor),
    answerEditLinks(details),
    registerCommands(recordCommands({ views, data, details, describeError: errors.describe, log: log.child('Records'), honour: arg => commandArguments.honour(arg) }), log, redactor),
    transcripts,
    registerCommands(meetingCommands(views, transcripts), log, redactor),
    registerCommands(listCommands({ views, data, details, args: commandArguments }), log, redactor),
    registerCommands(filterCommands({ views, data, describeError: errors.describe, log: log.child('Filter') }), log, redactor),
    tokenHealth,
    registerCommands(accountCommandTable({ auth, signIn, connection, store, scopeErrors, reports, log: log.child('Account'), showLog: () => channel.show(), args: commandArguments }), log, redactor),
  );

  return testing
    ? { connection, errors, auth, scopeErrors, logUri: context.logUri, logLines, globalStorageUri: context.globalStorageUri, data, views, secrets: context.secrets, reports, editor, details, attioMcp, globalState: context.globalState, commandArguments, chatTools, health: tokenHealth.health, projectKey }
    : undefined;
}

export function deactivate(): void {}
