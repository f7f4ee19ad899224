/** How many pages of each paged collection the user has asked for, and the merging of cached pages. */
import { isCancellation, type Page } from '../attio';
import type { Loaded } from './cache';
import { pagedIdKey, type CacheKey, type PagedId } from './keys';
import type { DataContext } from './context';

export interface Paged<T> {
  items: T[];
  hasMore: boolean;
  stale?: { error: unknown };
  /** A later page ("Load more") failed: `items` holds the pages before it and `hasMore` is true, so "Load more" retries. */
  moreError?: { error: unknown };
}

export class Pager {
  private readonly shown = new Map<string, number>();

  constructor(private readonly ctx: DataContext) {
    ctx.onReset(() => this.shown.clear());
  }

  /** Asks for one more page of a collection next time it is listed. */
  loadMore(id: PagedId): void {
    const k = pagedIdKey(id);
    this.shown.set(k, (this.shown.get(k) ?? 1) + 1);
  }

  /** Every page shown so far (one request per page not cached), de-duplicated by id. */
  async load<T>(id: PagedId, keyOf: (page: number) => CacheKey<Page<T>>, loadPage: (index: number, signal: AbortSignal) => Promise<Page<T>>, idOf: (t: T) => string): Promise<Paged<T>> {
    const k = pagedIdKey(id);
    const shown = this.shown.get(k) ?? 1;
    const results: Loaded<Page<T>>[] = [];
    let moreError: { error: unknown } | undefined;
    for (let i = 0; i < shown; i++) {
      let r: Loaded<Page<T>>;
      try {
        r = await this.ctx.cache.get(keyOf(i), signal => loadPage(i, signal));
      } catch (error) {
        // A failed "Load more" keeps the pages already shown; the next "Load more" asks for this page again.
        if (i === 0 || isCancellation(error)) throw error;
        this.shown.set(k, i);
        moreError = { error };
        break;
      }
      results.push(r);
      if (!r.value.hasMore) break;
    }
    const seen = new Set<string>();
    const items: T[] = [];
    for (const r of results) for (const it of r.value.items) {
      const key = idOf(it);
      if (!seen.has(key)) {
        seen.add(key);
        items.push(it);
      }
    }
    const stale = results.find(r => r.stale)?.stale;
    const hasMore = !!moreError || results[results.length - 1].value.hasMore;
    return { items, hasMore, ...(stale ? { stale } : {}), ...(moreError ? { moreError } : {}) };
  }
}
