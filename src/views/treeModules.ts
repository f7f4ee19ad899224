/**
 * The lazy modules that tree nodes call where they cannot wait (labels, descriptions, tooltips): the attribute texts,
 * the filter module, the renderer's inert Markdown. On Node each loads on its first call; on the web a module must be
 * read before it is called, so the sidebar loads them before it builds a level or resolves a tooltip (provider.ts).
 */
import { renderModule } from '../detail/lazyRender';
import { filterModule } from './lazyFilters';
import { schemaText } from './nodes/attributes';
import { valueWording } from '../common/valueWords';

/** Undefined when every module can be called (always on Node); else a promise that resolves once they can. */
export function treeModulesLoading(): Promise<unknown> | undefined {
  const missing = [renderModule, filterModule, schemaText, valueWording].filter(m => !m.ready);
  return missing.length ? Promise.all(missing.map(m => m.load())) : undefined;
}
