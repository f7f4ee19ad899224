import * as vscode from 'vscode';
import { AttioClient, AuthError, MissingScopeError, RateLimiter, assessScopes, isCancellation, originOf } from './attio';
import type { AttioAuthProvider } from './auth/authProvider';
import type { ScopeErrorLog } from './auth/scopeErrors';
import type { StoredSession, StoredState } from './auth/tokenStore';
import { setUserApiBaseUrl, type AttioConfig } from './config';
import { Commands, ContextKeys, Defaults } from './constants';
import { Disposable } from './common/disposable';
import type { Redactor } from './attio';
import type { Logger } from './common/log';

/** The active workspace: which session it is and a client that speaks for it. */
export interface Connection {
  readonly session: StoredSession;
  readonly client: AttioClient;
  /** Stable key: changes when the workspace, token or base URL changes (caches key on it). */
  readonly key: string;
}

/**
 * The active session was verified at another API origin than `attio.apiBaseUrl` now names. No client exists in
 * this state: nothing is sent to either origin until the user signs in for the new one or restores the setting.
 */
export interface OriginMismatch {
  readonly session: StoredSession;
  /** Where the session's token was verified (and the only place it may go). */
  readonly sessionOrigin: string;
  /** What the setting names now ('' when it is not a valid URL). */
  readonly settingOrigin: string;
  /** The setting as written, for messages. */
  readonly apiBaseUrl: string;
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
 * logged for "Show Scope Errors", an inactive token prompts a re-sign-in once per cool-down. A session is used
 * only at the API origin it was verified against; when the setting names another, no client is built
 * ({@link OriginMismatch}) and the user is asked, once, what to do.
 */
export class WorkspaceManager extends Disposable {
  private readonly changed = this._register(new vscode.EventEmitter<Connection | undefined>());
  /** Fires when the active workspace, its token or the API base URL changes (undefined = signed out). */
  readonly onDidChange = this.changed.event;
  private readonly limiter = new RateLimiter();
  private conn: Connection | undefined;
  private mismatchState: OriginMismatch | undefined;
  /** Key of the last state built (session id + base URL); '' when signed out. */
  private builtKey = '';
  /** Mismatches already notified in this window (`session id|setting origin`). */
  private readonly notified = new Set<string>();
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

  /** Set while the active session belongs to another API origin than the setting names (then `connection` is undefined). */
  get mismatch(): OriginMismatch | undefined {
    return this.mismatchState;
  }

  /**
   * A client for a token that is not stored yet (to validate it): it may send the token only to `baseUrl`'s
   * origin, which becomes the session's origin.
   */
  clientFor(token: string, baseUrl: string = this.config.apiBaseUrl, tokenOrigin: string = originOf(baseUrl)): AttioClient {
    this.redactor.add(token);
    return new AttioClient({
      baseUrl,
      tokenOrigin,
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

  /**
   * Shows the origin-mismatch notification: which origin the session belongs to, which the setting names, and
   * the two ways out. Shown by itself once per mismatch; commands call it again when the user asks.
   */
  async promptOriginMismatch(): Promise<void> {
    const m = this.mismatchState;
    if (!m) return;
    const named = m.settingOrigin || `"${m.apiBaseUrl}" (not a valid URL)`;
    const signIn = m.settingOrigin ? `Sign In for ${m.settingOrigin}` : undefined;
    const use = `Use ${m.sessionOrigin}`;
    const pick = await vscode.window.showWarningMessage(
      `Attio: your session for "${m.session.workspaceName}" was signed in at ${m.sessionOrigin}, but the setting attio.apiBaseUrl now names ${named}. Nothing is sent until you choose.`,
      ...(signIn ? [signIn, use] : [use]),
    );
    if (pick === signIn) await vscode.commands.executeCommand(Commands.signIn);
    else if (pick === use) await this.useSessionOrigin();
  }

  /** Puts the user's `attio.apiBaseUrl` back to the active session's origin (removes it when that is Attio's own). */
  async useSessionOrigin(): Promise<void> {
    const m = this.mismatchState;
    if (!m) return;
    this.log.info(`setting attio.apiBaseUrl back to ${m.sessionOrigin}, the session's origin`);
    await setUserApiBaseUrl(m.sessionOrigin === originOf(Defaults.apiBaseUrl) ? undefined : m.sessionOrigin);
  }

  private update(state: StoredState, force = false): void {
    this.state = state;
    const session = state.sessions.find(s => s.id === state.activeId);
    const key = session ? `${session.id}|${this.config.apiBaseUrl}` : '';
    if (!force && key === this.builtKey) return;
    this.builtKey = key;
    this.lastPrompt = 0; // another session (or server): its first refusal may prompt again
    const settingOrigin = originOf(this.config.apiBaseUrl);
    this.mismatchState =
      session && session.apiOrigin !== settingOrigin
        ? { session, sessionOrigin: session.apiOrigin, settingOrigin, apiBaseUrl: this.config.apiBaseUrl }
        : undefined;
    this.conn = session && !this.mismatchState ? { session, client: this.clientFor(session.accessToken, this.config.apiBaseUrl, session.apiOrigin), key } : undefined;
    const scopes = assessScopes(this.conn?.session.scopes.join(' ') ?? '');
    void vscode.commands.executeCommand('setContext', ContextKeys.signedIn, !!this.conn);
    void vscode.commands.executeCommand('setContext', ContextKeys.originMismatch, !!this.mismatchState);
    void vscode.commands.executeCommand('setContext', ContextKeys.canWriteTasks, !!this.conn && scopes.some(f => f.feature === 'taskWrites' && f.ok));
    const m = this.mismatchState;
    if (m) {
      this.log.warn(`the session for "${m.session.workspaceName}" belongs to ${m.sessionOrigin}; attio.apiBaseUrl names ${m.settingOrigin || 'an invalid URL'}: nothing is sent`);
      const once = `${m.session.id}|${m.settingOrigin}`;
      if (!this.notified.has(once)) {
        this.notified.add(once);
        this.promptOriginMismatch().catch(e => this.log.warn(`origin mismatch prompt failed: ${e instanceof Error ? e.message : String(e)}`));
      }
    } else this.log.info(session ? `active workspace: "${session.workspaceName}"` : 'signed out');
    this.changed.fire(this.conn);
  }
}
