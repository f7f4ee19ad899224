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
    if (entries.length && this.canWrite()) dataTransfer.set(ENTRY_MIME, new vscode.DataTransferItem(entries));
  }

  async handleDrop(target: TreeNode | undefined, dataTransfer: vscode.DataTransfer, token: vscode.CancellationToken): Promise<void> {
    const group = target instanceof StageGroupNode ? target : target?.parent instanceof StageGroupNode ? target.parent : undefined;
    const dragged = dataTransfer.get(ENTRY_MIME)?.value as EntryNode[] | undefined;
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
