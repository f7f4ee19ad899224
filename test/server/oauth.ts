/**
 * A stand-in for Attio's OAuth 2.0 authorization-code flow (API-FACTS §2):
 * consent page, decision, single-use codes, token exchange, plus an https
 * "relay" page like the one VS Code's GitHub sign-in redirects through.
 */
import { randomBytes } from 'node:crypto';
import { Reply, escapeHtml, htmlReply, jsonReply, redirectReply } from './http';
import { TokenStore } from './tokens';

export const CODE_TTL_MS = 10 * 60 * 1000;
export const VSCODE_CALLBACK_URI = 'vscode://attio-explorer.attio-explorer/auth/callback';
const EXTENSION_AUTHORITY = 'attio-explorer.attio-explorer';
/** The extension's callback path on the desktop schemes (src/constants.ts OAUTH_CALLBACK_PATH). */
const EXTENSION_CALLBACK_PATH = '/auth/callback';
/** The one path of VS Code for the Web and github.dev that hands a callback to the editor. */
const WEB_CALLBACK_PATH = '/callback';

/** Callback origins the relay always forwards to: VS Code for the Web (stable, Insiders) and github.dev. */
export const KNOWN_WEB_ORIGINS: readonly string[] = ['https://vscode.dev', 'https://insiders.vscode.dev', 'https://github.dev'];

export type Decision = 'approve' | 'deny';

export interface OAuthConfig {
  appName: string;
  clientId: string;
  clientSecret: string;
  redirectUris: string[];
  scopes: string[];
  autoDecision?: Decision;
  /** Origins of the team's own remote hosts (code-server, …) the relay forwards to, besides the known ones. */
  relayOrigins?: string[];
}

interface PendingAuthorization {
  clientId: string;
  redirectUri: string;
  state: string | null;
}

interface IssuedCode {
  clientId: string;
  issuedAt: number;
  used: boolean;
}

export class OAuthProvider {
  private readonly pending = new Map<string, PendingAuthorization>();
  private readonly codes = new Map<string, IssuedCode>();
  private issued = 0;

  constructor(
    private readonly config: OAuthConfig,
    private readonly tokens: TokenStore,
    private readonly workspaceName: string,
    private readonly clock: () => number = Date.now,
  ) {}

  setAutoDecision(decision: Decision | undefined): void {
    this.config.autoDecision = decision;
  }

  /** Registers one more redirect URI on the app (a sign-in broker started after this server: `<broker>/callback`). */
  allowRedirectUri(uri: string): void {
    if (!this.config.redirectUris.includes(uri)) this.config.redirectUris.push(uri);
  }

  /** Lets the relay forward to one more origin of the team's own (e.g. a code-server started after this server). */
  allowRelayOrigin(origin: string): void {
    (this.config.relayOrigins ??= []).push(new URL(origin).origin);
  }

  /** Handles an OAuth path, or returns undefined if the path is not one. */
  handle(method: string, url: URL, body: string, contentType: string | undefined): Reply | undefined {
    const route = `${method} ${url.pathname}`;
    switch (route) {
      case 'GET /authorize':
        return this.authorize(url.searchParams);
      case 'POST /authorize/decision':
        return this.decision(new URLSearchParams(body));
      case 'POST /oauth/token':
        return this.token(parseForm(body, contentType));
      case 'GET /oauth/relay':
        return relay(url.searchParams, this.config.relayOrigins ?? []);
      default:
        return undefined;
    }
  }

  private authorize(q: URLSearchParams): Reply {
    const clientId = q.get('client_id');
    const redirectUri = q.get('redirect_uri');
    if (!clientId || clientId !== this.config.clientId) {
      return errorPage(400, 'Unknown application', 'The application that sent you here is not registered with Attio.');
    }
    if (!redirectUri || !this.config.redirectUris.includes(redirectUri)) {
      return errorPage(400, 'Invalid redirect URI', 'The redirect URI does not exactly match any URI registered for this application.');
    }
    const state = q.get('state');
    if (q.get('response_type') !== 'code') {
      return redirectReply(withParams(redirectUri, { error: 'unsupported_response_type', state }));
    }
    const pending: PendingAuthorization = { clientId, redirectUri, state };
    if (this.config.autoDecision) return this.finish(pending, this.config.autoDecision);
    const requestId = randomBytes(16).toString('hex');
    this.pending.set(requestId, pending);
    return htmlReply(200, this.consentPage(requestId));
  }

  private decision(form: URLSearchParams): Reply {
    const requestId = form.get('request_id') ?? '';
    const pending = this.pending.get(requestId);
    if (!pending) return errorPage(400, 'Authorization expired', 'This authorization request is unknown or was already answered.');
    this.pending.delete(requestId);
    const decision = form.get('decision');
    if (decision !== 'approve' && decision !== 'deny') return errorPage(400, 'Invalid decision', 'Choose Approve or Deny.');
    return this.finish(pending, decision);
  }

  private finish(pending: PendingAuthorization, decision: Decision): Reply {
    if (decision === 'deny') return redirectReply(withParams(pending.redirectUri, { error: 'access_denied', state: pending.state }));
    const code = randomBytes(24).toString('base64url');
    this.codes.set(code, { clientId: pending.clientId, issuedAt: this.clock(), used: false });
    return redirectReply(withParams(pending.redirectUri, { code, state: pending.state }));
  }

  private token(form: URLSearchParams): Reply {
    const missing = ['client_id', 'client_secret', 'grant_type', 'code'].filter((k) => !form.get(k));
    if (missing.length > 0) return oauthError(400, 'invalid_request', `Missing parameter(s): ${missing.join(', ')}.`);
    if (form.get('client_id') !== this.config.clientId || form.get('client_secret') !== this.config.clientSecret) {
      return oauthError(401, 'invalid_client', 'Client authentication failed.');
    }
    if (form.get('grant_type') !== 'authorization_code') return oauthError(400, 'unsupported_grant_type', 'Only authorization_code is supported.');
    const code = this.codes.get(form.get('code')!);
    if (!code || code.used || code.clientId !== form.get('client_id') || this.clock() - code.issuedAt > CODE_TTL_MS) {
      return oauthError(400, 'invalid_grant', 'The authorization code is invalid, expired or already used.');
    }
    code.used = true;
    this.issued++;
    const accessToken = this.tokens.create(`oauth-${this.issued}`, this.config.scopes, true, this.config.clientId);
    return jsonReply(200, { access_token: accessToken, token_type: 'Bearer' }, { 'cache-control': 'no-store' });
  }

  private consentPage(requestId: string): string {
    const scopes = this.config.scopes.map((s) => `<li><code>${escapeHtml(s)}</code></li>`).join('');
    return page(
      'Authorize application',
      `<h1>${escapeHtml(this.config.appName)} wants to access ${escapeHtml(this.workspaceName)}</h1>
<p>Workspace: <strong>${escapeHtml(this.workspaceName)}</strong></p>
<p>This application will be able to:</p>
<ul class="scopes">${scopes}</ul>
<form method="post" action="/authorize/decision">
  <input type="hidden" name="request_id" value="${escapeHtml(requestId)}">
  <button type="submit" name="decision" value="approve" id="approve">Approve</button>
  <button type="submit" name="decision" value="deny" id="deny">Deny</button>
</form>`,
    );
  }
}

/**
 * Whether the relay may send a browser (with a code) to `cb`: the extension's own callback URI on the desktop
 * schemes (`/auth/callback`), the callback page of VS Code for the Web / github.dev (`https://…/callback`, no other
 * page of those sites), or an origin of the team's own hosts (`extraOrigins`, any path: those hosts are theirs).
 */
export function isKnownCallback(cb: URL, extraOrigins: readonly string[]): boolean {
  if (cb.username || cb.password) return false;
  if (cb.protocol === 'vscode:' || cb.protocol === 'vscode-insiders:') return cb.host === EXTENSION_AUTHORITY && cb.pathname === EXTENSION_CALLBACK_PATH;
  if (cb.protocol !== 'https:' && cb.protocol !== 'http:') return false;
  if (KNOWN_WEB_ORIGINS.includes(cb.origin)) return cb.pathname === WEB_CALLBACK_PATH;
  return extraOrigins.includes(cb.origin);
}

/**
 * GET /oauth/relay?code&state | error&state. `state` is base64url JSON
 * {"n": nonce, "cb": callbackUrl}; the relay forwards to cb only when cb is a callback it knows
 * ({@link isKnownCallback}), keeping cb's own query parameters and appending code/error and the unchanged state.
 * Anything else gets a 400 page and no redirect: a forged cb never receives the code.
 */
function relay(q: URLSearchParams, extraOrigins: readonly string[]): Reply {
  const state = q.get('state');
  let callback: URL | undefined;
  try {
    const decoded = JSON.parse(Buffer.from(state ?? '', 'base64url').toString('utf8')) as { n?: unknown; cb?: unknown };
    if (typeof decoded.cb === 'string' && typeof decoded.n === 'string' && decoded.n) callback = new URL(decoded.cb);
  } catch {
    callback = undefined;
  }
  if (!callback) return errorPage(400, 'Invalid sign-in state', 'The sign-in response could not be routed back to the editor.');
  if (!isKnownCallback(callback, extraOrigins)) {
    return errorPage(400, 'Unknown callback', 'This sign-in response names an address the relay does not forward to, so the code is not sent anywhere.');
  }
  const code = q.get('code');
  const error = q.get('error');
  if (!code && !error) return errorPage(400, 'Invalid sign-in response', 'Neither a code nor an error was returned.');
  if (code) callback.searchParams.append('code', code);
  if (error) callback.searchParams.append('error', error);
  callback.searchParams.append('state', state!);
  return redirectReply(callback.toString());
}

function withParams(uri: string, params: Record<string, string | null>): string {
  const url = new URL(uri);
  for (const [key, value] of Object.entries(params)) {
    if (value !== null) url.searchParams.append(key, value);
  }
  return url.toString();
}

function parseForm(body: string, contentType: string | undefined): URLSearchParams {
  if (contentType?.includes('application/json')) {
    try {
      const parsed = JSON.parse(body) as Record<string, unknown>;
      return new URLSearchParams(Object.entries(parsed).map(([k, v]) => [k, String(v)]));
    } catch {
      return new URLSearchParams();
    }
  }
  return new URLSearchParams(body);
}

function oauthError(status: number, error: string, description: string): Reply {
  return jsonReply(status, { error, error_description: description }, { 'cache-control': 'no-store' });
}

function errorPage(status: number, title: string, message: string): Reply {
  return htmlReply(status, page(title, `<h1>${escapeHtml(title)}</h1><p class="error">${escapeHtml(message)}</p>`));
}

function page(title: string, body: string): string {
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>${escapeHtml(title)} · Attio (test server)</title>
<style>body{font-family:system-ui,sans-serif;max-width:36rem;margin:3rem auto;padding:0 1rem}button{margin-right:.5rem;padding:.5rem 1.25rem}</style>
</head><body>${body}</body></html>`;
}
