/**
 * Offset pagination.
 *
 * `hasMore` is exact: the client asks Attio for `limit + 1` items and trims the extra one, so a result that
 * ends exactly on a page boundary needs no extra empty request. Where an endpoint caps `limit` (notes 50,
 * search 25, record entries 1000) and the caller asks for the cap itself, the probe is impossible and
 * `hasMore` falls back to `items.length === limit` (at most one extra, empty page).
 */

export const DEFAULT_PAGE_SIZE = 50;

/**
 * Most pages a listing of "every item" fetches (100 pages of 500 attributes, or of 100 webhooks, is far beyond any
 * workspace): a server that keeps answering full pages is not followed for ever.
 */
export const MAX_PAGES = 100;

export interface Page<T> {
  items: T[];
  limit: number;
  offset: number;
  hasMore: boolean;
}

export type FetchPage<T> = (limit: number, offset: number) => Promise<Page<T>>;

/** Yields pages until one says `hasMore: false` (or comes back empty). */
export async function* pages<T>(fetchPage: FetchPage<T>, pageSize: number = DEFAULT_PAGE_SIZE, startOffset = 0): AsyncGenerator<Page<T>, void, undefined> {
  let offset = startOffset;
  for (;;) {
    const page = await fetchPage(pageSize, offset);
    yield page;
    if (!page.hasMore || page.items.length === 0) return;
    offset = page.offset + page.items.length;
  }
}

/** Yields every item of every page. */
export async function* allItems<T>(fetchPage: FetchPage<T>, pageSize: number = DEFAULT_PAGE_SIZE): AsyncGenerator<T, void, undefined> {
  for await (const page of pages(fetchPage, pageSize)) yield* page.items;
}

/** Collects every item into one array (convenience over {@link allItems}). */
export async function collectAll<T>(fetchPage: FetchPage<T>, pageSize: number = DEFAULT_PAGE_SIZE): Promise<T[]> {
  const out: T[] = [];
  for await (const page of pages(fetchPage, pageSize)) for (const item of page.items) out.push(item);
  return out;
}

/** How many items to request for a page of `limit`, given the endpoint's cap. */
export function probeLimit(limit: number, maxLimit?: number): number {
  return maxLimit !== undefined ? Math.min(limit + 1, maxLimit) : limit + 1;
}

/** Builds a Page from what the server returned for a request of {@link probeLimit}. */
export function toPage<T>(items: T[], limit: number, offset: number, requested: number): Page<T> {
  if (items.length > limit) return { items: items.slice(0, limit), limit, offset, hasMore: true };
  // No probe possible (requested === limit): fall back to "a full page may have a successor".
  return { items, limit, offset, hasMore: requested === limit && items.length === limit };
}
