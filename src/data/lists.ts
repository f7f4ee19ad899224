/**
 * Lists and their entries. A page of entries costs 2 requests: the entries, and one `records/query` per parent
 * object for the parents' titles (entries carry no title of their own).
 */
import { entryParentTitles, type AttioAttribute, type AttioEntry, type AttioList } from '../attio';
import type { DataContext } from './context';
import type { ValueWords } from './format';
import { Keys } from './keys';
import type { Paged, Pager } from './paging';
import type { RecordQuery } from './recordFilter';
import type { RecordsData } from './records';
import type { ValueRow } from './values';

export interface EntryItem {
  entry: AttioEntry;
  title: string;
}

export class ListsData {
  private readonly seen = new Map<string, { entry: AttioEntry; batch: string }>();
  /** Entries being removed (or removed, until their pages reload): left out of every listing. */
  private readonly hidden = new Set<string>();

  constructor(private readonly ctx: DataContext, private readonly pager: Pager, private readonly records: RecordsData) {
    ctx.onReset(() => {
      this.seen.clear();
      this.hidden.clear();
    });
  }

  /** Leaves an entry out of the listings (`false`: shows it again). */
  hide(entryId: string, hidden = true): void {
    if (hidden) this.hidden.add(entryId);
    else this.hidden.delete(entryId);
  }

  async lists() {
    const client = this.ctx.client();
    return this.ctx.cache.get(Keys.lists(), signal => client.listLists(signal));
  }

  list(idOrSlug: string): AttioList | undefined {
    return this.ctx.cache.peek(Keys.lists())?.find(l => l.id.list_id === idOrSlug || l.api_slug === idOrSlug);
  }

  /** Entries of a list by their parent record's title, as many pages as the user has loaded; filtered and sorted with a query. */
  async entries(listId: string, query?: RecordQuery): Promise<Paged<EntryItem>> {
    const client = this.ctx.client();
    const size = this.ctx.pageSize;
    const q = query?.filter || query?.sorts ? query : undefined;
    const r = await this.pager.load(
      { kind: 'entries', list: listId, ...(q ? { query: q.key } : {}) },
      i => (q ? Keys.filteredEntriesPage(listId, q.key, i) : Keys.entriesPage(listId, i)),
      async (i, signal) => {
        const page = await client.queryEntries(listId, { ...(q?.filter ? { filter: q.filter } : {}), ...(q?.sorts ? { sorts: q.sorts } : {}), limit: size, offset: i * size }, signal);
        const titles = await entryParentTitles(client, page.items, signal);
        for (const e of page.items) {
          this.seen.set(e.id.entry_id, { entry: e, batch: `${listId}:${i}` });
          const t = titles.get(e.parent_record_id);
          if (t) this.ctx.titles.set(e.parent_object, e.parent_record_id, t);
        }
        return page;
      },
      e => e.id.entry_id,
    );
    return {
      items: r.items.filter(entry => !this.hidden.has(entry.id.entry_id)).map(entry => ({ entry, title: this.ctx.titles.get(entry.parent_object, entry.parent_record_id) ?? this.ctx.words.recordNotFound })),
      hasMore: r.hasMore,
      ...(r.stale ? { stale: r.stale } : {}),
      ...(r.moreError ? { moreError: r.moreError } : {}),
    };
  }

  async entry(listId: string, entryId: string): Promise<AttioEntry> {
    const known = this.seen.get(entryId);
    if (known) return known.entry;
    const client = this.ctx.client();
    const r = await this.ctx.cache.get(Keys.entry(listId, entryId), signal => client.getEntry(listId, entryId, signal));
    const e = r.value;
    this.seen.set(entryId, { entry: e, batch: `entry:${listId}:${entryId}` });
    if (!this.ctx.titles.has(e.parent_object, e.parent_record_id)) await this.records.fetchTitles(new Map([[e.parent_object, new Set([e.parent_record_id])]]));
    return e;
  }

  entryTitle(entry: AttioEntry): string {
    return this.ctx.titles.get(entry.parent_object, entry.parent_record_id) ?? entry.parent_record_id;
  }

  /** An entry's list attribute values (status, stage, owner…); `words` overrides the people's words (chat tools: English). */
  async valueRows(listId: string, entryId: string, words?: ValueWords): Promise<ValueRow[]> {
    const entry = await this.entry(listId, entryId);
    const attrs = await this.records.attributes('lists', listId).catch(e => this.ctx.softFail<AttioAttribute[]>(e, []));
    const batch = this.seen.get(entryId)?.batch ?? '';
    const siblings = [...this.seen.values()].filter(e => e.batch === batch).map(e => e.entry.entry_values);
    return this.records.values.build(entry.entry_values, attrs, siblings, words);
  }
}
