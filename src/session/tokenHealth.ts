/**
 * Token health: finds a revoked token, or one whose scopes changed, before the person runs into an error. The
 * active session's `/v2/self` is asked when the window regains focus (at most every 15 minutes) and once after the
 * network comes back; a problem is said once per session (status bar + one notification with "Sign In Again").
 *
 * Rules, each tested with a fake clock (test/unit/session/tokenHealth.test.ts):
 * - no request unless Attio data is visible ({@link attioDataVisible}) and the window is focused;
 * - no prompt while the window is unfocused: a problem found then waits for the next focus;
 * - no loop: after a problem is said, that session is not checked again (signing in again makes a new session).
 */
import * as vscode from 'vscode';
import { errorMessage, isAttioError, type SelfInfo } from '../attio';
import { Disposable } from '../common/disposable';
import type { Logger } from '../common/log';
import { Commands, Schemes } from '../constants';
import type { Connection } from './connection';
import type { ErrorReporter } from './errorReporter';

export const HEALTH_INTERVAL_MS = 15 * 60_000;
/** After the network comes back, no check when one ran within this long (a flapping network is not a reason to ask). */
export const NETWORK_CHECK_GAP_MS = 60_000;

export type HealthProblem = { kind: 'revoked' } | { kind: 'scopes'; added: string[]; removed: string[] };

/** The active session as the health check needs it. */
export interface HealthSession {
  /** Changes with the session, its token or its API address (the connection's key). */
  key: string;
  workspaceName: string;
  /** The scopes stored at sign-in. */
  scopes: readonly string[];
  self(): Promise<SelfInfo>;
}

export interface TokenHealthDeps {
  now(): number;
  session(): HealthSession | undefined;
  /** Whether anything on screen shows Attio data (no request otherwise). */
  showingAttio(): boolean;
  focused: boolean;
  report(problem: HealthProblem, session: HealthSession): void;
  log: Pick<Logger, 'info' | 'warn' | 'debug'>;
}

/**
 * The rule for "something shows Attio data": an Attio sidebar view is visible, or a visible editor shows one of the
 * extension's own documents (record details, JSON, transcripts, reports). Record links in other files do not count.
 */
export function attioDataVisible(views: readonly { visible: boolean }[], editors: readonly { document: { uri: { scheme: string } } }[]): boolean {
  const schemes: readonly string[] = Object.values(Schemes);
  return views.some(v => v.visible) || editors.some(e => schemes.includes(e.document.uri.scheme));
}

/** Scopes added and removed since sign-in; undefined when they are the same. */
export function scopeChange(stored: readonly string[], now: ReadonlySet<string>): { added: string[]; removed: string[] } | undefined {
  const before = new Set(stored);
  const added = [...now].filter(s => !before.has(s)).sort();
  const removed = [...before].filter(s => !now.has(s)).sort();
  return added.length || removed.length ? { added, removed } : undefined;
}

/** When to check and what to say, with every input injected (no VS Code API). */
export class TokenHealth {
  private focused: boolean;
  private sessionKey = '';
  private checkedAt: number;
  /** The network came back while nothing could be checked: check at the next focus. */
  private due = false;
  /** Sessions whose problem was said (or is waiting for focus to be said). */
  private readonly reported = new Set<string>();
  private waiting: { problem: HealthProblem; session: HealthSession } | undefined;
  private running: Promise<void> | undefined;

  constructor(private readonly d: TokenHealthDeps) {
    this.focused = d.focused;
    this.checkedAt = d.now();
    this.sessionChanged();
  }

  /** A new active session was just checked by signing in (or loaded with the views): the clock starts now. */
  sessionChanged(): void {
    const key = this.d.session()?.key ?? '';
    if (key === this.sessionKey) return;
    this.sessionKey = key;
    this.checkedAt = this.d.now();
    this.due = false;
    this.waiting = undefined;
  }

  /** What `window.onDidChangeWindowState` reports. */
  windowStateChanged(focused: boolean): void {
    this.focused = focused;
    if (!focused) return;
    if (this.waiting) {
      const w = this.waiting;
      this.waiting = undefined;
      if (w.session.key === this.d.session()?.key) this.d.report(w.problem, w.session);
      return;
    }
    if (this.due || this.d.now() - this.checkedAt >= HEALTH_INTERVAL_MS) this.check('the window regained focus');
  }

  /** The first successful request after network failures, or the browser's `online` event. */
  networkRecovered(): void {
    if (!this.focused || !this.d.showingAttio()) {
      this.due = true;
      return;
    }
    if (this.d.now() - this.checkedAt < NETWORK_CHECK_GAP_MS) return;
    this.check('the network came back');
  }

  /** Resolves when no check is running (for tests). */
  settled(): Promise<void> {
    return this.running ?? Promise.resolve();
  }

  private check(why: string): void {
    const s = this.d.session();
    if (!s || this.reported.has(s.key) || this.running || !this.d.showingAttio()) return;
    this.due = false;
    this.checkedAt = this.d.now();
    this.d.log.debug(`token health: checking "${s.workspaceName}" (${why})`);
    this.running = this.run(s).finally(() => (this.running = undefined));
  }

  private async run(s: HealthSession): Promise<void> {
    let problem: HealthProblem | undefined;
    try {
      const self = await s.self();
      if (!self.active) problem = { kind: 'revoked' };
      else {
        const change = scopeChange(s.scopes, self.scopes);
        if (change) problem = { kind: 'scopes', ...change };
      }
    } catch (e) {
      if (isAttioError(e, 'auth') && (e.reason === 'inactive' || e.reason === 'rejected')) problem = { kind: 'revoked' };
      else {
        // the network or Attio is down: nothing to say about the token; the next focus after the interval asks again
        this.d.log.debug(`token health: no answer (${errorMessage(e)})`);
        return;
      }
    }
    if (!problem || s.key !== this.d.session()?.key) return;
    this.reported.add(s.key);
    this.d.log.warn(`token health: the token for "${s.workspaceName}" ${problem.kind === 'revoked' ? 'is no longer active' : 'has other scopes than at sign-in'}`);
    if (this.focused) this.d.report(problem, s);
    else this.waiting = { problem, session: s };
  }
}

/** The network, as the health check hears of it. */
export interface NetworkSignal {
  readonly onDidRecover: vscode.Event<void>;
}

export interface TokenHealthMonitorDeps {
  connection: Pick<Connection, 'current' | 'onDidChange'>;
  network: NetworkSignal;
  errors: Pick<ErrorReporter, 'promptReSignIn'>;
  showingAttio(): boolean;
  log: Logger;
}

/** {@link TokenHealth} wired to VS Code: focus, network, the active connection, a status bar item and the prompt. */
export class TokenHealthMonitor extends Disposable {
  readonly health: TokenHealth;
  private readonly item = this._register(vscode.window.createStatusBarItem('attio.tokenHealth', vscode.StatusBarAlignment.Left, -1));

  constructor(d: TokenHealthMonitorDeps) {
    super();
    this.item.name = vscode.l10n.t('Attio Sign-In Health');
    this.item.command = Commands.signIn;
    this.health = new TokenHealth({
      now: () => Date.now(),
      session: () => {
        const c = d.connection.current;
        return c && { key: c.key, workspaceName: c.session.workspaceName, scopes: c.session.scopes, self: () => c.client.self() };
      },
      showingAttio: d.showingAttio,
      focused: vscode.window.state.focused,
      report: (problem, session) => this.report(problem, session, d.errors),
      log: d.log,
    });
    this._register(
      d.connection.onDidChange(() => {
        this.item.hide();
        this.health.sessionChanged();
      }),
    );
    this._register(vscode.window.onDidChangeWindowState(e => this.health.windowStateChanged(e.focused)));
    this._register(d.network.onDidRecover(() => this.health.networkRecovered()));
  }

  private report(problem: HealthProblem, session: HealthSession, errors: Pick<ErrorReporter, 'promptReSignIn'>): void {
    this.item.text = `$(warning) ${vscode.l10n.t('Attio: sign in again')}`;
    if (problem.kind === 'revoked') {
      this.item.tooltip = vscode.l10n.t('The access token for {0} is no longer active (revoked or expired). Click to sign in again.', session.workspaceName);
      this.item.show();
      // the same prompt (and cool-down) as when a request is refused, so the person hears it once
      errors.promptReSignIn(session.workspaceName, session.key);
      return;
    }
    const none = vscode.l10n.t({ message: 'none', comment: ['Stands for an empty list of scopes.'] });
    const text = vscode.l10n.t({
      message: 'Attio: the access token for {0} now has other permissions than when you signed in (added: {1}; removed: {2}). Sign in again so that the extension knows what it may do.',
      args: [session.workspaceName, problem.added.join(', ') || none, problem.removed.join(', ') || none],
      comment: ['{0} is a workspace name; {1} and {2} are lists of OAuth scopes such as "task:read-write".'],
    });
    this.item.tooltip = text;
    this.item.show();
    const again = vscode.l10n.t('Sign In Again');
    void vscode.window.showWarningMessage(text, again).then(pick => pick === again && vscode.commands.executeCommand(Commands.signIn));
  }
}
