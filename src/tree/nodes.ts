/**
 * Tree nodes: each builds its own TreeItem, loads its children through the model, and knows its ids and URLs
 * for "Open in Attio", "Copy ID", "Copy URL" and the detail document.
 */
import * as vscode from 'vscode';
import type { AttioEntry, AttioList, AttioNote, AttioObject, AttioRecord, AttioTask } from '../attio';
import { Commands, ItemTags, TreeCommands } from '../constants';
import type { ErrorView } from '../workspace';
import { inertMarkdown, plainTextMarkdown, webLink } from '../detail/inertMarkdown';
import { detailUri } from '../detail/uris';
import type { TaskGrouping } from './config';
import { clip, formatTimestamp, isOverdue, mdEscape, relativeDeadline } from './format';
import { TASK_GROUPS, type Paged, type RecordRef, type TaskGroupId, type TreeModel, type ValueRow } from './model';

/** What nodes need from the outside world. */
export interface NodeContext {
  readonly model: TreeModel;
  describeError(e: unknown, feature: string): ErrorView;
  /** `https://app.attio.com/{workspace_slug}` (API-FACTS §5: only records carry a documented deep link). */
  workspaceUrl(): string;
  now(): number;
  locale?: string;
  taskGrouping(): TaskGrouping;
  /** Re-renders one node's item (e.g. a group whose count became known). */
  changed(node: TreeNode): void;
}

const contextValue = (kind: string, ...tags: string[]): string => [kind, ...tags].join(':');

const { None, Collapsed, Expanded } = vscode.TreeItemCollapsibleState;

/** A TreeItem in one call: label, collapsible state, codicon (or ThemeIcon), contextValue, description, command. */
function ti(
  label: string,
  state: vscode.TreeItemCollapsibleState,
  icon: string | vscode.ThemeIcon | undefined,
  ctxValue: string,
  description?: string,
  command?: vscode.Command,
): vscode.TreeItem {
  const item = new vscode.TreeItem(label, state);
  if (icon) item.iconPath = typeof icon === 'string' ? new vscode.ThemeIcon(icon) : icon;
  item.contextValue = ctxValue;
  item.description = description;
  item.command = command;
  return item;
}

const openCmd = (arg: unknown): vscode.Command => ({ command: TreeCommands.openDetail, title: 'Open Details', arguments: [arg] });

export abstract class TreeNode {
  parent?: TreeNode;
  /** The view showing this node (set by the provider). */
  viewId?: string;
  /** Set when this node's data came from the cache after a failed reload. */
  stale = false;

  constructor(protected readonly ctx: NodeContext, readonly localId: string) {}

  get id(): string {
    return this.parent ? `${this.parent.id}/${this.localId}` : this.localId;
  }

  abstract treeItem(): vscode.TreeItem;

  async children(): Promise<TreeNode[]> {
    return [];
  }

  /** Markdown tooltip, resolved lazily (resolveTreeItem). */
  tooltip(): vscode.MarkdownString | undefined {
    return undefined;
  }

  /** Attio id to copy. */
  attioId(): string | undefined {
    return undefined;
  }

  /** URL for "Open in Attio" / "Copy URL". */
  webUrl(): string | undefined {
    return undefined;
  }

  /** `attio:` document with everything about this item. */
  detail(): vscode.Uri | undefined {
    return undefined;
  }

  /** Loads children, turning failures into an error node and stale data into a marked list. */
  protected async load<T>(feature: string, fetch: () => Promise<{ value: T; stale?: { error: unknown } }>, build: (v: T) => TreeNode[]): Promise<TreeNode[]> {
    let loaded: { value: T; stale?: { error: unknown } };
    try {
      loaded = await fetch();
    } catch (e) {
      const view = this.ctx.describeError(e, feature);
      if (view.kind === 'cancelled') return [];
      return [errorNode(this.ctx, view)];
    }
    const nodes = build(loaded.value);
    if (!loaded.stale) return nodes;
    const view = this.ctx.describeError(loaded.stale.error, feature);
    for (const n of nodes) n.stale = true;
    if (view.kind === 'cancelled') return nodes;
    return [errorNode(this.ctx, view, true), ...nodes];
  }
}

function errorNode(ctx: NodeContext, view: Exclude<ErrorView, { kind: 'cancelled' }>, stale = false): MessageNode {
  const label = stale ? `Couldn't refresh (showing cached data): ${view.message}` : view.message;
  switch (view.kind) {
    case 'scope':
      return new MessageNode(ctx, 'error', label, { description: 'Verify connection', command: { command: Commands.verifyConnection, title: 'Verify Connection' } });
    case 'signedOut':
      return new MessageNode(ctx, 'error', label, { description: 'Sign in', command: { command: Commands.signIn, title: 'Sign In' } });
    default:
      return new MessageNode(ctx, 'error', label, { description: 'Retry', retry: true });
  }
}

// ---------------------------------------------------------------------------------------------------------
// Messages: empty, error, load more
// ---------------------------------------------------------------------------------------------------------

export class MessageNode extends TreeNode {
  constructor(
    ctx: NodeContext,
    readonly kind: 'empty' | 'error' | 'info',
    readonly label: string,
    private readonly opts: { description?: string; command?: vscode.Command; retry?: boolean } = {},
  ) {
    super(ctx, `msg:${kind}`);
  }

  override treeItem(): vscode.TreeItem {
    const item = ti(
      this.label,
      None,
      this.kind === 'error' ? new vscode.ThemeIcon('error', new vscode.ThemeColor('problemsErrorIcon.foreground')) : this.kind === 'info' ? 'info' : undefined,
      contextValue('message', this.kind),
      this.opts.description,
      this.opts.retry ? { command: TreeCommands.retry, title: 'Retry', arguments: [this] } : this.opts.command,
    );
    item.tooltip = this.label;
    return item;
  }
}

export class LoadMoreNode extends TreeNode {
  /** `failure`: why the last "Load more" failed (clicking again retries it). */
  constructor(ctx: NodeContext, readonly pagedKey: string, private readonly shown: number, private readonly failure?: string) {
    super(ctx, 'more');
  }

  override treeItem(): vscode.TreeItem {
    const description = this.failure ? `${this.shown} shown · couldn't load more` : `${this.shown} shown`;
    return ti('Load more…', None, this.failure ? 'warning' : 'fold-down', 'loadMore', description, { command: TreeCommands.loadMore, title: 'Load More', arguments: [this] });
  }

  override tooltip(): vscode.MarkdownString | undefined {
    return this.failure ? md([`Couldn't load more: ${mdEscape(this.failure)}`, '', 'Click to try again.']) : undefined;
  }
}

function paged<T>(ctx: NodeContext, key: string, r: Paged<T>, build: (t: T) => TreeNode, empty: string): TreeNode[] {
  const nodes = r.items.map(build);
  if (!nodes.length) return [new MessageNode(ctx, 'empty', empty)];
  const failed = r.moreError && ctx.describeError(r.moreError.error, 'Load more');
  if (r.hasMore) nodes.push(new LoadMoreNode(ctx, key, r.items.length, failed && failed.kind !== 'cancelled' ? failed.message : undefined));
  return nodes;
}

// ---------------------------------------------------------------------------------------------------------
// Objects view
// ---------------------------------------------------------------------------------------------------------

const OBJECT_ICONS: Record<string, string> = {
  people: 'person',
  companies: 'organization',
  deals: 'briefcase',
  users: 'account',
  workspaces: 'home',
};

export function objectIcon(slug: string): vscode.ThemeIcon {
  return new vscode.ThemeIcon(OBJECT_ICONS[slug] ?? 'symbol-class');
}

export class ObjectsRoot {
  private readonly nodes = new Map<string, ObjectNode>();

  constructor(private readonly ctx: NodeContext) {}

  async children(): Promise<TreeNode[]> {
    const probe = new RootLoader(this.ctx);
    return probe.run('Objects', () => this.ctx.model.objects(), objects =>
      objects.length
        ? objects.map(o => {
            const slug = o.api_slug ?? o.id.object_id;
            let node = this.nodes.get(slug);
            if (!node) this.nodes.set(slug, (node = new ObjectNode(this.ctx, o)));
            else node.object = o;
            return node;
          })
        : [new MessageNode(this.ctx, 'empty', 'No objects')],
    );
  }

  node(slug: string): ObjectNode | undefined {
    return this.nodes.get(slug);
  }

  reset(): void {
    this.nodes.clear();
  }
}

/** Runs a root-level load with the same error / stale handling as a node. */
class RootLoader extends TreeNode {
  constructor(ctx: NodeContext) {
    super(ctx, 'root');
  }
  override treeItem(): vscode.TreeItem {
    return new vscode.TreeItem('');
  }
  run<T>(feature: string, fetch: () => Promise<{ value: T; stale?: { error: unknown } }>, build: (v: T) => TreeNode[]): Promise<TreeNode[]> {
    return this.load(feature, fetch, build);
  }
}

export class ObjectNode extends TreeNode {
  constructor(ctx: NodeContext, public object: AttioObject) {
    super(ctx, `obj:${object.api_slug ?? object.id.object_id}`);
  }

  get slug(): string {
    return this.object.api_slug ?? this.object.id.object_id;
  }

  get pagedKey(): string {
    return `records:${this.slug}`;
  }

  override treeItem(): vscode.TreeItem {
    const count = this.ctx.model.recordCount(this.slug);
    return ti(this.object.plural_noun ?? this.slug, Collapsed, objectIcon(this.slug), contextValue('object', ItemTags.web, ItemTags.id, ItemTags.search), count?.toString());
  }

  override children(): Promise<TreeNode[]> {
    return this.load(
      this.object.plural_noun ?? 'Records',
      async () => {
        const r = await this.ctx.model.records(this.slug);
        return { value: r, ...(r.stale ? { stale: r.stale } : {}) };
      },
      r => paged(this.ctx, this.pagedKey, r, rec => new RecordNode(this.ctx, this.slug, rec), 'No records'),
    );
  }

  override tooltip(): vscode.MarkdownString {
    const o = this.object;
    const count = this.ctx.model.recordCount(this.slug);
    return md([
      `**${mdEscape(o.plural_noun ?? this.slug)}**`,
      '',
      `- API slug: \`${this.slug}\``,
      o.singular_noun ? `- One record is a ${mdEscape(o.singular_noun)}` : '',
      count !== undefined ? `- ${count} records` : '',
      STANDARD.includes(this.slug) ? '- Standard object' : '- Custom object',
    ]);
  }

  override attioId(): string {
    return this.object.id.object_id;
  }

  override webUrl(): string {
    return this.ctx.workspaceUrl();
  }
}

const STANDARD = ['people', 'companies', 'deals', 'users', 'workspaces'];

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
  constructor(ctx: NodeContext, readonly object: string, readonly record: AttioRecord) {
    super(ctx, `rec:${record.id.record_id}`);
  }

  get title(): string {
    return this.ctx.model.recordTitle(this.record, this.object);
  }

  override treeItem(): vscode.TreeItem {
    return ti(this.title, Collapsed, objectIcon(this.object), contextValue('record', ItemTags.web, ItemTags.id, ItemTags.detail), recordHint(this.record, this.object), openCmd(this));
  }

  override children(): Promise<TreeNode[]> {
    const id = this.record.id.record_id;
    return this.load(
      'Record values',
      async () => ({ value: await this.ctx.model.recordValues(this.object, id) }),
      rows => [
        ...(rows.length ? rows.map(r => new ValueNode(this.ctx, r)) : [new MessageNode(this.ctx, 'empty', 'No values')]),
        new RecordSectionNode(this.ctx, 'entries', 'List entries', 'list-unordered', () => this.ctx.model.recordEntries(this.object, id), e => new RecordEntryNode(this.ctx, e.listId, e.listName, e.entryId), 'In no lists'),
        new RecordSectionNode(this.ctx, 'notes', 'Notes', 'note', () => this.ctx.model.notes(this.object, id), n => new NoteNode(this.ctx, n), 'No notes'),
      ],
    );
  }

  override tooltip(): vscode.MarkdownString {
    const obj = this.ctx.model.object(this.object);
    const hint = recordHint(this.record, this.object);
    return md([
      `**${mdEscape(this.title)}**`,
      `*${mdEscape(obj?.singular_noun ?? this.object)}*${hint ? ` · ${mdEscape(hint)}` : ''}`,
      '',
      this.record.created_at ? `Created ${formatTimestamp(this.record.created_at, this.ctx)}` : '',
      this.record.web_url ? webLink('Open in Attio', this.record.web_url) : '',
    ]);
  }

  override attioId(): string {
    return this.record.id.record_id;
  }

  override webUrl(): string {
    return this.record.web_url ?? this.ctx.workspaceUrl();
  }

  override detail(): vscode.Uri {
    return detailUri({ kind: 'record', object: this.object, id: this.record.id.record_id, name: this.title });
  }
}

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
  constructor(ctx: NodeContext, readonly row: ValueRow) {
    super(ctx, `val:${row.slug}`);
  }

  override treeItem(): vscode.TreeItem {
    const one = this.detail();
    return ti(
      this.row.title,
      this.row.refs.length > 1 ? Collapsed : None,
      VALUE_ICONS[this.row.type] ?? 'symbol-field',
      contextValue('value', one ? ItemTags.detail : 'plain'),
      clip(this.row.texts.join(', '), 200),
      one && openCmd(one),
    );
  }

  override async children(): Promise<TreeNode[]> {
    return this.row.refs.length > 1 ? this.row.refs.map(r => new RefNode(this.ctx, r)) : [];
  }

  override tooltip(): vscode.MarkdownString {
    const texts = this.row.texts;
    return md([
      `**${mdEscape(this.row.title)}** (\`${this.row.slug}\`, ${this.row.type})`,
      '',
      ...texts.slice(0, 20).map(t => `- ${mdEscape(clip(t, 1000))}`),
      texts.length > 20 ? `- …and ${texts.length - 20} more` : '',
    ]);
  }

  override detail(): vscode.Uri | undefined {
    const ref = this.row.refs.length === 1 ? this.row.refs[0] : undefined;
    return ref ? detailUri({ kind: 'record', object: ref.object, id: ref.id, name: ref.title }) : undefined;
  }
}

/** A link to another record (task links, multi-valued references, an entry's parent). */
export class RefNode extends TreeNode {
  constructor(ctx: NodeContext, readonly ref: RecordRef, private readonly prefix = '') {
    super(ctx, `ref:${ref.object}:${ref.id}`);
  }

  override treeItem(): vscode.TreeItem {
    const obj = this.ctx.model.object(this.ref.object);
    return ti(this.prefix + this.ref.title, None, objectIcon(obj?.api_slug ?? this.ref.object), contextValue('ref', ItemTags.id, ItemTags.detail), obj?.singular_noun ?? this.ref.object, openCmd(this));
  }

  override attioId(): string {
    return this.ref.id;
  }

  override detail(): vscode.Uri {
    return detailUri({ kind: 'record', object: this.ref.object, id: this.ref.id, name: this.ref.title });
  }
}

/** A collapsible section under a record ("List entries", "Notes") that loads its items on expansion. */
export class RecordSectionNode<T> extends TreeNode {
  constructor(
    ctx: NodeContext,
    key: string,
    private readonly label: string,
    private readonly icon: string,
    private readonly fetch: () => Promise<{ value: T[]; stale?: { error: unknown } }>,
    private readonly build: (item: T) => TreeNode,
    private readonly emptyText: string,
  ) {
    super(ctx, key);
  }

  override treeItem(): vscode.TreeItem {
    return ti(this.label, Collapsed, this.icon, 'group');
  }

  override children(): Promise<TreeNode[]> {
    return this.load(this.label, this.fetch, items => (items.length ? items.map(this.build) : [new MessageNode(this.ctx, 'empty', this.emptyText)]));
  }
}

export class RecordEntryNode extends TreeNode {
  constructor(ctx: NodeContext, readonly listId: string, readonly listName: string, readonly entryId: string) {
    super(ctx, `rent:${entryId}`);
  }

  override treeItem(): vscode.TreeItem {
    return ti(this.listName, None, 'list-flat', contextValue('entry', ItemTags.id, ItemTags.detail), undefined, openCmd(this));
  }

  override attioId(): string {
    return this.entryId;
  }

  override detail(): vscode.Uri {
    return detailUri({ kind: 'entry', list: this.listId, id: this.entryId, name: this.listName });
  }
}

export class NoteNode extends TreeNode {
  constructor(ctx: NodeContext, readonly note: AttioNote) {
    super(ctx, `note:${note.id.note_id}`);
  }

  override treeItem(): vscode.TreeItem {
    const at = this.note.created_at;
    return ti(this.note.title || 'Untitled note', None, 'note', contextValue('note', ItemTags.id, ItemTags.detail), at ? formatTimestamp(at, this.ctx) : undefined, openCmd(this));
  }

  override tooltip(): vscode.MarkdownString {
    const n = this.note;
    // CRM rich text: no images, raw HTML or non-web links, even in a hover
    const body = n.content_markdown ? inertMarkdown(n.content_markdown.slice(0, 600)) : plainTextMarkdown((n.content_plaintext ?? '').slice(0, 600));
    return md([`**${mdEscape(this.note.title || 'Untitled note')}**`, '', body]);
  }

  override attioId(): string {
    return this.note.id.note_id;
  }

  override detail(): vscode.Uri {
    return detailUri({ kind: 'note', id: this.note.id.note_id, name: this.note.title ?? undefined });
  }
}

// ---------------------------------------------------------------------------------------------------------
// Lists view
// ---------------------------------------------------------------------------------------------------------

export class ListsRoot {
  constructor(private readonly ctx: NodeContext) {}

  async children(): Promise<TreeNode[]> {
    return new RootLoader(this.ctx).run('Lists', () => this.ctx.model.lists(), lists =>
      lists.length ? lists.map(l => new ListNode(this.ctx, l)) : [new MessageNode(this.ctx, 'empty', 'No lists')],
    );
  }
}

export class ListNode extends TreeNode {
  constructor(ctx: NodeContext, readonly list: AttioList) {
    super(ctx, `list:${list.id.list_id}`);
  }

  get pagedKey(): string {
    return `entries:${this.list.id.list_id}`;
  }

  private parentLabel(): string {
    return this.list.parent_object.map(p => this.ctx.model.object(p)?.plural_noun ?? p).join(', ');
  }

  override treeItem(): vscode.TreeItem {
    return ti(this.list.name, Collapsed, 'list-unordered', contextValue('list', ItemTags.web, ItemTags.id), this.parentLabel());
  }

  override children(): Promise<TreeNode[]> {
    return this.load(
      this.list.name,
      async () => {
        const r = await this.ctx.model.entries(this.list.id.list_id);
        return { value: r, ...(r.stale ? { stale: r.stale } : {}) };
      },
      r => paged(this.ctx, this.pagedKey, r, e => new EntryNode(this.ctx, this.list, e.entry, e.title), 'No entries'),
    );
  }

  override tooltip(): vscode.MarkdownString {
    const l = this.list;
    return md([
      `**${mdEscape(l.name)}**`,
      '',
      `- Entries are ${mdEscape(this.parentLabel())}`,
      `- API slug: \`${l.api_slug}\``,
      `- Workspace access: ${l.workspace_access ?? 'private'}`,
      l.created_at ? `- Created ${formatTimestamp(l.created_at, this.ctx)}` : '',
    ]);
  }

  override attioId(): string {
    return this.list.id.list_id;
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
  constructor(ctx: NodeContext, readonly list: AttioList, readonly entry: AttioEntry, readonly title: string) {
    super(ctx, `entry:${entry.id.entry_id}`);
  }

  override treeItem(): vscode.TreeItem {
    return ti(this.title, Collapsed, objectIcon(this.entry.parent_object), contextValue('entry', ItemTags.web, ItemTags.id, ItemTags.detail), entryStage(this.entry), openCmd(this));
  }

  override children(): Promise<TreeNode[]> {
    return this.load(
      'Entry values',
      async () => ({ value: await this.ctx.model.entryValues(this.list.id.list_id, this.entry.id.entry_id) }),
      rows => [
        new RefNode(this.ctx, { object: this.entry.parent_object, id: this.entry.parent_record_id, title: this.title }, 'Record: '),
        ...(rows.length ? rows.map(r => new ValueNode(this.ctx, r)) : [new MessageNode(this.ctx, 'empty', 'No values')]),
      ],
    );
  }

  override tooltip(): vscode.MarkdownString {
    const stage = entryStage(this.entry);
    return md([
      `**${mdEscape(this.title)}** in *${mdEscape(this.list.name)}*`,
      '',
      stage ? `- Stage: ${mdEscape(stage)}` : '',
      this.entry.created_at ? `- Added ${formatTimestamp(this.entry.created_at, this.ctx)}` : '',
    ]);
  }

  override attioId(): string {
    return this.entry.id.entry_id;
  }

  /** Entries have no web URL; the parent record's page shows its list entries. */
  override webUrl(): string {
    return this.ctx.model.recordUrl(this.entry.parent_record_id) ?? this.ctx.workspaceUrl();
  }

  override detail(): vscode.Uri {
    return detailUri({ kind: 'entry', list: this.list.id.list_id, id: this.entry.id.entry_id, name: this.title });
  }
}

// ---------------------------------------------------------------------------------------------------------
// Tasks view
// ---------------------------------------------------------------------------------------------------------

export class TasksRoot {
  private readonly groups = new Map<string, TaskGroupNode>();

  constructor(private readonly ctx: NodeContext) {}

  async children(): Promise<TreeNode[]> {
    const grouping = this.ctx.taskGrouping();
    if (grouping === 'flat') {
      return new RootLoader(this.ctx).run('Tasks', () => this.ctx.model.tasks('allOpen'), tasks => taskNodes(this.ctx, tasks, 'No open tasks'));
    }
    return this.ctx.model.taskGroups().map(g => this.group(g, grouping));
  }

  private group(g: TaskGroupId, grouping: TaskGrouping): TaskGroupNode {
    const key = `${grouping}:${g}`;
    let node = this.groups.get(key);
    if (!node) this.groups.set(key, (node = new TaskGroupNode(this.ctx, g, grouping === g || (grouping === 'mine' && g === 'allOpen' && !this.ctx.model.session?.memberId))));
    return node;
  }

  /** Live group nodes to refresh after a task changed (undefined in flat mode: refresh the root). */
  groupNodes(ids: readonly TaskGroupId[]): TaskGroupNode[] | undefined {
    const grouping = this.ctx.taskGrouping();
    if (grouping === 'flat') return undefined;
    return ids.map(g => this.groups.get(`${grouping}:${g}`)).filter((n): n is TaskGroupNode => !!n);
  }
}

function taskNodes(ctx: NodeContext, tasks: AttioTask[], empty: string): TreeNode[] {
  return tasks.length ? tasks.map(t => new TaskNode(ctx, t, tasks)) : [new MessageNode(ctx, 'empty', empty)];
}

const GROUP_ICONS: Record<TaskGroupId, string> = { mine: 'account', allOpen: 'tasklist', overdue: 'warning', completed: 'pass' };

export class TaskGroupNode extends TreeNode {
  private shown: number | undefined;

  constructor(ctx: NodeContext, readonly group: TaskGroupId, private readonly expanded: boolean) {
    super(ctx, `tasks:${group}`);
  }

  override get id(): string {
    return `tg:${this.ctx.taskGrouping()}:${this.group}`;
  }

  override treeItem(): vscode.TreeItem {
    const g = this.group;
    this.shown = this.ctx.model.taskCount(g);
    return ti(
      TASK_GROUPS[g],
      this.expanded ? Expanded : Collapsed,
      new vscode.ThemeIcon(GROUP_ICONS[g], g === 'overdue' ? new vscode.ThemeColor('list.warningForeground') : undefined),
      contextValue('taskGroup', g),
      this.shown?.toString(),
    );
  }

  override children(): Promise<TreeNode[]> {
    return this.load(`Tasks (${TASK_GROUPS[this.group]})`, () => this.ctx.model.tasks(this.group), tasks => {
      if (tasks.length !== this.shown) setTimeout(() => this.ctx.changed(this), 0);
      return taskNodes(this.ctx, tasks, this.group === 'overdue' ? 'Nothing overdue' : this.group === 'completed' ? 'No completed tasks' : 'No open tasks');
    });
  }
}

export class TaskNode extends TreeNode {
  constructor(ctx: NodeContext, readonly task: AttioTask, private readonly siblings: readonly AttioTask[]) {
    super(ctx, `task:${task.id.task_id}`);
  }

  private get overdue(): boolean {
    return !this.task.is_completed && isOverdue(this.task.deadline_at, this.ctx.now());
  }

  override treeItem(): vscode.TreeItem {
    const t = this.task;
    const text = firstLine(t.content_plaintext) || 'Untitled task';
    const parts: string[] = [];
    if (t.is_completed) parts.push(t.completed_at ? `done ${relativeDeadline(t.completed_at, this.ctx.now(), this.ctx.locale)}` : 'done');
    else if (t.deadline_at) parts.push(`${this.overdue ? 'overdue, ' : 'due '}${relativeDeadline(t.deadline_at, this.ctx.now(), this.ctx.locale)}`);
    const who = this.ctx.model.assigneeNames(t);
    if (who.length) parts.push(who.join(', '));
    return ti(
      text,
      t.linked_records.length ? Collapsed : None,
      t.is_completed
        ? new vscode.ThemeIcon('pass-filled', new vscode.ThemeColor('testing.iconPassed'))
        : new vscode.ThemeIcon('circle-large-outline', this.overdue ? new vscode.ThemeColor('problemsErrorIcon.foreground') : undefined),
      contextValue('task', t.is_completed ? ItemTags.doneTask : ItemTags.openTask, ItemTags.web, ItemTags.id, ItemTags.detail),
      parts.join(' · '),
      openCmd(this),
    );
  }

  override async children(): Promise<TreeNode[]> {
    return this.load(
      'Linked records',
      async () => {
        await this.ctx.model.taskLinks(this.siblings);
        return { value: this.ctx.model.linkedRecords(this.task) };
      },
      refs => refs.map(r => new RefNode(this.ctx, r)),
    );
  }

  override tooltip(): vscode.MarkdownString {
    const t = this.task;
    const now = this.ctx.now();
    const deadline = t.deadline_at
      ? `${formatTimestamp(t.deadline_at, this.ctx)} (${relativeDeadline(t.deadline_at, now, this.ctx.locale)})${this.overdue ? ' — **overdue**' : ''}`
      : 'none';
    const links = this.ctx.model.linkedRecords(t);
    return md([
      mdEscape(t.content_plaintext || 'Untitled task'),
      '',
      `- Status: ${t.is_completed ? 'completed' : 'open'}`,
      `- Deadline: ${deadline}`,
      `- Assignees: ${mdEscape(this.ctx.model.assigneeNames(t).join(', ') || 'nobody')}`,
      links.length ? `- Linked: ${links.map(l => mdEscape(l.title)).join(', ')}` : '',
      t.created_at ? `- Created ${formatTimestamp(t.created_at, this.ctx)}` : '',
    ]);
  }

  override attioId(): string {
    return this.task.id.task_id;
  }

  /** Tasks have no documented web URL: the linked record's page (which lists its tasks), else the workspace. */
  override webUrl(): string {
    const first = this.task.linked_records[0];
    return (first && this.ctx.model.recordUrl(first.target_record_id)) ?? this.ctx.workspaceUrl();
  }

  override detail(): vscode.Uri {
    return detailUri({ kind: 'task', id: this.task.id.task_id, name: firstLine(this.task.content_plaintext) });
  }
}

function firstLine(s: string): string {
  const line = s.split(/\r?\n/, 1)[0].trim();
  return line.length > 120 ? `${line.slice(0, 119)}…` : line;
}

function md(lines: string[]): vscode.MarkdownString {
  const m = new vscode.MarkdownString(lines.filter((l, i, a) => l !== '' || (i > 0 && a[i - 1] !== '')).join('\n'));
  m.supportThemeIcons = true;
  // tooltips carry CRM text: no raw HTML, and no command links (untrusted)
  m.supportHtml = false;
  m.isTrusted = false;
  return m;
}

