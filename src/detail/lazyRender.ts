/**
 * The detail renderer (render.ts and what only it uses: comment threads, meetings) is required when the first detail
 * document opens rather than at activation: it is bundled apart (dist/render.lazy.js) and holds no state of its own (it
 * reads the data layer passed in).
 */
import type * as Render from './render.lazy';

let loaded: typeof Render | undefined;

export function renderModule(): typeof Render {
  return (loaded ??= require('./render.lazy') as typeof Render);
}
