/** The Lists view: lists, their entries (paged, by parent record title), an entry's values. */
import * as vscode from 'vscode';
import type { AttioEntry, AttioList } from '../../attio';
import { ItemTags } from '../../constants';
import { holdsStatus, type ApiItem, type PagedId } from '../../data';
import { detailUri } from '../../detail/uris';
import { objectIcon } from '../../ui/icons';
import { Collapsed, MessageNode, withSection, RootLoader, TreeNode, contextValue, openCmd, pagedNodes, ti, tooltips, type NodeContext } from './treeNode';
import { commentRows } from './comments';
import { filterDescription, loadFiltered } from './filters';
import { RefNode, ValueNode } from './values';
import { AttributesNode } from './attributes';
import { stageGroups, type StageGroupNode } from './stages';

export class ListsRoot {
  constructor(private readonly ctx: NodeContext) {}

  async children(): Promise<TreeNode[]> {
    return new RootLoader(this.ctx).run(vscode.l10n.t('Lists'), () => this.ctx.data.lists.lists(), lists =>
      lists.length ? lists.map(l => new ListNode(this.ctx, l)) : [new MessageNode(this.ctx, undefined, 'empty', vscode.l10n.t('No lists'))],
    );
  }
}

export class ListNode extends TreeNode {
  private attributes?: AttributesNode;

  constructor(ctx: NodeContext, readonly list: AttioList) {
    super(ctx, undefined, `list:${list.id.list_id}`);
  }

  get paged(): PagedId {
    return { kind: 'entries', list: this.list.id.list_id };
  }

  private parentLabel(): string {
    return this.list.parent_object.map(p => this.ctx.data.records.object(p)?.plural_noun ?? p).join(', ');
  }

  /** Whether the list has a stage (a status attribute): its attributes are cached, or its entries hold a status. */
  get hasStages(): boolean {
    return this.ctx.data.entryWrites.hasStages(this.list.id.list_id);
  }

  get groupedByStage(): boolean {
    return this.hasStages && !!this.ctx.stageGrouping?.has(this.list.id.list_id);
  }

  override treeItem(): vscode.TreeItem {
    const filter = filterDescription(this.ctx, 'lists', this.list.id.list_id);
    const stages = this.hasStages ? [this.groupedByStage ? ItemTags.grouped : ItemTags.stages] : [];
    const tags = [ItemTags.web, ItemTags.id, ItemTags.slug, ItemTags.json, ItemTags.filter, ItemTags.export, ...stages, ...(filter ? [ItemTags.filtered] : [])];
    return ti(this.list.name, Collapsed, 'list-unordered', contextValue('list', ...tags), filter ?? this.parentLabel());
  }

  override async children(): Promise<TreeNode[]> {
    this.attributes ??= new AttributesNode(this.ctx, this, 'lists', this.list.id.list_id);
    return withSection(this.attributes, await this.loadEntries());
  }

  private loadEntries(): Promise<TreeNode[]> {
    const id = this.list.id.list_id;
    const writes = this.ctx.data.entryWrites;
    return this.load(
      this.list.name,
      async () => {
        const hadStages = this.hasStages;
        // one request per expansion: the stage attribute is asked for only when the list is grouped by it
        const grouped = !!this.ctx.stageGrouping?.has(id);
        const [r, stage] = await Promise.all([
          loadFiltered(this.ctx, 'lists', id, this.paged, q => this.ctx.data.lists.entries(id, q)),
          grouped ? writes.stageAttribute(id).catch(() => undefined) : Promise.resolve(writes.cachedStageAttribute(id)),
        ]);
        writes.noteEntries(id, r.result.items.map(e => e.entry));
        // the item's menu (Group by Stage) depends on whether the list has a stage: known now
        if (this.hasStages !== hadStages) this.ctx.changed(this);
        const stages = stage && this.groupedByStage ? await writes.stages(id, stage) : undefined;
        return { value: { ...r, stage, stages }, ...(r.result.stale ? { stale: r.result.stale } : {}) };
      },
      r => {
        const entryNode = (parent: TreeNode, e: { entry: AttioEntry; title: string }) => new EntryNode(this.ctx, parent, this.list, e.entry, e.title);
        const nodes = pagedNodes(this.ctx, this, r.paged, r.result, e => entryNode(this, e), r.filtered ? vscode.l10n.t('No entries match the filter') : vscode.l10n.t('No entries'));
        if (!r.stage || !r.stages) return nodes;
        const groups: StageGroupNode[] = stageGroups(this.ctx, this, this.list, r.stage, r.stages, r.result.items, entryNode);
        return [...groups, ...nodes.filter(n => !(n instanceof EntryNode) && !(n instanceof MessageNode && n.kind === 'empty'))];
      },
    );
  }

  override tooltip(): vscode.MarkdownString {
    return tooltips().list(this.list, this.parentLabel(), this.ctx);
  }

  override attioId(): string {
    return this.list.id.list_id;
  }

  override apiSlug(): string {
    return this.list.api_slug;
  }

  override apiItem(): ApiItem {
    return { kind: 'list', list: this.list.id.list_id };
  }

  override webUrl(): string {
    return this.ctx.workspaceUrl();
  }
}

/** First status / select value of an entry (its stage), for the description. */
function entryStage(entry: AttioEntry): string | undefined {
  for (const arr of Object.values(entry.entry_values)) {
    const v = arr.find(x => x.active_until == null) as Record<string, unknown> | undefined;
    if (v?.attribute_type === 'status') return (v.status as { title?: string } | undefined)?.title;
  }
  for (const arr of Object.values(entry.entry_values)) {
    const v = arr.find(x => x.active_until == null) as Record<string, unknown> | undefined;
    if (v?.attribute_type === 'select') return (v.option as { title?: string } | undefined)?.title;
  }
  return undefined;
}

export class EntryNode extends TreeNode {
  constructor(ctx: NodeContext, parent: TreeNode, readonly list: AttioList, readonly entry: AttioEntry, readonly title: string) {
    super(ctx, parent, `entry:${entry.id.entry_id}`);
  }

  override treeItem(): vscode.TreeItem {
    const staged = this.ctx.data.entryWrites.hasStages(this.list.id.list_id) || holdsStatus(this.entry) ? [ItemTags.staged] : [];
    return ti(this.title, Collapsed, objectIcon(this.entry.parent_object), contextValue('entry', ItemTags.web, ItemTags.id, ItemTags.detail, ItemTags.json, ItemTags.listed, ...staged), entryStage(this.entry), openCmd(this));
  }

  override children(): Promise<TreeNode[]> {
    return this.load(
      vscode.l10n.t('Entry values'),
      async () => ({ value: await this.ctx.data.lists.valueRows(this.list.id.list_id, this.entry.id.entry_id) }),
      rows => [
        new RefNode(this.ctx, this, { object: this.entry.parent_object, id: this.entry.parent_record_id, title: this.title }, vscode.l10n.t({ message: 'Record: ', comment: 'prefix; keep the space' })),
        ...(rows.length ? rows.map(r => new ValueNode(this.ctx, this, r)) : [new MessageNode(this.ctx, this, 'empty', vscode.l10n.t('No values'))]),
        ...commentRows(this.ctx, this, { list: this.list.id.list_id, entryId: this.entry.id.entry_id }),
      ],
    );
  }

  override tooltip(): vscode.MarkdownString {
    return tooltips().entry(this.title, this.list.name, entryStage(this.entry), this.entry.created_at ?? undefined, this.ctx);
  }

  override attioId(): string {
    return this.entry.id.entry_id;
  }

  /** Entries have no web URL; the parent record's page shows its list entries. */
  override webUrl(): string {
    return this.ctx.data.records.url(this.entry.parent_record_id) ?? this.ctx.workspaceUrl();
  }

  override apiItem(): ApiItem {
    return { kind: 'entry', list: this.list.id.list_id, id: this.entry.id.entry_id };
  }

  override detail(): vscode.Uri {
    return detailUri({ kind: 'entry', list: this.list.id.list_id, id: this.entry.id.entry_id, name: this.title });
  }
}
