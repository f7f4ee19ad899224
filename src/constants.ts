/** Every id the extension contributes or reads, in one place (commands, views, context keys, settings, secrets, URIs). */

export const EXTENSION_ID = 'attio-explorer.attio-explorer';

export const AUTH_PROVIDER_ID = 'attio';
export const AUTH_PROVIDER_LABEL = 'Attio';

/** Path of the OAuth callback on the extension's URI handler: `<scheme>://attio-explorer.attio-explorer/auth/callback`. */
export const OAUTH_CALLBACK_PATH = '/auth/callback';

export const Views = {
  container: 'attio',
  objects: 'attio.objects',
  lists: 'attio.lists',
  tasks: 'attio.tasks',
} as const;

export const Commands = {
  signIn: 'attio.signIn',
  /** "Sign in with your team's Attio app" straight away (the welcome views, the walkthrough, Try Again): no pick. */
  signInWithTeamApp: 'attio.signInWithTeamApp',
  signOut: 'attio.signOut',
  switchWorkspace: 'attio.switchWorkspace',
  accountActions: 'attio.accountActions',
  verifyConnection: 'attio.verifyConnection',
  showScopeErrors: 'attio.showScopeErrors',
  refresh: 'attio.refresh',
  showLog: 'attio.showLog',
  /** Puts `attio.apiBaseUrl` back to the active session's origin (origin-mismatch state; not in the palette). */
  useSessionApiOrigin: 'attio.useSessionApiOrigin',
} as const;

export const ContextKeys = {
  signedIn: 'attio:signedIn',
  canWriteTasks: 'attio:canWriteTasks',
  /** The active session was verified at another API origin than `attio.apiBaseUrl` names: nothing is sent. */
  originMismatch: 'attio:originMismatch',
  canWriteNotes: 'attio:canWriteNotes',
  /** The token may create and edit records (`record_permission:read-write`). */
  canWriteRecords: 'attio:canWriteRecords',
  /** The kind of detail page in front (`record`, `entry`, `task`, `note`; empty for none): a record's or entry's values can be edited from the Command Palette. */
  detailPage: 'attio:detailPage',
  /** The token may write comments (`comment:read-write`). */
  canWriteComments: 'attio:canWriteComments',
  /** The token may add, move and remove list entries (`list_entry:read-write`). */
  canWriteEntries: 'attio:canWriteEntries',
  /** A chat agent called one of the Attio tools in this window (completes the walkthrough's chat step). */
  usedChatTool: 'attio:usedChatTool',
} as const;

/** The Getting Started walkthrough (package.json `walkthroughs`); VS Code addresses it as `<extension id>#<id>`. */
export const Walkthrough = {
  id: 'gettingStarted',
  qualifiedId: `${EXTENSION_ID}#gettingStarted`,
} as const;

/** Setting keys under the `attio` section. */
export const Settings = {
  section: 'attio',
  apiBaseUrl: 'apiBaseUrl',
  oauthAuthorizeUrl: 'oauth.authorizeUrl',
  oauthTokenUrl: 'oauth.tokenUrl',
  oauthClientId: 'oauth.clientId',
  oauthRedirectUri: 'oauth.redirectUri',
  oauthTokenExchangeUrl: 'oauth.tokenExchangeUrl',
  /** The team's sign-in broker ("Sign in with your team's Attio app"). */
  oauthBrokerUrl: 'oauth.brokerUrl',
} as const;

export const Defaults = {
  apiBaseUrl: 'https://api.attio.com',
  oauthAuthorizeUrl: 'https://app.attio.com/authorize',
  oauthTokenUrl: 'https://app.attio.com/oauth/token',
  appUrl: 'https://app.attio.com',
} as const;

/** Keys of the extension's workspaceState (per folder or workspace). */
export const StateKeys = {
  /** `setting|file URI` pairs of folder settings already warned about. */
  warnedFolderSettings: 'attio.warnedFolderSettings',
  /** The file "Generate TypeScript Types" last wrote (a URI string), offered next time and checked for staleness. */
  typesFile: 'attio.typesFile',
} as const;

/** Keys of the extension's globalState (not secret; per workspace inside the value). */
export const GlobalStateKeys = {
  /** Filters and sorts kept on objects and lists: workspace slug → `objects:<slug>` / `lists:<id>` → filter. */
  filters: 'attio.filters',
  /** Pinned records: workspace slug → `[{object, id, title}]`. */
  pins: 'attio.pins',
  /** Ids of the lists whose entries are shown grouped by stage. */
  stageGrouping: 'attio.stageGrouping',
} as const;

/** SecretStorage keys. Nothing secret is ever stored anywhere else. */
export const SecretKeys = {
  sessions: 'attio.sessions',
  oauthClientSecret: 'attio.oauth.clientSecret',
} as const;

/** URI schemes of the read-only documents the extension opens. */
export const Schemes = {
  report: 'attio-report',
  detail: 'attio',
  /** The API's answer for an item, as JSON (src/developer). */
  json: 'attio-json',
  /** A call recording's transcript (read-only Markdown). */
  transcript: 'attio-transcript',
} as const;

/** Environment variable offered as a sign-in source. */
export const ENV_API_KEY = 'ATTIO_API_KEY';

/** Commands of the Objects / Lists / Tasks trees and the detail documents (handlers in src/tree). */
export const TreeCommands = {
  refreshObjects: 'attio.refreshObjects',
  refreshLists: 'attio.refreshLists',
  refreshTasks: 'attio.refreshTasks',
  loadMore: 'attio.loadMore',
  retry: 'attio.retry',
  openDetail: 'attio.openDetail',
  openInAttio: 'attio.openInAttio',
  copyId: 'attio.copyId',
  copyUrl: 'attio.copyUrl',
  searchRecords: 'attio.searchRecords',
  searchInObject: 'attio.searchInObject',
  completeTask: 'attio.completeTask',
  reopenTask: 'attio.reopenTask',
  createTask: 'attio.createTask',
  setTaskGrouping: 'attio.setTaskGrouping',
  filter: 'attio.filter',
  clearFilter: 'attio.clearFilter',
  pinRecord: 'attio.pinRecord',
  unpinRecord: 'attio.unpinRecord',
  addComment: 'attio.addComment',
  openTranscript: 'attio.openTranscript',
  addToList: 'attio.addToList',
  moveToStage: 'attio.moveToStage',
  removeFromList: 'attio.removeFromList',
  groupByStage: 'attio.groupByStage',
  ungroupByStage: 'attio.ungroupByStage',
  export: 'attio.export',
} as const;

/** Editing and creating records (handlers in src/views/recordHandlers.ts, lazy part `records`). */
export const RecordCommands = {
  editValue: 'attio.editValue',
  newRecord: 'attio.newRecord',
} as const;

/** The developer's view (src/developer): JSON documents, request snippets, schema helpers. */
export const DevCommands = {
  openAsJson: 'attio.openAsJson',
  copyAsCurl: 'attio.copyAsCurl',
  copyAsFetch: 'attio.copyAsFetch',
  copySelfAsCurl: 'attio.copySelfAsCurl',
  copyApiSlug: 'attio.copyApiSlug',
  refreshJson: 'attio.refreshJson',
  showArchivedAttributes: 'attio.showArchivedAttributes',
} as const;

/** The first words of every generated types module: how the editor recognises one without parsing it. */
export const TYPES_HEADER_MARK = '// Attio types for the workspace ';

/** Typed code from the workspace (src/typedCode): generated types and the typed-client scaffold. */
export const TypedCodeCommands = {
  generateTypes: 'attio.generateTypes',
  addTypedClient: 'attio.addTypedClient',
} as const;

/** Setting keys of the trees, under the `attio` section. */
export const TreeSettings = {
  cacheTtlSeconds: 'cache.ttlSeconds',
  pageSize: 'tree.pageSize',
  tasksDefaultGrouping: 'tasks.defaultGrouping',
} as const;

/**
 * Tags composed into tree items' `contextValue` (`record:web:id:detail`); menus match one tag with
 * `viewItem =~ /(^|:)web(:|$)/`.
 */
export const ItemTags = {
  web: 'web',
  id: 'id',
  detail: 'detail',
  search: 'search',
  openTask: 'openTask',
  doneTask: 'doneTask',
  /** An object or list that can be filtered and sorted ("Filter…"). */
  filter: 'filter',
  /** An object or list with a filter or sort active ("Clear Filter"). */
  filtered: 'filtered',
  /** A record that can be pinned ("Pin"). */
  pin: 'pin',
  /** A pinned record ("Unpin"). */
  pinned: 'pinned',
  /** Has an API answer: Open as JSON, Copy as cURL / fetch. */
  json: 'json',
  /** A value row of an attribute a person may write ("Edit…"). */
  editable: 'editable',
  /** Has an API slug: Copy API Slug. */
  slug: 'slug',
  /** A list with a status attribute: "Group by Stage". */
  stages: 'stages',
  /** A list whose entries are grouped by stage: "Show Entries Ungrouped". */
  grouped: 'grouped',
  /** An entry of a list with a status attribute: "Move to Stage…". */
  staged: 'staged',
  /** An entry shown under its list: "Remove from List". */
  listed: 'listed',
  /** An object or list that can be exported ("Export…"). */
  export: 'export',
} as const;

/** Commands of the editor surface (src/editor): record links and hovers, from-selection actions. */
export const EditorCommands = {
  insertRecordLink: 'attio.insertRecordLink',
  createTaskFromSelection: 'attio.createTaskFromSelection',
  createTaskFromTodo: 'attio.createTaskFromTodo',
  addSelectionAsNote: 'attio.addSelectionAsNote',
  /** The actions of a record link (Ctrl/Cmd-click, hover card); argument: the link's `{workspaceSlug, object, recordId}`. */
  openRecordLink: 'attio.openRecordLink',
  openRecordLinkInAttio: 'attio.openRecordLinkInAttio',
  revealRecordLink: 'attio.revealRecordLink',
  copyRecordLinkId: 'attio.copyRecordLinkId',
} as const;

/** Setting keys of the editor surface, under the `attio` section. */
export const EditorSettings = {
  recordLinks: 'editor.recordLinks',
  linkFormat: 'editor.linkFormat',
  todoTriggers: 'tasks.todoTriggers',
} as const;

/** Language-model tools for chat agents: the names in package.json `languageModelTools` (src/chat/). */
export const ChatToolNames = {
  searchRecords: 'attio_search_records',
  getRecord: 'attio_get_record',
  listTasks: 'attio_list_tasks',
  listEntries: 'attio_list_entries',
  describeSchema: 'attio_describe_schema',
  createTask: 'attio_create_task',
  addNote: 'attio_add_note',
  updateRecord: 'attio_update_record',
  createRecord: 'attio_create_record',
  addToList: 'attio_add_to_list',
} as const;

/** Chat settings (full keys) and Attio's hosted MCP server, offered only when its setting is on. */
export const ChatSettings = {
  tools: 'attio.chat.tools',
  attioMcpServer: 'attio.chat.attioMcpServer',
  allowToolsOutsideChat: 'attio.chat.allowToolsOutsideChat',
} as const;

export const AttioMcp = {
  providerId: 'attio.mcpServer',
  url: 'https://mcp.attio.com/mcp',
} as const;

/** The project's own API key (src/project): its check, its diagnostics and their quick fixes. */
export const ProjectCommands = {
  checkKey: 'attio.checkProjectKey',
  /** Quick fix of a key literal (arguments: the document's URI and the literal's start offset; not in the palette). */
  moveKeyToEnv: 'attio.moveKeyToEnv',
  /** Quick fix of a `.env` git does not ignore (argument: the file's URI; not in the palette). */
  ignoreEnvFile: 'attio.ignoreEnvFile',
} as const;

/** The project key's diagnostics: their source and codes. */
export const ProjectDiagnostics = {
  collection: 'attio-project-key',
  source: 'Attio',
  envNotIgnored: 'attio-env-not-ignored',
  keyLiteral: 'attio-key-literal',
} as const;
