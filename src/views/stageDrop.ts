/**
 * Drag and drop in the Lists view: an entry dragged onto another stage group (or onto an entry in it) moves to that
 * stage, 1 write per entry moved. Only entries of a list grouped by stage can be dragged, and only when the token may
 * write entries.
 */
import * as vscode from 'vscode';
import { Views } from '../constants';
import type { WorkspaceData } from '../data';
import type { ErrorView } from '../session/errorReporter';
import { EntryNode } from './nodes/lists';
import { StageGroupNode } from './nodes/stages';
import type { TreeNode } from './nodes/treeNode';

export const ENTRY_MIME = `application/vnd.code.tree.${Views.lists.toLowerCase()}`;

/**
 * The dragged entries: their nodes for a drop in this tree, and as text (what the workbench carries between the
 * extension host and the window, and what another drop target would read) their entry ids. A node cannot be turned
 * into JSON (it links its tree and the data layer): the default text of the item threw, and the drop never came.
 */
class DraggedEntries extends vscode.DataTransferItem {
  constructor(readonly entries: EntryNode[]) {
    super(entries);
  }

  override asString(): Thenable<string> {
    return Promise.resolve(JSON.stringify(this.entries.map(e => e.attioId())));
  }
}

export class StageDragAndDrop implements vscode.TreeDragAndDropController<TreeNode> {
  readonly dragMimeTypes = [ENTRY_MIME];
  readonly dropMimeTypes = [ENTRY_MIME];

  constructor(
    private readonly data: WorkspaceData,
    private readonly canWrite: () => boolean,
    private readonly describeError: (e: unknown, feature: string) => ErrorView,
  ) {}

  handleDrag(source: readonly TreeNode[], dataTransfer: vscode.DataTransfer): void {
    const entries = source.filter((n): n is EntryNode => n instanceof EntryNode && n.parent instanceof StageGroupNode);
    if (entries.length && this.canWrite()) dataTransfer.set(ENTRY_MIME, new DraggedEntries(entries));
  }

  async handleDrop(target: TreeNode | undefined, dataTransfer: vscode.DataTransfer, token: vscode.CancellationToken): Promise<void> {
    const group = target instanceof StageGroupNode ? target : target?.parent instanceof StageGroupNode ? target.parent : undefined;
    const value: unknown = dataTransfer.get(ENTRY_MIME)?.value;
    const dragged = Array.isArray(value) ? value.filter((n): n is EntryNode => n instanceof EntryNode) : undefined;
    if (!group?.status || !dragged?.length || !this.canWrite()) return;
    const status = group.status;
    for (const node of dragged) {
      if (token.isCancellationRequested) return;
      const from = node.parent instanceof StageGroupNode ? node.parent : undefined;
      if (!from || from.list.id.list_id !== group.list.id.list_id || from.status?.id.status_id === status.id.status_id) continue;
      try {
        await this.data.entryWrites.setStage(group.list.id.list_id, node.entry, group.attribute, status);
      } catch (e) {
        const view = this.describeError(e, vscode.l10n.t('Move to Stage'));
        if (view.kind !== 'cancelled') void vscode.window.showErrorMessage(vscode.l10n.t({ message: 'Attio: {0} stays in {1}: {2}', args: [node.title, from.status?.title ?? vscode.l10n.t('No stage'), view.message], comment: '{0}: record, {1}: stage, {2}: why' }));
        return;
      }
    }
  }
}
