/** "Filter…" and "Clear Filter" on an object or a list (and on a record, for its object). */
import * as vscode from 'vscode';
import type { CommandTable } from '../common/commands';
import type { Logger } from '../common/log';
import { TreeCommands } from '../constants';
import type { WorkspaceData } from '../data';
import type { ErrorView } from '../session/errorReporter';
import type { SidebarViews } from './controller';
import { filterModule } from './lazyFilters';
import type { FilterTarget } from './nodes/filters';
import { ListNode } from './nodes/lists';
import { ObjectNode, RecordNode } from './nodes/objects';
import type { TreeNode } from './nodes/treeNode';

export interface FilterCommandDeps {
  views: SidebarViews;
  data: WorkspaceData;
  describeError: (e: unknown, feature: string) => ErrorView;
  log: Logger;
}

function targetOf(node: TreeNode | undefined): { node: ObjectNode | ListNode; target: FilterTarget; id: string; name: string } | undefined {
  if (node instanceof RecordNode && node.parent instanceof ObjectNode) node = node.parent;
  if (node instanceof ObjectNode) return { node, target: 'objects', id: node.slug, name: node.object.plural_noun ?? node.slug };
  if (node instanceof ListNode) return { node, target: 'lists', id: node.list.id.list_id, name: node.list.name };
  return undefined;
}

export function filterCommands({ views, data, describeError, log }: FilterCommandDeps): CommandTable {
  return {
    /** With a second argument (a filter, as recordFilter.ts defines it), applies it without asking. */
    [TreeCommands.filter]: async (arg: unknown, given?: unknown) => {
      const t = targetOf(views.nodeOf(arg));
      if (!t || !views.filters) return;
      await filterModule.load();
      let next = given === undefined ? undefined : filterModule().parseRecordFilter(given);
      if (given !== undefined && !next) throw new Error(vscode.l10n.t('That is not a filter this version understands'));
      if (!next) {
        next = await filterModule().askFilter(data, t.target, t.id, t.name, views.filters.get(t.target, t.id), describeError, log);
        if (!next) return;
      }
      await views.filters.set(t.target, t.id, next);
      await views.providerOf(t.node)?.view.reveal(t.node, { expand: true }).then(undefined, () => undefined);
    },
    [TreeCommands.clearFilter]: async (arg: unknown) => {
      const t = targetOf(views.nodeOf(arg));
      if (t && views.filters) await views.filters.set(t.target, t.id, undefined);
      void vscode.window.setStatusBarMessage(`$(clear-all) ${vscode.l10n.t('Filter cleared')}`, 3000);
    },
  };
}
