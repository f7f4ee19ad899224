/**
 * Typed cache keys: every cached thing has one constructor here, which fixes its value type and the view it
 * belongs to (so "Refresh Objects" expires exactly the object-side entries). No string prefixes anywhere else.
 */
import type { AttioAttribute, AttioCallRecording, AttioMeeting, AttioSelectOption, AttioStatus, AttioThread, AttioWebhook, AttioEntry, AttioList, AttioMember, AttioNote, AttioObject, AttioRecord, AttioRecordEntry, AttioTask, AttioTranscriptSegment, Page, SearchResult } from '../attio';

/** A call recording's transcript (data/meetings.ts loads it). */
export interface Transcript {
  segments: AttioTranscriptSegment[];
  webUrl: string | null;
  /** Pages fetched (each one request). */
  pages: number;
}

/** Which view's "Refresh" expires an entry. */
export type Scope = 'objects' | 'lists' | 'tasks';

/** Where an entry comes from; {@link LoadCache.entries} iterates one family. */
export type Family =
  | 'objects'
  | 'recordsPage'
  | 'filteredRecordsPage'
  | 'filteredEntriesPage'
  | 'recordsById'
  | 'threads'
  | 'meetings'
  | 'callRecordings'
  | 'transcript'
  | 'record'
  | 'attributes'
  | 'attributesArchived'
  | 'selectOptions'
  | 'statuses'
  | 'recordEntries'
  | 'notes'
  | 'lists'
  | 'entriesPage'
  | 'entry'
  | 'tasks'
  | 'task'
  | 'recordTasks'
  | 'search'
  | 'members'
  | 'webhooks'
  | 'listStaged';

/** A cache key whose value has type `T`. Two keys are the same entry when their `id`s are equal. */
export class CacheKey<T> {
  /** Only carries the value type; never set. */
  declare readonly valueType?: T;
  readonly id: string;

  constructor(readonly family: Family, readonly scope: Scope, readonly parts: readonly string[]) {
    this.id = [family, ...parts].join('\u0000');
  }
}

/** The task sets fetched from the API ("All open" and "Overdue" share `open`). */
export type TaskSet = 'mine' | 'open' | 'completed';

/** A paged collection ("Load more" adds a page to it). */
export type PagedId = { kind: 'records'; object: string; query?: string } | { kind: 'entries'; list: string; query?: string };

/** A filtered collection (its `query` key) pages apart from the unfiltered one. */
export const pagedIdKey = (p: PagedId): string => (p.kind === 'records' ? `records\u0000${p.object}` : `entries\u0000${p.list}`) + (p.query ? `\u0000${p.query}` : '');

export const Keys = {
  objects: () => new CacheKey<AttioObject[]>('objects', 'objects', []),
  recordsPage: (object: string, page: number) => new CacheKey<Page<AttioRecord>>('recordsPage', 'objects', [object, String(page)]),
  /** A page of a filtered or sorted query (`query` = {@link RecordQuery.key}): its own entry, never the unfiltered page's. */
  filteredRecordsPage: (object: string, query: string, page: number) => new CacheKey<Page<AttioRecord>>('filteredRecordsPage', 'objects', [object, query, String(page)]),
  /** Chosen records of one object (pinned ones), fetched together: `ids` sorted and joined. */
  recordsById: (object: string, ids: string) => new CacheKey<Page<AttioRecord>>('recordsById', 'objects', [object, ids]),
  record: (object: string, id: string) => new CacheKey<AttioRecord>('record', 'objects', [object, id]),
  attributes: (target: 'objects' | 'lists', id: string) => new CacheKey<AttioAttribute[]>('attributes', target, [target, id]),
  /** Attributes including archived ones ("Show archived" in the Attributes section). */
  attributesArchived: (target: 'objects' | 'lists', id: string) => new CacheKey<AttioAttribute[]>('attributesArchived', target, [target, id]),
  selectOptions: (target: 'objects' | 'lists', id: string, attribute: string) => new CacheKey<AttioSelectOption[]>('selectOptions', target, [target, id, attribute]),
  statuses: (target: 'objects' | 'lists', id: string, attribute: string) => new CacheKey<AttioStatus[]>('statuses', target, [target, id, attribute]),
  recordEntries: (object: string, id: string) => new CacheKey<AttioRecordEntry[]>('recordEntries', 'objects', [object, id]),
  notes: (object: string, id: string) => new CacheKey<AttioNote[]>('notes', 'objects', [object, id]),
  /** A record's (`objects`) or an entry's (`lists`) comment threads. */
  threads: (scope: 'objects' | 'lists', parent: string, id: string) => new CacheKey<AttioThread[]>('threads', scope, [scope, parent, id]),
  meetings: (object: string, id: string) => new CacheKey<AttioMeeting[]>('meetings', 'objects', [object, id]),
  callRecordings: (meetingId: string) => new CacheKey<AttioCallRecording[]>('callRecordings', 'objects', [meetingId]),
  transcript: (meetingId: string, recordingId: string) => new CacheKey<Transcript>('transcript', 'objects', [meetingId, recordingId]),
  lists: () => new CacheKey<AttioList[]>('lists', 'lists', []),
  entriesPage: (list: string, page: number) => new CacheKey<Page<AttioEntry>>('entriesPage', 'lists', [list, String(page)]),
  filteredEntriesPage: (list: string, query: string, page: number) => new CacheKey<Page<AttioEntry>>('filteredEntriesPage', 'lists', [list, query, String(page)]),
  entry: (list: string, id: string) => new CacheKey<AttioEntry>('entry', 'lists', [list, id]),
  /** The list's entries were seen holding a status value: it has stages (known without its attributes). */
  listStaged: (list: string) => new CacheKey<true>('listStaged', 'lists', [list]),
  tasks: (set: TaskSet) => new CacheKey<AttioTask[]>('tasks', 'tasks', [set]),
  task: (id: string) => new CacheKey<AttioTask>('task', 'tasks', [id]),
  /** Open tasks linked to a record (object slug, record id). */
  recordTasks: (object: string, id: string) => new CacheKey<AttioTask[]>('recordTasks', 'tasks', [object, id]),
  /** A search's results (query, object slugs, limit). */
  search: (query: string, objects: readonly string[], limit: number) => new CacheKey<SearchResult[]>('search', 'objects', [query, objects.join(','), String(limit)]),
  members: () => new CacheKey<Map<string, AttioMember>>('members', 'tasks', []),
  /** Shown in the Objects view, whose Refresh reloads them. */
  webhooks: () => new CacheKey<AttioWebhook[]>('webhooks', 'objects', []),
} as const;
