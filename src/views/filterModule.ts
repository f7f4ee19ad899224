/**
 * Everything about filters that runs only when someone filters: the pure filter module (building the query, the
 * description, reading a kept filter back) and the builder's quick picks. Bundled apart (dist/filters.js) and
 * required on first use through lazyFilters.ts, so activation does not parse it.
 */
export * from '../data/recordFilter';
export * from './filterText';
export { askFilter, buildFilter } from './filterBuilder';
