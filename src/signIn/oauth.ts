import { redirectOf } from '../attio';

/**
 * OAuth 2.0 authorization-code pieces that need no VS Code API: state, authorize URL, waiting for the callback,
 * and the code exchange. Attio documents no PKCE, so the exchange needs the app's client secret, or a team's
 * own exchange endpoint that keeps the secret server-side.
 */

export interface AuthorizeParams {
  authorizeUrl: string;
  clientId: string;
  redirectUri: string;
  state: string;
}

export function buildAuthorizeUrl(p: AuthorizeParams): string {
  const url = new URL(p.authorizeUrl);
  url.searchParams.set('client_id', p.clientId);
  url.searchParams.set('response_type', 'code');
  url.searchParams.set('redirect_uri', p.redirectUri);
  url.searchParams.set('state', p.state);
  return url.toString();
}

/** A fresh unguessable nonce for one sign-in attempt. */
export function newNonce(): string {
  const bytes = new Uint8Array(24);
  globalThis.crypto.getRandomValues(bytes);
  return Array.from(bytes, b => b.toString(16).padStart(2, '0')).join('');
}

const b64url = (s: string): string => btoa(String.fromCharCode(...new TextEncoder().encode(s))).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');

/**
 * The `state` sent to the authorize endpoint. With the extension's own URI handler as redirect it is the nonce;
 * behind an https relay it also carries the window's callback URL (`{"n": nonce, "cb": url}`, base64url JSON),
 * which the relay redirects to, as VS Code's GitHub sign-in does.
 */
export function buildState(nonce: string, relayCallback?: string): string {
  return relayCallback ? b64url(JSON.stringify({ n: nonce, cb: relayCallback })) : nonce;
}

/** `state`: through a broker, its sealed state (matched by `nonce`), which goes back to its token endpoint. */
export type CallbackResult = { code: string; state?: string } | { error: string; description?: string };

/**
 * An OAuth error code (`invalid_grant`, `access_denied`…) as a server or callback sent it, fit to show: at most 64
 * letters, digits, `_`, `.` or `-`, and none of the secrets of the exchange; otherwise undefined (the caller names
 * the HTTP status instead). The server's other text (`error_description`, a body) is never shown.
 */
export function oauthErrorCode(value: unknown, secrets: readonly (string | undefined)[] = []): string | undefined {
  if (typeof value !== 'string' || !/^[A-Za-z0-9_.-]{1,64}$/.test(value)) return undefined;
  return secrets.some(s => s && (value.includes(s) || s.includes(value))) ? undefined : value;
}

/** What went wrong in a token exchange, for the words a person reads (the message is the English log line). */
export type ExchangeFailure =
  | { kind: 'unreachable'; host: string }
  | { kind: 'redirect'; host: string; targetHost: string }
  | { kind: 'refused'; why: string };

export class OAuthError extends Error {
  constructor(
    message: string,
    readonly reason: 'denied' | 'timeout' | 'cancelled' | 'exchange' | 'config',
    readonly failure?: ExchangeFailure,
  ) {
    super(message);
    this.name = 'OAuthError';
  }
}

/**
 * Waits for the callback whose `state` (or, through a sign-in broker, `nonce`: `param`) equals ours; callbacks with
 * another are ignored (`onIgnored`). Rejects on timeout or cancellation. `subscribe` hands every callback query to the
 * listener and returns an unsubscribe.
 */
export function waitForCallback(opts: {
  subscribe: (listener: (query: URLSearchParams) => void) => () => void;
  state: string;
  param?: 'state' | 'nonce';
  timeoutMs: number;
  signal?: AbortSignal;
  onIgnored?: (reason: string) => void;
}): Promise<CallbackResult> {
  return new Promise<CallbackResult>((resolve, reject) => {
    if (opts.signal?.aborted) return reject(new OAuthError('Sign-in was cancelled.', 'cancelled'));
    let unsubscribe: () => void = () => {};
    const done = (): void => {
      clearTimeout(timer);
      unsubscribe();
      opts.signal?.removeEventListener('abort', onAbort);
    };
    const onAbort = (): void => {
      done();
      reject(new OAuthError('Sign-in was cancelled.', 'cancelled'));
    };
    const timer = setTimeout(() => {
      done();
      reject(new OAuthError('Sign-in timed out: no answer came back from the browser.', 'timeout'));
    }, opts.timeoutMs);
    opts.signal?.addEventListener('abort', onAbort);
    unsubscribe = opts.subscribe(query => {
      if (query.get(opts.param ?? 'state') !== opts.state) {
        opts.onIgnored?.(`a callback arrived with an unknown ${opts.param ?? 'state'}`);
        return;
      }
      const error = query.get('error');
      const code = query.get('code');
      if (!error && !code) {
        opts.onIgnored?.('a callback arrived with neither code nor error');
        return;
      }
      done();
      resolve(error ? { error: oauthErrorCode(error) ?? 'unreadable_error', ...(opts.param === 'nonce' && query.get('error_description') ? { description: query.get('error_description')! } : {}) } : opts.param === 'nonce' ? { code: code!, state: query.get('state') ?? '' } : { code: code! });
    });
  });
}

export interface ExchangeParams {
  fetch: typeof fetch;
  code: string;
  clientId: string;
  redirectUri: string;
  /** Attio's token endpoint with the app's client secret ... */
  tokenUrl?: string;
  clientSecret?: string;
  /** ... or a team's exchange endpoint that holds the secret itself. */
  exchangeUrl?: string;
  signal?: AbortSignal;
}

/**
 * Trades an authorization code for an access token. Never puts the code, secret or token into an error message,
 * and never follows a redirect (it would carry the code and the secret to an address nobody configured).
 */
export async function exchangeCode(p: ExchangeParams): Promise<string> {
  const body = new URLSearchParams({ grant_type: 'authorization_code', code: p.code, client_id: p.clientId, redirect_uri: p.redirectUri });
  let url: string;
  if (p.exchangeUrl) url = p.exchangeUrl;
  else if (p.tokenUrl && p.clientSecret) {
    url = p.tokenUrl;
    body.set('client_secret', p.clientSecret);
  } else throw new OAuthError('No client secret or token exchange URL is configured.', 'config');
  let res: Response;
  try {
    res = await p.fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'application/json' },
      body: body.toString(),
      signal: p.signal,
      redirect: 'manual',
    });
  } catch (e) {
    if (p.signal?.aborted) throw new OAuthError('Sign-in was cancelled.', 'cancelled');
    const host = new URL(url).host;
    throw new OAuthError(`Could not reach the token endpoint (${host}).`, 'exchange', { kind: 'unreachable', host });
  }
  const redirect = redirectOf(res, url);
  if (redirect) {
    void res.body?.cancel().catch(() => undefined);
    const to = redirect.host ? ` to ${redirect.host}` : '';
    const host = new URL(url).host;
    throw new OAuthError(`The token endpoint (${host}) answered with a redirect${to}; the code and client secret are never sent on to another address.`, 'exchange', {
      kind: 'redirect',
      host,
      targetHost: redirect.host,
    });
  }
  let json: unknown;
  try {
    json = await res.json();
  } catch {
    json = undefined;
  }
  const obj = (json ?? {}) as Record<string, unknown>;
  if (!res.ok || typeof obj.access_token !== 'string' || !obj.access_token) {
    const why = oauthErrorCode(obj.error, [p.code, p.clientSecret]) ?? `HTTP ${res.status}`;
    const hint = why === 'invalid_client' ? ' Check the app\'s client secret.' : why === 'invalid_grant' ? ' The code was already used or expired; try again.' : '';
    throw new OAuthError(`The token exchange failed (${why}).${hint}`, 'exchange', { kind: 'refused', why });
  }
  return obj.access_token;
}
