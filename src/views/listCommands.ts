/** The commands that change lists and export tables: the ids at activation, the handlers in listHandlers.ts. */
import { lazyCommandTable, type CommandArguments, type CommandTable } from '../common/commands';
import { TreeCommands } from '../constants';
import type { WorkspaceData } from '../data';
import type { DetailDocuments } from '../detail/provider';
import type { SidebarViews } from './controller';
import { lazy } from '../platform';
import type * as Impl from './listHandlers';
import { sidebarShared } from './sidebarCommands';

const listModule = lazy<typeof Impl>(() => require('./listHandlers'));

/** Every command listCommands handles (a unit test checks it against the handlers' table). */
export const LIST_COMMANDS = [TreeCommands.addToList, TreeCommands.moveToStage, TreeCommands.removeFromList, TreeCommands.groupByStage, TreeCommands.ungroupByStage, TreeCommands.export] as const;

export function listCommands(deps: { views: SidebarViews; data: WorkspaceData; details: DetailDocuments; args: CommandArguments }): CommandTable {
  return lazyCommandTable(LIST_COMMANDS, async () => (await listModule.load()).listCommands(deps, sidebarShared));
}
