/**
 * The transport under every endpoint method: per call, take a slot from the (shared) RateLimiter → build the
 * request (pure) → send with the injected fetch under a per-request timeout and the caller's AbortSignal → map the
 * status to a typed error, retrying 429 (never before Retry-After), 5xx and network failures of idempotent calls
 * with exponential backoff and jitter → validate the body with zod at the boundary. The token goes only to its own
 * origin and never follows a redirect; a 403 is explained through `/v2/self` and the scope table.
 * No `vscode` import.
 */
import type * as z from 'zod/mini';
import { AttioError, AuthError, CancelledError, MissingScopeError, NetworkError, RETRY_AFTER_CAP_MS, RateLimitedError, ServerError, isCancellation } from './errors';
import { DEFAULT_PAGE_SIZE, MAX_PAGES, probeLimit, toPage, type Page } from './pagination';
import { RateLimiter } from './rateLimiter';
import { redact } from './redact';
import { buildRequest, endpoints, errorFromResponse, parseBody, parseErrorBody, schemas, send, validate, type Endpoint, type QueryValue, type RawResponse } from './request';
import { endpointScopes, missingScopes, parseScopes } from './scopes';

/** A response schema, or (what the client passes) a function that gives it once the schemas have loaded. */
export type SchemaArg<Sch> = Sch | (() => Sch);

export type LogLevel = 'trace' | 'debug' | 'info' | 'warn' | 'error';
export type TokenSource = () => string | undefined | Promise<string | undefined>;

export interface TransportOptions {
  /** e.g. `https://api.attio.com` (no `/v2`). */
  baseUrl: string;
  /** Asked before every attempt, so a refreshed or removed token takes effect at once. */
  token: TokenSource;
  /**
   * The only origin the token is ever sent to: the one it was verified against. A request to any other origin
   * fails with OriginMismatchError before anything is sent. Default: the base URL's origin.
   */
  tokenOrigin?: string;
  fetch?: typeof fetch;
  /** Share one limiter between every client using the same token/workspace. */
  limiter?: RateLimiter;
  /** Per request (per attempt), from sending until the body is read. Default 15000. */
  timeoutMs?: number;
  /** Retries after the first attempt. Default 3. */
  maxRetries?: number;
  log?: (level: LogLevel, message: string) => void;
}

export interface PageOptions {
  limit?: number;
  offset?: number;
}

export interface CallParams {
  path?: Record<string, string>;
  query?: Record<string, QueryValue>;
  body?: unknown;
}

const BACKOFF_BASE_MS = 250;
const BACKOFF_CAP_MS = 8000;

export class Transport {
  private readonly baseUrl: string;
  private readonly tokenOrigin: string;
  private readonly tokenSource: TokenSource;
  private readonly fetchFn: typeof fetch;
  private readonly limiter: RateLimiter;
  private readonly timeoutMs: number;
  private readonly maxRetries: number;
  private readonly logFn?: (level: LogLevel, message: string) => void;
  /** Tokens this client has used, for redaction only (bounded). */
  private readonly secrets: string[] = [];

  constructor(opts: TransportOptions) {
    this.baseUrl = opts.baseUrl;
    this.tokenOrigin = opts.tokenOrigin ?? opts.baseUrl;
    this.tokenSource = opts.token;
    const f = opts.fetch ?? globalThis.fetch;
    this.fetchFn = (input, init) => f(input, init);
    this.limiter = opts.limiter ?? new RateLimiter();
    this.timeoutMs = opts.timeoutMs ?? 15000;
    this.maxRetries = Math.max(0, opts.maxRetries ?? 3);
    this.logFn = opts.log;
  }



  async paged<T>(
    ep: Endpoint,
    opts: PageOptions,
    schema: SchemaArg<z.ZodMiniType<{ data: T[] }>>,
    signal: AbortSignal | undefined,
    params: (requestLimit: number, offset: number) => CallParams,
  ): Promise<Page<T>> {
    let limit = checkLimit(opts.limit ?? DEFAULT_PAGE_SIZE);
    if (ep.maxLimit !== undefined) limit = Math.min(limit, ep.maxLimit);
    const offset = checkOffset(opts.offset ?? 0);
    const requested = probeLimit(limit, ep.maxLimit);
    const { data } = await this.call(ep, params(requested, offset), schema, signal);
    return toPage(data, limit, offset, requested);
  }

  /**
   * Every item of a list paged by limit and offset, `pageSize` at a time until a short page, but never more than
   * MAX_PAGES pages: past that the list is cut (and the log says so).
   */
  async every<T>(ep: Endpoint, pageSize: number, schema: SchemaArg<z.ZodMiniType<{ data: T[] }>>, signal: AbortSignal | undefined, params: (limit: number, offset: number) => CallParams, startOffset = 0): Promise<T[]> {
    const out: T[] = [];
    let offset = startOffset;
    for (let page = 0; page < MAX_PAGES; page++, offset += pageSize) {
      const { data } = await this.call(ep, params(pageSize, offset), schema, signal);
      for (const item of data) out.push(item);
      if (data.length < pageSize) return out;
    }
    this.log('warn', `${ep.key}: stopped after ${MAX_PAGES} pages of ${pageSize}; the list is cut there`);
    return out;
  }

  async call<Sch extends z.ZodMiniType>(ep: Endpoint, params: CallParams, schema: SchemaArg<Sch>, signal?: AbortSignal): Promise<z.infer<Sch>> {
    const res = await this.exchange(ep, params, signal);
    return parseBody(typeof schema === 'function' ? schema() : schema, res.text, ep.key);
  }

  /** Sends until a 2xx (returned) or a final error (thrown). */
  private async exchange(ep: Endpoint, params: CallParams, signal?: AbortSignal): Promise<RawResponse> {
    // the schemas (zod) are read before the first request on the web; from then on `schemas()` works anywhere
    if (!schemas.ready) await schemas.load();
    const lane = ep.write ? 'write' : 'read';
    for (let attempt = 0; ; attempt++) {
      if (signal?.aborted) throw new CancelledError(ep.key);
      const token = await this.token(ep);
      const req = buildRequest(ep, { baseUrl: this.baseUrl, token, tokenOrigin: this.tokenOrigin, ...params });
      let release: () => void;
      try {
        release = await this.limiter.acquire(lane, signal);
      } catch {
        throw new CancelledError(ep.key);
      }
      const started = Date.now();
      let res: RawResponse;
      try {
        res = await send(this.fetchFn, req, ep.key, { signal, timeoutMs: this.timeoutMs, onHeaders: release });
      } catch (e) {
        release();
        if (e instanceof NetworkError && ep.idempotent && attempt < this.maxRetries) {
          const delay = backoff(attempt);
          this.log('warn', `${ep.key}: ${e.message}; retry ${attempt + 1}/${this.maxRetries} in ${delay} ms`);
          await sleep(delay, signal, ep.key);
          continue;
        }
        this.log(isCancellation(e) ? 'debug' : 'warn', e instanceof AttioError ? e.message : `${ep.key}: request failed`);
        throw e;
      }
      const ms = Date.now() - started;
      if (res.status >= 200 && res.status < 300) {
        this.log('trace', `${ep.key} → ${res.status} (${ms} ms${attempt ? `, attempt ${attempt + 1}` : ''})`);
        return res;
      }
      this.log('debug', `${ep.key} → ${res.status} (${ms} ms${attempt ? `, attempt ${attempt + 1}` : ''})`);
      if (res.status === 403 && ep !== endpoints.self) throw await this.forbidden(ep, res, signal);
      const err = errorFromResponse(ep.key, res, this.secrets, true);
      // Every client sharing the limiter holds off until Retry-After (at most RETRY_AFTER_CAP_MS), not just this call.
      if (err instanceof RateLimitedError) this.limiter.pauseUntil(lane, err.retryAt);
      if (err instanceof RateLimitedError && err.beyondCap) {
        this.log('warn', `${ep.key}: Attio asks to wait until ${err.retryAt.toISOString()}, more than ${RETRY_AFTER_CAP_MS / 1000} s: not retried`);
        throw err;
      }
      if (err instanceof RateLimitedError && attempt < this.maxRetries) {
        // Never before Retry-After; a little jitter so queued retries don't land in the same millisecond.
        const delay = Math.max(err.retryAt.getTime() - Date.now(), 0) + Math.floor(Math.random() * 50);
        this.log('info', `${ep.key}: rate limited; retry ${attempt + 1}/${this.maxRetries} after ${err.retryAt.toISOString()}`);
        await sleep(delay, signal, ep.key);
        continue;
      }
      if (err instanceof ServerError && ep.idempotent && attempt < this.maxRetries) {
        const delay = backoff(attempt);
        this.log('warn', `${err.message}; retry ${attempt + 1}/${this.maxRetries} in ${delay} ms`);
        await sleep(delay, signal, ep.key);
        continue;
      }
      this.log(err instanceof RateLimitedError || err instanceof ServerError ? 'warn' : 'debug', err.message);
      throw err;
    }
  }

  /**
   * A 403 means "revoked" or "under-scoped" — Attio answers both alike — so ask /v2/self (needs no scope).
   * Required scopes come from the scope table, never from the error message.
   */
  private async forbidden(ep: Endpoint, res: RawResponse, signal?: AbortSignal): Promise<AttioError> {
    const code = parseErrorBody(res.text).code;
    const opts = { status: 403, ...(code ? { code: redact(code, this.secrets).slice(0, 80) } : {}) };
    let info: { active: false } | { active: true; scopes: ReadonlySet<string> };
    try {
      info = await this.selfScopes(signal);
    } catch (e) {
      if (isCancellation(e)) throw new CancelledError(ep.key);
      if (e instanceof AuthError) return new AuthError(ep.key, e.reason, opts);
      return new AttioError('forbidden', ep.key, `${ep.key}: Attio refused the request (HTTP 403)`, { ...opts, cause: e });
    }
    if (!info.active) return new AuthError(ep.key, 'inactive', opts);
    const required = [...endpointScopes[ep.key]];
    const missing = missingScopes(required, info.scopes);
    if (missing.length > 0) return new MissingScopeError(ep.key, missing, required, opts);
    return new AttioError('forbidden', ep.key, `${ep.key}: Attio refused the request (HTTP 403${opts.code ? `, ${opts.code}` : ''})`, opts);
  }

  /** The token's scopes from `/v2/self` (needs no scope). */
  private async selfScopes(signal?: AbortSignal): Promise<{ active: false } | { active: true; scopes: ReadonlySet<string> }> {
    const data = await this.call(endpoints.self, {}, () => schemas().responses.self, signal);
    if (!data.active) return { active: false };
    return { active: true, scopes: parseScopes(validate(schemas().activeSelfSchema, data, endpoints.self.key).scope) };
  }

  private async token(ep: Endpoint): Promise<string> {
    let t: string | undefined;
    try {
      t = await this.tokenSource();
    } catch {
      t = undefined;
    }
    if (!t) throw new AuthError(ep.key, 'missing');
    if (!this.secrets.includes(t)) {
      this.secrets.push(t);
      if (this.secrets.length > 8) this.secrets.shift();
    }
    return t;
  }

  private log(level: LogLevel, message: string): void {
    if (!this.logFn) return;
    try {
      this.logFn(level, redact(message, this.secrets));
    } catch {
      // a broken logger must not break requests
    }
  }
}

export function checkLimit(n: number): number {
  if (!Number.isInteger(n) || n < 1) throw new RangeError(`limit must be a positive integer (got ${n})`);
  return n;
}

export function checkOffset(n: number): number {
  if (!Number.isInteger(n) || n < 0) throw new RangeError(`offset must be a non-negative integer (got ${n})`);
  return n;
}

/** Exponential backoff with jitter: base·2^attempt, capped, times a random factor in [0.5, 1). */
export function backoff(attempt: number): number {
  const exp = Math.min(BACKOFF_CAP_MS, BACKOFF_BASE_MS * 2 ** attempt);
  return Math.floor(exp * (0.5 + Math.random() * 0.5));
}

function sleep(ms: number, signal: AbortSignal | undefined, endpointKey: string): Promise<void> {
  if (signal?.aborted) return Promise.reject(new CancelledError(endpointKey));
  return new Promise((resolve, reject) => {
    const onAbort = () => {
      clearTimeout(timer);
      reject(new CancelledError(endpointKey));
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}
