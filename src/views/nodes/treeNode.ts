/**
 * The base of every sidebar node: each builds its own TreeItem, loads its children through the data layer, and
 * knows its ids and URLs for "Open in Attio", "Copy ID", "Copy URL" and the detail document. Also the nodes every
 * view shares: messages (empty, error) and "Load more".
 */
import * as vscode from 'vscode';
import { Commands, TreeCommands } from '../../constants';
import type { ApiItem, Paged, PagedId, RecordFilter, WorkspaceData } from '../../data';
import type { ErrorView } from '../../session/errorReporter';
import type { TaskGrouping } from '../../common/config';
import { lazy } from '../../platform';
import type * as Tooltips from './tooltips';

/** The nodes' Markdown tooltips (./tooltips.ts, lazy part `sidebar`): the sidebar loads them before it resolves one. */
export const tooltips = lazy<typeof Tooltips>(() => require('./tooltips'));

export type FilterTarget = 'objects' | 'lists';

/** What nodes read of the kept filters (views/filterStore.ts) and how they report one that no longer applies. */
export interface FilterLookup {
  get(target: FilterTarget, id: string): RecordFilter | undefined;
  /** Drops a filter Attio rejected (or that cannot be built) and says so, once. */
  invalid(target: FilterTarget, id: string, error: unknown): void;
}

/** What nodes read of the pins (views/pinStore.ts). */
export interface PinLookup {
  list(): { object: string; id: string }[];
  has(id: string): boolean;
}

/** What nodes need from the outside world; one per view. */
export interface NodeContext {
  readonly viewId: string;
  readonly data: WorkspaceData;
  describeError(e: unknown, feature: string): ErrorView;
  /** `https://app.attio.com/{workspace_slug}` (API-FACTS §5: only records carry a documented deep link). */
  workspaceUrl(): string;
  now(): number;
  locale?: string;
  taskGrouping(): TaskGrouping;
  /** Re-renders one node's item (e.g. a group whose count became known). */
  changed(node: TreeNode): void;
  /** Filters kept on objects and lists (absent: nothing is filtered). */
  readonly filters?: FilterLookup;
  /** Records pinned in this workspace (absent: no pinning). */
  readonly pins?: PinLookup;
  /** Lists whose entries are shown grouped by stage. */
  readonly stageGrouping?: { has(listId: string): boolean };
}

export const contextValue = (kind: string, ...tags: string[]): string => [kind, ...tags].join(':');

export const { None, Collapsed, Expanded } = vscode.TreeItemCollapsibleState;

/** A TreeItem in one call: label, collapsible state, codicon (or ThemeIcon), contextValue, description, command. */
export function ti(
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

export const openCmd = (arg: unknown): vscode.Command => ({ command: TreeCommands.openDetail, title: vscode.l10n.t('Open Details'), arguments: [arg] });

export abstract class TreeNode {
  /** Set when this node's data came from the cache after a failed reload. */
  stale = false;

  constructor(
    protected readonly ctx: NodeContext,
    /** The node this one was loaded under (undefined at a view's root). */
    readonly parent: TreeNode | undefined,
    readonly localId: string,
  ) {}

  /** The view showing this node. */
  get viewId(): string {
    return this.ctx.viewId;
  }

  get id(): string {
    return this.parent ? `${this.parent.id}/${this.localId}` : this.localId;
  }

  abstract treeItem(): vscode.TreeItem;

  async children(): Promise<TreeNode[]> {
    return [];
  }

  /** Markdown tooltip, resolved lazily (resolveTreeItem, which first loads the sidebar's part: {@link tooltips}). */
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

  /** The API answer behind this item (Open as JSON, Copy as cURL / fetch). */
  apiItem(): ApiItem | undefined {
    return undefined;
  }

  /** The `api_slug` to copy (objects, lists, attributes). */
  apiSlug(): string | undefined {
    return undefined;
  }

  /** `attio:` document with everything about this item. */
  detail(): vscode.Uri | undefined {
    return undefined;
  }

  /** What children built by {@link load} hang under (a root loader's children have no parent). */
  protected get parentOfChildren(): TreeNode | undefined {
    return this;
  }

  /** Loads children, turning failures into an error node and stale data into a marked list. */
  protected async load<T>(feature: string, fetch: () => Promise<{ value: T; stale?: { error: unknown } }>, build: (v: T) => TreeNode[]): Promise<TreeNode[]> {
    let loaded: { value: T; stale?: { error: unknown } };
    try {
      loaded = await fetch();
    } catch (e) {
      const view = this.ctx.describeError(e, feature);
      if (view.kind === 'cancelled') return [];
      return [errorNode(this.ctx, this.parentOfChildren, view)];
    }
    const nodes = build(loaded.value);
    // both ways: a view may hand back a node it built before (ObjectsRoot keeps its object nodes), marked last time
    for (const n of nodes) n.stale = !!loaded.stale;
    if (!loaded.stale) return nodes;
    const view = this.ctx.describeError(loaded.stale.error, feature);
    if (view.kind === 'cancelled') return nodes;
    return [errorNode(this.ctx, this.parentOfChildren, view, true), ...nodes];
  }
}

function errorNode(ctx: NodeContext, parent: TreeNode | undefined, view: Exclude<ErrorView, { kind: 'cancelled' }>, stale = false): MessageNode {
  const label = stale ? vscode.l10n.t("Couldn't refresh (showing cached data): {0}", view.message) : view.message;
  switch (view.kind) {
    case 'scope':
      return new MessageNode(ctx, parent, 'error', label, { description: vscode.l10n.t('Verify connection'), command: { command: Commands.verifyConnection, title: vscode.l10n.t('Verify Connection') } });
    case 'signedOut':
      return new MessageNode(ctx, parent, 'error', label, { description: vscode.l10n.t('Sign in'), command: { command: Commands.signIn, title: vscode.l10n.t('Sign In') } });
    default:
      return new MessageNode(ctx, parent, 'error', label, { description: vscode.l10n.t('Retry'), retry: true });
  }
}

// ---------------------------------------------------------------------------------------------------------
// Messages: empty, error, load more
// ---------------------------------------------------------------------------------------------------------

export class MessageNode extends TreeNode {
  constructor(
    ctx: NodeContext,
    parent: TreeNode | undefined,
    readonly kind: 'empty' | 'error' | 'info',
    readonly label: string,
    private readonly opts: { description?: string; command?: vscode.Command; retry?: boolean } = {},
  ) {
    super(ctx, parent, `msg:${kind}`);
  }

  override treeItem(): vscode.TreeItem {
    const item = ti(
      this.label,
      None,
      this.kind === 'error' ? new vscode.ThemeIcon('error', new vscode.ThemeColor('problemsErrorIcon.foreground')) : this.kind === 'info' ? 'info' : undefined,
      contextValue('message', this.kind),
      this.opts.description,
      this.opts.retry ? { command: TreeCommands.retry, title: vscode.l10n.t('Retry'), arguments: [this] } : this.opts.command,
    );
    item.tooltip = this.label;
    return item;
  }
}

export class LoadMoreNode extends TreeNode {
  /** `failure`: why the last "Load more" failed (clicking again retries it). */
  constructor(ctx: NodeContext, parent: TreeNode, readonly paged: PagedId, private readonly shown: number, private readonly failure?: string) {
    super(ctx, parent, 'more');
  }

  override treeItem(): vscode.TreeItem {
    const description = this.failure ? vscode.l10n.t("{0} shown · couldn't load more", this.shown) : vscode.l10n.t('{0} shown', this.shown);
    return ti(vscode.l10n.t('Load more…'), None, this.failure ? 'warning' : 'fold-down', 'loadMore', description, { command: TreeCommands.loadMore, title: vscode.l10n.t('Load More'), arguments: [this] });
  }

  override tooltip(): vscode.MarkdownString | undefined {
    return this.failure ? tooltips().loadMore(this.failure) : undefined;
  }
}

/** Children of a paged collection: its items, an empty message, or a "Load more" at the end. */
export function pagedNodes<T>(ctx: NodeContext, parent: TreeNode, id: PagedId, r: Paged<T>, build: (t: T) => TreeNode, empty: string): TreeNode[] {
  const nodes = r.items.map(build);
  if (!nodes.length) return [new MessageNode(ctx, parent, 'empty', empty)];
  const failed = r.moreError && ctx.describeError(r.moreError.error, vscode.l10n.t('Load more'));
  if (r.hasMore) nodes.push(new LoadMoreNode(ctx, parent, id, r.items.length, failed && failed.kind !== 'cancelled' ? failed.message : undefined));
  return nodes;
}

/** A section (e.g. Attributes) before loaded items, after an error or "couldn't refresh" message that heads them. */
export function withSection(section: TreeNode, nodes: TreeNode[]): TreeNode[] {
  const head = nodes[0] instanceof MessageNode && nodes[0].kind === 'error' ? 1 : 0;
  return [...nodes.slice(0, head), section, ...nodes.slice(head)];
}

/** Runs a view's root-level load with the same error / stale handling as a node. */
export class RootLoader extends TreeNode {
  constructor(ctx: NodeContext) {
    super(ctx, undefined, 'root');
  }
  override treeItem(): vscode.TreeItem {
    return new vscode.TreeItem('');
  }
  protected override get parentOfChildren(): TreeNode | undefined {
    return undefined;
  }
  run<T>(feature: string, fetch: () => Promise<{ value: T; stale?: { error: unknown } }>, build: (v: T) => TreeNode[]): Promise<TreeNode[]> {
    return this.load(feature, fetch, build);
  }
}

export function firstLine(s: string): string {
  const line = s.split(/\r?\n/, 1)[0].trim();
  return line.length > 120 ? `${line.slice(0, 119)}…` : line;
}
