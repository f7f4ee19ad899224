/** "Filter…" and "Clear Filter" on an object or a list: ids at activation, handlers in sidebarHandlers.ts. */
import type { CommandTable } from '../common/commands';
import { TreeCommands } from '../constants';
import type { FilterCommandDeps } from './sidebarHandlers';
import { sidebarCommandTable } from './sidebarCommands';

export type { FilterCommandDeps } from './sidebarHandlers';

/** Every command filterCommands handles (a unit test checks it against the handlers' table). */
export const FILTER_COMMANDS = [TreeCommands.filter, TreeCommands.clearFilter] as const;

export function filterCommands(deps: FilterCommandDeps): CommandTable {
  return sidebarCommandTable(FILTER_COMMANDS, (m, s) => m.filterCommands(deps, s));
}
