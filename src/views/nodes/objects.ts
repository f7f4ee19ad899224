/** The Objects view: objects, their records (paged), a record's values, list entries and notes. */
import * as vscode from 'vscode';
import type { AttioNote, AttioObject, AttioRecord } from '../../attio';
import { ItemTags } from '../../constants';
import { formatTimestamp, type ApiItem, type PagedId } from '../../data';
import { renderModule } from '../../detail/provider';
import { detailUri } from '../../detail/uris';
import { objectIcon } from '../../ui/icons';
import { Collapsed, MessageNode, withSection, None, RootLoader, TreeNode, contextValue, openCmd, pagedNodes, ti, tooltips, type NodeContext } from './treeNode';
import { commentRows } from './comments';
import { meetingRows } from './meetings';
import { filterDescription, loadFiltered } from './filters';
import { ValueNode } from './values';
import { AttributesNode } from './attributes';
import { WebhooksNode } from './webhooks';

export class ObjectsRoot {
  private readonly nodes = new Map<string, ObjectNode>();

  /** `first`: rows above the objects (the Pinned section). */
  constructor(private readonly ctx: NodeContext, private readonly first: () => TreeNode[] = () => []) {}

  async children(): Promise<TreeNode[]> {
    return new RootLoader(this.ctx).run(vscode.l10n.t('Objects'), () => this.ctx.data.records.objects(), objects =>
      objects.length
        ? [...this.first(), ...objects.map(o => {
            const slug = o.api_slug ?? o.id.object_id;
            let node = this.nodes.get(slug);
            if (!node) this.nodes.set(slug, (node = new ObjectNode(this.ctx, o)));
            else node.object = o;
            return node;
          })]
        : [new MessageNode(this.ctx, undefined, 'empty', vscode.l10n.t('No objects'))],
    ).then(nodes => (this.ctx.data.webhooks.available ? [...nodes, (this.webhooks ??= new WebhooksNode(this.ctx))] : nodes));
  }

  private webhooks?: WebhooksNode;

  node(slug: string): ObjectNode | undefined {
    return this.nodes.get(slug);
  }

  reset(): void {
    this.nodes.clear();
    this.webhooks = undefined;
  }
}

export class ObjectNode extends TreeNode {
  private attributes?: AttributesNode;

  constructor(ctx: NodeContext, public object: AttioObject) {
    super(ctx, undefined, `obj:${object.api_slug ?? object.id.object_id}`);
  }

  get slug(): string {
    return this.object.api_slug ?? this.object.id.object_id;
  }

  get paged(): PagedId {
    return { kind: 'records', object: this.slug };
  }

  override treeItem(): vscode.TreeItem {
    const count = this.ctx.data.records.count(this.slug);
    const filter = filterDescription(this.ctx, 'objects', this.slug);
    const tags = [ItemTags.web, ItemTags.id, ItemTags.search, ItemTags.slug, ItemTags.json, ItemTags.filter, ItemTags.export, ...(filter ? [ItemTags.filtered] : [])];
    return ti(this.object.plural_noun ?? this.slug, Collapsed, objectIcon(this.slug), contextValue('object', ...tags), filter ?? count?.toString());
  }

  override async children(): Promise<TreeNode[]> {
    this.attributes ??= new AttributesNode(this.ctx, this, 'objects', this.slug);
    return withSection(this.attributes, await this.loadRecords());
  }

  private loadRecords(): Promise<TreeNode[]> {
    return this.load(
      this.object.plural_noun ?? vscode.l10n.t('Records'),
      async () => {
        const r = await loadFiltered(this.ctx, 'objects', this.slug, this.paged, q => this.ctx.data.records.list(this.slug, q));
        return { value: r, ...(r.result.stale ? { stale: r.result.stale } : {}) };
      },
      r => pagedNodes(this.ctx, this, r.paged, r.result, rec => new RecordNode(this.ctx, this, this.slug, rec), r.filtered ? vscode.l10n.t('No records match the filter') : vscode.l10n.t('No records')),
    );
  }

  override tooltip(): vscode.MarkdownString {
    return tooltips().object(this.object, this.slug, this.ctx.data.records.count(this.slug));
  }

  override attioId(): string {
    return this.object.id.object_id;
  }

  override apiSlug(): string {
    return this.slug;
  }

  override apiItem(): ApiItem {
    return { kind: 'object', object: this.slug };
  }

  override webUrl(): string {
    return this.ctx.workspaceUrl();
  }
}

/** A short second line for a record: an email, a domain, a stage. */
function recordHint(record: AttioRecord, object: string): string | undefined {
  const v = record.values;
  const first = (slug: string, field: string): string | undefined => {
    const x = v[slug]?.find(y => y.active_until == null) as Record<string, unknown> | undefined;
    const f = x?.[field];
    return typeof f === 'string' ? f : f && typeof f === 'object' ? ((f as { title?: string }).title ?? undefined) : undefined;
  };
  switch (object) {
    case 'people':
      return first('job_title', 'value') ?? first('email_addresses', 'email_address');
    case 'companies':
      return first('domains', 'domain');
    case 'deals':
      return first('stage', 'status');
    default:
      return undefined;
  }
}

export class RecordNode extends TreeNode {
  constructor(ctx: NodeContext, parent: TreeNode | undefined, readonly object: string, readonly record: AttioRecord) {
    super(ctx, parent, `rec:${record.id.record_id}`);
  }

  get title(): string {
    return this.ctx.data.records.title(this.record, this.object);
  }

  override treeItem(): vscode.TreeItem {
    const pin = this.ctx.pins ? [this.ctx.pins.has(this.record.id.record_id) ? ItemTags.pinned : ItemTags.pin] : [];
    return ti(this.title, Collapsed, objectIcon(this.object), contextValue('record', ItemTags.web, ItemTags.id, ItemTags.detail, ItemTags.json, ...pin), recordHint(this.record, this.object), openCmd(this));
  }

  override children(): Promise<TreeNode[]> {
    const id = this.record.id.record_id;
    return this.load(
      vscode.l10n.t('Record values'),
      async () => ({ value: await this.ctx.data.records.valueRows(this.object, id) }),
      rows => [
        ...(rows.length ? rows.map(r => new ValueNode(this.ctx, this, r)) : [new MessageNode(this.ctx, this, 'empty', vscode.l10n.t('No values'))]),
        new RecordSectionNode(this.ctx, this, 'entries', vscode.l10n.t('List entries'), 'list-unordered', () => this.ctx.data.records.entries(this.object, id), (s, e) => new RecordEntryNode(this.ctx, s, e.listId, e.listName, e.entryId), vscode.l10n.t('In no lists')),
        new RecordSectionNode(this.ctx, this, 'notes', vscode.l10n.t('Notes'), 'note', () => this.ctx.data.notes.list(this.object, id), (s, n) => new NoteNode(this.ctx, s, n), vscode.l10n.t('No notes')),
        ...commentRows(this.ctx, this, { object: this.object, recordId: id }),
        ...meetingRows(this.ctx, this, this.object, id),
      ],
    );
  }

  override tooltip(): vscode.MarkdownString {
    const r = this.record;
    const noun = this.ctx.data.records.object(this.object)?.singular_noun ?? this.object;
    return tooltips().record({ title: this.title, noun, hint: recordHint(r, this.object), createdAt: r.created_at ?? undefined, webUrl: r.web_url ?? undefined }, this.ctx, renderModule());
  }

  override attioId(): string {
    return this.record.id.record_id;
  }

  override webUrl(): string {
    return this.record.web_url ?? this.ctx.workspaceUrl();
  }

  override apiItem(): ApiItem {
    return { kind: 'record', object: this.object, id: this.record.id.record_id };
  }

  override detail(): vscode.Uri {
    return detailUri({ kind: 'record', object: this.object, id: this.record.id.record_id, name: this.title });
  }
}

/** A collapsible section under a record ("List entries", "Notes") that loads its items on expansion. */
export class RecordSectionNode<T> extends TreeNode {
  constructor(
    ctx: NodeContext,
    parent: TreeNode,
    key: string,
    private readonly label: string,
    private readonly icon: string,
    private readonly fetch: () => Promise<{ value: T[]; stale?: { error: unknown } }>,
    private readonly build: (section: TreeNode, item: T) => TreeNode,
    private readonly emptyText: string,
  ) {
    super(ctx, parent, key);
  }

  override treeItem(): vscode.TreeItem {
    return ti(this.label, Collapsed, this.icon, 'group');
  }

  override children(): Promise<TreeNode[]> {
    return this.load(this.label, this.fetch, items => (items.length ? items.map(i => this.build(this, i)) : [new MessageNode(this.ctx, this, 'empty', this.emptyText)]));
  }
}

export class RecordEntryNode extends TreeNode {
  constructor(ctx: NodeContext, parent: TreeNode, readonly listId: string, readonly listName: string, readonly entryId: string) {
    super(ctx, parent, `rent:${entryId}`);
  }

  override treeItem(): vscode.TreeItem {
    return ti(this.listName, None, 'list-flat', contextValue('entry', ItemTags.id, ItemTags.detail, ItemTags.json), undefined, openCmd(this));
  }

  override attioId(): string {
    return this.entryId;
  }

  override apiItem(): ApiItem {
    return { kind: 'entry', list: this.listId, id: this.entryId };
  }

  override detail(): vscode.Uri {
    return detailUri({ kind: 'entry', list: this.listId, id: this.entryId, name: this.listName });
  }
}

export class NoteNode extends TreeNode {
  constructor(ctx: NodeContext, parent: TreeNode, readonly note: AttioNote) {
    super(ctx, parent, `note:${note.id.note_id}`);
  }

  override treeItem(): vscode.TreeItem {
    const at = this.note.created_at;
    return ti(this.note.title || vscode.l10n.t('Untitled note'), None, 'note', contextValue('note', ItemTags.id, ItemTags.detail, ItemTags.json), at ? formatTimestamp(at, this.ctx) : undefined, openCmd(this));
  }

  override tooltip(): vscode.MarkdownString {
    return tooltips().note(this.note, renderModule());
  }

  override attioId(): string {
    return this.note.id.note_id;
  }

  override apiItem(): ApiItem {
    return { kind: 'note', id: this.note.id.note_id };
  }

  override detail(): vscode.Uri {
    return detailUri({ kind: 'note', id: this.note.id.note_id, name: this.note.title ?? undefined });
  }
}
