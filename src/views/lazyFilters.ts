/** The filter module (filterModule.ts), required on the first filter shown or built rather than at activation. */
import type * as FilterModule from './filterModule.lazy';

let loaded: typeof FilterModule | undefined;

export function filterModule(): typeof FilterModule {
  return (loaded ??= require('./filterModule.lazy') as typeof FilterModule);
}
