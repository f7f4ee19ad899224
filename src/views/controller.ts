import * as vscode from 'vscode';
import { errorMessage } from '../attio';
import { Views } from '../constants';
import type { DataChange, Scope, WorkspaceData } from '../data';
import type { DetailDocuments } from '../detail/provider';
import { Disposable } from '../common/disposable';
import type { Logger } from '../common/log';
import type { ErrorView } from '../session/errorReporter';
import type { Configuration, TaskGrouping } from '../common/config';
import { ListsRoot } from './nodes/lists';
import { ObjectsRoot, RecordNode } from './nodes/objects';
import { TasksRoot } from './nodes/tasks';
import { TreeNode, type FilterLookup, type FilterTarget, type NodeContext } from './nodes/treeNode';
import { NodeTreeProvider, treeModulesLoading } from './provider';
import { FilterStore } from './filterStore';
import { PinStore } from './pinStore';
import { pinnedRows } from './nodes/pinned';
import { StageDragAndDrop } from './stageDrop';
import { GlobalStateKeys } from '../constants';

export interface SidebarOptions {
  data: WorkspaceData;
  details: DetailDocuments;
  describeError: (e: unknown, feature: string) => ErrorView;
  log: Logger;
  config: Configuration;
  /** Where filters on objects and lists are kept (global state); none = no filtering. */
  state?: vscode.Memento;
  /** Whether the token may add, move and remove list entries (drag and drop moves entries only then). */
  canWriteEntries?: () => boolean;
}

/**
 * The Objects, Lists and Tasks views: builds their roots and providers, refreshes what the data layer says
 * changed, follows the tree settings, and keeps the Tasks badge (my overdue tasks). Commands: ids in viewCommands.ts,
 * handlers in sidebarHandlers.ts.
 */
export class SidebarViews extends Disposable {
  readonly objects: NodeTreeProvider;
  readonly lists: NodeTreeProvider;
  readonly tasks: NodeTreeProvider;
  private readonly objectsRoot: ObjectsRoot;
  private readonly tasksRoot: TasksRoot;
  private grouping: TaskGrouping;
  /** Filters kept on objects and lists, per workspace. */
  readonly filters?: FilterStore;
  /** Records pinned per workspace (the Pinned section). */
  readonly pins?: PinStore;
  /** Lists shown grouped by stage (ids; kept in global state). */
  private readonly grouped: Set<string>;

  constructor(private readonly opts: SidebarOptions) {
    super();
    const { data } = opts;
    this.grouping = opts.config.current.taskGrouping;
    const filters = (this.filters = opts.state ? new FilterStore(opts.state, () => data.session?.workspaceSlug) : undefined);
    const pins = (this.pins = opts.state ? new PinStore(opts.state, () => data.session?.workspaceSlug) : undefined);
    this.grouped = new Set(opts.state?.get<string[]>(GlobalStateKeys.stageGrouping) ?? []);
    const lookup: FilterLookup | undefined = filters && {
      get: (target, id) => filters.get(target, id),
      invalid: (target, id, e) => this.filterInvalid(target, id, e),
    };
    const ctx = (viewId: string): NodeContext => ({
      viewId,
      data,
      describeError: opts.describeError,
      workspaceUrl: () => data.workspaceUrl(),
      now: () => Date.now(),
      locale: vscode.env.language,
      taskGrouping: () => this.grouping,
      changed: node => this.providerOf(node)?.refresh(node),
      filters: lookup,
      pins,
      stageGrouping: this.grouped,
    });
    const objectsCtx = ctx(Views.objects);
    this.objectsRoot = new ObjectsRoot(objectsCtx, () => pinnedRows(objectsCtx));
    const listsRoot = new ListsRoot(ctx(Views.lists));
    this.tasksRoot = new TasksRoot(ctx(Views.tasks));
    const signedIn = (): boolean => data.signedIn;
    this.objects = this._register(new NodeTreeProvider(Views.objects, () => this.objectsRoot.children(), signedIn));
    const drop = new StageDragAndDrop(data, opts.canWriteEntries ?? (() => false), opts.describeError);
    this.lists = this._register(new NodeTreeProvider(Views.lists, () => listsRoot.children(), signedIn, drop));
    this.stageDrop = drop;
    this.tasks = this._register(new NodeTreeProvider(Views.tasks, () => this.tasksRoot.children(), signedIn));

    this._register(data.onDidChange(c => this.onDataChange(c)));
    if (pins) {
      this._register(pins);
      this._register(pins.onDidChange(() => this.objects.refresh()));
    }
    if (filters) {
      this._register(filters);
      this._register(filters.onDidChange(() => (this.objects.refresh(), this.lists.refresh())));
    }
    this._register(
      opts.config.onDidChange(({ previous, current }) => {
        // Pages are cached by index: a new size invalidates them all.
        if (current.pageSize !== previous.pageSize) data.clear();
        if (current.taskGrouping !== this.grouping) {
          this.grouping = current.taskGrouping;
          this.tasks.refresh();
        }
      }),
    );
    void this.updateBadge(true);
  }

  /** The Lists view's drag and drop (tests call its handleDrop as the workbench does). */
  readonly stageDrop: StageDragAndDrop;

  /** Shows a list's entries grouped by stage, or not. */
  async setStageGrouping(listId: string, on: boolean): Promise<void> {
    if (on) this.grouped.add(listId);
    else this.grouped.delete(listId);
    await this.opts.state?.update(GlobalStateKeys.stageGrouping, [...this.grouped]);
    this.lists.refresh();
  }

  get taskGrouping(): TaskGrouping {
    return this.grouping;
  }

  private onDataChange(c: DataChange): void {
    switch (c.kind) {
      case 'all':
        // a workspace switch, a sign-out or a new page size: everything shown is gone
        this.objectsRoot.reset();
        this.refreshAll();
        this.opts.details.refreshOpen();
        void this.updateBadge(true);
        return;
      case 'objectCount': {
        const node = this.objectsRoot.node(c.object);
        if (node) this.objects.refresh(node);
        return;
      }
      case 'record':
        // the record's node and value rows read the cached record, which holds the change: re-render without requests
        this.objects.refresh();
        this.opts.details.refreshOpen(u => u.path.startsWith(`/records/${c.object}/${c.id}/`));
        return;
      case 'notes':
        // the record's Notes section reads the cache, which holds the new note: re-render without requests
        this.objects.refresh();
        this.opts.details.refreshOpen(u => u.path.startsWith(`/records/${c.object}/${c.id}/`));
        return;
      case 'entries':
        // an entry added, moved or removed (or put back): the lists re-render from the cache, open pages follow
        this.lists.refresh();
        this.objects.refresh();
        this.opts.details.refreshOpen(u => u.path.startsWith(`/lists/${c.list}/`) || u.path.startsWith('/records/'));
        return;
      case 'tasks': {
        const nodes = this.tasksRoot.groupNodes(c.groups);
        if (nodes) for (const n of nodes) this.tasks.refresh(n);
        else this.tasks.refresh();
        void this.updateBadge(false);
        return;
      }
    }
  }

  refreshAll(): void {
    this.objects.refresh();
    this.lists.refresh();
    this.tasks.refresh();
  }

  /** "Refresh" of one view (or all): its data reloads on next expansion, open detail pages re-render. */
  refresh(scope?: Scope): void {
    this.opts.data.expire(scope);
    if (scope) this.providers[scope].refresh();
    else this.refreshAll();
    this.opts.details.refreshOpen();
    if (!scope || scope === 'tasks') void this.updateBadge(true);
  }

  private get providers(): Record<Scope, NodeTreeProvider> {
    return { objects: this.objects, lists: this.lists, tasks: this.tasks };
  }

  /** Sets the Tasks view badge to the number of my overdue tasks (loading "My open tasks" when asked). */
  private async updateBadge(load: boolean): Promise<void> {
    const tasks = this.opts.data.tasks;
    let n: number | undefined;
    try {
      n = load && this.opts.data.signedIn ? await tasks.loadMyOverdue() : tasks.myOverdueCount();
    } catch (e) {
      this.opts.log.debug(`overdue badge unavailable: ${errorMessage(e)}`);
      n = tasks.myOverdueCount();
    }
    if (this.isDisposed) return;
    this.tasks.view.badge = n ? { value: n, tooltip: n === 1 ? vscode.l10n.t('1 overdue task assigned to you') : vscode.l10n.t('{0} overdue tasks assigned to you', n) } : undefined;
  }

  /**
   * Shows a record in the Objects view: selected when it is among the records loaded (the first page is loaded if
   * none is), else its object expanded. Resolves to whether the record itself was revealed.
   */
  async revealRecord(object: string, id: string): Promise<boolean> {
    await treeModulesLoading(); // (revealed before the view loaded a level: VS Code asks for the items first)
    await this.objectsRoot.children();
    const objectNode = this.objectsRoot.node(object);
    if (!objectNode) return false;
    const record = (await objectNode.children()).find(n => n instanceof RecordNode && n.record.id.record_id === id);
    await this.objects.view.reveal(record ?? objectNode, { select: true, focus: true, expand: !record });
    return !!record;
  }

  /** A kept filter Attio rejects (an attribute removed in Attio) or that cannot be built: dropped, and said once. */
  private filterInvalid(target: FilterTarget, id: string, e: unknown): void {
    const view = this.opts.describeError(e, vscode.l10n.t('Filter'));
    const why = view.kind !== 'cancelled' ? view.message : vscode.l10n.t('rejected by Attio');
    const name = target === 'objects' ? (this.opts.data.records.object(id)?.plural_noun ?? id) : (this.opts.data.lists.list(id)?.name ?? id);
    this.opts.log.warn(`filter on ${target}/${id} dropped: ${why}`);
    void this.filters?.set(target, id, undefined);
    void vscode.window.showWarningMessage(vscode.l10n.t({ message: 'Attio: the filter on {0} no longer applies, so it was cleared and everything is shown ({1}).', args: [name, why], comment: '{0}: object or list, {1}: why' }));
  }

  /** Which node a command is about: its argument, else the focused view's selection. */
  nodeOf(arg: unknown): TreeNode | undefined {
    if (arg instanceof TreeNode) return arg;
    for (const p of Object.values(this.providers)) if (p.view.visible && p.view.selection[0]) return p.view.selection[0];
    return undefined;
  }

  providerOf(node: TreeNode): NodeTreeProvider | undefined {
    return Object.values(this.providers).find(p => p.viewId === node.viewId);
  }
}
