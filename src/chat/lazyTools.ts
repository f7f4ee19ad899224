/** The tool implementations, loaded on the first tool invocation rather than at activation (see chatTools.lazy.ts). */
import type * as Tools from './chatTools.lazy';

let loaded: typeof Tools | undefined;

export function chatTools(): typeof Tools {
  return (loaded ??= require('./chatTools.lazy') as typeof Tools);
}
