/** "Add Comment" on a record or a list entry: the id at activation, the handler in sidebarHandlers.ts. */
import type { CommandTable } from '../common/commands';
import { TreeCommands } from '../constants';
import type { WorkspaceData } from '../data';
import type { DetailDocuments } from '../detail/provider';
import type { SidebarViews } from './controller';
import { sidebarCommandTable } from './sidebarCommands';

/** Every command commentCommands handles (a unit test checks it against the handlers' table). */
export const COMMENT_COMMANDS = [TreeCommands.addComment] as const;

export function commentCommands(views: SidebarViews, data: WorkspaceData, details: DetailDocuments): CommandTable {
  return sidebarCommandTable(COMMENT_COMMANDS, (m, s) => m.commentCommands(views, data, details, s));
}
