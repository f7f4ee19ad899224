/** The commands that change lists and export tables: the ids at activation, the handlers in listHandlers.ts. */
import type { CommandArguments, CommandTable } from '../common/commands';
import { TreeCommands } from '../constants';
import type { WorkspaceData } from '../data';
import type { DetailDocuments } from '../detail/provider';
import type { SidebarViews } from './controller';
import { sidebarCommandTable } from './sidebarCommands';

/** Every command listCommands handles (a unit test checks it against the handlers' table). */
export const LIST_COMMANDS = [TreeCommands.addToList, TreeCommands.moveToStage, TreeCommands.removeFromList, TreeCommands.groupByStage, TreeCommands.ungroupByStage, TreeCommands.export] as const;

export function listCommands(deps: { views: SidebarViews; data: WorkspaceData; details: DetailDocuments; args: CommandArguments }): CommandTable {
  return sidebarCommandTable(LIST_COMMANDS, (m, s) => m.listCommands(deps, s));
}
