/** Server-side record search (Attio's `records/search`), remembering the titles it returns. */
import type { SearchResult } from '../attio';
import { anySignal, itemsOf, type DataContext } from './context';
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
}
