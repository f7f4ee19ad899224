/** The sidebar's tooltips (dist/tooltips.lazy.js), loaded when the first tooltip is resolved, not at activation. */
import { lazyModule } from '../../platform';
import type * as Tooltips from './tooltips.lazy';

export const tooltips = lazyModule<typeof Tooltips>('tooltips.lazy', () => require('./tooltips.lazy'));
