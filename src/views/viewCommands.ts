/** The commands of the Objects, Lists and Tasks views and their items: ids at activation, handlers in sidebarHandlers.ts. */
import type { CommandTable } from '../common/commands';
import { Commands, DevCommands, TreeCommands } from '../constants';
import type { ViewCommandDeps } from './sidebarHandlers';
import { sidebarCommandTable } from './sidebarCommands';

export type { ViewCommandDeps } from './sidebarHandlers';

/** Every command viewCommands handles (a unit test checks it against the handlers' table). */
export const VIEW_COMMANDS = [
  Commands.refresh,
  TreeCommands.refreshObjects,
  TreeCommands.refreshLists,
  TreeCommands.refreshTasks,
  TreeCommands.loadMore,
  TreeCommands.retry,
  TreeCommands.openDetail,
  TreeCommands.openInAttio,
  TreeCommands.copyId,
  TreeCommands.copyUrl,
  TreeCommands.searchRecords,
  TreeCommands.searchInObject,
  DevCommands.showArchivedAttributes,
  TreeCommands.completeTask,
  TreeCommands.reopenTask,
  TreeCommands.createTask,
  TreeCommands.setTaskGrouping,
] as const;

export function viewCommands(deps: ViewCommandDeps): CommandTable {
  return sidebarCommandTable(VIEW_COMMANDS, (m, s) => m.viewCommands(deps, s));
}
