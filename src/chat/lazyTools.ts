/**
 * The tool implementations load on the first tool invocation instead of at activation: esbuild leaves
 * `require('./tools')` here as a run-time require of dist/chatTools.js (esbuild.js), so the main bundle stays small.
 */
import type * as Tools from './tools';

let loaded: typeof Tools | undefined;

export function chatTools(): typeof Tools {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return (loaded ??= require('./tools') as typeof Tools);
}
