/**
 * How an object's or a list's node applies its kept filter: the query built from it (recordFilter.ts), the
 * filtered page through the data layer, and the fallback when Attio rejects the filter (an attribute removed or
 * renamed in Attio): the filter is dropped, the person told why, and the unfiltered list shown.
 */
import { AttioError } from '../../attio';
import type { PagedId, RecordFilter, RecordQuery } from '../../data';
import { lazy } from '../../platform';
import type * as FilterText from '../filterText';
import type * as RecordFilters from '../../data/recordFilter';
import type { FilterTarget, NodeContext } from './treeNode';

/** Building a query and reading a kept filter back (lazy part `sidebar`, loaded before the sidebar builds a level). */
export const recordFilters = lazy<typeof RecordFilters>(() => require('../../data/recordFilter'));
/** A filter's description in the display language (lazy part `sidebar`). */
const filterText = lazy<typeof FilterText>(() => require('../filterText'));

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
  return f ? filterText().describeFilter(f) : undefined;
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
      const q = recordFilters().buildQuery(f, { now: ctx.now(), memberId: ctx.data.session?.memberId });
      return { result: await run(q), paged: { ...paged, query: q.key }, filtered: true };
    } catch (e) {
      if (!isInvalidFilter(e)) throw e;
      ctx.filters?.invalid(target, id, e);
    }
  }
  return { result: await run(undefined), paged, filtered: false };
}
