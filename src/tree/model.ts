/**
 * Data layer of the Objects, Lists and Tasks trees: fetches through the Attio client, caches every expansion
 * (TTL, stale-while-error, one load per key), batches title lookups, and keeps task edits in the cached data.
 *
 * No `vscode` import, so it runs under plain mocha against the local server.
 *
 * Requests per expansion (first time; none again within the TTL):
 * - objects / lists roots: 1 (`GET /v2/objects`, `GET /v2/lists`)
 * - an object (and each "Load more"): 1 (`records/query`)
 * - a list (and each "Load more"): 2 (`entries/query` + one `records/query` per parent object for titles)
 * - a record or entry: its attributes once per object/list, members once per workspace when an actor value
 *   needs a name, and one `records/query` per referenced object for the page's record references (batched)
 * - a record's "List entries" / "Notes": 1 each
 * - a task group: 1 (`GET /v2/tasks`, "All open" and "Overdue" share it) + members once per workspace
 */
import { entryParentTitles, recordTitle } from '../attio';
import type {
  AttioAttribute,
  AttioClient,
  AttioEntry,
  AttioList,
  AttioMember,
  AttioNote,
  AttioObject,
  AttioRecord,
  AttioTask,
  AttioValues,
  CreateTaskInput,
  ListTasksOptions,
  Page,
  SearchResult,
} from '../attio';
import { LoadCache, type Loaded } from './cache';
import type { TreeConfig } from './config';
import { actorName, currentValues, humanize, isOverdue, parseTime, renderValue, type AnyValue, type RenderContext } from './format';

// ---------------------------------------------------------------------------------------------------------
// What the model needs from the client (a structural subset of AttioClient) and from the session
// ---------------------------------------------------------------------------------------------------------

export type ListTasksParams = ListTasksOptions;
export type CreateTaskParams = CreateTaskInput;

/** The part of the client the trees use. */
export type TreeClient = Pick<
  AttioClient,
  | 'listObjects'
  | 'listAttributes'
  | 'queryRecords'
  | 'getRecord'
  | 'searchRecords'
  | 'listRecordEntries'
  | 'listLists'
  | 'queryEntries'
  | 'getEntry'
  | 'listTasks'
  | 'getTask'
  | 'createTask'
  | 'updateTask'
  | 'listMembers'
  | 'listNotes'
>;

export interface ModelSession {
  workspaceName: string;
  workspaceSlug: string;
  memberId: string | null;
}

export interface ModelConnection {
  /** Changes when the workspace, token or base URL changes. */
  key: string;
  session: ModelSession;
  client: TreeClient;
}

export interface ModelDeps {
  connection: () => ModelConnection | undefined;
  config: () => Pick<TreeConfig, 'cacheTtlMs' | 'pageSize'>;
  now?: () => number;
  locale?: string;
  timeZone?: string;
  log?: { debug(m: string): void; warn(m: string): void };
}

// ---------------------------------------------------------------------------------------------------------
// What the model hands to the tree
// ---------------------------------------------------------------------------------------------------------

export const STANDARD_OBJECTS: readonly string[] = ['people', 'companies', 'deals', 'users', 'workspaces'];

export interface Paged<T> {
  items: T[];
  hasMore: boolean;
  stale?: { error: unknown };
  /** A later page ("Load more") failed: `items` holds the pages before it and `hasMore` is true, so "Load more" retries. */
  moreError?: { error: unknown };
}

export interface RecordRef {
  object: string;
  id: string;
  title: string;
}

/** One attribute of a record or entry with its current values rendered. */
export interface ValueRow {
  slug: string;
  title: string;
  type: string;
  values: AnyValue[];
  texts: string[];
  /** Record references among the values, with their titles. */
  refs: RecordRef[];
}

export interface EntryItem {
  entry: AttioEntry;
  title: string;
}

export interface RecordEntryItem {
  listId: string;
  listName: string;
  entryId: string;
  parentObject?: string;
}

export type TaskGroupId = 'mine' | 'allOpen' | 'overdue' | 'completed';

export const TASK_GROUPS: Readonly<Record<TaskGroupId, string>> = {
  mine: 'My open tasks',
  allOpen: 'All open',
  overdue: 'Overdue',
  completed: 'Completed (recent)',
};

/** What changed, so the provider can refresh only the affected nodes. */
export type ModelChange = { kind: 'all' } | { kind: 'tasks'; groups: TaskGroupId[] } | { kind: 'objectCount'; object: string };

type Listener = (c: ModelChange) => void;

const COMPLETED_RECENT = 50;
const TASKS_LIMIT = 500;

function itemsOf<T>(r: Page<T> | T[]): T[] {
  return Array.isArray(r) ? r : r.items;
}

export class TreeModel {
  readonly cache: LoadCache;
  private readonly listeners = new Set<Listener>();
  private connKey = '';
  /** "object:recordId" → title, filled by every record the model sees. */
  private readonly titles = new Map<string, string>();
  /** Records and entries seen, by id (for record/entry expansion and detail documents). */
  private readonly recordIndex = new Map<string, { record: AttioRecord; object: string; pageKey: string }>();
  private readonly entryIndex = new Map<string, { entry: AttioEntry; pageKey: string }>();
  /** How many pages the user has loaded per paged key. */
  private readonly pagesShown = new Map<string, number>();
  private readonly counts = new Map<string, number>();
  private readonly now: () => number;

  constructor(private readonly deps: ModelDeps) {
    this.now = deps.now ?? Date.now;
    this.cache = new LoadCache({ ttlMs: () => deps.config().cacheTtlMs, now: this.now });
  }

  onDidChange(listener: Listener): { dispose(): void } {
    this.listeners.add(listener);
    return { dispose: () => this.listeners.delete(listener) };
  }

  private fire(c: ModelChange): void {
    for (const l of [...this.listeners]) l(c);
  }

  get session(): ModelSession | undefined {
    return this.conn()?.session;
  }

  get signedIn(): boolean {
    return !!this.deps.connection();
  }

  /** The active connection; clears everything when the workspace changed since the last call. */
  private conn(): ModelConnection | undefined {
    const c = this.deps.connection();
    const key = c?.key ?? '';
    if (key !== this.connKey) {
      this.connKey = key;
      this.resetAll();
    }
    return c;
  }

  private client(): TreeClient {
    const c = this.conn();
    if (!c) {
      const e = new Error('Not signed in to Attio');
      e.name = 'NotSignedIn';
      throw e;
    }
    return c.client;
  }

  private resetAll(): void {
    this.cache.clear();
    this.titles.clear();
    this.recordIndex.clear();
    this.entryIndex.clear();
    this.pagesShown.clear();
    this.counts.clear();
  }

  /** Workspace changed (or sign-out): drop every cache and abort loads in flight. */
  clear(): void {
    this.connKey = this.deps.connection()?.key ?? '';
    this.resetAll();
    this.fire({ kind: 'all' });
  }

  /** "Refresh": everything reloads on next use; old values stay for stale-while-error. `prefix` limits it to one view. */
  expire(prefixes?: string[]): void {
    if (!prefixes) this.cache.expire();
    else for (const p of prefixes) this.cache.expire(p);
  }

  /** Forgets one failed/expired key so the next expansion loads it again (the error node's "Retry"). */
  retry(key: string): void {
    this.cache.expire(key);
  }

  private get pageSize(): number {
    return this.deps.config().pageSize;
  }

  private renderContext(): RenderContext {
    const members = this.cache.peek<Map<string, AttioMember>>('members');
    return {
      locale: this.deps.locale,
      timeZone: this.deps.timeZone,
      memberName: id => memberDisplayName(members?.get(id)),
      recordTitle: (object, id) => this.titles.get(`${object}:${id}`),
    };
  }

  // -------------------------------------------------------------------------------------------------------
  // Objects and records
  // -------------------------------------------------------------------------------------------------------

  async objects(): Promise<Loaded<AttioObject[]>> {
    const client = this.client();
    return this.cache.get('objects', signal => client.listObjects(signal));
  }

  /** The object with this slug or id, when the objects list is loaded. */
  object(slugOrId: string): AttioObject | undefined {
    return this.cache.peek<AttioObject[]>('objects')?.find(o => o.api_slug === slugOrId || o.id.object_id === slugOrId);
  }

  /** Number of records of an object, known only once every page has been loaded (no request is spent on it). */
  recordCount(object: string): number | undefined {
    return this.counts.get(object);
  }

  recordTitle(record: AttioRecord, object: string): string {
    const attrs = STANDARD_OBJECTS.includes(object) ? undefined : this.cache.peek<AttioAttribute[]>(`attrs:objects:${object}`);
    return recordTitle(record, object, attrs);
  }

  /** Cached title of any record the model has seen. */
  titleOf(object: string, id: string): string | undefined {
    return this.titles.get(`${object}:${id}`);
  }

  private remember(record: AttioRecord, object: string, pageKey: string): void {
    this.recordIndex.set(record.id.record_id, { record, object, pageKey });
    this.titles.set(`${object}:${record.id.record_id}`, this.recordTitle(record, object));
    const objId = record.id.object_id;
    if (objId && objId !== object) this.titles.set(`${objId}:${record.id.record_id}`, this.titles.get(`${object}:${record.id.record_id}`)!);
  }

  /** The records of an object, as many pages as the user has loaded (one request per page not yet cached). */
  async records(object: string): Promise<Paged<AttioRecord>> {
    const client = this.client();
    const key = `records:${object}`;
    return this.paged(key, async (i, signal) => {
      const page = await client.queryRecords(object, { limit: this.pageSize, offset: i * this.pageSize }, signal);
      for (const r of page.items) this.remember(r, object, `${key}:${i}`);
      return page;
    }, (items, hasMore) => {
      if (!hasMore && this.counts.get(object) !== items.length) {
        this.counts.set(object, items.length);
        this.fire({ kind: 'objectCount', object });
      }
    }, (r: AttioRecord) => r.id.record_id);
  }

  /** Asks for one more page of a paged key next time it is listed. */
  loadMore(key: string): void {
    this.pagesShown.set(key, (this.pagesShown.get(key) ?? 1) + 1);
  }

  private async paged<T>(
    key: string,
    loadPage: (index: number, signal: AbortSignal) => Promise<Page<T>>,
    done: (items: T[], hasMore: boolean) => void,
    idOf: (t: T) => string,
  ): Promise<Paged<T>> {
    const shown = this.pagesShown.get(key) ?? 1;
    const results: Loaded<Page<T>>[] = [];
    let moreError: { error: unknown } | undefined;
    for (let i = 0; i < shown; i++) {
      let r: Loaded<Page<T>>;
      try {
        r = await this.cache.get(`${key}:${i}`, signal => loadPage(i, signal));
      } catch (error) {
        // A failed "Load more" keeps the pages already shown; the next "Load more" asks for this page again.
        if (i === 0 || isAbort(error)) throw error;
        this.pagesShown.set(key, i);
        moreError = { error };
        break;
      }
      results.push(r);
      if (!r.value.hasMore) break;
    }
    const seen = new Set<string>();
    const items: T[] = [];
    for (const r of results) for (const it of r.value.items) {
      const id = idOf(it);
      if (!seen.has(id)) {
        seen.add(id);
        items.push(it);
      }
    }
    const hasMore = !!moreError || results[results.length - 1].value.hasMore;
    const stale = results.find(r => r.stale)?.stale;
    done(items, hasMore);
    return { items, hasMore, ...(stale ? { stale } : {}), ...(moreError ? { moreError } : {}) };
  }

  async attributes(target: 'objects' | 'lists', id: string): Promise<AttioAttribute[]> {
    const client = this.client();
    const r = await this.cache.get(`attrs:${target}:${id}`, async signal => itemsOf(await client.listAttributes(target, id, { limit: 500, offset: 0, showArchived: false }, signal)));
    return r.value;
  }

  /** Workspace members by id (cached per workspace). */
  async members(): Promise<Map<string, AttioMember>> {
    const client = this.client();
    const r = await this.cache.get('members', async signal => new Map((await client.listMembers(signal)).map(m => [m.id.workspace_member_id, m])));
    return r.value;
  }

  /** Members sorted by name, for pickers. */
  async memberList(): Promise<AttioMember[]> {
    return [...(await this.members()).values()].filter(m => m.access_level !== 'suspended').sort((a, b) => memberDisplayName(a)!.localeCompare(memberDisplayName(b)!));
  }

  memberName(id: string): string | undefined {
    return memberDisplayName(this.cache.peek<Map<string, AttioMember>>('members')?.get(id));
  }

  /** A record, from what has been loaded or with one `GET`. */
  async record(object: string, id: string): Promise<AttioRecord> {
    const known = this.recordIndex.get(id);
    if (known) return known.record;
    const client = this.client();
    const r = await this.cache.get(`record:${object}:${id}`, signal => client.getRecord(object, id, signal));
    this.remember(r.value, object, `record:${object}:${id}`);
    return r.value;
  }

  /** The attribute values of a record, type-aware, with references and actors resolved. */
  async recordValues(object: string, id: string): Promise<ValueRow[]> {
    const record = await this.record(object, id);
    const attrs = await this.attributes('objects', object).catch(e => this.softFail<AttioAttribute[]>(e, []));
    const pageKey = this.recordIndex.get(id)?.pageKey ?? '';
    const siblings = [...this.recordIndex.values()].filter(r => r.pageKey === pageKey).map(r => r.record.values);
    return this.valueRows(record.values, attrs, siblings);
  }

  /** Rows for a record's or entry's values; resolves titles of references in `batch` (the page) at once. */
  private async valueRows(values: AttioValues, attrs: AttioAttribute[], batch: AttioValues[]): Promise<ValueRow[]> {
    await Promise.all([this.resolveRefs(batch.length ? batch : [values]), this.needsMembers([values]) ? this.members().catch(e => this.softFail(e, undefined)) : undefined]);
    const ctx = this.renderContext();
    const order = new Map(attrs.map((a, i) => [a.api_slug, i]));
    const titleOf = new Map(attrs.map(a => [a.api_slug, a.title]));
    const rows: ValueRow[] = [];
    for (const [slug, arr] of Object.entries(values)) {
      const current = currentValues(arr);
      if (!current.length) continue;
      const texts = current.map(v => renderValue(v, ctx)).filter(t => t !== '');
      if (!texts.length) continue;
      const refs: RecordRef[] = [];
      for (const v of current) {
        if (v.attribute_type !== 'record-reference') continue;
        const o = (v as { target_object?: string }).target_object ?? '';
        const rid = (v as { target_record_id?: string }).target_record_id ?? '';
        refs.push({ object: o, id: rid, title: ctx.recordTitle(o, rid) ?? rid });
      }
      rows.push({ slug, title: titleOf.get(slug) ?? humanize(slug), type: current[0].attribute_type, values: current, texts, refs });
    }
    rows.sort((a, b) => (order.get(a.slug) ?? 1e9) - (order.get(b.slug) ?? 1e9) || a.title.localeCompare(b.title));
    return rows;
  }

  private needsMembers(batch: AttioValues[]): boolean {
    for (const values of batch) for (const arr of Object.values(values)) for (const v of arr) {
      if (v.attribute_type === 'actor-reference' || v.attribute_type === 'interaction') return true;
    }
    return false;
  }

  /** Fetches titles of every record referenced from `batch` that is not known yet: one query per object. */
  private async resolveRefs(batch: AttioValues[]): Promise<void> {
    const wanted = new Map<string, Set<string>>();
    for (const values of batch) for (const arr of Object.values(values)) for (const v of currentValues(arr)) {
      if (v.attribute_type !== 'record-reference') continue;
      const o = (v as { target_object?: string }).target_object;
      const id = (v as { target_record_id?: string }).target_record_id;
      if (!o || !id || this.titles.has(`${o}:${id}`)) continue;
      let set = wanted.get(o);
      if (!set) wanted.set(o, (set = new Set()));
      set.add(id);
    }
    await this.fetchTitles(wanted);
  }

  /** Loads titles for `object → ids` (one `records/query` with `record_id $in` per object). Failures are soft. */
  async fetchTitles(wanted: Map<string, Set<string>>): Promise<void> {
    if (!wanted.size) return;
    const client = this.client();
    const signal = this.cache.signal;
    await Promise.all(
      [...wanted].map(async ([object, ids]) => {
        const list = [...ids];
        try {
          const page = await client.queryRecords(object, { filter: { record_id: { $in: list } }, limit: list.length, offset: 0 }, signal);
          for (const r of page.items) this.remember(r, object, `titles:${object}`);
        } catch (e) {
          this.softFail(e, undefined);
        }
      }),
    );
  }

  /** Where a record appears in lists (one request). */
  async recordEntries(object: string, id: string): Promise<Loaded<RecordEntryItem[]>> {
    const client = this.client();
    const r = await this.cache.get(`rentries:${object}:${id}`, async signal => itemsOf(await client.listRecordEntries(object, id, { limit: 100, offset: 0 }, signal)));
    const lists = this.cache.peek<AttioList[]>('lists');
    const value = r.value.map(e => {
      const list = lists?.find(l => l.id.list_id === e.list_id);
      return { listId: e.list_id, listName: list?.name ?? humanize(e.list_api_slug ?? e.list_id), entryId: e.entry_id, parentObject: object };
    });
    return { value, ...(r.stale ? { stale: r.stale } : {}) };
  }

  async notes(object: string, id: string): Promise<Loaded<AttioNote[]>> {
    const client = this.client();
    return this.cache.get(`notes:${object}:${id}`, async signal => itemsOf(await client.listNotes({ parentObject: object, parentRecordId: id, limit: 50, offset: 0 }, signal)));
  }

  /** A note from any loaded "Notes" expansion. */
  cachedNote(id: string): { note: AttioNote; object: string } | undefined {
    for (const key of this.cache.keys('notes:')) {
      const note = this.cache.peek<AttioNote[]>(key)?.find(n => n.id.note_id === id);
      if (note) return { note, object: key.split(':')[1] };
    }
    return undefined;
  }

  async search(query: string, objects: string[] | undefined, signal: AbortSignal): Promise<SearchResult[]> {
    const client = this.client();
    let slugs = objects;
    if (!slugs?.length) slugs = (await this.objects()).value.map(o => o.api_slug ?? o.id.object_id);
    const r = await client.searchRecords({ query: query.slice(0, 256), objects: slugs, limit: 25 }, anySignal(signal, this.cache.signal));
    const items = itemsOf(r);
    for (const it of items) this.titles.set(`${it.object_slug}:${it.id.record_id}`, it.record_text);
    return items;
  }

  // -------------------------------------------------------------------------------------------------------
  // Lists and entries
  // -------------------------------------------------------------------------------------------------------

  async lists(): Promise<Loaded<AttioList[]>> {
    const client = this.client();
    return this.cache.get('lists', signal => client.listLists(signal));
  }

  list(idOrSlug: string): AttioList | undefined {
    return this.cache.peek<AttioList[]>('lists')?.find(l => l.id.list_id === idOrSlug || l.api_slug === idOrSlug);
  }

  /** Entries of a list by their parent record's title: two requests per page (entries + parents' titles). */
  async entries(listId: string): Promise<Paged<EntryItem>> {
    const client = this.client();
    const key = `entries:${listId}`;
    const r = await this.paged<AttioEntry>(key, async (i, signal) => {
      const page = await client.queryEntries(listId, { limit: this.pageSize, offset: i * this.pageSize }, signal);
      const titles = await entryParentTitles(client, page.items, signal);
      for (const e of page.items) {
        this.entryIndex.set(e.id.entry_id, { entry: e, pageKey: `${key}:${i}` });
        const t = titles.get(e.parent_record_id);
        if (t) this.titles.set(`${e.parent_object}:${e.parent_record_id}`, t);
      }
      return page;
    }, () => undefined, e => e.id.entry_id);
    return {
      items: r.items.map(entry => ({ entry, title: this.titles.get(`${entry.parent_object}:${entry.parent_record_id}`) ?? 'Record not found' })),
      hasMore: r.hasMore,
      ...(r.stale ? { stale: r.stale } : {}),
      ...(r.moreError ? { moreError: r.moreError } : {}),
    };
  }

  async entry(listId: string, entryId: string): Promise<AttioEntry> {
    const known = this.entryIndex.get(entryId);
    if (known) return known.entry;
    const client = this.client();
    const r = await this.cache.get(`entry:${listId}:${entryId}`, signal => client.getEntry(listId, entryId, signal));
    this.entryIndex.set(entryId, { entry: r.value, pageKey: `entry:${listId}:${entryId}` });
    if (!this.titles.has(`${r.value.parent_object}:${r.value.parent_record_id}`)) {
      await this.fetchTitles(new Map([[r.value.parent_object, new Set([r.value.parent_record_id])]]));
    }
    return r.value;
  }

  entryTitle(entry: AttioEntry): string {
    return this.titles.get(`${entry.parent_object}:${entry.parent_record_id}`) ?? entry.parent_record_id;
  }

  /** An entry's list attribute values (status, stage, owner…). */
  async entryValues(listId: string, entryId: string): Promise<ValueRow[]> {
    const entry = await this.entry(listId, entryId);
    const attrs = await this.attributes('lists', listId).catch(e => this.softFail<AttioAttribute[]>(e, []));
    const pageKey = this.entryIndex.get(entryId)?.pageKey ?? '';
    const siblings = [...this.entryIndex.values()].filter(e => e.pageKey === pageKey).map(e => e.entry.entry_values);
    return this.valueRows(entry.entry_values, attrs, siblings);
  }

  // -------------------------------------------------------------------------------------------------------
  // Tasks
  // -------------------------------------------------------------------------------------------------------

  /** The groups shown: "My open tasks" only when the token's member is known. */
  taskGroups(): TaskGroupId[] {
    const me = this.session?.memberId;
    return me ? ['mine', 'allOpen', 'overdue', 'completed'] : ['allOpen', 'overdue', 'completed'];
  }

  private taskKey(group: TaskGroupId): string {
    return group === 'mine' ? 'tasks:mine' : group === 'completed' ? 'tasks:completed' : 'tasks:open';
  }

  /** Tasks of a group (one request; "All open" and "Overdue" share theirs), open ones by deadline. */
  async tasks(group: TaskGroupId): Promise<Loaded<AttioTask[]>> {
    const client = this.client();
    const me = this.session?.memberId ?? undefined;
    const key = this.taskKey(group);
    const [r] = await Promise.all([
      this.cache.get(key, async signal => {
        const params: ListTasksParams =
          group === 'mine'
            ? { assignee: me, isCompleted: false, limit: TASKS_LIMIT, offset: 0 }
            : group === 'completed'
              ? { isCompleted: true, sort: 'created_at:desc', limit: COMPLETED_RECENT, offset: 0 }
              : { isCompleted: false, limit: TASKS_LIMIT, offset: 0 };
        return itemsOf(await client.listTasks(params, signal));
      }),
      this.members().catch(e => this.softFail(e, undefined)),
    ]);
    const now = this.now();
    let value = r.value;
    if (group === 'overdue') value = value.filter(t => !t.is_completed && isOverdue(t.deadline_at, now));
    value = group === 'completed' ? sortCompleted(value) : sortByDeadline(value);
    return { value, ...(r.stale ? { stale: r.stale } : {}) };
  }

  /** Size of a task group from the cache (undefined until loaded). */
  taskCount(group: TaskGroupId): number | undefined {
    const list = this.cache.peek<AttioTask[]>(this.taskKey(group));
    if (!list) return undefined;
    const now = this.now();
    return group === 'overdue' ? list.filter(t => !t.is_completed && isOverdue(t.deadline_at, now)).length : list.length;
  }

  /** My open tasks past their deadline, from the cache (undefined until "My open tasks" has loaded). */
  myOverdueCount(): number | undefined {
    const mine = this.cache.peek<AttioTask[]>('tasks:mine');
    if (!mine) return undefined;
    const now = this.now();
    return mine.filter(t => !t.is_completed && isOverdue(t.deadline_at, now)).length;
  }

  /** Loads "My open tasks" (for the badge); resolves to the overdue count. */
  async loadMyOverdue(): Promise<number | undefined> {
    if (!this.session?.memberId) return undefined;
    await this.tasks('mine');
    return this.myOverdueCount();
  }

  /** A task from any loaded group, else one `GET`. */
  async task(id: string): Promise<AttioTask> {
    for (const k of ['tasks:mine', 'tasks:open', 'tasks:completed']) {
      const t = this.cache.peek<AttioTask[]>(k)?.find(x => x.id.task_id === id);
      if (t) return t;
    }
    const client = this.client();
    return (await this.cache.get(`task:${id}`, signal => client.getTask(id, signal))).value;
  }

  /** Titles of the records linked to these tasks (one query per object, only for unknown ones). */
  async taskLinks(tasks: readonly AttioTask[]): Promise<void> {
    const wanted = new Map<string, Set<string>>();
    for (const t of tasks) for (const l of t.linked_records) {
      if (this.titles.has(`${l.target_object_id}:${l.target_record_id}`)) continue;
      let set = wanted.get(l.target_object_id);
      if (!set) wanted.set(l.target_object_id, (set = new Set()));
      set.add(l.target_record_id);
    }
    await this.fetchTitles(wanted);
  }

  /** Object slug for an object id (task links carry object ids), when known. */
  objectSlug(idOrSlug: string): string {
    return this.object(idOrSlug)?.api_slug ?? idOrSlug;
  }

  linkedRecords(task: AttioTask): RecordRef[] {
    return task.linked_records.map(l => {
      const object = this.objectSlug(l.target_object_id);
      return {
        object,
        id: l.target_record_id,
        title: this.titles.get(`${l.target_object_id}:${l.target_record_id}`) ?? this.titles.get(`${object}:${l.target_record_id}`) ?? l.target_record_id,
      };
    });
  }

  assigneeNames(task: AttioTask): string[] {
    const ctx = this.renderContext();
    return task.assignees.map(a => actorName(a.referenced_actor_type ?? undefined, a.referenced_actor_id ?? undefined, ctx));
  }

  isMine(task: AttioTask): boolean {
    const me = this.session?.memberId;
    return !!me && task.assignees.some(a => a.referenced_actor_id === me);
  }

  /** Completes or reopens a task and updates every cached group in place (no reload). */
  async setTaskCompleted(id: string, done: boolean): Promise<AttioTask> {
    const client = this.client();
    const updated = await client.updateTask(id, { isCompleted: done });
    this.applyTask(updated);
    return updated;
  }

  async createTask(params: CreateTaskParams): Promise<AttioTask> {
    const client = this.client();
    const created = await client.createTask({ isCompleted: false, ...params });
    this.applyTask(created);
    return created;
  }

  /** Puts a task (new or changed) into the cached groups it belongs to and out of the others. */
  applyTask(task: AttioTask): void {
    const id = task.id.task_id;
    const place = (key: string, belongs: boolean, atFront: boolean): void => {
      this.cache.update<AttioTask[]>(key, list => {
        const rest = list.filter(t => t.id.task_id !== id);
        if (!belongs) return rest;
        const i = list.findIndex(t => t.id.task_id === id);
        if (i >= 0) {
          const copy = [...list];
          copy[i] = task;
          return copy;
        }
        return atFront ? [task, ...rest] : [...rest, task];
      });
    };
    place('tasks:mine', !task.is_completed && this.isMine(task), false);
    place('tasks:open', !task.is_completed, false);
    place('tasks:completed', task.is_completed, true);
    if (this.cache.peek(`task:${id}`)) this.cache.set(`task:${id}`, task);
    const groups: TaskGroupId[] = ['allOpen', 'overdue', 'completed'];
    if (this.session?.memberId) groups.unshift('mine');
    this.fire({ kind: 'tasks', groups });
  }

  // -------------------------------------------------------------------------------------------------------

  /** Logs and swallows a failure of something optional (titles, names); cancellation still propagates. */
  private softFail<T>(e: unknown, fallback: T): T {
    if (isAbort(e)) throw e;
    this.deps.log?.warn(`optional lookup failed: ${e instanceof Error ? e.message : String(e)}`);
    return fallback;
  }

  renderContextForDetail(): RenderContext {
    return this.renderContext();
  }

  /** `web_url` of a record the model has seen. */
  recordUrl(id: string): string | undefined {
    return this.recordIndex.get(id)?.record.web_url ?? undefined;
  }

  /** Object slug of a loaded record. */
  objectOfRecord(id: string): string | undefined {
    return this.recordIndex.get(id)?.object;
  }
}

export function memberDisplayName(m: AttioMember | undefined): string | undefined {
  if (!m) return undefined;
  const name = [m.first_name, m.last_name].filter(Boolean).join(' ');
  return name || m.email_address || undefined;
}

function sortByDeadline(tasks: AttioTask[]): AttioTask[] {
  return [...tasks].sort((a, b) => (parseTime(a.deadline_at) ?? Infinity) - (parseTime(b.deadline_at) ?? Infinity));
}

function sortCompleted(tasks: AttioTask[]): AttioTask[] {
  const at = (t: AttioTask): number => parseTime(t.completed_at) ?? parseTime(t.created_at) ?? 0;
  return [...tasks].sort((a, b) => at(b) - at(a));
}

function isAbort(e: unknown): boolean {
  const name = (e as { name?: unknown } | null)?.name;
  return name === 'AbortError' || name === 'CancelledError';
}

/** A signal aborted when any of the given ones is. */
export function anySignal(...signals: AbortSignal[]): AbortSignal {
  const c = new AbortController();
  for (const s of signals) {
    if (s.aborted) {
      c.abort(s.reason);
      break;
    }
    s.addEventListener('abort', () => c.abort(s.reason), { once: true });
  }
  return c.signal;
}
