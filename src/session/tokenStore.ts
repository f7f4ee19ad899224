import * as vscode from 'vscode';
import { errorMessage, originOf } from '../attio';
import { Defaults, SecretKeys } from '../constants';
import { Disposable } from '../common/disposable';
import type { Logger } from '../common/log';

export type SignInMethod = 'token' | 'oauth' | 'env';

/** One signed-in workspace. The token lives only here, inside SecretStorage. */
export interface StoredSession {
  id: string;
  accessToken: string;
  method: SignInMethod;
  workspaceId: string;
  workspaceName: string;
  workspaceSlug: string;
  scopes: string[];
  memberId: string | null;
  createdAt: number;
  /**
   * The API origin the token was verified against (`/v2/self` answered there); the token is sent nowhere else.
   * Sessions stored before origins were recorded read as Attio's own API origin ({@link LEGACY_SESSION_ORIGIN}).
   */
  apiOrigin: string;
}

/**
 * Migration: a session stored without an origin is bound to Attio's API. That is where nearly every such token was
 * checked; a token checked against another server (a user-level `attio.apiBaseUrl`) meets the origin mismatch state
 * once and is signed in again. It is never bound to whatever the settings say now, which a folder may have set.
 */
export const LEGACY_SESSION_ORIGIN = originOf(Defaults.apiBaseUrl);

/** A stored OAuth client secret and the token URL it was first used with (the only one it is ever sent to). */
export interface StoredClientSecret {
  secret: string;
  tokenUrl: string;
}

export interface StoredState {
  sessions: StoredSession[];
  activeId?: string;
}

const EMPTY: StoredState = { sessions: [] };

function isSession(v: unknown): v is Omit<StoredSession, 'apiOrigin'> & { apiOrigin?: unknown } {
  const s = v as StoredSession;
  return !!s && typeof s.id === 'string' && typeof s.accessToken === 'string' && typeof s.workspaceName === 'string' && Array.isArray(s.scopes);
}

const withOrigin = (s: Omit<StoredSession, 'apiOrigin'> & { apiOrigin?: unknown }): StoredSession => ({
  ...s,
  apiOrigin: typeof s.apiOrigin === 'string' && s.apiOrigin ? s.apiOrigin : LEGACY_SESSION_ORIGIN,
});

/**
 * SecretStorage behind a small API. Reads never throw (a broken entry reads as empty and is logged);
 * `onDidChange` fires for writes from this window and from every other window.
 */
export class TokenStore extends Disposable {
  private readonly changed = this._register(new vscode.EventEmitter<void>());
  readonly onDidChange = this.changed.event;

  constructor(private readonly secrets: vscode.SecretStorage, private readonly log: Logger) {
    super();
    this._register(
      secrets.onDidChange(e => {
        if (e.key === SecretKeys.sessions) this.changed.fire();
      }),
    );
  }

  /** A failed read is shown to the user once per window (it repeats on every read until the keyring works). */
  private readFailureShown = false;

  async read(): Promise<StoredState> {
    try {
      const raw = await this.secrets.get(SecretKeys.sessions);
      if (!raw) return EMPTY;
      const parsed = JSON.parse(raw) as Partial<StoredState>;
      const sessions = Array.isArray(parsed.sessions) ? parsed.sessions.filter(isSession).map(withOrigin) : [];
      const activeId = sessions.some(s => s.id === parsed.activeId) ? parsed.activeId : sessions[0]?.id;
      return { sessions, activeId };
    } catch (e) {
      // One line, no stack; a JSON error would quote the stored text (tokens), so only its kind is named.
      const json = e instanceof SyntaxError;
      const reason = json ? 'the stored entry is not valid JSON' : errorMessage(e).split('\n', 1)[0].slice(0, 200);
      if (this.readFailureShown) {
        this.log.debug(`could not read stored sessions: ${reason}`);
        return EMPTY;
      }
      this.readFailureShown = true;
      this.log.error(`couldn't read your saved sign-ins (${reason})`);
      void vscode.window.showErrorMessage(
        vscode.l10n.t("Attio: couldn't read your saved sign-ins from VS Code's secret storage ({0}). You are signed out in this window until it can be read.", json ? vscode.l10n.t('the stored entry is not valid JSON') : reason),
      );
      return EMPTY;
    }
  }

  async write(state: StoredState): Promise<void> {
    if (state.sessions.length === 0) await this.secrets.delete(SecretKeys.sessions);
    else await this.secrets.store(SecretKeys.sessions, JSON.stringify(state));
  }

  /** The client secret of an OAuth app and the token URL it is bound to. */
  async getClientSecret(clientId: string): Promise<StoredClientSecret | undefined> {
    return (await this.readSecrets())[clientId];
  }

  /** Keeps (or rebinds) an app's client secret for the token URL it was just used with successfully. */
  async setClientSecret(clientId: string, secret: string, tokenUrl: string): Promise<void> {
    const all = await this.readSecrets();
    all[clientId] = { secret, tokenUrl };
    await this.secrets.store(SecretKeys.oauthClientSecret, JSON.stringify(all));
  }

  async hasClientSecrets(): Promise<boolean> {
    return Object.keys(await this.readSecrets()).length > 0;
  }

  async deleteClientSecrets(): Promise<void> {
    await this.secrets.delete(SecretKeys.oauthClientSecret);
  }

  /**
   * `{clientId → {secret, tokenUrl}}`. An entry of the older `{clientId → secret}` form was kept after an exchange
   * with Attio's token URL in nearly every case, so it reads as bound to that URL (another URL asks for the secret).
   */
  private async readSecrets(): Promise<Record<string, StoredClientSecret>> {
    try {
      const raw = await this.secrets.get(SecretKeys.oauthClientSecret);
      const parsed: unknown = raw ? JSON.parse(raw) : {};
      if (!parsed || typeof parsed !== 'object') return {};
      const out: Record<string, StoredClientSecret> = {};
      for (const [id, v] of Object.entries(parsed as Record<string, unknown>)) {
        if (typeof v === 'string' && v) out[id] = { secret: v, tokenUrl: Defaults.oauthTokenUrl };
        else if (v && typeof v === 'object') {
          const e = v as Partial<StoredClientSecret>;
          if (typeof e.secret === 'string' && e.secret && typeof e.tokenUrl === 'string') out[id] = { secret: e.secret, tokenUrl: e.tokenUrl };
        }
      }
      return out;
    } catch {
      return {};
    }
  }
}
