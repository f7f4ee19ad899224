/**
 * Endpoints as plain data, pure request building, one `send` with `fetch` injected, and the mapping from an
 * HTTP answer to a typed error. No retries, limits or scope logic here (see client.ts).
 */
import type * as z from 'zod/mini';
import {
  AttioError,
  AuthError,
  CancelledError,
  InvalidPathError,
  InvalidRequestError,
  NetworkError,
  NotFoundError,
  OriginMismatchError,
  RateLimitedError,
  RedirectError,
  SchemaError,
  ServerError,
  TimeoutError,
  formatPath,
  originOf,
} from './errors';
import { redact } from './redact';
import { endpointScopes, type EndpointKey } from './scopes';
import { lazy } from '../platform';

/**
 * zod and the response schemas (dist/schemas.js) load on the first request, not at activation: the transport loads
 * them before it sends (so `schemas()` works from then on); types come from './schemas' directly.
 */
export const schemas = lazy<typeof import('./schemas')>(() => require('./schemas'));

export type HttpMethod = 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';

export interface Endpoint {
  method: HttpMethod;
  /** Path template, e.g. `/v2/objects/{object}`. */
  path: string;
  /** `METHOD /path/template`; the key into the scope table and the `endpoint` of every error. */
  key: EndpointKey;
  /** Counted against the write limit (25/s) rather than the read limit (100/s). */
  write: boolean;
  /** Safe to resend after a network failure or 5xx. Reads (including the POST …/query and search) are. */
  idempotent: boolean;
  /** Largest `limit` the endpoint accepts, when documented. */
  maxLimit?: number;
}

function ep(method: HttpMethod, path: string, opts: { write?: boolean; idempotent?: boolean; maxLimit?: number } = {}): Endpoint {
  const key = `${method} ${path}` as EndpointKey;
  if (!(key in endpointScopes)) throw new Error(`no scope entry for ${key}`);
  const write = opts.write ?? false;
  return { method, path, key, write, idempotent: opts.idempotent ?? !write, ...(opts.maxLimit ? { maxLimit: opts.maxLimit } : {}) };
}

export const endpoints = {
  self: ep('GET', '/v2/self'),
  listObjects: ep('GET', '/v2/objects'),
  getObject: ep('GET', '/v2/objects/{object}'),
  listAttributes: ep('GET', '/v2/{target}/{identifier}/attributes'),
  getAttribute: ep('GET', '/v2/{target}/{identifier}/attributes/{attribute}'),
  listSelectOptions: ep('GET', '/v2/{target}/{identifier}/attributes/{attribute}/options'),
  listStatuses: ep('GET', '/v2/{target}/{identifier}/attributes/{attribute}/statuses'),
  queryRecords: ep('POST', '/v2/objects/{object}/records/query'),
  getRecord: ep('GET', '/v2/objects/{object}/records/{record_id}'),
  createRecord: ep('POST', '/v2/objects/{object}/records', { write: true, idempotent: false }),
  // An assert and an overwrite set values to what was given: sending one twice stores the same thing.
  assertRecord: ep('PUT', '/v2/objects/{object}/records', { write: true, idempotent: true }),
  // A PATCH prepends multiselect values: sent twice it could add them twice, so it is not resent after a 5xx.
  updateRecord: ep('PATCH', '/v2/objects/{object}/records/{record_id}', { write: true, idempotent: false }),
  overwriteRecord: ep('PUT', '/v2/objects/{object}/records/{record_id}', { write: true, idempotent: true }),
  listRecordEntries: ep('GET', '/v2/objects/{object}/records/{record_id}/entries', { maxLimit: 1000 }),
  searchRecords: ep('POST', '/v2/objects/records/search', { maxLimit: 25 }),
  listLists: ep('GET', '/v2/lists'),
  getList: ep('GET', '/v2/lists/{list}'),
  queryEntries: ep('POST', '/v2/lists/{list}/entries/query'),
  getEntry: ep('GET', '/v2/lists/{list}/entries/{entry_id}'),
  createEntry: ep('POST', '/v2/lists/{list}/entries', { write: true, idempotent: false }),
  // PATCH appends multiselect values (resending could add them twice); PUT sets them, so it may be resent
  appendEntryValues: ep('PATCH', '/v2/lists/{list}/entries/{entry_id}', { write: true, idempotent: false }),
  overwriteEntryValues: ep('PUT', '/v2/lists/{list}/entries/{entry_id}', { write: true, idempotent: true }),
  // a resent delete of an entry already gone would answer 404: not resent
  deleteEntry: ep('DELETE', '/v2/lists/{list}/entries/{entry_id}', { write: true, idempotent: false }),
  listTasks: ep('GET', '/v2/tasks'),
  getTask: ep('GET', '/v2/tasks/{task_id}'),
  createTask: ep('POST', '/v2/tasks', { write: true, idempotent: false }),
  // Setting fields to given values is idempotent, so a PATCH may be resent after a 5xx/reset.
  updateTask: ep('PATCH', '/v2/tasks/{task_id}', { write: true, idempotent: true }),
  listMembers: ep('GET', '/v2/workspace_members'),
  listNotes: ep('GET', '/v2/notes', { maxLimit: 50 }),
  createNote: ep('POST', '/v2/notes', { write: true, idempotent: false }),
  getNote: ep('GET', '/v2/notes/{note_id}'),
  listWebhooks: ep('GET', '/v2/webhooks', { maxLimit: 100 }),
  getWebhook: ep('GET', '/v2/webhooks/{webhook_id}'),
  listThreads: ep('GET', '/v2/threads', { maxLimit: 50 }),
  createComment: ep('POST', '/v2/comments', { write: true, idempotent: false }),
  listMeetings: ep('GET', '/v2/meetings', { maxLimit: 200 }),
  listCallRecordings: ep('GET', '/v2/meetings/{meeting_id}/call_recordings', { maxLimit: 200 }),
  getTranscript: ep('GET', '/v2/meetings/{meeting_id}/call_recordings/{call_recording_id}/transcript'),
} as const satisfies Record<string, Endpoint>;

export type QueryValue = string | number | boolean | undefined | null;

export interface RequestParams {
  baseUrl: string;
  token?: string;
  /** The only origin `token` may be sent to (where it was verified). Default: the base URL's origin. */
  tokenOrigin?: string;
  path?: Record<string, string>;
  query?: Record<string, QueryValue>;
  body?: unknown;
}

export interface BuiltRequest {
  method: HttpMethod;
  url: string;
  headers: Record<string, string>;
  body?: string;
}

/** What a path parameter may be: an Attio slug or id, 1 to 128 letters, digits, `_` and `-` (so never `.` or `..`). */
const PATH_SEGMENT = /^[A-Za-z0-9_-]{1,128}$/;

/**
 * The one way a value becomes a segment of a request's path: a slug or an id passes as it is (nothing in it needs
 * encoding); anything else (`..`, which `encodeURIComponent` leaves alone and a URL then resolves, a `/`, an
 * escape, an empty string, a number from parsed JSON) throws InvalidPathError before any request is made.
 */
export function pathSegment(endpointKey: string, name: string, value: unknown): string {
  if (typeof value !== 'string' || !PATH_SEGMENT.test(value)) throw new InvalidPathError(endpointKey, name);
  return value;
}

/**
 * Pure: endpoint + parameters → what to send. Path parameters go through {@link pathSegment}; `undefined`/`null`
 * query values are left out. Throws OriginMismatchError, before attaching anything, when the URL's origin is not
 * `tokenOrigin`.
 */
export function buildRequest(endpoint: Endpoint, params: RequestParams): BuiltRequest {
  const path = endpoint.path.replace(/\{(\w+)\}/g, (_, name: string) => {
    const v = params.path?.[name];
    if (v === undefined || v === '') throw new TypeError(`${endpoint.key}: missing path parameter ${name}`);
    return pathSegment(endpoint.key, name, v);
  });
  let url = params.baseUrl.replace(/\/+$/, '') + path;
  if (params.query) {
    const qs = new URLSearchParams();
    for (const [k, v] of Object.entries(params.query)) if (v !== undefined && v !== null) qs.append(k, String(v));
    const s = qs.toString();
    if (s) url += `?${s}`;
  }
  const headers: Record<string, string> = { Accept: 'application/json' };
  if (params.token !== undefined) {
    const allowed = originOf(params.tokenOrigin ?? params.baseUrl);
    const target = originOf(url);
    if (!allowed || target !== allowed) throw new OriginMismatchError(endpoint.key, allowed, target);
    headers.Authorization = `Bearer ${params.token}`;
  }
  const req: BuiltRequest = { method: endpoint.method, url, headers };
  if (params.body !== undefined) {
    headers['Content-Type'] = 'application/json';
    req.body = JSON.stringify(params.body);
  }
  return req;
}

export interface RawResponse {
  status: number;
  headers: Headers;
  text: string;
}

export interface SendOptions {
  signal?: AbortSignal;
  timeoutMs: number;
  /** Called as soon as the response headers arrive (the rate limiter's slot settles then). */
  onHeaders?: () => void;
}

/**
 * Sends one request and reads the whole body. The caller's signal and the timeout both abort the underlying
 * fetch (so the server sees the disconnect). Redirects are never followed (the request carries the token):
 * a redirect answer throws RedirectError. Otherwise throws CancelledError, TimeoutError or NetworkError; never
 * throws for an HTTP status.
 */
export async function send(fetchFn: typeof fetch, req: BuiltRequest, endpointKey: string, opts: SendOptions): Promise<RawResponse> {
  const outer = opts.signal;
  if (outer?.aborted) throw new CancelledError(endpointKey);
  const ctrl = new AbortController();
  let timedOut = false;
  const onAbort = () => ctrl.abort();
  outer?.addEventListener('abort', onAbort, { once: true });
  const timer = setTimeout(() => {
    timedOut = true;
    ctrl.abort();
  }, opts.timeoutMs);
  try {
    const res = await fetchFn(req.url, { method: req.method, headers: req.headers, body: req.body, signal: ctrl.signal, redirect: 'manual' });
    opts.onHeaders?.();
    const redirect = redirectOf(res, req.url);
    if (redirect) {
      void res.body?.cancel().catch(() => undefined);
      throw new RedirectError(endpointKey, redirect.status, redirect.host);
    }
    const text = await res.text();
    return { status: res.status, headers: res.headers, text };
  } catch (e) {
    if (e instanceof RedirectError) throw e;
    if (outer?.aborted) throw new CancelledError(endpointKey);
    if (timedOut) throw new TimeoutError(endpointKey, opts.timeoutMs);
    throw new NetworkError(endpointKey, systemCodeOf(e), { cause: e });
  } finally {
    clearTimeout(timer);
    outer?.removeEventListener('abort', onAbort);
  }
}

const REDIRECT_STATUSES = new Set([301, 302, 303, 307, 308]);

/**
 * A redirect answer to a `redirect: 'manual'` fetch: Node gives the 3xx itself, browsers an opaque redirect
 * (status 0, no headers). Only the target's host is kept (never its path, query or user info).
 */
export function redirectOf(res: Response, requestUrl: string): { status: number | undefined; host: string } | undefined {
  if (res.type === 'opaqueredirect') return { status: undefined, host: '' };
  if (!REDIRECT_STATUSES.has(res.status)) return undefined;
  let host = '';
  try {
    const location = res.headers.get('location');
    if (location) host = new URL(location, requestUrl).host;
  } catch {
    // an unparsable Location: report the redirect without a host
  }
  return { status: res.status, host };
}

/** A short, credential-free reason for a fetch failure (`ECONNRESET`, `ECONNREFUSED`, …). */
function systemCodeOf(e: unknown): string | undefined {
  const cause = (e as { cause?: { code?: unknown } } | undefined)?.cause;
  return typeof cause?.code === 'string' ? cause.code : undefined;
}

/**
 * Parses Retry-After: Attio sends an HTTP date; delta-seconds are accepted too. Falls back to `now + 1 s`.
 */
export function parseRetryAfter(value: string | null | undefined, now: number = Date.now()): Date {
  if (value) {
    const v = value.trim();
    if (/^\d+(\.\d+)?$/.test(v)) return new Date(now + Number(v) * 1000);
    const t = Date.parse(v);
    if (!Number.isNaN(t)) return new Date(t);
  }
  return new Date(now + 1000);
}

export interface ErrorBody {
  code?: string;
  type?: string;
  message?: string;
}

export function parseErrorBody(text: string): ErrorBody {
  try {
    const r = schemas().errorBodySchema.safeParse(JSON.parse(text));
    if (r.success) return { code: r.data.code, type: r.data.type, message: r.data.message };
  } catch {
    // not JSON
  }
  return {};
}

/**
 * Maps a non-2xx answer to a typed error. 403 is not handled here (the client asks /v2/self first).
 * `secrets` are removed from anything taken from the response.
 */
export function errorFromResponse(endpointKey: string, res: RawResponse, secrets: ReadonlyArray<string | undefined>, tokenSent: boolean): AttioError {
  const body = parseErrorBody(res.text);
  const code = body.code ? redact(body.code, secrets).slice(0, 80) : undefined;
  const opts = { status: res.status, ...(code ? { code } : {}) };
  const s = res.status;
  if (s === 429) return new RateLimitedError(endpointKey, parseRetryAfter(res.headers.get('retry-after')), opts);
  if (s >= 500) return new ServerError(endpointKey, s, opts);
  if (s === 401) return new AuthError(endpointKey, tokenSent ? 'rejected' : 'missing', opts);
  if (s === 404) return new NotFoundError(endpointKey, opts);
  if (s >= 400 && s < 500 && s !== 403) {
    const detail = body.message ? redact(body.message, secrets).slice(0, 300) : undefined;
    return new InvalidRequestError(endpointKey, s, detail, { ...opts, ...attributeNamed(body.message) });
  }
  return new AttioError(s === 403 ? 'forbidden' : 'http', endpointKey, `${endpointKey}: unexpected HTTP ${s}${code ? ` (${code})` : ''}`, opts);
}

/**
 * The attribute a refusal names: Attio's messages say `attribute with slug "x"` or `attribute with ID "<uuid>"` (a
 * slug is letters, digits, `_` and `-`, an id a UUID: nothing else is taken from the message).
 */
function attributeNamed(message: string | undefined): { attribute?: string } {
  const m = message ? /attribute with (?:slug|ID|slug\/ID) "([A-Za-z0-9_-]{1,128})"/.exec(message) : null;
  return m ? { attribute: m[1] } : {};
}

/** Parses JSON text and validates it; throws SchemaError naming the first bad field's path (never a value). */
export function parseBody<S extends z.ZodMiniType>(schema: S, text: string, endpointKey: string): z.infer<S> {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new SchemaError(endpointKey, '', 'valid JSON');
  }
  return validate(schema, json, endpointKey);
}

export function validate<S extends z.ZodMiniType>(schema: S, json: unknown, endpointKey: string): z.infer<S> {
  const r = schema.safeParse(json);
  if (r.success) return r.data as z.infer<S>;
  const issue = r.error.issues[0];
  const expected = issue ? describeIssue(issue) : 'valid shape';
  throw new SchemaError(endpointKey, issue ? formatPath(issue.path) : '', expected);
}

function describeIssue(issue: z.core.$ZodIssue): string {
  // Only the expectation, never `input`/`received` (CRM data is personal information).
  if (issue.code === 'invalid_type') return `expected ${issue.expected}`;
  if (issue.code === 'invalid_value') return 'unexpected value';
  // Our own custom checks carry fixed messages (never values).
  if (issue.code === 'custom' && issue.message) return issue.message;
  return issue.code;
}
