import * as vscode from 'vscode';
import { SecretKeys } from '../constants';
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
}

export interface StoredState {
  sessions: StoredSession[];
  activeId?: string;
}

const EMPTY: StoredState = { sessions: [] };

function isSession(v: unknown): v is StoredSession {
  const s = v as StoredSession;
  return !!s && typeof s.id === 'string' && typeof s.accessToken === 'string' && typeof s.workspaceName === 'string' && Array.isArray(s.scopes);
}

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
      const sessions = Array.isArray(parsed.sessions) ? parsed.sessions.filter(isSession) : [];
      const activeId = sessions.some(s => s.id === parsed.activeId) ? parsed.activeId : sessions[0]?.id;
      return { sessions, activeId };
    } catch (e) {
      // One line, no stack; a JSON error would quote the stored text (tokens), so only its kind is named.
      const reason = e instanceof SyntaxError ? 'the stored entry is not valid JSON' : (e instanceof Error ? e.message : String(e)).split('\n', 1)[0].slice(0, 200);
      if (this.readFailureShown) {
        this.log.debug(`could not read stored sessions: ${reason}`);
        return EMPTY;
      }
      this.readFailureShown = true;
      const message = `Attio: couldn't read your saved sign-ins from VS Code's secret storage (${reason}). You are signed out in this window until it can be read.`;
      this.log.error(message);
      void vscode.window.showErrorMessage(message);
      return EMPTY;
    }
  }

  async write(state: StoredState): Promise<void> {
    if (state.sessions.length === 0) await this.secrets.delete(SecretKeys.sessions);
    else await this.secrets.store(SecretKeys.sessions, JSON.stringify(state));
  }

  async getClientSecret(clientId: string): Promise<string | undefined> {
    return (await this.readSecrets())[clientId];
  }

  async setClientSecret(clientId: string, secret: string): Promise<void> {
    const all = await this.readSecrets();
    all[clientId] = secret;
    await this.secrets.store(SecretKeys.oauthClientSecret, JSON.stringify(all));
  }

  async hasClientSecrets(): Promise<boolean> {
    return Object.keys(await this.readSecrets()).length > 0;
  }

  async deleteClientSecrets(): Promise<void> {
    await this.secrets.delete(SecretKeys.oauthClientSecret);
  }

  private async readSecrets(): Promise<Record<string, string>> {
    try {
      const raw = await this.secrets.get(SecretKeys.oauthClientSecret);
      const parsed: unknown = raw ? JSON.parse(raw) : {};
      return parsed && typeof parsed === 'object' ? (parsed as Record<string, string>) : {};
    } catch {
      return {};
    }
  }
}
