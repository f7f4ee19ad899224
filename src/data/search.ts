/** Server-side record search (Attio's `records/search`), remembering the titles it returns. */
import type { SearchResult } from '../attio';
import { anySignal, itemsOf, type DataContext } from './context';
import { Keys } from './keys';
import type { RecordsData } from './records';

export class SearchData {
  constructor(private readonly ctx: DataContext, private readonly records: RecordsData) {}

  /** Up to 25 matches in `objects` (default: every object; the objects list is cached). */
  async find(query: string, objects: string[] | undefined, signal: AbortSignal): Promise<SearchResult[]> {
    const client = this.ctx.client();
    let slugs = objects;
    if (!slugs?.length) slugs = (await this.records.objects()).value.map(o => o.api_slug ?? o.id.object_id);
    const r = await client.searchRecords({ query: query.slice(0, 256), objects: slugs, limit: 25 }, anySignal(signal, this.ctx.cache.signal));
    const items = itemsOf(r);
    for (const it of items) this.ctx.titles.set(it.object_slug, it.id.record_id, it.record_text);
    return items;
  }

  /** Like {@link find}, cached per query, objects and limit (for tools that repeat a question; the picker asks live). */
  async cached(query: string, objects: string[] | undefined, limit = 25): Promise<SearchResult[]> {
    const client = this.ctx.client();
    let slugs = objects;
    if (!slugs?.length) slugs = (await this.records.objects()).value.map(o => o.api_slug ?? o.id.object_id);
    const q = query.slice(0, 256);
    const n = Math.min(Math.max(1, limit), 25);
    const r = await this.ctx.cache.get(Keys.search(q, slugs, n), async signal => itemsOf(await client.searchRecords({ query: q, objects: slugs, limit: n }, signal)));
    for (const it of r.value) this.ctx.titles.set(it.object_slug, it.id.record_id, it.record_text);
    return r.value;
  }
}
