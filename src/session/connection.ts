/**
 * Who is signed in: the active session and a client that speaks for it. A session is used only at the API origin
 * it was verified against; when `attio.apiBaseUrl` names another, no client is built ({@link OriginMismatch}),
 * nothing is sent, and the person is asked, once, what to do.
 */
import * as vscode from 'vscode';
import { errorMessage, originOf, type AttioClient } from '../attio';
import { Configuration } from '../common/config';
import { Disposable } from '../common/disposable';
import type { Logger } from '../common/log';
import { Commands, Defaults } from '../constants';
import type { AttioAuthProvider } from './authProvider';
import type { ClientFactory } from './clients';
import type { StoredSession, StoredState } from './tokenStore';

/** The active workspace: which session it is and a client that speaks for it. */
export interface ActiveConnection {
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

export class Connection extends Disposable {
  private readonly changed = this._register(new vscode.EventEmitter<ActiveConnection | undefined>());
  /** Fires when the active workspace, its token or the API base URL changes (undefined = signed out). */
  readonly onDidChange = this.changed.event;
  private conn: ActiveConnection | undefined;
  private mismatchState: OriginMismatch | undefined;
  /** Key of the last state built (session id + base URL); '' when signed out. */
  private builtKey = '';
  /** Mismatches already notified in this window (`session id|setting origin`). */
  private readonly notified = new Set<string>();
  private state: StoredState = { sessions: [] };

  constructor(
    auth: AttioAuthProvider,
    private readonly config: Configuration,
    private readonly clients: ClientFactory,
    private readonly log: Logger,
  ) {
    super();
    this._register(auth.onDidChangeState(s => this.update(s)));
    this._register(
      config.onDidChange(({ previous, current }) => {
        if (previous.apiBaseUrl !== current.apiBaseUrl) this.update(this.state, true);
      }),
    );
    void auth.current().then(s => this.update(s));
  }

  get current(): ActiveConnection | undefined {
    return this.conn;
  }

  /** Set while the active session belongs to another API origin than the setting names (then `current` is undefined). */
  get mismatch(): OriginMismatch | undefined {
    return this.mismatchState;
  }

  get apiBaseUrl(): string {
    return this.config.current.apiBaseUrl;
  }

  /**
   * Shows the origin-mismatch notification: which origin the session belongs to, which the setting names, and
   * the two ways out. Shown by itself once per mismatch; commands call it again when the user asks.
   */
  async promptOriginMismatch(): Promise<void> {
    const m = this.mismatchState;
    if (!m) return;
    const signIn = m.settingOrigin ? vscode.l10n.t('Sign In for {0}', m.settingOrigin) : undefined;
    const use = vscode.l10n.t('Use {0}', m.sessionOrigin);
    const message = m.settingOrigin
      ? vscode.l10n.t(
          'Attio: your session for "{0}" was signed in at {1}, but the setting attio.apiBaseUrl now names {2}. Nothing is sent until you choose.',
          m.session.workspaceName,
          m.sessionOrigin,
          m.settingOrigin,
        )
      : vscode.l10n.t(
          'Attio: your session for "{0}" was signed in at {1}, but the setting attio.apiBaseUrl now names "{2}", which is not a valid URL. Nothing is sent until you choose.',
          m.session.workspaceName,
          m.sessionOrigin,
          m.apiBaseUrl,
        );
    const pick = await vscode.window.showWarningMessage(message, ...(signIn ? [signIn, use] : [use]));
    if (pick === signIn) await vscode.commands.executeCommand(Commands.signIn);
    else if (pick === use) await this.useSessionOrigin();
  }

  /** Puts the user's `attio.apiBaseUrl` back to the active session's origin (removes it when that is Attio's own). */
  async useSessionOrigin(): Promise<void> {
    const m = this.mismatchState;
    if (!m) return;
    this.log.info(`setting attio.apiBaseUrl back to ${m.sessionOrigin}, the session's origin`);
    await Configuration.setUserApiBaseUrl(m.sessionOrigin === originOf(Defaults.apiBaseUrl) ? undefined : m.sessionOrigin);
  }

  private update(state: StoredState, force = false): void {
    this.state = state;
    const apiBaseUrl = this.config.current.apiBaseUrl;
    const session = state.sessions.find(s => s.id === state.activeId);
    const key = session ? `${session.id}|${apiBaseUrl}` : '';
    if (!force && key === this.builtKey) return;
    this.builtKey = key;
    const settingOrigin = originOf(apiBaseUrl);
    this.mismatchState = session && session.apiOrigin !== settingOrigin ? { session, sessionOrigin: session.apiOrigin, settingOrigin, apiBaseUrl } : undefined;
    this.conn = session && !this.mismatchState ? { session, client: this.clients.clientFor(session.accessToken, apiBaseUrl, session.apiOrigin), key } : undefined;
    const m = this.mismatchState;
    if (m) {
      this.log.warn(`the session for "${m.session.workspaceName}" belongs to ${m.sessionOrigin}; attio.apiBaseUrl names ${m.settingOrigin || 'an invalid URL'}: nothing is sent`);
      const once = `${m.session.id}|${m.settingOrigin}`;
      if (!this.notified.has(once)) {
        this.notified.add(once);
        this.promptOriginMismatch().catch(e => this.log.warn(`origin mismatch prompt failed: ${errorMessage(e)}`));
      }
    } else this.log.info(session ? `active workspace: "${session.workspaceName}"` : 'signed out');
    this.changed.fire(this.conn);
  }
}
