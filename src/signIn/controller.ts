import * as vscode from 'vscode';
import { isAttioError, originOf, type Redactor, type SelfInfo } from '../attio';
import type { AttioConfig } from '../common/config';
import { ENV_API_KEY, EXTENSION_ID, OAUTH_CALLBACK_PATH, Settings } from '../constants';
import type { Logger } from '../common/log';
import type { ClientFactory } from '../session/clients';
import { signInFlows } from './flows';
import { OAuthError, buildAuthorizeUrl, buildState, exchangeCode, newNonce, waitForCallback } from './oauth';
import type { SignInMethod, StoredSession, TokenStore } from '../session/tokenStore';
import type { UriEventHandler } from './uriHandler';

/** Optional argument of `attio.signIn`, for automation and tests: skips the Quick Pick and, for tokens, the input box. */
export interface SignInRequest {
  method?: SignInMethod;
  token?: string;
  /** OAuth only: the app's client secret (stored in SecretStorage after a successful exchange). */
  clientSecret?: string;
  /** OAuth only: how long to wait for the browser (default 5 minutes). */
  timeoutMs?: number;
}

/** A failure the user should read as it is (no stack, no "Error:"). */
export class SignInError extends Error {
  override name = 'SignInError';
}

const OAUTH_TIMEOUT_MS = 5 * 60_000;

export interface SignInDeps {
  clients: ClientFactory;
  store: TokenStore;
  uris: UriEventHandler;
  config: () => AttioConfig;
  log: Logger;
  redactor: Redactor;
  env: Record<string, string | undefined>;
  fetch: typeof fetch;
}

/** "Attio: Sign In": picks a way in, gets a token, checks it with `/v2/self`, and only then stores it. */
export class SignInController {
  constructor(private readonly d: SignInDeps) {}

  /**
   * A validated session, not stored yet (the caller stores it: the Sign In command, or the authentication provider
   * when the Accounts menu or another extension asks). A failed attempt never touches existing sessions.
   */
  acquire = async (r: SignInRequest = {}): Promise<StoredSession> => {
    const method = r.method ?? (await this.pickMethod());
    switch (method) {
      case 'token':
        return this.withToken(r.token ?? (await this.askToken()), 'token');
      case 'env': {
        const token = this.d.env[ENV_API_KEY]?.trim();
        if (!token) throw new SignInError(`${ENV_API_KEY} is not set in this window's environment.`);
        return this.withToken(token, 'env');
      }
      case 'oauth':
        return this.withOAuth(r);
    }
  };

  private async pickMethod(): Promise<SignInMethod> {
    const pick = await vscode.window.showQuickPick(
      signInFlows(this.d.env),
      { title: 'Attio: Sign In', placeHolder: 'How do you want to sign in to Attio?', ignoreFocusOut: true },
    );
    if (!pick) throw new vscode.CancellationError();
    return pick.method;
  }

  private async askToken(): Promise<string> {
    const value = await vscode.window.showInputBox({
      title: 'Attio: Sign In with an access token',
      prompt: 'Paste an Attio access token (Workspace settings → Developers → your integration → Access token).',
      placeHolder: 'Access token',
      password: true,
      ignoreFocusOut: true,
      validateInput: v => (v.trim() ? undefined : 'Paste a token, or press Escape to cancel.'),
    });
    if (value === undefined) throw new vscode.CancellationError();
    return value;
  }

  /**
   * Checks a token against `/v2/self` and builds the session to store, bound to the origin that answered. The
   * token's format is never judged.
   */
  private async withToken(raw: string, method: SignInMethod): Promise<StoredSession> {
    const token = raw.trim();
    if (!token) throw new SignInError('The token is empty.');
    // Not a judgement of the token's format: these characters cannot travel in an HTTP header at all.
    if (/[^\x21-\x7e]/.test(token)) throw new SignInError('The token contains spaces, line breaks or characters such as curly quotes; paste it again as plain text.');
    this.d.redactor.add(token);
    const baseUrl = this.d.config().apiBaseUrl;
    const self = await vscode.window.withProgress(
      { location: vscode.ProgressLocation.Notification, title: 'Attio: checking the token…' },
      () => this.check(token, baseUrl),
    );
    return {
      id: globalThis.crypto.randomUUID(),
      accessToken: token,
      method,
      workspaceId: self.workspaceId,
      workspaceName: self.workspaceName,
      workspaceSlug: self.workspaceSlug,
      scopes: [...self.scopes].sort(),
      memberId: self.authorizedByMemberId,
      createdAt: Date.now(),
      apiOrigin: originOf(baseUrl),
    };
  }

  private async check(token: string, baseUrl: string): Promise<Extract<SelfInfo, { active: true }>> {
    let self: SelfInfo;
    try {
      self = await this.d.clients.clientFor(token, baseUrl).self();
    } catch (e) {
      if (isAttioError(e, 'auth')) throw new SignInError('Attio rejected this token. Check that you copied the whole token. Nothing was stored.');
      throw e;
    }
    if (!self.active) throw new SignInError('Attio says this token is not active (revoked, expired or mistyped). Nothing was stored.');
    return self;
  }

  private async withOAuth(r: SignInRequest): Promise<StoredSession> {
    const cfg = this.d.config().oauth;
    if (!cfg.clientId) {
      const open = 'Open Settings';
      void vscode.window
        .showWarningMessage('Attio: OAuth sign-in needs your Attio app\'s client ID (setting "attio.oauth.clientId").', open)
        .then(p => p === open && vscode.commands.executeCommand('workbench.action.openSettings', `attio.${Settings.oauthClientId}`));
      throw new vscode.CancellationError();
    }
    // Attio's token endpoint needs the app's client secret unless a team's exchange endpoint holds it.
    // A stored secret is sent only to the token URL it was first used with; another token URL asks for it again.
    let clientSecret: string | undefined;
    let secretIsNew = false;
    if (!cfg.tokenExchangeUrl) {
      const stored = await this.d.store.getClientSecret(cfg.clientId);
      const storedHere = stored && stored.tokenUrl === cfg.tokenUrl ? stored.secret : undefined;
      if (stored && !storedHere) this.d.log.warn(`OAuth: the stored client secret of ${cfg.clientId} is bound to ${stored.tokenUrl}, not ${cfg.tokenUrl}; asking again`);
      clientSecret = r.clientSecret?.trim() || storedHere;
      if (!clientSecret) {
        const rebind = stored
          ? `The stored client secret of Attio app ${cfg.clientId} is only ever sent to ${stored.tokenUrl}, but attio.oauth.tokenUrl now names ${cfg.tokenUrl}. Paste the client secret to use with ${cfg.tokenUrl}, or press Escape.`
          : undefined;
        clientSecret = (await vscode.window.showInputBox({
          title: 'Attio: OAuth client secret',
          prompt: rebind ?? `The client secret of Attio app ${cfg.clientId} (build.attio.com → your app → OAuth). Kept in VS Code's secret storage, never in settings.`,
          password: true,
          ignoreFocusOut: true,
          validateInput: v => (v.trim() ? undefined : 'Paste the client secret, or press Escape to cancel.'),
        }))?.trim();
        if (!clientSecret) throw new vscode.CancellationError();
      }
      secretIsNew = clientSecret !== storedHere;
      this.d.redactor.add(clientSecret);
    }

    const nonce = newNonce();
    const callback = await vscode.env.asExternalUri(vscode.Uri.parse(`${vscode.env.uriScheme}://${EXTENSION_ID}${OAUTH_CALLBACK_PATH}`));
    const redirectUri = cfg.redirectUri || callback.toString(true);
    const state = buildState(nonce, cfg.redirectUri ? callback.toString(true) : undefined);
    const authorizeUrl = buildAuthorizeUrl({ authorizeUrl: cfg.authorizeUrl, clientId: cfg.clientId, redirectUri, state });
    this.d.log.info(`OAuth: opening ${new URL(cfg.authorizeUrl).origin} for client ${cfg.clientId}, redirect ${cfg.redirectUri ? 'via relay' : 'to the URI handler'}`);

    const token = await vscode.window.withProgress(
      { location: vscode.ProgressLocation.Notification, title: 'Attio: waiting for you to authorize in the browser…', cancellable: true },
      async (_progress, cancel) => {
        const abort = new AbortController();
        const sub = cancel.onCancellationRequested(() => abort.abort());
        try {
          const waiting = waitForCallback({
            subscribe: this.d.uris.subscribeCallbacks,
            state,
            timeoutMs: r.timeoutMs ?? OAUTH_TIMEOUT_MS,
            signal: abort.signal,
            onIgnored: why => this.d.log.warn(`OAuth: ${why}; still waiting`),
          });
          const opened = await vscode.env.openExternal(vscode.Uri.parse(authorizeUrl, true));
          if (!opened) this.d.log.warn('OAuth: the browser could not be opened');
          const result = await waiting;
          if ('error' in result) {
            throw new SignInError(result.error === 'access_denied' ? 'Authorization was denied in the browser.' : `Attio answered the authorization with "${result.error}".`);
          }
          this.d.redactor.add(result.code);
          return await exchangeCode({
            fetch: this.d.fetch,
            code: result.code,
            clientId: cfg.clientId,
            redirectUri,
            tokenUrl: cfg.tokenUrl,
            clientSecret,
            exchangeUrl: cfg.tokenExchangeUrl || undefined,
            signal: abort.signal,
          });
        } catch (e) {
          if (e instanceof OAuthError && e.reason === 'cancelled') throw new vscode.CancellationError();
          if (e instanceof OAuthError) throw new SignInError(e.message);
          throw e;
        } finally {
          sub.dispose();
        }
      },
    );
    const session = await this.withToken(token, 'oauth');
    if (clientSecret && secretIsNew) await this.d.store.setClientSecret(cfg.clientId, clientSecret, cfg.tokenUrl);
    return session;
  }
}
