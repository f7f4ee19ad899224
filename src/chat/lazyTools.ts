/** The tool implementations, loaded on the first tool invocation rather than at activation (see chatTools.lazy.ts). */
import { lazyModule } from '../platform';
import type * as Tools from './chatTools.lazy';

export const chatTools = lazyModule<typeof Tools>('chatTools.lazy', () => require('./chatTools.lazy'));
