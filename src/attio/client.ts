/**
 * AttioClient: the endpoint methods of Attio's REST API v2, one per call the extension makes; the sending,
 * retrying, limiting and validating is the transport's (transport.ts). No `vscode` import.
 */
import { checkLimit, checkOffset, Transport, type CallParams, type PageOptions, type TransportOptions } from './transport';
import { type Page } from './pagination';
import { endpoints, schemas, validate } from './request';
import {
  type AttioAttribute,
  type AttioCallRecording,
  type AttioComment,
  type AttioMeeting,
  type AttioTranscriptSegment,
  type AttioThread,
  type AttioEntry,
  type AttioList,
  type AttioMember,
  type AttioNote,
  type AttioObject,
  type AttioRecord,
  type AttioRecordEntry,
  type AttioSelectOption,
  type AttioStatus,
  type AttioTask,
  type AttioWebhook,
  type SearchResult,
} from './schemas';
import { parseScopes } from './scopes';

export type { LogLevel, PageOptions, TokenSource } from './transport';
export type AttioClientOptions = TransportOptions;
export type { CallParams } from './transport';
export type * from './inputs';
import type { CommentTarget, CreateNoteInput, CreateTaskInput, ListNotesOptions, ListTasksOptions, QueryOptions, SearchOptions, SelfInfo, UpdateTaskInput, WriteValues } from './inputs';

/** The name of an endpoint in the table (request.ts). */
export type EndpointName = keyof typeof endpoints;

type Responses = ReturnType<typeof schemas>['responses'];
type Deferred = { readonly [K in keyof Responses]: () => Responses[K] };
/**
 * Response schemas, loaded with zod on the first request rather than at activation: `S().x` names schema `x`, and the
 * transport reads it when the answer arrives (on the web the schemas bundle must be read first; the transport does).
 */
const DEFERRED = new Proxy({}, { get: (_t, key) => () => schemas().responses[key as keyof Responses] }) as Deferred;
const S = (): Deferred => DEFERRED;

export class AttioClient {
  private readonly t: Transport;

  constructor(opts: AttioClientOptions) {
    this.t = new Transport(opts);
  }

  // ----------------------------------------------------------------------------------------------------
  // Identity
  // ----------------------------------------------------------------------------------------------------

  /** Who the token is. `{active:false}` for a revoked/unknown token (Attio answers 200). Needs no scope. */
  async self(signal?: AbortSignal): Promise<SelfInfo> {
    const ep = endpoints.self;
    const data = await this.t.call(ep, {}, S().self, signal);
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
    return (await this.t.call(endpoints.listObjects, {}, S().objects, signal)).data;
  }

  async getObject(object: string, signal?: AbortSignal): Promise<AttioObject> {
    return (await this.t.call(endpoints.getObject, { path: { object } }, S().object, signal)).data;
  }

  /**
   * Attributes of an object or list, in UI order. With `limit` it returns that one page; without, every
   * attribute (pages of 500 until a short page, at most MAX_PAGES of them).
   */
  async listAttributes(
    target: 'objects' | 'lists',
    identifier: string,
    opts: { limit?: number; offset?: number; showArchived?: boolean } = {},
    signal?: AbortSignal,
  ): Promise<AttioAttribute[]> {
    const ep = endpoints.listAttributes;
    const params = (limit: number, offset: number) => ({ path: { target, identifier }, query: { limit, offset, show_archived: opts.showArchived ?? false } });
    if (opts.limit !== undefined) return (await this.t.call(ep, params(checkLimit(opts.limit), opts.offset ?? 0), S().attributes, signal)).data;
    return this.t.every(ep, 500, S().attributes, signal, params, opts.offset ?? 0);
  }

  /** The options of a select attribute (archived ones only when asked). */
  async listSelectOptions(target: 'objects' | 'lists', identifier: string, attribute: string, opts: { showArchived?: boolean } = {}, signal?: AbortSignal): Promise<AttioSelectOption[]> {
    const params = { path: { target, identifier, attribute }, query: { show_archived: opts.showArchived ?? false } };
    return (await this.t.call(endpoints.listSelectOptions, params, S().selectOptions, signal)).data;
  }

  /** The statuses of a status attribute (archived ones only when asked). */
  async listStatuses(target: 'objects' | 'lists', identifier: string, attribute: string, opts: { showArchived?: boolean } = {}, signal?: AbortSignal): Promise<AttioStatus[]> {
    const params = { path: { target, identifier, attribute }, query: { show_archived: opts.showArchived ?? false } };
    return (await this.t.call(endpoints.listStatuses, params, S().statuses, signal)).data;
  }

  // ----------------------------------------------------------------------------------------------------
  // Records
  // ----------------------------------------------------------------------------------------------------

  async queryRecords(object: string, opts: QueryOptions = {}, signal?: AbortSignal): Promise<Page<AttioRecord>> {
    const ep = endpoints.queryRecords;
    const page = await this.t.paged(ep, opts, S().records, signal, limit => ({
      path: { object },
      body: queryBody(opts, limit),
    }));
    for (const r of page.items) if (r.values == null) r.values = {};
    return page as Page<AttioRecord>;
  }

  async getRecord(object: string, recordId: string, signal?: AbortSignal): Promise<AttioRecord> {
    const { data } = await this.t.call(endpoints.getRecord, { path: { object, record_id: recordId } }, S().record, signal);
    if (data.values == null) data.values = {};
    return data as AttioRecord;
  }

  /**
   * Creates a record (`record_permission:read-write`). Attio refuses a value another record holds for a unique
   * attribute (`uniqueness_conflict`, the attribute named). Not resent after a 5xx (it could be created twice).
   */
  async createRecord(object: string, values: WriteValues, signal?: AbortSignal): Promise<AttioRecord> {
    const { data } = await this.t.call(endpoints.createRecord, { path: { object }, body: { data: { values } } }, S().record, signal);
    if (data.values == null) data.values = {};
    return data as AttioRecord;
  }

  /**
   * Asserts a record: updates the one whose unique `matchingAttribute` holds the given value, or creates it. A
   * multiselect matching attribute gets values added; every other multiselect is overwritten.
   */
  async assertRecord(object: string, matchingAttribute: string, values: WriteValues, signal?: AbortSignal): Promise<AttioRecord> {
    const params = { path: { object }, query: { matching_attribute: matchingAttribute }, body: { data: { values } } };
    const { data } = await this.t.call(endpoints.assertRecord, params, S().record, signal);
    if (data.values == null) data.values = {};
    return data as AttioRecord;
  }

  /**
   * Updates a record's values. `append` (PATCH): multiselect values given are added before the ones it has;
   * `overwrite` (PUT): they replace them. Single values are replaced either way; `[]` clears.
   */
  async updateRecord(object: string, recordId: string, values: WriteValues, mode: 'append' | 'overwrite', signal?: AbortSignal): Promise<AttioRecord> {
    const ep = mode === 'append' ? endpoints.updateRecord : endpoints.overwriteRecord;
    const { data } = await this.t.call(ep, { path: { object, record_id: recordId }, body: { data: { values } } }, S().record, signal);
    if (data.values == null) data.values = {};
    return data as AttioRecord;
  }

  /** Full-text search across objects (Attio alpha; eventually consistent). At most 25 results. */
  async searchRecords(opts: SearchOptions, signal?: AbortSignal): Promise<SearchResult[]> {
    const limit = Math.min(checkLimit(opts.limit ?? 25), 25);
    const body = { query: opts.query, objects: opts.objects, request_as: { type: 'workspace' }, limit };
    return (await this.t.call(endpoints.searchRecords, { body }, S().search, signal)).data;
  }

  /** The list entries a record belongs to. */
  async listRecordEntries(object: string, recordId: string, opts: PageOptions = {}, signal?: AbortSignal): Promise<Page<AttioRecordEntry>> {
    return this.t.paged(endpoints.listRecordEntries, opts, S().recordEntries, signal, (limit, offset) => ({
      path: { object, record_id: recordId },
      query: { limit, offset },
    }));
  }

  // ----------------------------------------------------------------------------------------------------
  // Lists and entries
  // ----------------------------------------------------------------------------------------------------

  async listLists(signal?: AbortSignal): Promise<AttioList[]> {
    return (await this.t.call(endpoints.listLists, {}, S().lists, signal)).data;
  }

  async getList(list: string, signal?: AbortSignal): Promise<AttioList> {
    return (await this.t.call(endpoints.getList, { path: { list } }, S().list, signal)).data;
  }

  async queryEntries(list: string, opts: QueryOptions = {}, signal?: AbortSignal): Promise<Page<AttioEntry>> {
    const page = await this.t.paged(endpoints.queryEntries, opts, S().entries, signal, limit => ({ path: { list }, body: queryBody(opts, limit) }));
    for (const e of page.items) if (e.entry_values == null) e.entry_values = {};
    return page as Page<AttioEntry>;
  }

  async getEntry(list: string, entryId: string, signal?: AbortSignal): Promise<AttioEntry> {
    const { data } = await this.t.call(endpoints.getEntry, { path: { list, entry_id: entryId } }, S().entry, signal);
    if (data.entry_values == null) data.entry_values = {};
    return data as AttioEntry;
  }

  /** Adds a record to a list (`list_entry:read-write`); `values`: attribute slug → Attio's write JSON. Not retried after a 5xx. */
  async createEntry(list: string, parent: { object: string; recordId: string }, values: EntryWriteValues, signal?: AbortSignal): Promise<AttioEntry> {
    const body = { data: { parent_object: parent.object, parent_record_id: parent.recordId, entry_values: values } };
    return entryOf((await this.t.call(endpoints.createEntry, { path: { list }, body }, S().entry, signal)).data);
  }

  /** Writes an entry's values: `append` (PATCH) adds multiselect values, `overwrite` (PUT) replaces them, as Attio documents. */
  async updateEntry(list: string, entryId: string, values: EntryWriteValues, mode: 'append' | 'overwrite', signal?: AbortSignal): Promise<AttioEntry> {
    const ep = mode === 'append' ? endpoints.appendEntryValues : endpoints.overwriteEntryValues;
    return entryOf((await this.t.call(ep, { path: { list, entry_id: entryId }, body: { data: { entry_values: values } } }, S().entry, signal)).data);
  }

  /** Removes an entry from its list (the record stays). */
  async deleteEntry(list: string, entryId: string, signal?: AbortSignal): Promise<void> {
    await this.t.call(endpoints.deleteEntry, { path: { list, entry_id: entryId } }, S().raw, signal);
  }

  // ----------------------------------------------------------------------------------------------------
  // Tasks
  // ----------------------------------------------------------------------------------------------------

  async listTasks(opts: ListTasksOptions = {}, signal?: AbortSignal): Promise<Page<AttioTask>> {
    if ((opts.linkedObject === undefined) !== (opts.linkedRecordId === undefined)) {
      throw new TypeError('listTasks: linkedObject and linkedRecordId must be given together');
    }
    return this.t.paged(endpoints.listTasks, opts, S().tasks, signal, (limit, offset) => ({
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
    return (await this.t.call(endpoints.getTask, { path: { task_id: taskId } }, S().task, signal)).data;
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
    return (await this.t.call(endpoints.createTask, { body }, S().task, signal)).data;
  }

  async updateTask(taskId: string, input: UpdateTaskInput, signal?: AbortSignal): Promise<AttioTask> {
    const data: Record<string, unknown> = {};
    if (input.isCompleted !== undefined) data.is_completed = input.isCompleted;
    if (input.deadlineAt !== undefined) data.deadline_at = input.deadlineAt;
    return (await this.t.call(endpoints.updateTask, { path: { task_id: taskId }, body: { data } }, S().task, signal)).data;
  }

  // ----------------------------------------------------------------------------------------------------
  // Webhooks (read-only)
  // ----------------------------------------------------------------------------------------------------

  /** Every webhook of the workspace (pages of 100, Attio's largest; at most MAX_PAGES of them). Needs `webhook:read`. */
  async listWebhooks(signal?: AbortSignal): Promise<AttioWebhook[]> {
    return this.t.every(endpoints.listWebhooks, 100, S().webhooks, signal, (limit, offset) => ({ query: { limit, offset } }));
  }

  // ----------------------------------------------------------------------------------------------------
  // Raw answers (the developer's "Open as JSON")
  // ----------------------------------------------------------------------------------------------------

  /**
   * One read request, its JSON answer returned exactly as parsed from the wire (envelope, unknown fields, nulls and
   * key order kept; nothing validated or normalised). Same transport as every call: token only to its origin,
   * limits, retries, typed errors. Writes are refused.
   */
  async raw(name: EndpointName, params: CallParams, signal?: AbortSignal): Promise<unknown> {
    const ep = endpoints[name];
    if (ep.write) throw new TypeError(`raw: ${ep.key} is a write`);
    return this.t.call(ep, params, S().raw, signal);
  }

  // ----------------------------------------------------------------------------------------------------
  // Members and notes
  // ----------------------------------------------------------------------------------------------------

  async listMembers(signal?: AbortSignal): Promise<AttioMember[]> {
    return (await this.t.call(endpoints.listMembers, {}, S().members, signal)).data;
  }

  /** Notes, newest pages first as Attio returns them. Attio caps `limit` at 50. */
  async listNotes(opts: ListNotesOptions = {}, signal?: AbortSignal): Promise<Page<AttioNote>> {
    if ((opts.parentObject === undefined) !== (opts.parentRecordId === undefined)) {
      throw new TypeError('listNotes: parentObject and parentRecordId must be given together');
    }
    return this.t.paged(endpoints.listNotes, opts, S().notes, signal, (limit, offset) => ({
      query: { limit, offset, parent_object: opts.parentObject, parent_record_id: opts.parentRecordId },
    }));
  }

  /** Adds a note to a record. Not retried after a 5xx or network failure (it could be added twice); 429 is retried. */
  async createNote(input: CreateNoteInput, signal?: AbortSignal): Promise<AttioNote> {
    const { parentObject, parentRecordId, title, format, content } = input;
    const body = { data: { parent_object: parentObject, parent_record_id: parentRecordId, title, format, content } };
    return (await this.t.call(endpoints.createNote, { body }, S().note, signal)).data;
  }
  // ----------------------------------------------------------------------------------------------------
  // Comments
  // ----------------------------------------------------------------------------------------------------

  /** A record's or an entry's comment threads (`comment:read`). Attio caps `limit` at 50. */
  async listThreads(target: CommentTarget, opts: PageOptions = {}, signal?: AbortSignal): Promise<Page<AttioThread>> {
    return this.t.paged(endpoints.listThreads, opts, S().threads, signal, (limit, offset) => ({ query: { ...commentTargetQuery(target), limit, offset } }));
  }

  /** A plaintext comment by a workspace member, starting a thread on a record or entry (`comment:read-write`). Not retried after a 5xx. */
  async createComment(target: CommentTarget, content: string, authorMemberId: string, signal?: AbortSignal): Promise<AttioComment> {
    const where = 'recordId' in target ? { record: { object: target.object, record_id: target.recordId } } : { entry: { list: target.list, entry_id: target.entryId } };
    const body = { data: { format: 'plaintext', content, author: { type: 'workspace-member', id: authorMemberId }, ...where } };
    return (await this.t.call(endpoints.createComment, { body }, S().comment, signal)).data;
  }

  // ----------------------------------------------------------------------------------------------------
  // Meetings and call recordings (cursor-paged)
  // ----------------------------------------------------------------------------------------------------

  /** Meetings linked to a record, newest first (`meeting:read`); one page of up to `limit` (≤ 200). */
  async listMeetings(object: string, recordId: string, opts: { limit?: number; cursor?: string } = {}, signal?: AbortSignal): Promise<{ items: AttioMeeting[]; nextCursor: string | null }> {
    const query = { linked_object: object, linked_record_id: recordId, sort: 'start_desc', limit: Math.min(checkLimit(opts.limit ?? 50), 200), cursor: opts.cursor };
    const r = await this.t.call(endpoints.listMeetings, { query }, S().meetings, signal);
    return { items: r.data, nextCursor: r.pagination?.next_cursor ?? null };
  }

  /** A meeting's call recordings (`call_recording:read`). */
  async listCallRecordings(meetingId: string, signal?: AbortSignal): Promise<AttioCallRecording[]> {
    return (await this.t.call(endpoints.listCallRecordings, { path: { meeting_id: meetingId }, query: { limit: 50 } }, S().callRecordings, signal)).data;
  }

  /** One page of a recording's transcript; `nextCursor` asks for the next. */
  async getTranscriptPage(meetingId: string, recordingId: string, cursor: string | undefined, signal?: AbortSignal): Promise<{ segments: AttioTranscriptSegment[]; webUrl: string | null; nextCursor: string | null }> {
    const r = await this.t.call(endpoints.getTranscript, { path: { meeting_id: meetingId, call_recording_id: recordingId }, query: { cursor } }, S().transcript, signal);
    return { segments: r.data.transcript, webUrl: r.data.web_url ?? null, nextCursor: r.pagination?.next_cursor ?? null };
  }
}

/** Attribute slug → the values to write, in Attio's write JSON (a bare value or an array of them). */
export type EntryWriteValues = Record<string, unknown>;

function entryOf(data: { entry_values?: unknown }): AttioEntry {
  if (data.entry_values == null) data.entry_values = {};
  return data as AttioEntry;
}

export function commentTargetQuery(t: CommentTarget): Record<string, string> {
  return 'recordId' in t ? { object: t.object, record_id: t.recordId } : { list: t.list, entry_id: t.entryId };
}

function queryBody(opts: QueryOptions, limit: number): Record<string, unknown> {
  const body: Record<string, unknown> = { limit, offset: checkOffset(opts.offset ?? 0) };
  if (opts.filter !== undefined) body.filter = opts.filter;
  if (opts.sorts !== undefined) body.sorts = opts.sorts;
  return body;
}
