/** "Add Comment" on a record or a list entry (shown only when the token may write comments). */
import * as vscode from 'vscode';
import type { CommandTable } from '../common/commands';
import { TreeCommands } from '../constants';
import type { CommentTarget, WorkspaceData } from '../data';
import type { DetailDocuments } from '../detail/provider';
import type { SidebarViews } from './controller';
import { EntryNode } from './nodes/lists';
import { RecordEntryNode, RecordNode } from './nodes/objects';
import type { TreeNode } from './nodes/treeNode';

function targetOf(node: TreeNode | undefined): { target: CommentTarget; name: string } | undefined {
  if (node instanceof RecordNode) return { target: { object: node.object, recordId: node.record.id.record_id }, name: node.title };
  if (node instanceof EntryNode) return { target: { list: node.list.id.list_id, entryId: node.entry.id.entry_id }, name: vscode.l10n.t({ message: '{0} in {1}', args: [node.title, node.list.name], comment: '{0}: record, {1}: list' }) };
  if (node instanceof RecordEntryNode) return { target: { list: node.listId, entryId: node.entryId }, name: node.listName };
  return undefined;
}

export function commentCommands(views: SidebarViews, data: WorkspaceData, details: DetailDocuments): CommandTable {
  return {
    /** With a second argument (the text), adds it without asking. */
    [TreeCommands.addComment]: async (arg: unknown, given?: unknown) => {
      const node = views.nodeOf(arg);
      const t = targetOf(node);
      if (!node || !t) return;
      const text = typeof given === 'string' ? given : await vscode.window.showInputBox({ title: vscode.l10n.t('Comment on {0}', t.name), prompt: vscode.l10n.t('Plain text; it starts a new thread in Attio'), validateInput: s => (s.trim() ? undefined : vscode.l10n.t('Write something')) });
      if (!text?.trim()) return;
      await vscode.window.withProgress({ location: { viewId: node.viewId } }, () => data.comments.add(t.target, text.trim()));
      views.providerOf(node)?.refresh(node);
      details.refreshOpen();
      void vscode.window.setStatusBarMessage(`$(comment) ${vscode.l10n.t('Comment added')}`, 3000);
    },
  };
}
