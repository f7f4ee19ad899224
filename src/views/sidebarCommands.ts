/**
 * The sidebar's commands as activation sees them: their ids (registered at once) and the module that handles them
 * (sidebarHandlers.ts, lazy part `sidebar`), loaded on the first sidebar command (common/commands.ts `lazyCommandTable`).
 */
import { lazyCommandTable, type CommandTable } from '../common/commands';
import { Configuration } from '../common/config';
import { lazy } from '../platform';
import type * as Impl from './sidebarHandlers';
import { AttributesNode } from './nodes/attributes';
import { EntryNode, ListNode } from './nodes/lists';
import { RecordingNode } from './nodes/meetings';
import { ObjectNode, RecordEntryNode, RecordNode } from './nodes/objects';
import { MissingPinNode } from './nodes/pinned';
import { TaskNode } from './nodes/tasks';
import { ValueNode } from './nodes/values';
import { LoadMoreNode, MessageNode } from './nodes/treeNode';

const sidebarModule = lazy<typeof Impl>(() => require('./sidebarHandlers'));

/** The node classes and configuration every sidebar handler module gets. */
export const sidebarShared: Impl.SidebarShared = {
  nodes: { AttributesNode, EntryNode, ListNode, LoadMoreNode, MessageNode, MissingPinNode, ObjectNode, RecordEntryNode, RecordNode, RecordingNode, TaskNode, ValueNode },
  configuration: Configuration,
};

/** A table of `ids` whose handlers `build` makes from the loaded module on the first of them. */
export function sidebarCommandTable(ids: readonly string[], build: (m: typeof Impl, s: Impl.SidebarShared) => CommandTable): CommandTable {
  return lazyCommandTable(ids, async () => build(await sidebarModule.load(), sidebarShared));
}
