/**
 * The detail renderer (render.ts and what only it uses: comment threads, meetings) is loaded when the first detail
 * document opens rather than at activation: it is bundled apart (dist/render.lazy.js) and holds no state of its own (it
 * reads the data layer passed in). Tree tooltips call it directly once the sidebar has loaded it (views/treeModules.ts).
 */
import { lazyModule } from '../platform';
import type * as Render from './render.lazy';

export const renderModule = lazyModule<typeof Render>('render.lazy', () => require('./render.lazy'));
