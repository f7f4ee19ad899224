/**
 * Signing in through a team's sign-in broker, the parts that need no VS Code API: the broker's address, its
 * metadata, PKCE (RFC 7636, S256), the authorize URL and the exchange at the broker's token endpoint. The broker
 * holds the Attio app's client secret; the extension proves with the PKCE verifier that it started the attempt, and
 * never sees (or is asked for) the secret. WebCrypto only, so it runs in the Node and the web-worker extension hosts.
 */
import { formatPath, parseRetryAfter, redirectOf, schemas } from '../attio';

/** The broker as the extension uses it, read from `<broker>/.well-known/attio-explorer`. */
export interface BrokerMetadata {
  /** The Attio app's name, for messages ("ask a workspace admin to install <name>"). */
  name: string;
  clientId: string;
  authorizationEndpoint: string;
  tokenEndpoint: string;
  scopes: string[];
}

export const BROKER_METADATA_PATH = '/.well-known/attio-explorer';

const b64url = (bytes: Uint8Array): string => btoa(String.fromCharCode(...bytes)).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');

/** A fresh PKCE code verifier: 32 random bytes, base64url (43 characters of RFC 7636's unreserved set). */
export function newCodeVerifier(): string {
  const bytes = new Uint8Array(32);
  globalThis.crypto.getRandomValues(bytes);
  return b64url(bytes);
}

/** The S256 code challenge of a verifier: base64url(SHA-256(ASCII(verifier))) (RFC 7636 §4.2). */
export async function codeChallengeS256(verifier: string): Promise<string> {
  return b64url(new Uint8Array(await globalThis.crypto.subtle.digest('SHA-256', new TextEncoder().encode(verifier))));
}

/** Loopback hosts, where plain http cannot be read by anyone else on the network. */
export function isLoopbackHost(hostname: string): boolean {
  const h = hostname.toLowerCase().replace(/^\[|\]$/g, '');
  return h === 'localhost' || h === '::1' || /^127(\.\d{1,3}){3}$/.test(h);
}

export type BrokerUrlProblem = 'empty' | 'invalid' | 'insecure' | 'credentials';

/**
 * A broker address as typed: https anywhere, http only on this machine (loopback), no user name or password. The
 * result keeps the path (a broker may live under one) without a trailing slash, query or fragment.
 */
export function parseBrokerUrl(input: string): { url: string } | { problem: BrokerUrlProblem } {
  const text = input.trim();
  if (!text) return { problem: 'empty' };
  let u: URL;
  try {
    u = new URL(text);
  } catch {
    return { problem: 'invalid' };
  }
  if (u.protocol !== 'https:' && u.protocol !== 'http:') return { problem: 'invalid' };
  if (u.protocol === 'http:' && !isLoopbackHost(u.hostname)) return { problem: 'insecure' };
  if (u.username || u.password) return { problem: 'credentials' };
  return { url: `${u.origin}${u.pathname.replace(/\/+$/, '')}` };
}

/** What went wrong with the broker, for the words a person reads (the error's message is the English log line). */
export type BrokerFailure =
  | { kind: 'unreachable'; host: string }
  | { kind: 'redirect'; host: string; targetHost: string }
  /** The address answers, but not with a broker's metadata (`why`: an HTTP status or the first bad field). */
  | { kind: 'notBroker'; host: string; why: string }
  /** The metadata names an authorize or token endpoint on another origin than the address the user gave. */
  | { kind: 'foreignEndpoint'; host: string; endpointHost: string }
  /** The code or the sealed state expired, was already used, or the verifier did not match: start again. */
  | { kind: 'expired'; host: string }
  | { kind: 'busy'; host: string; retryAfterSeconds: number }
  /** The broker could not reach Attio. */
  | { kind: 'attioDown'; host: string }
  | { kind: 'refused'; host: string; why: string };

export class BrokerError extends Error {
  constructor(message: string, readonly failure: BrokerFailure) {
    super(message);
    this.name = 'BrokerError';
  }
}

/** Reads and checks the broker's metadata. Its endpoints must be on the broker's own origin; no redirect is followed. */
export async function fetchBrokerMetadata(fetchFn: typeof fetch, brokerUrl: string, signal?: AbortSignal): Promise<BrokerMetadata> {
  const url = `${brokerUrl}${BROKER_METADATA_PATH}`;
  const { host, origin } = new URL(brokerUrl);
  const res = await send(fetchFn, url, { method: 'GET', headers: { accept: 'application/json' }, signal });
  if (!res.ok) throw new BrokerError(`${host} is not a sign-in broker (HTTP ${res.status} for ${BROKER_METADATA_PATH}).`, { kind: 'notBroker', host, why: `HTTP ${res.status}` });
  const json = await res.json().catch(() => undefined);
  if (json === undefined) throw new BrokerError(`${host} is not a sign-in broker (its metadata is not JSON).`, { kind: 'notBroker', host, why: 'not JSON' });
  if (!schemas.ready) await schemas.load();
  const parsed = schemas().brokerMetadataSchema.safeParse(json);
  if (!parsed.success) {
    const path = formatPath(parsed.error.issues[0]?.path ?? []) || '(root)';
    throw new BrokerError(`${host} is not a sign-in broker this version understands (metadata field ${path}).`, { kind: 'notBroker', host, why: path });
  }
  const m = parsed.data;
  for (const endpoint of [m.authorization_endpoint, m.token_endpoint]) {
    let endpointOrigin = '';
    let endpointHost = '';
    try {
      ({ origin: endpointOrigin, host: endpointHost } = new URL(endpoint));
    } catch {
      throw new BrokerError(`${host} is not a sign-in broker (an endpoint is not a URL).`, { kind: 'notBroker', host, why: 'endpoint' });
    }
    if (endpointOrigin !== origin) throw new BrokerError(`The broker at ${host} names an endpoint on ${endpointHost}; only its own address is used.`, { kind: 'foreignEndpoint', host, endpointHost });
  }
  return { name: m.name, clientId: m.client_id, authorizationEndpoint: m.authorization_endpoint, tokenEndpoint: m.token_endpoint, scopes: m.scopes };
}

/** The broker's authorize URL for one attempt: where the browser goes, with the window's callback, nonce and challenge. */
export function brokerAuthorizeUrl(meta: Pick<BrokerMetadata, 'authorizationEndpoint'>, p: { callback: string; nonce: string; challenge: string }): string {
  const url = new URL(meta.authorizationEndpoint);
  url.searchParams.set('callback', p.callback);
  url.searchParams.set('nonce', p.nonce);
  url.searchParams.set('code_challenge', p.challenge);
  url.searchParams.set('code_challenge_method', 'S256');
  return url.toString();
}

export interface BrokerExchange {
  fetch: typeof fetch;
  tokenEndpoint: string;
  code: string;
  verifier: string;
  /** The broker's sealed state, as the callback carried it. */
  state: string;
  signal?: AbortSignal;
  now?: () => number;
}

/** Trades the code at the broker for an access token. The code, verifier and token never appear in an error. */
export async function exchangeAtBroker(p: BrokerExchange): Promise<string> {
  const host = new URL(p.tokenEndpoint).host;
  const res = await send(p.fetch, p.tokenEndpoint, {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/json' },
    body: JSON.stringify({ code: p.code, code_verifier: p.verifier, state: p.state }),
    signal: p.signal,
  });
  const json: unknown = await res.json().catch(() => undefined);
  if (!schemas.ready) await schemas.load();
  if (res.ok) {
    const ok = schemas().brokerTokenSchema.safeParse(json);
    if (ok.success) return ok.data.access_token;
    throw new BrokerError(`The broker at ${host} answered without an access token.`, { kind: 'refused', host, why: 'no access_token' });
  }
  const err = schemas().brokerErrorSchema.safeParse(json);
  const code = err.success ? err.data.error : '';
  if (res.status === 429) {
    const seconds = Math.max(1, Math.ceil((parseRetryAfter(res.headers.get('retry-after'), (p.now ?? Date.now)()).getTime() - (p.now ?? Date.now)()) / 1000));
    throw new BrokerError(`The broker at ${host} is busy (HTTP 429); retry in ${seconds} s.`, { kind: 'busy', host, retryAfterSeconds: seconds });
  }
  if (code === 'invalid_grant') throw new BrokerError(`The broker at ${host} refused the code (invalid_grant): it expired or was already used.`, { kind: 'expired', host });
  if (res.status === 502 || res.status === 504 || code === 'upstream_unavailable') throw new BrokerError(`The broker at ${host} could not reach Attio (HTTP ${res.status}).`, { kind: 'attioDown', host });
  const why = code || `HTTP ${res.status}`;
  throw new BrokerError(`The broker at ${host} refused the exchange (${why}).`, { kind: 'refused', host, why });
}

/** One request to the broker: no redirect followed (it would carry the code elsewhere), network failures typed. */
async function send(fetchFn: typeof fetch, url: string, init: RequestInit): Promise<Response> {
  const host = new URL(url).host;
  let res: Response;
  try {
    res = await fetchFn(url, { ...init, redirect: 'manual', credentials: 'omit' });
  } catch (e) {
    if (init.signal?.aborted) throw e;
    throw new BrokerError(`Could not reach the sign-in broker (${host}).`, { kind: 'unreachable', host });
  }
  const redirect = redirectOf(res, url);
  if (redirect) {
    void res.body?.cancel().catch(() => undefined);
    throw new BrokerError(`The sign-in broker (${host}) answered with a redirect${redirect.host ? ` to ${redirect.host}` : ''}; it is not followed.`, { kind: 'redirect', host, targetHost: redirect.host });
  }
  return res;
}

/** How an error from Attio's authorize step (forwarded by the broker) reads to a person. */
export type AuthorizeRefusal =
  /** `access_denied`: the person declined, or Attio refused them (e.g. a member who may not install the app). */
  | 'declined'
  /** The app is not installed or not allowed for this workspace, or asks for scopes it may not have. */
  | 'notAllowed'
  /** Attio could not answer now. */
  | 'unavailable'
  | 'other';

export function classifyRefusal(error: string): AuthorizeRefusal {
  switch (error) {
    case 'access_denied':
      return 'declined';
    case 'unauthorized_client':
    case 'invalid_client':
    case 'invalid_scope':
      return 'notAllowed';
    case 'server_error':
    case 'temporarily_unavailable':
      return 'unavailable';
    default:
      return 'other';
  }
}

/**
 * Text from Attio or a broker (an `error_description`) made safe to show in a notification: one line, at most 300
 * characters, without the brackets and backticks that notifications read as links or code.
 */
export function plainReason(text: string | undefined): string {
  if (!text) return '';
  const flat = text.replace(/[\u0000-\u001f\u007f[\]`<>]/g, ' ').replace(/\s+/g, ' ').trim();
  return flat.length > 300 ? `${flat.slice(0, 299)}…` : flat;
}
