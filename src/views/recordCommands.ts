/** "Edit…" and "New Record…": the ids at activation, the handlers in recordHandlers.ts (lazy part `records`). */
import { lazyCommandTable, type CommandTable } from '../common/commands';
import { RecordCommands } from '../constants';
import { lazy } from '../platform';
import type * as Impl from './recordHandlers';
import { sidebarShared } from './sidebarCommands';

const recordsModule = lazy<typeof Impl>(() => require('./recordHandlers'));

/** Every command recordCommands handles (a unit test checks it against the handlers' table). */
export const RECORD_COMMANDS = [RecordCommands.editValue, RecordCommands.newRecord] as const;

export function recordCommands(deps: Impl.RecordCommandDeps): CommandTable {
  return lazyCommandTable(RECORD_COMMANDS, async () => (await recordsModule.load()).recordCommands(deps, sidebarShared));
}
