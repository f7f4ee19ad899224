/** The filter module (filterModule.ts), loaded on the first filter shown or built rather than at activation. */
import { lazyModule } from '../platform';
import type * as FilterModule from './filterModule.lazy';

export const filterModule = lazyModule<typeof FilterModule>('filterModule.lazy', () => require('./filterModule.lazy'));
