import * as vscode from 'vscode';
import { Defaults, Settings, StateKeys } from './constants';
import { Disposable } from './common/disposable';
import type { Logger } from './common/log';

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
  };
}

/**
 * Settings that decide where a token, an OAuth code or the client secret goes. They are `application`-scoped in
 * package.json and read here from the user's settings only: a folder or workspace file never decides them.
 */
export const CREDENTIAL_SETTINGS = [
  Settings.apiBaseUrl,
  Settings.oauthAuthorizeUrl,
  Settings.oauthTokenUrl,
  Settings.oauthClientId,
  Settings.oauthRedirectUri,
  Settings.oauthTokenExchangeUrl,
] as const;

const trimSlash = (s: string): string => s.trim().replace(/\/+$/, '');

/**
 * Typed read of the `attio.*` settings that route credentials: the user-level value (`globalValue`, which in a
 * remote window also carries the user's own settings) or the default. Workspace and folder values are ignored,
 * whatever VS Code does with the declared scope.
 */
export function readConfig(): AttioConfig {
  const c = vscode.workspace.getConfiguration(Settings.section);
  const str = (key: string, fallback: string): string => {
    const v = c.inspect<string>(key)?.globalValue;
    return typeof v === 'string' && v.trim() ? v.trim() : fallback;
  };
  return {
    apiBaseUrl: trimSlash(str(Settings.apiBaseUrl, Defaults.apiBaseUrl)),
    oauth: {
      authorizeUrl: str(Settings.oauthAuthorizeUrl, Defaults.oauthAuthorizeUrl),
      tokenUrl: str(Settings.oauthTokenUrl, Defaults.oauthTokenUrl),
      clientId: str(Settings.oauthClientId, ''),
      redirectUri: str(Settings.oauthRedirectUri, ''),
      tokenExchangeUrl: str(Settings.oauthTokenExchangeUrl, ''),
    },
  };
}

/** Sets `attio.apiBaseUrl` in the user's settings (`undefined` removes it: Attio's API). */
export async function setUserApiBaseUrl(value: string | undefined): Promise<void> {
  await vscode.workspace.getConfiguration(Settings.section).update(Settings.apiBaseUrl, value, vscode.ConfigurationTarget.Global);
}

/** Fires when any `attio.*` setting changes. */
export function onDidChangeConfig(listener: () => void): vscode.Disposable {
  return vscode.workspace.onDidChangeConfiguration(e => {
    if (e.affectsConfiguration(Settings.section)) listener();
  });
}

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
 * where credentials go. The value itself is never read (see {@link readConfig}).
 */
export class FolderSettingsGuard extends Disposable {
  private queue: Promise<void> = Promise.resolve();

  constructor(private readonly memory: vscode.Memento, private readonly log: Logger) {
    super();
    const check = (): void => {
      this.queue = this.queue.then(() => this.check()).catch(e => this.log.warn(`could not check folder settings: ${e instanceof Error ? e.message : String(e)}`));
    };
    const watcher = this._register(vscode.workspace.createFileSystemWatcher('**/.vscode/settings.json'));
    this._register(watcher.onDidCreate(check));
    this._register(watcher.onDidChange(check));
    this._register(vscode.workspace.onDidChangeWorkspaceFolders(check));
    this._register(onDidChangeConfig(check));
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
