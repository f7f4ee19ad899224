import * as vscode from 'vscode';
import { hasScope } from '../attio';
import { AUTH_PROVIDER_ID } from '../constants';
import { Disposable } from '../common/disposable';
import type { Logger } from '../common/log';
import type { StoredSession, StoredState, TokenStore } from './tokenStore';

/** Runs the interactive sign-in and gives back a validated, not yet stored, session. */
export type InteractiveSignIn = (scopes: readonly string[]) => Promise<StoredSession>;

const toAuthSession = (s: StoredSession): vscode.AuthenticationSession => ({
  id: s.id,
  accessToken: s.accessToken,
  account: { id: s.workspaceId, label: s.workspaceName },
  scopes: s.scopes,
});

/**
 * The `attio` authentication provider: sessions (one per workspace) kept in SecretStorage, shown in the Accounts menu,
 * available to other extensions, and synchronised across windows through `secrets.onDidChange`.
 */
export class AttioAuthProvider extends Disposable implements vscode.AuthenticationProvider {
  private readonly sessionsChanged = this._register(new vscode.EventEmitter<vscode.AuthenticationProviderAuthenticationSessionsChangeEvent>());
  readonly onDidChangeSessions = this.sessionsChanged.event;
  private readonly stateChanged = this._register(new vscode.EventEmitter<StoredState>());
  /** Fires with the new state whenever sessions or the active workspace change, here or in another window. */
  readonly onDidChangeState = this.stateChanged.event;

  private state: StoredState = { sessions: [] };
  private readonly ready: Promise<void>;

  /** `interactive`: the sign-in that runs when the Accounts menu or another extension asks for a new session. */
  constructor(
    private readonly store: TokenStore,
    private readonly interactive: InteractiveSignIn,
    private readonly log: Logger,
  ) {
    super();
    this.ready = this.reload();
    this._register(store.onDidChange(() => void this.reload()));
  }

  async current(): Promise<StoredState> {
    await this.ready;
    return this.state;
  }

  async getSessions(scopes?: readonly string[]): Promise<vscode.AuthenticationSession[]> {
    const { sessions } = await this.current();
    const wanted = scopes ?? [];
    return sessions.filter(s => wanted.every(w => hasScope(new Set(s.scopes), w))).map(toAuthSession);
  }

  async createSession(scopes: readonly string[]): Promise<vscode.AuthenticationSession> {
    const session = await this.interactive(scopes);
    await this.add(session);
    return toAuthSession(session);
  }

  async removeSession(sessionId: string): Promise<void> {
    await this.remove(sessionId);
  }

  /** Stores a validated session, replacing an older one for the same workspace, and makes it active. */
  async add(session: StoredSession): Promise<void> {
    const before = await this.current();
    const sessions = [...before.sessions.filter(s => s.workspaceId !== session.workspaceId), session];
    await this.commit({ sessions, activeId: session.id });
    this.log.info(`signed in to workspace "${session.workspaceName}" (${session.method})`);
  }

  async remove(sessionId: string): Promise<StoredSession | undefined> {
    const before = await this.current();
    const gone = before.sessions.find(s => s.id === sessionId);
    if (!gone) return undefined;
    const sessions = before.sessions.filter(s => s.id !== sessionId);
    await this.commit({ sessions, activeId: before.activeId === sessionId ? sessions[0]?.id : before.activeId });
    this.log.info(`signed out of workspace "${gone.workspaceName}"`);
    return gone;
  }

  async setActive(sessionId: string): Promise<void> {
    const before = await this.current();
    if (!before.sessions.some(s => s.id === sessionId) || before.activeId === sessionId) return;
    await this.commit({ sessions: before.sessions, activeId: sessionId });
  }

  private async commit(next: StoredState): Promise<void> {
    await this.store.write(next);
    this.apply(next);
  }

  private async reload(): Promise<void> {
    this.apply(await this.store.read());
  }

  /** Diffs old and new state and fires the events; the same path serves this window's writes and other windows'. */
  private apply(next: StoredState): void {
    const prev = this.state;
    this.state = next;
    const prevById = new Map(prev.sessions.map(s => [s.id, s]));
    const nextById = new Map(next.sessions.map(s => [s.id, s]));
    const added = next.sessions.filter(s => !prevById.has(s.id)).map(toAuthSession);
    const removed = prev.sessions.filter(s => !nextById.has(s.id)).map(toAuthSession);
    if (added.length || removed.length) this.sessionsChanged.fire({ added, removed, changed: [] });
    if (added.length || removed.length || prev.activeId !== next.activeId) this.stateChanged.fire(next);
  }
}

export const registerAuthProvider = (provider: AttioAuthProvider, label: string): vscode.Disposable =>
  vscode.authentication.registerAuthenticationProvider(AUTH_PROVIDER_ID, label, provider, { supportsMultipleAccounts: true });
