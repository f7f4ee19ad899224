/** The report Markdown (reports.ts, pure) is required when Verify Connection or Show Scope Errors runs: dist/reports.js. */
import type * as Reports from './reports.lazy';

let loaded: typeof Reports | undefined;

export function reportsModule(): typeof Reports {
  return (loaded ??= require('./reports.lazy') as typeof Reports);
}
