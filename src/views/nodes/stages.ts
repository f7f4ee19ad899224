/** A list's entries grouped by stage (its status attribute): one group per stage, in Attio's order, then "No stage". */
import * as vscode from 'vscode';
import type { AttioAttribute, AttioEntry, AttioList, AttioStatus } from '../../attio';
import type { EntryItem } from '../../data';
import { Expanded, MessageNode, TreeNode, contextValue, ti, type NodeContext } from './treeNode';

/** The status id of an entry's current stage. */
export function entryStageId(entry: AttioEntry, attribute: AttioAttribute): string | undefined {
  const v = entry.entry_values[attribute.api_slug]?.find(x => x.active_until == null) as { status?: { id?: { status_id?: string } } } | undefined;
  return v?.status?.id?.status_id;
}

export class StageGroupNode extends TreeNode {
  readonly entries: EntryItem[] = [];

  /** `status` undefined: the entries with no stage. */
  constructor(
    ctx: NodeContext,
    parent: TreeNode,
    readonly list: AttioList,
    readonly attribute: AttioAttribute,
    readonly status: AttioStatus | undefined,
    private readonly build: (group: StageGroupNode, item: EntryItem) => TreeNode,
  ) {
    super(ctx, parent, `stage:${status?.id.status_id ?? 'none'}`);
  }

  override treeItem(): vscode.TreeItem {
    const label = this.status?.title ?? vscode.l10n.t('No stage');
    return ti(label, Expanded, 'symbol-enum', contextValue('stage'), String(this.entries.length));
  }

  override async children(): Promise<TreeNode[]> {
    return this.entries.length ? this.entries.map(e => this.build(this, e)) : [new MessageNode(this.ctx, this, 'empty', vscode.l10n.t('No entries in this stage'))];
  }
}

/** Every stage as a group (empty ones too: they are drop targets), the entries in theirs; "No stage" only when used. */
export function stageGroups(
  ctx: NodeContext,
  parent: TreeNode,
  list: AttioList,
  attribute: AttioAttribute,
  stages: AttioStatus[],
  items: EntryItem[],
  build: (group: StageGroupNode, item: EntryItem) => TreeNode,
): StageGroupNode[] {
  const groups = new Map(stages.map(s => [s.id.status_id, new StageGroupNode(ctx, parent, list, attribute, s, build)]));
  const none = new StageGroupNode(ctx, parent, list, attribute, undefined, build);
  for (const item of items) (groups.get(entryStageId(item.entry, attribute) ?? '') ?? none).entries.push(item);
  return [...groups.values(), ...(none.entries.length ? [none] : [])];
}
