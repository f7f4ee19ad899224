/**
 * The schema in the tree: an "Attributes" section under each object and list (loaded on expand: 1 request), every
 * attribute with its title, api slug, type and flags, and, under a select or status attribute, its options or
 * statuses (1 request, only when that attribute is expanded). Archived ones are shown only on request.
 */
import * as vscode from 'vscode';
import type { AttioAttribute, AttioSelectOption, AttioStatus } from '../../attio';
import { DevCommands, ItemTags } from '../../constants';
import type { ApiItem, SchemaTarget } from '../../data';
import { lazy } from '../../platform';
import type * as SchemaText from './schemaText';
import { Collapsed, MessageNode, None, TreeNode, contextValue, ti, tooltips, type NodeContext } from './treeNode';

/** Descriptions and tooltips (./schemaText.ts, lazy part `sidebar`), parsed on the first expansion, not at activation. */
export const schemaText = lazy<typeof SchemaText>(() => require('./schemaText'));

export class AttributesNode extends TreeNode {
  private archived = false;

  constructor(ctx: NodeContext, parent: TreeNode, readonly target: SchemaTarget, readonly parentId: string) {
    super(ctx, parent, 'attributes');
  }

  get showArchived(): boolean {
    return this.archived;
  }

  /** "Show archived attributes" / "Hide archived attributes". */
  toggleArchived(): void {
    this.archived = !this.archived;
  }

  override treeItem(): vscode.TreeItem {
    return ti(vscode.l10n.t('Attributes'), Collapsed, 'symbol-field', contextValue('attributes', ItemTags.json), this.archived ? vscode.l10n.t({ message: 'with archived', comment: 'shows archived too' }) : undefined);
  }

  override children(): Promise<TreeNode[]> {
    const schema = this.ctx.data.schema;
    return this.load(
      vscode.l10n.t('Attributes'),
      async () => ({ value: await (this.archived ? schema.attributesWithArchived(this.target, this.parentId) : schema.attributes(this.target, this.parentId)) }),
      attrs => [
        ...(attrs.length ? attrs.map(a => new AttributeNode(this.ctx, this, a)) : [new MessageNode(this.ctx, this, 'empty', vscode.l10n.t('No attributes'))]),
        new MessageNode(this.ctx, this, 'info', this.archived ? vscode.l10n.t('Hide archived attributes and options') : vscode.l10n.t('Show archived attributes and options'), {
          command: { command: DevCommands.showArchivedAttributes, title: vscode.l10n.t('Show Archived'), arguments: [this] },
        }),
      ],
    );
  }

  override apiItem(): ApiItem {
    return { kind: 'attributes', target: this.target, parent: this.parentId, ...(this.archived ? { archived: true } : {}) };
  }
}

export class AttributeNode extends TreeNode {
  constructor(ctx: NodeContext, readonly section: AttributesNode, readonly attribute: AttioAttribute) {
    super(ctx, section, `attr:${attribute.id.attribute_id}`);
  }

  private get choices(): 'select' | 'status' | undefined {
    const t = this.attribute.type;
    return t === 'select' || t === 'status' ? t : undefined;
  }

  override treeItem(): vscode.TreeItem {
    const a = this.attribute;
    const t = schemaText();
    const icon = a.is_archived ? new vscode.ThemeIcon(t.typeIcon(a.type), new vscode.ThemeColor('disabledForeground')) : t.typeIcon(a.type);
    return ti(a.title, this.choices ? Collapsed : None, icon, contextValue('attribute', ItemTags.id, ItemTags.slug, ItemTags.json), t.attributeDescription(a));
  }

  override children(): Promise<TreeNode[]> {
    const kind = this.choices;
    if (!kind) return Promise.resolve([]);
    const { target, parentId, showArchived } = this.section;
    const slug = this.attribute.api_slug;
    const schema = this.ctx.data.schema;
    return this.load(
      kind === 'status' ? vscode.l10n.t('Statuses') : vscode.l10n.t('Options'),
      async () => ({ value: kind === 'status' ? await schema.statuses(target, parentId, slug) : await schema.selectOptions(target, parentId, slug) }),
      (choices: (AttioSelectOption | AttioStatus)[]) => {
        const shown = choices.filter(c => showArchived || !c.is_archived);
        const hidden = choices.length - shown.length;
        const nodes: TreeNode[] = shown.map(c => new ChoiceNode(this.ctx, this, c));
        if (!nodes.length) nodes.push(new MessageNode(this.ctx, this, 'empty', kind === 'status' ? vscode.l10n.t('No statuses') : vscode.l10n.t('No options')));
        if (hidden) nodes.push(new MessageNode(this.ctx, this, 'info', hidden === 1 ? vscode.l10n.t('1 archived (Show archived in Attributes)') : vscode.l10n.t('{0} archived (Show archived in Attributes)', hidden)));
        return nodes;
      },
    );
  }

  override tooltip(): vscode.MarkdownString {
    return tooltips().md(schemaText().attributeTooltip(this.attribute));
  }

  override attioId(): string {
    return this.attribute.id.attribute_id;
  }

  override apiSlug(): string {
    return this.attribute.api_slug;
  }

  override apiItem(): ApiItem {
    return { kind: 'attribute', target: this.section.target, parent: this.section.parentId, attribute: this.attribute.api_slug };
  }
}

/** A select option or a status: its exact title (what the API expects) and its id. */
export class ChoiceNode extends TreeNode {
  constructor(ctx: NodeContext, parent: AttributeNode, readonly choice: AttioSelectOption | AttioStatus) {
    super(ctx, parent, `choice:${schemaText().choiceId(choice)}`);
  }

  override treeItem(): vscode.TreeItem {
    const description = [this.attioId(), ...(this.choice.is_archived ? [vscode.l10n.t({ message: 'archived', comment: 'option state' })] : [])].join(' · ');
    return ti(this.choice.title, None, 'status_id' in this.choice.id ? 'circle-large-outline' : 'tag', contextValue('option', ItemTags.id), description);
  }

  override tooltip(): vscode.MarkdownString {
    return tooltips().md(schemaText().choiceTooltip(this.choice));
  }

  override attioId(): string {
    return schemaText().choiceId(this.choice);
  }
}
