import * as vscode from 'vscode';
import { AttioClient, AuthError, MissingScopeError, RateLimiter, assessScopes, isCancellation } from './attio';
import type { AttioAuthProvider } from './auth/authProvider';
import type { ScopeErrorLog } from './auth/scopeErrors';
import type { StoredSession, StoredState } from './auth/tokenStore';
import type { AttioConfig } from './config';
import { Commands, ContextKeys } from './constants';
import { Disposable } from './disposable';
import type { Logger, Redactor } from './log';

/** The active workspace: which session it is and a client that speaks for it. */
export interface Connection {
  readonly session: StoredSession;
  readonly client: AttioClient;
  /** Stable key: changes when the workspace, token or base URL changes (caches key on it). */
  readonly key: string;
}

/** What a caller should show for an error (a tree error node, a message). */
export type ErrorView =
  | { kind: 'cancelled' }
  | { kind: 'scope'; message: string; missing: string[] }
  | { kind: 'signedOut'; message: string }
  | { kind: 'other'; message: string };

const RESIGNIN_COOLDOWN_MS = 5 * 60_000;

/**
 * Tracks the active workspace, builds its client (one rate limiter shared by every client of this window),
 * keeps the `attio:*` context keys true, and turns errors into what a user should see: scope errors are
 * logged for "Show Scope Errors", an inactive token prompts a re-sign-in once per cool-down.
 */
export class WorkspaceManager extends Disposable {
  private readonly changed = this._register(new vscode.EventEmitter<Connection | undefined>());
  /** Fires when the active workspace, its token or the API base URL changes (undefined = signed out). */
  readonly onDidChange = this.changed.event;
  private readonly limiter = new RateLimiter();
  private conn: Connection | undefined;
  private lastPrompt = 0;
  private state: StoredState = { sessions: [] };

  constructor(
    auth: AttioAuthProvider,
    private config: AttioConfig,
    private readonly scopeErrors: ScopeErrorLog,
    private readonly redactor: Redactor,
    private readonly log: Logger,
    private readonly fetchImpl: typeof fetch = globalThis.fetch,
  ) {
    super();
    this._register(auth.onDidChangeState(s => this.update(s)));
    void auth.current().then(s => this.update(s));
  }

  get connection(): Connection | undefined {
    return this.conn;
  }

  setConfig(config: AttioConfig): void {
    const rebuild = config.apiBaseUrl !== this.config.apiBaseUrl;
    this.config = config;
    if (rebuild) this.update(this.state, true);
  }

  /** A client for any token (used to validate a token before it is stored). */
  clientFor(token: string): AttioClient {
    this.redactor.add(token);
    return new AttioClient({
      baseUrl: this.config.apiBaseUrl,
      token: () => token,
      fetch: this.fetchImpl,
      limiter: this.limiter,
      log: (level, message) => this.log.log(level, message),
    });
  }

  get apiBaseUrl(): string {
    return this.config.apiBaseUrl;
  }

  /** Classifies an error for display, recording scope errors and handling a revoked token. `feature` names what failed. */
  describeError(e: unknown, feature: string): ErrorView {
    if (isCancellation(e)) return { kind: 'cancelled' };
    const ws = this.conn?.session.workspaceName ?? 'Attio';
    if (e instanceof MissingScopeError) {
      const missing = [...e.missingScopes];
      this.scopeErrors.record({ feature, endpoint: e.endpoint, missing, workspaceName: ws, at: new Date() });
      const what = missing.length ? missing.join(', ') : 'a scope';
      return { kind: 'scope', missing, message: `${feature} needs the ${what} scope${missing.length > 1 ? 's' : ''}, which this token lacks.` };
    }
    if (e instanceof AuthError) {
      if (e.reason === 'inactive' || e.reason === 'rejected') this.promptReSignIn(ws);
      return { kind: 'signedOut', message: `The token for ${ws} is no longer active. Sign in again.` };
    }
    const message = this.redactor.redact(e instanceof Error ? e.message : String(e));
    return { kind: 'other', message };
  }

  private promptReSignIn(workspaceName: string): void {
    const now = Date.now();
    if (now - this.lastPrompt < RESIGNIN_COOLDOWN_MS) return;
    this.lastPrompt = now;
    this.log.warn(`the token for "${workspaceName}" is inactive; asking to sign in again`);
    void vscode.window
      .showWarningMessage(`Attio: the access token for ${workspaceName} is no longer active (revoked or expired).`, 'Sign In Again')
      .then(pick => pick && vscode.commands.executeCommand(Commands.signIn));
  }

  private update(state: StoredState, force = false): void {
    this.state = state;
    const session = state.sessions.find(s => s.id === state.activeId);
    const key = session ? `${session.id}|${this.config.apiBaseUrl}` : '';
    if (!force && key === (this.conn?.key ?? '')) return;
    if (session) {
      const token = session.accessToken;
      this.conn = { session, client: this.clientFor(token), key };
    } else this.conn = undefined;
    const scopes = assessScopes(session?.scopes.join(' ') ?? '');
    void vscode.commands.executeCommand('setContext', ContextKeys.signedIn, !!session);
    void vscode.commands.executeCommand('setContext', ContextKeys.canWriteTasks, !!session && scopes.some(f => f.feature === 'taskWrites' && f.ok));
    void vscode.commands.executeCommand('setContext', ContextKeys.canWriteNotes, !!session && scopes.some(f => f.feature === 'noteWrites' && f.ok));
    this.log.info(session ? `active workspace: "${session.workspaceName}"` : 'signed out');
    this.changed.fire(this.conn);
  }
}
