/**
 * The Pinned section at the top of the Objects view: the records pinned in this workspace, loaded together (one
 * `records/query` per object, cached: titles follow Refresh and the TTL), each a full record node.
 */
import * as vscode from 'vscode';
import { ItemTags } from '../../constants';
import { Expanded, None, TreeNode, contextValue, ti, type NodeContext } from './treeNode';
import { RecordNode } from './objects';

export class PinnedSectionNode extends TreeNode {
  constructor(ctx: NodeContext) {
    super(ctx, undefined, 'pinned');
  }

  override treeItem(): vscode.TreeItem {
    return ti(vscode.l10n.t('Pinned'), Expanded, 'pinned', 'group', String(this.ctx.pins?.list().length ?? 0));
  }

  override children(): Promise<TreeNode[]> {
    const pins = this.ctx.pins?.list() ?? [];
    return this.load(
      vscode.l10n.t('Pinned records'),
      async () => ({ value: await this.ctx.data.records.getMany(pins) }),
      records =>
        pins.map((p, i) => {
          const r = records[i];
          return r ? new RecordNode(this.ctx, this, p.object, r) : new MissingPinNode(this.ctx, this, p);
        }),
    );
  }
}

/** A pinned record no longer in Attio (deleted or merged): its object and id (no name is kept), and Unpin. */
export class MissingPinNode extends TreeNode {
  constructor(ctx: NodeContext, parent: TreeNode, readonly pin: { object: string; id: string }) {
    super(ctx, parent, `gone:${pin.id}`);
  }

  override treeItem(): vscode.TreeItem {
    return ti(`${this.pin.object} · ${this.pin.id.slice(0, 8)}`, None, 'warning', contextValue('missingPin', ItemTags.pinned, ItemTags.id), vscode.l10n.t({ message: 'no longer in Attio', comment: 'deleted record' }));
  }

  override attioId(): string {
    return this.pin.id;
  }
}

/** The Objects view's first rows: the Pinned section when anything is pinned. */
export function pinnedRows(ctx: NodeContext): TreeNode[] {
  return ctx.pins?.list().length ? [new PinnedSectionNode(ctx)] : [];
}
