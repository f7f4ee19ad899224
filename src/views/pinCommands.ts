/** "Pin" and "Unpin" on a record: the ids at activation, the handlers in sidebarHandlers.ts. */
import type { CommandTable } from '../common/commands';
import { TreeCommands } from '../constants';
import type { SidebarViews } from './controller';
import { sidebarCommandTable } from './sidebarCommands';

/** Every command pinCommands handles (a unit test checks it against the handlers' table). */
export const PIN_COMMANDS = [TreeCommands.pinRecord, TreeCommands.unpinRecord] as const;

export function pinCommands(views: SidebarViews): CommandTable {
  return sidebarCommandTable(PIN_COMMANDS, (m, s) => m.pinCommands(views, s));
}
