/** Nodes every view shows under a record, entry or task: an attribute's values and a link to another record. */
import * as vscode from 'vscode';
import { ItemTags } from '../../constants';
import { clip, type RecordRef, type ValueRow } from '../../data';
import { detailUri } from '../../detail/uris';
import { objectIcon } from '../../ui/icons';
import { Collapsed, None, TreeNode, contextValue, openCmd, ti, tooltips, type NodeContext } from './treeNode';

const VALUE_ICONS: Record<string, string> = {
  'personal-name': 'person',
  'email-address': 'mail',
  'phone-number': 'device-mobile',
  domain: 'globe',
  currency: 'credit-card',
  date: 'calendar',
  timestamp: 'clock',
  status: 'circle-filled',
  select: 'tag',
  'record-reference': 'references',
  'actor-reference': 'account',
  location: 'location',
  checkbox: 'check',
  rating: 'star-empty',
  number: 'symbol-number',
  interaction: 'comment-discussion',
  text: 'symbol-text',
};

/** One attribute and its values; a reference opens the referenced record, several references expand. */
export class ValueNode extends TreeNode {
  constructor(ctx: NodeContext, parent: TreeNode, readonly row: ValueRow) {
    super(ctx, parent, `val:${row.slug}`);
  }

  override treeItem(): vscode.TreeItem {
    const one = this.detail();
    return ti(
      this.row.title,
      this.row.refs.length > 1 ? Collapsed : None,
      VALUE_ICONS[this.row.type] ?? 'symbol-field',
      contextValue('value', one ? ItemTags.detail : 'plain', ...(this.row.editable ? [ItemTags.editable] : [])),
      clip(this.row.texts.join(', '), 200),
      one && openCmd(one),
    );
  }

  override async children(): Promise<TreeNode[]> {
    return this.row.refs.length > 1 ? this.row.refs.map(r => new RefNode(this.ctx, this, r)) : [];
  }

  override tooltip(): vscode.MarkdownString {
    return tooltips().value(this.row);
  }

  override detail(): vscode.Uri | undefined {
    const ref = this.row.refs.length === 1 ? this.row.refs[0] : undefined;
    return ref ? detailUri({ kind: 'record', object: ref.object, id: ref.id, name: ref.title }) : undefined;
  }
}

/** A link to another record (task links, multi-valued references, an entry's parent). */
export class RefNode extends TreeNode {
  constructor(ctx: NodeContext, parent: TreeNode, readonly ref: RecordRef, private readonly prefix = '') {
    super(ctx, parent, `ref:${ref.object}:${ref.id}`);
  }

  override treeItem(): vscode.TreeItem {
    const obj = this.ctx.data.records.object(this.ref.object);
    return ti(this.prefix + this.ref.title, None, objectIcon(obj?.api_slug ?? this.ref.object), contextValue('ref', ItemTags.id, ItemTags.detail), obj?.singular_noun ?? this.ref.object, openCmd(this));
  }

  override attioId(): string {
    return this.ref.id;
  }

  override detail(): vscode.Uri {
    return detailUri({ kind: 'record', object: this.ref.object, id: this.ref.id, name: this.ref.title });
  }
}
