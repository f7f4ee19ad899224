/**
 * Typed errors of the Attio client.
 *
 * Every error carries the endpoint as a *template* (`POST /v2/objects/{object}/records/query`), never the
 * concrete URL's secrets, request headers or response payload. Messages are built by the client from
 * fixed text plus Attio's `code`; anything that might echo a credential goes through `redact` (redact.ts).
 *
 * A message is the English log line for developers. What a person reads is worded from the error's kind and
 * fields by the surface that shows it (src/common/errorWording.ts), in the person's language.
 */

export type AttioErrorKind =
  | 'network'
  | 'timeout'
  | 'cancelled'
  | 'rate-limited'
  | 'server'
  | 'auth'
  | 'missing-scope'
  | 'forbidden'
  | 'not-found'
  | 'invalid-request'
  | 'schema'
  | 'redirect'
  | 'origin'
  | 'invalid-path'
  | 'http';

export interface AttioErrorOptions {
  status?: number;
  code?: string;
  cause?: unknown;
  /** The attribute (api slug or id) a refusal names. */
  attribute?: string;
}

export class AttioError extends Error {
  readonly kind: AttioErrorKind;
  /** HTTP status when the server answered. */
  readonly status?: number;
  /** Attio's error `code` (e.g. `not_found`, `filter_error`) when the body had one. */
  readonly code?: string;
  /** Method + path template, e.g. `GET /v2/objects/{object}`. */
  readonly endpoint: string;

  constructor(kind: AttioErrorKind, endpoint: string, message: string, opts: AttioErrorOptions = {}) {
    super(message);
    this.name = 'AttioError';
    this.kind = kind;
    this.endpoint = endpoint;
    if (opts.status !== undefined) this.status = opts.status;
    if (opts.code !== undefined) this.code = opts.code;
    // `cause` is kept non-enumerable so JSON.stringify(error) never walks into foreign objects.
    if (opts.cause !== undefined) Object.defineProperty(this, 'cause', { value: opts.cause, enumerable: false, configurable: true, writable: true });
  }

  /** A plain, credential-free description (also used by JSON.stringify). */
  toJSON(): Record<string, unknown> {
    return { name: this.name, kind: this.kind, status: this.status, code: this.code, endpoint: this.endpoint, message: this.message };
  }
}

export class NetworkError extends AttioError {
  /** The platform's code for the failure (`ECONNREFUSED`, `ENOTFOUND`…) when it gave one. */
  readonly systemCode?: string;
  constructor(endpoint: string, systemCode?: string, opts: AttioErrorOptions = {}) {
    super('network', endpoint, `${endpoint}: could not reach Attio${systemCode ? ` (${systemCode})` : ''}`, opts);
    this.name = 'NetworkError';
    if (systemCode) this.systemCode = systemCode;
  }
}

export class TimeoutError extends AttioError {
  readonly timeoutMs: number;
  constructor(endpoint: string, timeoutMs: number) {
    super('timeout', endpoint, `${endpoint}: no answer from Attio within ${timeoutMs} ms`);
    this.name = 'TimeoutError';
    this.timeoutMs = timeoutMs;
  }
}

export class CancelledError extends AttioError {
  constructor(endpoint: string) {
    super('cancelled', endpoint, `${endpoint}: cancelled`);
    this.name = 'CancelledError';
  }
}

/**
 * Longest wait for a Retry-After that is honoured: Attio's limits are per second (its score-based ones over 10 s), so
 * a minute is six times the longest documented window. A longer one is not waited for, and the call is not retried:
 * a timer past about 24.8 days would overflow and fire at once, over and over.
 */
export const RETRY_AFTER_CAP_MS = 60_000;

export class RateLimitedError extends AttioError {
  /** Earliest time a retry is allowed (Retry-After, an HTTP date), as Attio asked. */
  readonly retryAt: Date;
  /** True when that is more than RETRY_AFTER_CAP_MS away (when the error was made): nobody waits for it. */
  readonly beyondCap: boolean;
  constructor(endpoint: string, retryAt: Date, opts: AttioErrorOptions = {}, now: number = Date.now()) {
    const beyondCap = !(retryAt.getTime() - now <= RETRY_AFTER_CAP_MS);
    super('rate-limited', endpoint, `${endpoint}: rate limited by Attio until ${isoOrInvalid(retryAt)}${beyondCap ? ` (more than ${RETRY_AFTER_CAP_MS / 1000} s away)` : ''}`, { status: 429, ...opts });
    this.name = 'RateLimitedError';
    this.retryAt = retryAt;
    this.beyondCap = beyondCap;
  }
  override toJSON(): Record<string, unknown> {
    return { ...super.toJSON(), retryAt: isoOrInvalid(this.retryAt), beyondCap: this.beyondCap };
  }
}

function isoOrInvalid(d: Date): string {
  return Number.isNaN(d.getTime()) ? 'an invalid date' : d.toISOString();
}

export class ServerError extends AttioError {
  constructor(endpoint: string, status: number, opts: AttioErrorOptions = {}) {
    super('server', endpoint, `${endpoint}: Attio server error (HTTP ${status})`, { ...opts, status });
    this.name = 'ServerError';
  }
}

export type AuthErrorReason = 'inactive' | 'rejected' | 'missing';

export class AuthError extends AttioError {
  readonly reason: AuthErrorReason;
  constructor(endpoint: string, reason: AuthErrorReason, opts: AttioErrorOptions = {}) {
    const text =
      reason === 'missing' ? 'no Attio access token is available' : reason === 'inactive' ? 'the Attio access token is no longer active' : 'Attio rejected the access token';
    super('auth', endpoint, `${endpoint}: ${text}`, opts);
    this.name = 'AuthError';
    this.reason = reason;
  }
  override toJSON(): Record<string, unknown> {
    return { ...super.toJSON(), reason: this.reason };
  }
}

export class MissingScopeError extends AttioError {
  /** Scopes this endpoint needs that the token lacks. */
  readonly missingScopes: string[];
  /** Every scope this endpoint needs. */
  readonly requiredScopes: string[];
  constructor(endpoint: string, missingScopes: string[], requiredScopes: string[], opts: AttioErrorOptions = {}) {
    super('missing-scope', endpoint, `${endpoint}: the access token lacks scope ${missingScopes.join(', ')}`, { status: 403, ...opts });
    this.name = 'MissingScopeError';
    this.missingScopes = missingScopes;
    this.requiredScopes = requiredScopes;
  }
  override toJSON(): Record<string, unknown> {
    return { ...super.toJSON(), missingScopes: this.missingScopes, requiredScopes: this.requiredScopes };
  }
}

export class NotFoundError extends AttioError {
  constructor(endpoint: string, opts: AttioErrorOptions = {}) {
    super('not-found', endpoint, `${endpoint}: not found`, { status: 404, ...opts });
    this.name = 'NotFoundError';
  }
}

export class InvalidRequestError extends AttioError {
  /** Attio's own explanation (its `message`, redacted and cut short), when the body had one. */
  readonly detail?: string;
  /**
   * The attribute Attio's refusal names (`validation_type`, `missing_value`, `uniqueness_conflict`…): its api slug, or
   * its id when Attio named it by id. Only a slug or id pattern is taken from the message.
   */
  readonly attribute?: string;
  constructor(endpoint: string, status: number, detail: string | undefined, opts: AttioErrorOptions = {}) {
    super('invalid-request', endpoint, `${endpoint}: Attio rejected the request (HTTP ${status}${opts.code ? `, ${opts.code}` : ''})${detail ? `: ${detail}` : ''}`, {
      ...opts,
      status,
    });
    this.name = 'InvalidRequestError';
    if (detail) this.detail = detail;
    if (opts.attribute) this.attribute = opts.attribute;
  }
  override toJSON(): Record<string, unknown> {
    return { ...super.toJSON(), attribute: this.attribute };
  }
}

export class SchemaError extends AttioError {
  /** Path of the first offending field, e.g. `data[3].values.name[0].full_name`. Never the value. */
  readonly path: string;
  /** What was expected there (zod issue code + expected type), never the received value. */
  readonly expected: string;
  constructor(endpoint: string, path: string, expected: string) {
    super('schema', endpoint, `${endpoint}: unexpected response shape at ${path || '(root)'} (${expected})`);
    this.name = 'SchemaError';
    this.path = path;
    this.expected = expected;
  }
  override toJSON(): Record<string, unknown> {
    return { ...super.toJSON(), path: this.path, expected: this.expected };
  }
}

/**
 * The server answered a request that carried the token with a redirect. It is reported, never followed: a
 * redirect would take the token to an address nobody checked.
 */
export class RedirectError extends AttioError {
  /** Host the redirect points to; empty when the platform hides it (browsers give an opaque redirect). */
  readonly targetHost: string;
  constructor(endpoint: string, status: number | undefined, targetHost: string) {
    const to = targetHost ? ` to ${targetHost}` : '';
    super('redirect', endpoint, `${endpoint}: the API answered with a redirect${to}${status ? ` (HTTP ${status})` : ''}; requests carrying your token never follow redirects`, status ? { status } : {});
    this.name = 'RedirectError';
    this.targetHost = targetHost;
  }
  override toJSON(): Record<string, unknown> {
    return { ...super.toJSON(), targetHost: this.targetHost };
  }
}

/** The token would have gone to another origin than the one it was verified against; nothing was sent. */
export class OriginMismatchError extends AttioError {
  /** Where the token was verified (and may go). */
  readonly tokenOrigin: string;
  /** Where this request would have gone. */
  readonly requestOrigin: string;
  constructor(endpoint: string, tokenOrigin: string, requestOrigin: string) {
    super('origin', endpoint, `${endpoint}: not sent: the access token belongs to ${tokenOrigin}, not ${requestOrigin || 'an invalid address'}`);
    this.name = 'OriginMismatchError';
    this.tokenOrigin = tokenOrigin;
    this.requestOrigin = requestOrigin;
  }
  override toJSON(): Record<string, unknown> {
    return { ...super.toJSON(), tokenOrigin: this.tokenOrigin, requestOrigin: this.requestOrigin };
  }
}

/**
 * A path parameter that is not an Attio slug or id (`..`, `.`, one with a `/`, `%` or space, an empty one, not a
 * string): refused while the request is built, so nothing is sent. The value is not kept: it may be anything a crafted
 * `attio:` or `attio-json:` address carried.
 */
export class InvalidPathError extends AttioError {
  /** Which path parameter (`record_id`, `object`…). */
  readonly parameter: string;
  constructor(endpoint: string, parameter: string) {
    super('invalid-path', endpoint, `${endpoint}: not sent: the ${parameter} is not an Attio slug or id`);
    this.name = 'InvalidPathError';
    this.parameter = parameter;
  }
  override toJSON(): Record<string, unknown> {
    return { ...super.toJSON(), parameter: this.parameter };
  }
}

/** `scheme://host[:port]` of a URL, or '' when it is not a valid URL. */
export function originOf(url: string): string {
  try {
    const o = new URL(url).origin;
    return o === 'null' ? '' : o;
  } catch {
    return '';
  }
}

/** True for user/caller cancellation (ours or a platform AbortError); such errors must never be shown. */
export function isCancellation(e: unknown): boolean {
  if (e instanceof CancelledError) return true;
  if (typeof e === 'object' && e !== null) {
    const name = (e as { name?: unknown }).name;
    if (name === 'AbortError' || name === 'CancelledError' || name === 'Canceled') return true;
  }
  return false;
}

/** Formats a zod-style issue path as `data[3].values.name[0].full_name`. */
export function formatPath(path: ReadonlyArray<PropertyKey>): string {
  let out = '';
  for (const seg of path) {
    if (typeof seg === 'number') out += `[${seg}]`;
    else {
      const s = String(seg);
      out += /^[A-Za-z_$][\w$-]*$/.test(s) ? (out ? `.${s}` : s) : `[${JSON.stringify(s)}]`;
    }
  }
  return out;
}

/** The message of anything thrown (an Error's message, else its text): for logs and the messages a person reads. */
export function errorMessage(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}

interface ErrorsByKind {
  network: NetworkError;
  timeout: TimeoutError;
  'rate-limited': RateLimitedError;
  'missing-scope': MissingScopeError;
  auth: AuthError;
  'not-found': NotFoundError;
  'invalid-request': InvalidRequestError;
  schema: SchemaError;
  redirect: RedirectError;
  origin: OriginMismatchError;
  'invalid-path': InvalidPathError;
}

/**
 * True when `e` is an {@link AttioError} of `kind`, including one built by another copy of this module (a surface
 * loaded on first use is a bundle of its own): checks the shape, not the class.
 */
export function isAttioError<K extends AttioErrorKind>(e: unknown, kind: K): e is K extends keyof ErrorsByKind ? ErrorsByKind[K] : AttioError {
  return e instanceof Error && (e as { kind?: unknown }).kind === kind && typeof (e as { endpoint?: unknown }).endpoint === 'string';
}
