/**
 * zod and the response schemas load on the first validation instead of at activation: the bundler wraps a
 * `require`d module (and zod under it) in a lazy initialiser, which keeps the extension's activation cheap.
 * Everything that needs a schema at run time goes through `schemas()`; types come from './schemas' directly.
 */
import type * as Schemas from './schemas';

let loaded: typeof Schemas | undefined;

export function schemas(): typeof Schemas {
  return (loaded ??= require('./schemas') as typeof Schemas);
}
