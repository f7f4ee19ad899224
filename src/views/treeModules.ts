/**
 * The lazy modules that tree nodes call where they cannot wait (labels, descriptions, tooltips): the attribute texts,
 * the filter module, the renderer's inert Markdown, and for tooltips the tooltips' module. On Node each loads on its
 * first call; on the web a module must be read before it is called, so the sidebar loads them before it builds a level
 * or resolves a tooltip (provider.ts).
 */
import { renderModule } from '../detail/lazyRender';
import type { LazyModule } from '../platform';
import { filterModule } from './lazyFilters';
import { schemaText } from './nodes/attributes';
import { valueWording } from '../common/valueWords';
import { tooltips } from './nodes/tooltips';

function loading(modules: LazyModule<unknown>[]): Promise<unknown> | undefined {
  const missing = modules.filter(m => !m.ready);
  return missing.length ? Promise.all(missing.map(m => m.load())) : undefined;
}

/** Undefined when every module a level needs can be called (always on Node); else a promise that resolves once they can. */
export function treeModulesLoading(): Promise<unknown> | undefined {
  return loading([renderModule, filterModule, schemaText, valueWording]);
}

/** The same for resolving a tooltip: the modules of a level and the tooltips' module (read on the first tooltip). */
export function tooltipModulesLoading(): Promise<unknown> | undefined {
  return loading([renderModule, filterModule, schemaText, valueWording, tooltips]);
}
