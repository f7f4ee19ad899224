/**
 * zod and the response schemas load on the first request instead of at activation: esbuild makes './schemas' a
 * bundle of its own (dist/schemas.js; in the browser read when first needed). The transport loads it
 * before it sends (so `schemas()` works from then on); types come from './schemas' directly.
 */
import { lazyModule } from '../platform';
import type * as Schemas from './schemas';

export const schemas = lazyModule<typeof Schemas>('schemas', () => require('./schemas'));
