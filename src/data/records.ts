/**
 * Objects, their attributes and records: paged lists, single records, values, list memberships and titles.
 *
 * Requests (first time; none again within the TTL): objects 1; a page of records 1; a record's values: its
 * object's attributes once, members once when an actor needs a name, one `records/query` per referenced object
 * for the page's references (batched); a record's list entries 1.
 */
import { recordTitle, type AttioAttribute, type AttioObject, type AttioRecord } from '../attio';
import { anySignal, itemsOf, type DataContext } from './context';
import { humanize, type ValueWords } from './format';
import { Keys } from './keys';
import type { Paged, Pager } from './paging';
import type { RecordQuery } from './recordFilter';
import type { WantedTitles } from './titles';
import type { MembersData } from './members';
import { ValueRows, type ValueRow } from './values';

export const STANDARD_OBJECTS: readonly string[] = ['people', 'companies', 'deals', 'users', 'workspaces'];

export interface RecordEntryItem {
  listId: string;
  listName: string;
  entryId: string;
  parentObject?: string;
}

export class RecordsData {
  /** Records seen, by id, with the page they came in (for batching reference titles). */
  private readonly seen = new Map<string, { record: AttioRecord; object: string; batch: string }>();
  private readonly counts = new Map<string, number>();
  /** Value rows of records and entries (their references' titles are looked up here). */
  readonly values: ValueRows;

  constructor(private readonly ctx: DataContext, private readonly pager: Pager, members: MembersData) {
    this.values = new ValueRows(ctx, members, wanted => this.fetchTitles(wanted));
    ctx.onReset(() => {
      this.seen.clear();
      this.counts.clear();
    });
  }

  async objects() {
    const client = this.ctx.client();
    return this.ctx.cache.get(Keys.objects(), signal => client.listObjects(signal));
  }

  /** The objects list when it is loaded (no request). */
  cachedObjects(): AttioObject[] | undefined {
    return this.ctx.cache.peek(Keys.objects());
  }

  /** The object with this slug or id, when the objects list is loaded. */
  object(slugOrId: string): AttioObject | undefined {
    return this.ctx.cache.peek(Keys.objects())?.find(o => o.api_slug === slugOrId || o.id.object_id === slugOrId);
  }

  /** Object slug for an object id (task links carry object ids), when known. */
  objectSlug(idOrSlug: string): string {
    return this.object(idOrSlug)?.api_slug ?? idOrSlug;
  }

  /** Number of records of an object, known only once every page has been loaded (no request is spent on it). */
  count(object: string): number | undefined {
    return this.counts.get(object);
  }

  title(record: AttioRecord, object: string): string {
    const attrs = STANDARD_OBJECTS.includes(object) ? undefined : this.ctx.cache.peek(Keys.attributes('objects', object));
    return recordTitle(record, object, attrs);
  }

  /** Cached title of any record seen. */
  titleOf(object: string, id: string): string | undefined {
    return this.ctx.titles.get(object, id);
  }

  private remember(record: AttioRecord, object: string, batch: string): void {
    const id = record.id.record_id;
    const title = this.title(record, object);
    this.seen.set(id, { record, object, batch });
    this.ctx.titles.set(object, id, title);
    const objId = record.id.object_id;
    if (objId && objId !== object) this.ctx.titles.set(objId, id, title);
  }

  /**
   * The records of an object, as many pages as the user has loaded (one request per page not yet cached); with a
   * query (recordFilter.ts), the filtered and sorted records, cached and paged apart from the unfiltered ones.
   */
  async list(object: string, query?: RecordQuery): Promise<Paged<AttioRecord>> {
    const client = this.ctx.client();
    const size = this.ctx.pageSize;
    const q = query?.filter || query?.sorts ? query : undefined;
    const r = await this.pager.load(
      { kind: 'records', object, ...(q ? { query: q.key } : {}) },
      i => (q ? Keys.filteredRecordsPage(object, q.key, i) : Keys.recordsPage(object, i)),
      async (i, signal) => {
        const page = await client.queryRecords(object, { ...(q?.filter ? { filter: q.filter } : {}), ...(q?.sorts ? { sorts: q.sorts } : {}), limit: size, offset: i * size }, signal);
        for (const rec of page.items) this.remember(rec, object, `${object}:${i}`);
        return page;
      },
      rec => rec.id.record_id,
    );
    if (!q && !r.hasMore && this.counts.get(object) !== r.items.length) {
      this.counts.set(object, r.items.length);
      this.ctx.changes.fire({ kind: 'objectCount', object });
    }
    return r;
  }

  async attributes(target: 'objects' | 'lists', id: string): Promise<AttioAttribute[]> {
    const client = this.ctx.client();
    const r = await this.ctx.cache.get(Keys.attributes(target, id), async signal => itemsOf(await client.listAttributes(target, id, { limit: 500, offset: 0, showArchived: false }, signal)));
    return r.value;
  }

  /** The attributes of an object when already loaded (no request). */
  cachedAttributes(object: string): AttioAttribute[] | undefined {
    return this.ctx.cache.peek(Keys.attributes('objects', object));
  }

  /**
   * A record, from what has been loaded or with one `GET`. `signal` lets a caller (a hover) cancel that request;
   * callers sharing the load in flight then see the cancellation too.
   */
  async get(object: string, id: string, signal?: AbortSignal): Promise<AttioRecord> {
    const known = this.seen.get(id);
    if (known) return known.record;
    const client = this.ctx.client();
    const r = await this.ctx.cache.get(Keys.record(object, id), s => client.getRecord(object, id, signal ? anySignal(s, signal) : s));
    this.remember(r.value, object, `record:${object}:${id}`);
    return r.value;
  }

  /**
   * Chosen records (pinned ones), in the order asked: one `records/query` (`record_id $in`) per object, cached like a
   * page (so titles follow Refresh and the TTL); a record no longer in Attio is `undefined`.
   */
  async getMany(refs: readonly { object: string; id: string }[]): Promise<(AttioRecord | undefined)[]> {
    const client = this.ctx.client();
    const byObject = new Map<string, string[]>();
    for (const r of refs) byObject.set(r.object, [...(byObject.get(r.object) ?? []), r.id]);
    const found = new Map<string, AttioRecord>();
    await Promise.all(
      [...byObject].map(async ([object, ids]) => {
        const sorted = [...new Set(ids)].sort();
        const r = await this.ctx.cache.get(Keys.recordsById(object, sorted.join(',')), signal => client.queryRecords(object, { filter: { record_id: { $in: sorted } }, limit: sorted.length, offset: 0 }, signal));
        for (const rec of r.value.items) {
          this.remember(rec, object, `pinned:${object}`);
          found.set(rec.id.record_id, rec);
        }
      }),
    );
    return refs.map(r => found.get(r.id));
  }

  /** The attribute values of a record, type-aware, with references and actors resolved; `words` overrides the people's words (chat tools: English). */
  async valueRows(object: string, id: string, words?: ValueWords): Promise<ValueRow[]> {
    const record = await this.get(object, id);
    const attrs = await this.attributes('objects', object).catch(e => this.ctx.softFail<AttioAttribute[]>(e, []));
    const batch = this.seen.get(id)?.batch ?? '';
    const siblings = [...this.seen.values()].filter(r => r.batch === batch).map(r => r.record.values);
    return this.values.build(record.values, attrs, siblings, words);
  }

  /**
   * Loads titles for `object → ids` (one `records/query` with `record_id $in` per object). Failures are soft;
   * `cancel` lets a caller (a hover) abort the queries.
   */
  async fetchTitles(wanted: WantedTitles, cancel?: AbortSignal): Promise<void> {
    if (!wanted.size) return;
    const client = this.ctx.client();
    const signal = cancel ? anySignal(this.ctx.cache.signal, cancel) : this.ctx.cache.signal;
    await Promise.all(
      [...wanted].map(async ([object, ids]) => {
        const list = [...ids];
        try {
          const page = await client.queryRecords(object, { filter: { record_id: { $in: list } }, limit: list.length, offset: 0 }, signal);
          for (const r of page.items) this.remember(r, object, `titles:${object}`);
        } catch (e) {
          this.ctx.softFail(e, undefined);
        }
      }),
    );
  }

  /** Where a record appears in lists (one request). */
  async entries(object: string, id: string) {
    const client = this.ctx.client();
    const r = await this.ctx.cache.get(Keys.recordEntries(object, id), async signal => itemsOf(await client.listRecordEntries(object, id, { limit: 100, offset: 0 }, signal)));
    const lists = this.ctx.cache.peek(Keys.lists());
    const value: RecordEntryItem[] = r.value.map(e => {
      const list = lists?.find(l => l.id.list_id === e.list_id);
      return { listId: e.list_id, listName: list?.name ?? humanize(e.list_api_slug ?? e.list_id), entryId: e.entry_id, parentObject: object };
    });
    return { value, ...(r.stale ? { stale: r.stale } : {}) };
  }

  /**
   * What Attio stored for a record (after a write): the record already cached takes its values (every page, the
   * tree node and the detail page hold that same object), its title follows.
   */
  stored(object: string, record: AttioRecord): void {
    const known = this.seen.get(record.id.record_id)?.record;
    if (known && known !== record) known.values = record.values;
    const target = known ?? record;
    this.ctx.cache.set(Keys.record(object, record.id.record_id), target);
    this.remember(target, object, this.seen.get(record.id.record_id)?.batch ?? `record:${object}:${record.id.record_id}`);
  }

  /** A record seen (in a page, a lookup or a `GET`), without a request. */
  peek(id: string): AttioRecord | undefined {
    return this.seen.get(id)?.record;
  }

  /** The object slug of a record id already loaded (records, search results, titles), without a request. */
  objectOf(id: string): string | undefined {
    return this.seen.get(id)?.object ?? this.ctx.titles.objectOf(id);
  }

  /** `web_url` of a record seen. */
  url(id: string): string | undefined {
    return this.seen.get(id)?.record.web_url ?? undefined;
  }
}
