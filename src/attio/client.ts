/**
 * AttioClient: typed methods over Attio's REST API v2. No `vscode` import — runs in Node, browsers and tests.
 *
 * Per call: take a slot from the (shared) RateLimiter → build the request (pure) → send with the injected
 * fetch under a per-request timeout and the caller's AbortSignal → map the status to a typed error, retrying
 * 429 (never before Retry-After), 5xx and network failures of idempotent calls with exponential backoff and
 * jitter → validate the body with zod at the boundary.
 */
import type * as z from 'zod/mini';
import { AttioError, AuthError, CancelledError, MissingScopeError, NetworkError, RateLimitedError, ServerError, isCancellation, redact } from './errors';
import { DEFAULT_PAGE_SIZE, probeLimit, toPage, type Page } from './pagination';
import { RateLimiter } from './rateLimiter';
import { buildRequest, endpoints, errorFromResponse, parseBody, parseErrorBody, send, validate, type Endpoint, type QueryValue, type RawResponse } from './request';
import {
  type AttioAttribute,
  type AttioEntry,
  type AttioList,
  type AttioMember,
  type AttioNote,
  type AttioObject,
  type AttioRecord,
  type AttioRecordEntry,
  type AttioTask,
  type SearchResult,
} from './schemas';
import { schemas } from './lazySchemas';
import { endpointScopes, missingScopes, parseScopes } from './scopes';

export type LogLevel = 'trace' | 'debug' | 'info' | 'warn' | 'error';
export type TokenSource = () => string | undefined | Promise<string | undefined>;

export interface AttioClientOptions {
  /** e.g. `https://api.attio.com` (no `/v2`). */
  baseUrl: string;
  /** Asked before every attempt, so a refreshed or removed token takes effect at once. */
  token: TokenSource;
  fetch?: typeof fetch;
  /** Share one limiter between every client using the same token/workspace. */
  limiter?: RateLimiter;
  /** Per request (per attempt), from sending until the body is read. Default 15000. */
  timeoutMs?: number;
  /** Retries after the first attempt. Default 3. */
  maxRetries?: number;
  log?: (level: LogLevel, message: string) => void;
}

export type SelfInfo =
  | { active: false }
  | {
      active: true;
      scopes: ReadonlySet<string>;
      scope: string;
      workspaceId: string;
      workspaceName: string;
      workspaceSlug: string;
      workspaceLogoUrl: string | null;
      clientId: string;
      tokenType: string;
      authorizedByMemberId: string | null;
      issuedAt: Date | undefined;
      expiresAt: Date | undefined;
    };

export interface QueryOptions {
  /** Attio filter object (shorthand or verbose), sent as is. */
  filter?: unknown;
  /** Attio sorts, sent as is. */
  sorts?: unknown[];
  limit?: number;
  offset?: number;
}

export interface PageOptions {
  limit?: number;
  offset?: number;
}

export interface ListTasksOptions extends PageOptions {
  /** Workspace-member id or email; `null` (or '') = unassigned tasks only. */
  assignee?: string | null;
  isCompleted?: boolean;
  /** Give together with `linkedRecordId`. */
  linkedObject?: string;
  linkedRecordId?: string;
  sort?: 'created_at:asc' | 'created_at:desc' | 'completed_at:asc' | 'completed_at:desc';
}

export interface CreateTaskInput {
  content: string;
  /** ISO date-time or null. */
  deadlineAt: string | null;
  isCompleted?: boolean;
  linkedRecords?: { targetObject: string; targetRecordId: string }[];
  assigneeIds?: string[];
}

export interface UpdateTaskInput {
  isCompleted?: boolean;
  deadlineAt?: string | null;
}

export interface ListNotesOptions extends PageOptions {
  parentObject?: string;
  parentRecordId?: string;
}

export interface CreateNoteInput {
  /** Object slug or id. */
  parentObject: string;
  parentRecordId: string;
  /** Plain text (Attio gives titles no formatting). */
  title: string;
  format: 'plaintext' | 'markdown';
  content: string;
}

export interface SearchOptions {
  query: string;
  /** Object slugs or ids (at least one). */
  objects: string[];
  /** 1–25, default 25. */
  limit?: number;
}

interface CallParams {
  path?: Record<string, string>;
  query?: Record<string, QueryValue>;
  body?: unknown;
}

/** Response schemas, loaded with zod on the first response rather than at activation. */
const S = (): ReturnType<typeof schemas>['responses'] => schemas().responses;

const BACKOFF_BASE_MS = 250;
const BACKOFF_CAP_MS = 8000;

export class AttioClient {
  private readonly baseUrl: string;
  private readonly tokenSource: TokenSource;
  private readonly fetchFn: typeof fetch;
  private readonly limiter: RateLimiter;
  private readonly timeoutMs: number;
  private readonly maxRetries: number;
  private readonly logFn?: (level: LogLevel, message: string) => void;
  /** Tokens this client has used, for redaction only (bounded). */
  private readonly secrets: string[] = [];

  constructor(opts: AttioClientOptions) {
    this.baseUrl = opts.baseUrl;
    this.tokenSource = opts.token;
    const f = opts.fetch ?? globalThis.fetch;
    this.fetchFn = (input, init) => f(input, init);
    this.limiter = opts.limiter ?? new RateLimiter();
    this.timeoutMs = opts.timeoutMs ?? 15000;
    this.maxRetries = Math.max(0, opts.maxRetries ?? 3);
    this.logFn = opts.log;
  }

  // ----------------------------------------------------------------------------------------------------
  // Identity
  // ----------------------------------------------------------------------------------------------------

  /** Who the token is. `{active:false}` for a revoked/unknown token (Attio answers 200). Needs no scope. */
  async self(signal?: AbortSignal): Promise<SelfInfo> {
    const ep = endpoints.self;
    const data = await this.call(ep, {}, S().self, signal);
    if (!data.active) return { active: false };
    const a = validate(schemas().activeSelfSchema, data, ep.key);
    return {
      active: true,
      scope: a.scope,
      scopes: parseScopes(a.scope),
      workspaceId: a.workspace_id,
      workspaceName: a.workspace_name,
      workspaceSlug: a.workspace_slug,
      workspaceLogoUrl: data.workspace_logo_url ?? null,
      clientId: data.client_id ?? '',
      tokenType: data.token_type ?? 'Bearer',
      authorizedByMemberId: data.authorized_by_workspace_member_id ?? null,
      issuedAt: typeof data.iat === 'number' ? new Date(data.iat * 1000) : undefined,
      expiresAt: typeof data.exp === 'number' ? new Date(data.exp * 1000) : undefined,
    };
  }

  // ----------------------------------------------------------------------------------------------------
  // Objects and attributes
  // ----------------------------------------------------------------------------------------------------

  async listObjects(signal?: AbortSignal): Promise<AttioObject[]> {
    return (await this.call(endpoints.listObjects, {}, S().objects, signal)).data;
  }

  async getObject(object: string, signal?: AbortSignal): Promise<AttioObject> {
    return (await this.call(endpoints.getObject, { path: { object } }, S().object, signal)).data;
  }

  /**
   * Attributes of an object or list, in UI order. With `limit` it returns that one page; without, every
   * attribute (pages of 500 until a short page).
   */
  async listAttributes(
    target: 'objects' | 'lists',
    identifier: string,
    opts: { limit?: number; offset?: number; showArchived?: boolean } = {},
    signal?: AbortSignal,
  ): Promise<AttioAttribute[]> {
    const ep = endpoints.listAttributes;
    const get = (limit: number, offset: number) =>
      this.call(ep, { path: { target, identifier }, query: { limit, offset, show_archived: opts.showArchived ?? false } }, S().attributes, signal);
    if (opts.limit !== undefined) return (await get(checkLimit(opts.limit), opts.offset ?? 0)).data;
    const out: AttioAttribute[] = [];
    const size = 500;
    for (let offset = opts.offset ?? 0; ; offset += size) {
      const { data } = await get(size, offset);
      out.push(...data);
      if (data.length < size) return out;
    }
  }

  // ----------------------------------------------------------------------------------------------------
  // Records
  // ----------------------------------------------------------------------------------------------------

  async queryRecords(object: string, opts: QueryOptions = {}, signal?: AbortSignal): Promise<Page<AttioRecord>> {
    const ep = endpoints.queryRecords;
    const page = await this.paged(ep, opts, S().records, signal, limit => ({
      path: { object },
      body: queryBody(opts, limit),
    }));
    for (const r of page.items) if (r.values == null) r.values = {};
    return page as Page<AttioRecord>;
  }

  async getRecord(object: string, recordId: string, signal?: AbortSignal): Promise<AttioRecord> {
    const { data } = await this.call(endpoints.getRecord, { path: { object, record_id: recordId } }, S().record, signal);
    if (data.values == null) data.values = {};
    return data as AttioRecord;
  }

  /** Full-text search across objects (Attio alpha; eventually consistent). At most 25 results. */
  async searchRecords(opts: SearchOptions, signal?: AbortSignal): Promise<SearchResult[]> {
    const limit = Math.min(checkLimit(opts.limit ?? 25), 25);
    const body = { query: opts.query, objects: opts.objects, request_as: { type: 'workspace' }, limit };
    return (await this.call(endpoints.searchRecords, { body }, S().search, signal)).data;
  }

  /** The list entries a record belongs to. */
  async listRecordEntries(object: string, recordId: string, opts: PageOptions = {}, signal?: AbortSignal): Promise<Page<AttioRecordEntry>> {
    return this.paged(endpoints.listRecordEntries, opts, S().recordEntries, signal, (limit, offset) => ({
      path: { object, record_id: recordId },
      query: { limit, offset },
    }));
  }

  // ----------------------------------------------------------------------------------------------------
  // Lists and entries
  // ----------------------------------------------------------------------------------------------------

  async listLists(signal?: AbortSignal): Promise<AttioList[]> {
    return (await this.call(endpoints.listLists, {}, S().lists, signal)).data;
  }

  async getList(list: string, signal?: AbortSignal): Promise<AttioList> {
    return (await this.call(endpoints.getList, { path: { list } }, S().list, signal)).data;
  }

  async queryEntries(list: string, opts: QueryOptions = {}, signal?: AbortSignal): Promise<Page<AttioEntry>> {
    const page = await this.paged(endpoints.queryEntries, opts, S().entries, signal, limit => ({ path: { list }, body: queryBody(opts, limit) }));
    for (const e of page.items) if (e.entry_values == null) e.entry_values = {};
    return page as Page<AttioEntry>;
  }

  async getEntry(list: string, entryId: string, signal?: AbortSignal): Promise<AttioEntry> {
    const { data } = await this.call(endpoints.getEntry, { path: { list, entry_id: entryId } }, S().entry, signal);
    if (data.entry_values == null) data.entry_values = {};
    return data as AttioEntry;
  }

  // ----------------------------------------------------------------------------------------------------
  // Tasks
  // ----------------------------------------------------------------------------------------------------

  async listTasks(opts: ListTasksOptions = {}, signal?: AbortSignal): Promise<Page<AttioTask>> {
    if ((opts.linkedObject === undefined) !== (opts.linkedRecordId === undefined)) {
      throw new TypeError('listTasks: linkedObject and linkedRecordId must be given together');
    }
    return this.paged(endpoints.listTasks, opts, S().tasks, signal, (limit, offset) => ({
      query: {
        limit,
        offset,
        sort: opts.sort,
        linked_object: opts.linkedObject,
        linked_record_id: opts.linkedRecordId,
        assignee: opts.assignee === null ? 'null' : opts.assignee,
        is_completed: opts.isCompleted,
      },
    }));
  }

  async getTask(taskId: string, signal?: AbortSignal): Promise<AttioTask> {
    return (await this.call(endpoints.getTask, { path: { task_id: taskId } }, S().task, signal)).data;
  }

  /** Creates a plaintext task. Not retried after a 5xx or network failure (it could be created twice); 429 is retried. */
  async createTask(input: CreateTaskInput, signal?: AbortSignal): Promise<AttioTask> {
    const body = {
      data: {
        content: input.content,
        format: 'plaintext',
        deadline_at: input.deadlineAt,
        is_completed: input.isCompleted ?? false,
        linked_records: (input.linkedRecords ?? []).map(l => ({ target_object: l.targetObject, target_record_id: l.targetRecordId })),
        assignees: (input.assigneeIds ?? []).map(id => ({ referenced_actor_type: 'workspace-member', referenced_actor_id: id })),
      },
    };
    return (await this.call(endpoints.createTask, { body }, S().task, signal)).data;
  }

  async updateTask(taskId: string, input: UpdateTaskInput, signal?: AbortSignal): Promise<AttioTask> {
    const data: Record<string, unknown> = {};
    if (input.isCompleted !== undefined) data.is_completed = input.isCompleted;
    if (input.deadlineAt !== undefined) data.deadline_at = input.deadlineAt;
    return (await this.call(endpoints.updateTask, { path: { task_id: taskId }, body: { data } }, S().task, signal)).data;
  }

  // ----------------------------------------------------------------------------------------------------
  // Members and notes
  // ----------------------------------------------------------------------------------------------------

  async listMembers(signal?: AbortSignal): Promise<AttioMember[]> {
    return (await this.call(endpoints.listMembers, {}, S().members, signal)).data;
  }

  /** Notes, newest pages first as Attio returns them. Attio caps `limit` at 50. */
  async listNotes(opts: ListNotesOptions = {}, signal?: AbortSignal): Promise<Page<AttioNote>> {
    if ((opts.parentObject === undefined) !== (opts.parentRecordId === undefined)) {
      throw new TypeError('listNotes: parentObject and parentRecordId must be given together');
    }
    return this.paged(endpoints.listNotes, opts, S().notes, signal, (limit, offset) => ({
      query: { limit, offset, parent_object: opts.parentObject, parent_record_id: opts.parentRecordId },
    }));
  }

  /** Adds a note to a record. Not retried after a 5xx or network failure (it could be added twice); 429 is retried. */
  async createNote(input: CreateNoteInput, signal?: AbortSignal): Promise<AttioNote> {
    const { parentObject, parentRecordId, title, format, content } = input;
    const body = { data: { parent_object: parentObject, parent_record_id: parentRecordId, title, format, content } };
    return (await this.call(endpoints.createNote, { body }, S().note, signal)).data;
  }

  // ----------------------------------------------------------------------------------------------------
  // Plumbing
  // ----------------------------------------------------------------------------------------------------

  private async paged<T>(
    ep: Endpoint,
    opts: PageOptions,
    schema: z.ZodMiniType<{ data: T[] }>,
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

  private async call<Sch extends z.ZodMiniType>(ep: Endpoint, params: CallParams, schema: Sch, signal?: AbortSignal): Promise<z.infer<Sch>> {
    const res = await this.exchange(ep, params, signal);
    return parseBody(schema, res.text, ep.key);
  }

  /** Sends until a 2xx (returned) or a final error (thrown). */
  private async exchange(ep: Endpoint, params: CallParams, signal?: AbortSignal): Promise<RawResponse> {
    const lane = ep.write ? 'write' : 'read';
    for (let attempt = 0; ; attempt++) {
      if (signal?.aborted) throw new CancelledError(ep.key);
      const token = await this.token(ep);
      const req = buildRequest(ep, { baseUrl: this.baseUrl, token, ...params });
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
      // Every client sharing the limiter holds off until Retry-After, not just this call.
      if (err instanceof RateLimitedError) this.limiter.pauseUntil(lane, err.retryAt);
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
    let info: SelfInfo;
    try {
      info = await this.self(signal);
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

function queryBody(opts: QueryOptions, limit: number): Record<string, unknown> {
  const body: Record<string, unknown> = { limit, offset: checkOffset(opts.offset ?? 0) };
  if (opts.filter !== undefined) body.filter = opts.filter;
  if (opts.sorts !== undefined) body.sorts = opts.sorts;
  return body;
}

function checkLimit(n: number): number {
  if (!Number.isInteger(n) || n < 1) throw new RangeError(`limit must be a positive integer (got ${n})`);
  return n;
}

function checkOffset(n: number): number {
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
