/**
 * How an object's or a list's node applies its kept filter: the query built from it (recordFilter.ts), the
 * filtered page through the data layer, and the fallback when Attio rejects the filter (an attribute removed or
 * renamed in Attio): the filter is dropped, the person told why, and the unfiltered list shown.
 */
import { AttioError } from '../../attio';
import type { PagedId, RecordFilter, RecordQuery } from '../../data';
import { filterModule } from '../lazyFilters';
import type { NodeContext } from './treeNode';

export type FilterTarget = 'objects' | 'lists';

/** What nodes read of the kept filters (views/filterStore.ts) and how they report one that no longer applies. */
export interface FilterLookup {
  get(target: FilterTarget, id: string): RecordFilter | undefined;
  /** Drops a filter Attio rejected (or that cannot be built) and says so, once. */
  invalid(target: FilterTarget, id: string, error: unknown): void;
}

/** True for a filter Attio rejects (`400 filter_error`) or one that cannot be built here. */
export function isInvalidFilter(e: unknown): boolean {
  return (e instanceof Error && e.name === 'FilterBuildError') || (e instanceof AttioError && e.status === 400 && (e.code === 'filter_error' || e.code === 'validation_type'));
}

export function activeFilter(ctx: NodeContext, target: FilterTarget, id: string): RecordFilter | undefined {
  return ctx.filters?.get(target, id);
}

/** The node's description with a filter: what is active. */
export function filterDescription(ctx: NodeContext, target: FilterTarget, id: string): string | undefined {
  const f = activeFilter(ctx, target, id);
  return f ? filterModule().describeFilter(f) : undefined;
}

/**
 * Loads a collection with its kept filter (one request per page, as unfiltered); a rejected filter is dropped and
 * the unfiltered collection loaded instead. Returns the paged id "Load more" uses (it carries the query).
 */
export async function loadFiltered<R extends { hasMore: boolean }>(
  ctx: NodeContext,
  target: FilterTarget,
  id: string,
  paged: PagedId,
  run: (q: RecordQuery | undefined) => Promise<R>,
): Promise<{ result: R; paged: PagedId; filtered: boolean }> {
  const f = activeFilter(ctx, target, id);
  if (f) {
    try {
      const q = filterModule().buildQuery(f, { now: ctx.now(), memberId: ctx.data.session?.memberId });
      return { result: await run(q), paged: { ...paged, query: q.key }, filtered: true };
    } catch (e) {
      if (!isInvalidFilter(e)) throw e;
      ctx.filters?.invalid(target, id, e);
    }
  }
  return { result: await run(undefined), paged, filtered: false };
}
