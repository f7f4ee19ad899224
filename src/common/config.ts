/**
 * The one typed read of the `attio.*` settings and its one change event. Settings that decide where a token, an
 * OAuth code or the client secret goes are `application`-scoped in package.json and read here from the user's
 * settings only: a folder or workspace file never decides them (common/folderSettings.ts warns when one tries).
 */
import * as vscode from 'vscode';
import { ChatSettings, Defaults, EditorSettings, Settings, TreeSettings } from '../constants';
import { Disposable } from './disposable';

/** How the Tasks view starts: grouped with one group expanded, or a flat list of open tasks. */
export type TaskGrouping = 'mine' | 'allOpen' | 'overdue' | 'flat';

export interface AttioConfig {
  apiBaseUrl: string;
  oauth: {
    authorizeUrl: string;
    tokenUrl: string;
    clientId: string;
    /** Overrides the URI-handler redirect, for apps registered with an https relay. */
    redirectUri: string;
    /** When set, the authorization code is sent here instead of to the token URL (the server keeps the client secret). */
    tokenExchangeUrl: string;
    /** The team's sign-in broker, which holds the app's client secret ('' when none was set up). */
    brokerUrl: string;
  };
  /** How long a load stays cached (ms); 0 disables caching. */
  cacheTtlMs: number;
  /** Records / entries per page ("Load more" fetches the next). */
  pageSize: number;
  taskGrouping: TaskGrouping;
  editor: {
    /** Record links and hover cards in every document. */
    recordLinks: boolean;
    /** How Insert Record Link writes a link. */
    linkFormat: 'auto' | 'markdown' | 'url';
    /** Comment prefixes that offer the "Create Attio task" quick fix. */
    todoTriggers: string[];
  };
  chat: {
    /** The language-model tools answer (off: they say so and send nothing). */
    tools: boolean;
    /** Offer Attio's hosted MCP server to VS Code (off by default). */
    attioMcpServer: boolean;
    /** Reads answer callers outside a chat session (other extensions); off by default, from user settings only. */
    allowToolsOutsideChat: boolean;
  };
}

/** Settings that route credentials: user settings only. */
export const CREDENTIAL_SETTINGS = [
  Settings.apiBaseUrl,
  Settings.oauthAuthorizeUrl,
  Settings.oauthTokenUrl,
  Settings.oauthClientId,
  Settings.oauthRedirectUri,
  Settings.oauthTokenExchangeUrl,
  Settings.oauthBrokerUrl,
] as const;

const GROUPINGS: readonly TaskGrouping[] = ['mine', 'allOpen', 'overdue', 'flat'];

/** The part of `WorkspaceConfiguration` the reader needs (a fake in unit tests). */
export interface ConfigSource {
  get<T>(key: string): T | undefined;
  inspect<T>(key: string): { globalValue?: T } | undefined;
}

/** `attio.chat.tools` → `chat.tools` (the key within the section). */
const inSection = (fullKey: string): string => fullKey.slice(Settings.section.length + 1);

const trimSlash = (s: string): string => s.trim().replace(/\/+$/, '');

/**
 * Typed, validated settings. Credential routes: the user-level value (`globalValue`, which in a remote window also
 * carries the user's own settings) or the default, never a workspace or folder value. The rest: VS Code's merged
 * value, clamped to its documented range.
 */
export function parseConfig(c: ConfigSource): AttioConfig {
  const user = (key: string, fallback: string): string => {
    const v = c.inspect<string>(key)?.globalValue;
    return typeof v === 'string' && v.trim() ? v.trim() : fallback;
  };
  const ttl = c.get<number>(TreeSettings.cacheTtlSeconds);
  const page = c.get<number>(TreeSettings.pageSize);
  const grouping = c.get<string>(TreeSettings.tasksDefaultGrouping);
  const format = c.get<string>(EditorSettings.linkFormat);
  const triggers = c.get<unknown>(EditorSettings.todoTriggers);
  return {
    apiBaseUrl: trimSlash(user(Settings.apiBaseUrl, Defaults.apiBaseUrl)),
    oauth: {
      authorizeUrl: user(Settings.oauthAuthorizeUrl, Defaults.oauthAuthorizeUrl),
      tokenUrl: user(Settings.oauthTokenUrl, Defaults.oauthTokenUrl),
      clientId: user(Settings.oauthClientId, ''),
      redirectUri: user(Settings.oauthRedirectUri, ''),
      tokenExchangeUrl: user(Settings.oauthTokenExchangeUrl, ''),
      brokerUrl: user(Settings.oauthBrokerUrl, ''),
    },
    cacheTtlMs: typeof ttl === 'number' && ttl >= 0 ? Math.min(ttl, 86_400) * 1000 : 300_000,
    pageSize: typeof page === 'number' && page >= 1 ? Math.min(Math.floor(page), 500) : 50,
    taskGrouping: GROUPINGS.includes(grouping as TaskGrouping) ? (grouping as TaskGrouping) : 'mine',
    editor: {
      recordLinks: c.get<boolean>(EditorSettings.recordLinks) !== false,
      linkFormat: format === 'markdown' || format === 'url' ? format : 'auto',
      todoTriggers: Array.isArray(triggers) ? triggers.filter((t): t is string => typeof t === 'string') : ['TODO', 'FIXME'],
    },
    chat: {
      tools: c.get<boolean>(inSection(ChatSettings.tools)) !== false,
      attioMcpServer: c.get<boolean>(inSection(ChatSettings.attioMcpServer)) === true,
      allowToolsOutsideChat: c.inspect<boolean>(inSection(ChatSettings.allowToolsOutsideChat))?.globalValue === true,
    },
  };
}

/** The current settings, re-read when any `attio.*` setting changes; `onDidChange` gives the old and new values. */
export class Configuration extends Disposable {
  private value: AttioConfig;
  private readonly changed = this._register(new vscode.EventEmitter<{ previous: AttioConfig; current: AttioConfig }>());
  readonly onDidChange = this.changed.event;

  constructor() {
    super();
    this.value = Configuration.read();
    this._register(
      vscode.workspace.onDidChangeConfiguration(e => {
        if (!e.affectsConfiguration(Settings.section)) return;
        const previous = this.value;
        this.value = Configuration.read();
        this.changed.fire({ previous, current: this.value });
      }),
    );
  }

  get current(): AttioConfig {
    return this.value;
  }

  static read(): AttioConfig {
    return parseConfig(vscode.workspace.getConfiguration(Settings.section));
  }

  /** Sets `attio.apiBaseUrl` in the user's settings (`undefined` removes it: Attio's API). */
  static async setUserApiBaseUrl(value: string | undefined): Promise<void> {
    await vscode.workspace.getConfiguration(Settings.section).update(Settings.apiBaseUrl, value, vscode.ConfigurationTarget.Global);
  }

  static async setTaskGrouping(value: TaskGrouping): Promise<void> {
    await vscode.workspace.getConfiguration(Settings.section).update(TreeSettings.tasksDefaultGrouping, value, vscode.ConfigurationTarget.Global);
  }
}
