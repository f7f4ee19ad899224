/** The report Markdown (reports.ts, pure) is loaded when Verify Connection or Show Scope Errors runs: dist/reports.js. */
import { lazyModule } from '../platform';
import type * as Reports from './reports.lazy';

export const reportsModule = lazyModule<typeof Reports>('reports.lazy', () => require('./reports.lazy'));
