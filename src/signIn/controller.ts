import * as vscode from 'vscode';
import { isAttioError, originOf, type SelfInfo } from '../attio';
import { ENV_API_KEY, EXTENSION_ID, OAUTH_CALLBACK_PATH, Settings } from '../constants';
import { brokerToken } from './brokerFlow';
import { signInFlows, type SignInWay } from './flows';
import { OAuthError, buildAuthorizeUrl, buildState, exchangeCode, newNonce, waitForCallback } from './oauth';
import type { SignInMethod, StoredSession } from '../session/tokenStore';
import { SignInError, type SignInDeps } from './signInDeps';

export { SignInError, type SignInDeps } from './signInDeps';

/** Optional argument of `attio.signIn`, for automation and tests: skips the Quick Pick and, for tokens, the input box. */
export interface SignInRequest {
  method?: SignInWay;
  token?: string;
  /** OAuth only: the app's client secret (stored in SecretStorage after a successful exchange). */
  clientSecret?: string;
  /** OAuth only: how long to wait for the browser (default 5 minutes). */
  timeoutMs?: number;
  /** Broker only: the team's sign-in broker instead of the setting or the prompt (then kept in the user's settings). */
  brokerUrl?: string;
}

const OAUTH_TIMEOUT_MS = 5 * 60_000;

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
        if (!token) throw new SignInError(vscode.l10n.t({ message: '{0} is not set in this window\'s environment.', args: [ENV_API_KEY], comment: ['{0} is the name of an environment variable.'] }));
        return this.withToken(token, 'env');
      }
      case 'oauth':
        return this.withOAuth(r);
      case 'broker':
        // an OAuth token, bound to its origin like every other
        return this.withToken(await brokerToken(this.d, r, r.timeoutMs ?? OAUTH_TIMEOUT_MS), 'oauth');
    }
  };

  private async pickMethod(): Promise<SignInWay> {
    const pick = await vscode.window.showQuickPick(
      signInFlows(this.d.env, this.d.config().oauth.brokerUrl),
      { title: vscode.l10n.t('Attio: Sign In'), placeHolder: vscode.l10n.t('How do you want to sign in to Attio?'), ignoreFocusOut: true },
    );
    if (!pick) throw new vscode.CancellationError();
    return pick.method;
  }

  private async askToken(): Promise<string> {
    const value = await vscode.window.showInputBox({
      title: vscode.l10n.t('Attio: Sign In with an access token'),
      prompt: vscode.l10n.t({
        message: 'Paste an Attio access token (Workspace settings → Developers → your integration → Access token).',
        comment: ['"Workspace settings → Developers → your integration → Access token" names places in Attio\'s web app.'],
      }),
      placeHolder: vscode.l10n.t('Access token'),
      password: true,
      ignoreFocusOut: true,
      validateInput: v => (v.trim() ? undefined : vscode.l10n.t('Paste a token, or press Escape to cancel.')),
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
    if (!token) throw new SignInError(vscode.l10n.t('The token is empty.'));
    // Not a judgement of the token's format: these characters cannot travel in an HTTP header at all.
    if (/[^\x21-\x7e]/.test(token)) throw new SignInError(vscode.l10n.t('The token contains spaces, line breaks or characters such as curly quotes; paste it again as plain text.'));
    this.d.redactor.add(token);
    const baseUrl = this.d.config().apiBaseUrl;
    const self = await vscode.window.withProgress(
      { location: vscode.ProgressLocation.Notification, title: vscode.l10n.t('Attio: checking the token…') },
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
      if (isAttioError(e, 'auth')) throw new SignInError(vscode.l10n.t('Attio rejected this token. Check that you copied the whole token. Nothing was stored.'));
      throw e;
    }
    if (!self.active) throw new SignInError(vscode.l10n.t('Attio says this token is not active (revoked, expired or mistyped). Nothing was stored.'));
    return self;
  }

  private async withOAuth(r: SignInRequest): Promise<StoredSession> {
    const cfg = this.d.config().oauth;
    if (!cfg.clientId) {
      const open = vscode.l10n.t('Open Settings');
      void vscode.window
        .showWarningMessage(vscode.l10n.t('Attio: OAuth sign-in needs your Attio app\'s client ID (setting "attio.oauth.clientId").'), open)
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
        const prompt = stored
          ? vscode.l10n.t({
              message:
                'The stored client secret of Attio app {0} is only ever sent to {1}, but attio.oauth.tokenUrl now names {2}. Paste the client secret to use with {2}, or press Escape.',
              args: [cfg.clientId, stored.tokenUrl, cfg.tokenUrl],
              comment: ['{0} is an OAuth client ID, {1} and {2} are URLs; attio.oauth.tokenUrl is a setting.'],
            })
          : vscode.l10n.t({
              message: 'The client secret of Attio app {0} (build.attio.com → your app → OAuth). Kept in VS Code\'s secret storage, never in settings.',
              args: [cfg.clientId],
              comment: ['{0} is an OAuth client ID; "build.attio.com → your app → OAuth" names places in Attio\'s developer site.'],
            });
        clientSecret = (await vscode.window.showInputBox({
          title: vscode.l10n.t('Attio: OAuth client secret'),
          prompt,
          password: true,
          ignoreFocusOut: true,
          validateInput: v => (v.trim() ? undefined : vscode.l10n.t('Paste the client secret, or press Escape to cancel.')),
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
      { location: vscode.ProgressLocation.Notification, title: vscode.l10n.t('Attio: waiting for you to authorize in the browser…'), cancellable: true },
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
            throw new SignInError(
              result.error === 'access_denied'
                ? vscode.l10n.t('Authorization was denied in the browser.')
                : vscode.l10n.t({ message: 'Attio answered the authorization with "{0}".', args: [result.error], comment: ['{0} is an OAuth error code such as invalid_scope.'] }),
            );
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
          if (e instanceof OAuthError) throw new SignInError(oauthErrorText(e));
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

/** An OAuth failure in the person's language, from its reason (the error's message is the English log line). */
function oauthErrorText(e: OAuthError): string {
  const f = e.failure;
  switch (f?.kind) {
    case 'unreachable':
      return vscode.l10n.t({ message: 'Could not reach the token endpoint ({0}).', args: [f.host], comment: ['{0} is a host name.'] });
    case 'redirect':
      return f.targetHost
        ? vscode.l10n.t({
            message: 'The token endpoint ({0}) answered with a redirect to {1}; the code and client secret are never sent on to another address.',
            args: [f.host, f.targetHost],
            comment: ['{0} and {1} are host names.'],
          })
        : vscode.l10n.t({
            message: 'The token endpoint ({0}) answered with a redirect; the code and client secret are never sent on to another address.',
            args: [f.host],
            comment: ['{0} is a host name.'],
          });
    case 'refused': {
      if (f.why === 'invalid_client') return vscode.l10n.t({ message: 'The token exchange failed ({0}). Check the app\'s client secret.', args: [f.why], comment: ['{0} is an OAuth error code (invalid_client, invalid_grant…) or an HTTP status such as "HTTP 400".'] });
      if (f.why === 'invalid_grant') return vscode.l10n.t({ message: 'The token exchange failed ({0}). The code was already used or expired; try again.', args: [f.why], comment: ['{0} is an OAuth error code (invalid_client, invalid_grant…) or an HTTP status such as "HTTP 400".'] });
      return vscode.l10n.t({ message: 'The token exchange failed ({0}).', args: [f.why], comment: ['{0} is an OAuth error code (invalid_client, invalid_grant…) or an HTTP status such as "HTTP 400".'] });
    }
  }
  if (e.reason === 'timeout') return vscode.l10n.t('Sign-in timed out: no answer came back from the browser.');
  if (e.reason === 'config') return vscode.l10n.t('No client secret or token exchange URL is configured.');
  return e.message;
}
