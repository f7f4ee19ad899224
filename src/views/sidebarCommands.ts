/**
 * The sidebar's commands as activation sees them: their ids (registered at once) and the module that handles them
 * (dist/sidebarCommands.lazy.js), loaded on the first sidebar command (common/commands.ts `lazyCommandTable`).
 */
import { lazyCommandTable, type CommandTable } from '../common/commands';
import { Configuration } from '../common/config';
import { lazyModule } from '../platform';
import type * as Pickers from '../ui/pickers.lazy';
import type * as Impl from './sidebarCommands.lazy';
import { filterModule } from './lazyFilters';
import { AttributesNode } from './nodes/attributes';
import { EntryNode, ListNode } from './nodes/lists';
import { RecordingNode } from './nodes/meetings';
import { ObjectNode, RecordEntryNode, RecordNode } from './nodes/objects';
import { MissingPinNode } from './nodes/pinned';
import { TaskNode } from './nodes/tasks';
import { LoadMoreNode, MessageNode } from './nodes/treeNode';

const sidebarModule = lazyModule<typeof Impl>('sidebarCommands.lazy', () => require('./sidebarCommands.lazy'));

/** The record picker and task form load when a command first needs them (each call awaits the load). */
const pickersModule = lazyModule<typeof Pickers>('pickers.lazy', () => require('../ui/pickers.lazy'));

const shared: Impl.SidebarShared = {
  nodes: { AttributesNode, EntryNode, ListNode, LoadMoreNode, MessageNode, MissingPinNode, ObjectNode, RecordEntryNode, RecordNode, RecordingNode, TaskNode },
  pickers: {
    pickRecord: async (...a) => (await pickersModule.load()).pickRecord(...a),
    createTaskFlow: async (...a) => (await pickersModule.load()).createTaskFlow(...a),
  },
  configuration: Configuration,
  filterModule,
};

/** A table of `ids` whose handlers `build` makes from the loaded module on the first of them. */
export function sidebarCommandTable(ids: readonly string[], build: (m: typeof Impl, s: Impl.SidebarShared) => CommandTable): CommandTable {
  return lazyCommandTable(ids, async () => build(await sidebarModule.load(), shared));
}
