import * as vscode from 'vscode';
import type { CommandTable } from '../commands';
import { Commands, Defaults, Settings, TreeCommands, TreeSettings, Views } from '../constants';
import { Disposable } from '../disposable';
import { DetailDocuments } from '../detail/provider';
import { detailUri, parseDetailUri } from '../detail/uris';
import type { Logger, Redactor } from '../log';
import type { WorkspaceManager } from '../workspace';
import { affectsTreeConfig, type TaskGrouping, type TreeConfig } from './config';
import { TreeModel, type ModelChange } from './model';
import { ListsRoot, LoadMoreNode, MessageNode, ObjectNode, ObjectsRoot, RecordNode, TaskNode, TasksRoot, TreeNode, type NodeContext } from './nodes';
import { NodeTreeProvider } from './provider';
import { pickRecord } from './search';
import { createTaskFlow } from './taskActions';

export { readTreeConfig } from './config';
export type { TreeConfig } from './config';

export interface AttioTreeOptions {
  workspace: Pick<WorkspaceManager, 'connection' | 'onDidChange' | 'describeError'>;
  log: Logger;
  redactor: Redactor;
  config: () => TreeConfig;
}

const OBJECT_PREFIXES = ['objects', 'records:', 'record:', 'attrs:objects:', 'rentries:', 'notes:'];
const LIST_PREFIXES = ['lists', 'entries:', 'entry:', 'attrs:lists:'];
const TASK_PREFIXES = ['tasks:', 'task:', 'members'];

/**
 * The Objects, Lists and Tasks views and the `attio:` detail documents. Owns the model, the three providers
 * and their views; `commands()` returns every tree command for the extension's one registration point.
 */
export class AttioTree extends Disposable {
  readonly model: TreeModel;
  readonly objects: NodeTreeProvider;
  readonly lists: NodeTreeProvider;
  readonly tasks: NodeTreeProvider;
  readonly details: DetailDocuments;
  private readonly objectsRoot: ObjectsRoot;
  private readonly tasksRoot: TasksRoot;
  private readonly ctx: NodeContext;
  private grouping: TaskGrouping;
  private pageSize: number;

  constructor(private readonly opts: AttioTreeOptions) {
    super();
    const ws = opts.workspace;
    this.grouping = opts.config().taskGrouping;
    this.pageSize = opts.config().pageSize;
    this.model = new TreeModel({
      connection: () => {
        const c = ws.connection;
        return c && { key: c.key, client: c.client, session: { workspaceName: c.session.workspaceName, workspaceSlug: c.session.workspaceSlug, memberId: c.session.memberId } };
      },
      config: opts.config,
      locale: vscode.env.language,
      log: opts.log,
    });
    this.ctx = {
      model: this.model,
      describeError: (e, feature) => ws.describeError(e, feature),
      workspaceUrl: () => this.workspaceUrl(),
      now: () => Date.now(),
      locale: vscode.env.language,
      taskGrouping: () => this.grouping,
      changed: node => this.providerOf(node)?.refresh(node),
    };
    this.objectsRoot = new ObjectsRoot(this.ctx);
    const listsRoot = new ListsRoot(this.ctx);
    this.tasksRoot = new TasksRoot(this.ctx);
    const signedIn = (): boolean => this.model.signedIn;
    this.objects = this._register(new NodeTreeProvider(Views.objects, () => this.objectsRoot.children(), signedIn));
    this.lists = this._register(new NodeTreeProvider(Views.lists, () => listsRoot.children(), signedIn));
    this.tasks = this._register(new NodeTreeProvider(Views.tasks, () => this.tasksRoot.children(), signedIn));
    this.details = this._register(
      new DetailDocuments(
        this.model,
        () => ({ now: Date.now(), locale: vscode.env.language, workspaceUrl: this.workspaceUrl() }),
        (e, f) => ws.describeError(e, f),
        opts.log,
      ),
    );

    const sub = this.model.onDidChange(c => this.onModelChange(c));
    this._register({ dispose: () => sub.dispose() });
    this._register(
      ws.onDidChange(() => {
        this.model.clear();
        this.objectsRoot.reset();
        this.refreshAll();
        this.details.refreshOpen();
        void this.updateBadge(true);
      }),
    );
    this._register(
      vscode.workspace.onDidChangeConfiguration(e => {
        if (!affectsTreeConfig(e)) return;
        const cfg = opts.config();
        if (cfg.pageSize !== this.pageSize) {
          // Pages are cached by index: a new size invalidates them all.
          this.pageSize = cfg.pageSize;
          this.model.clear();
          this.refreshAll();
        }
        const g = cfg.taskGrouping;
        if (g !== this.grouping) {
          this.grouping = g;
          this.tasks.refresh();
        }
      }),
    );
    void this.updateBadge(true);
  }

  private workspaceUrl(): string {
    const slug = this.model.session?.workspaceSlug;
    return slug ? `${Defaults.appUrl}/${encodeURIComponent(slug)}` : Defaults.appUrl;
  }

  private onModelChange(c: ModelChange): void {
    switch (c.kind) {
      case 'all':
        return;
      case 'objectCount': {
        const node = this.objectsRoot.node(c.object);
        if (node) this.objects.refresh(node);
        return;
      }
      case 'tasks': {
        const nodes = this.tasksRoot.groupNodes(c.groups);
        if (nodes) for (const n of nodes) this.tasks.refresh(n);
        else this.tasks.refresh();
        void this.updateBadge(false);
        return;
      }
    }
  }

  private refreshAll(): void {
    this.objects.refresh();
    this.lists.refresh();
    this.tasks.refresh();
  }

  /** Sets the Tasks view badge to the number of my overdue tasks (loading "My open tasks" when asked). */
  private async updateBadge(load: boolean): Promise<void> {
    let n: number | undefined;
    try {
      n = load && this.model.signedIn ? await this.model.loadMyOverdue() : this.model.myOverdueCount();
    } catch (e) {
      this.opts.log.debug(`overdue badge unavailable: ${e instanceof Error ? e.message : String(e)}`);
      n = this.model.myOverdueCount();
    }
    if (this.isDisposed) return;
    this.tasks.view.badge = n ? { value: n, tooltip: `${n} overdue task${n === 1 ? '' : 's'} assigned to you` } : undefined;
  }

  /** Which node a command is about: its argument, else the focused view's selection. */
  private nodeOf(arg: unknown): TreeNode | undefined {
    if (arg instanceof TreeNode) return arg;
    for (const p of [this.objects, this.lists, this.tasks]) if (p.view.visible && p.view.selection[0]) return p.view.selection[0];
    return undefined;
  }

  private refreshView(provider: NodeTreeProvider, prefixes: string[]): void {
    this.model.expire(prefixes);
    provider.refresh();
    this.details.refreshOpen();
  }

  private async openDetail(arg: unknown): Promise<void> {
    let uri: vscode.Uri | undefined;
    if (arg instanceof vscode.Uri) uri = arg;
    else if (typeof arg === 'string') uri = vscode.Uri.parse(arg);
    else if (arg && typeof arg === 'object' && 'kind' in arg) uri = detailUri(arg as Parameters<typeof detailUri>[0]);
    else uri = this.nodeOf(arg)?.detail();
    if (!uri || !parseDetailUri(uri)) return;
    await this.details.open(uri);
  }

  private async setTaskDone(arg: unknown, done: boolean): Promise<void> {
    const node = this.nodeOf(arg);
    if (!(node instanceof TaskNode)) return;
    const task = await vscode.window.withProgress({ location: { viewId: Views.tasks } }, () => this.model.setTaskCompleted(node.task.id.task_id, done));
    this.details.refreshOpen(u => u.path.startsWith(`/tasks/${task.id.task_id}/`));
    void vscode.window.setStatusBarMessage(done ? '$(check) Task completed' : '$(circle-large-outline) Task reopened', 3000);
  }

  private async search(objects?: string[], label?: string): Promise<void> {
    const picked = await pickRecord(
      this.model,
      { objects, title: label ? `Search ${label}` : 'Search Attio Records' },
      (e, f) => this.opts.workspace.describeError(e, f),
      this.opts.log,
    );
    if (picked && picked !== 'skip') await this.details.open(detailUri({ kind: 'record', object: picked.object_slug, id: picked.id.record_id, name: picked.record_text }));
  }

  commands(): CommandTable {
    const copy = async (text: string | undefined, what: string): Promise<void> => {
      if (!text) return;
      await vscode.env.clipboard.writeText(text);
      void vscode.window.setStatusBarMessage(`$(copy) Copied ${what}`, 3000);
    };
    return {
      [Commands.refresh]: () => {
        this.model.expire();
        this.refreshAll();
        this.details.refreshOpen();
        void this.updateBadge(true);
      },
      [TreeCommands.refreshObjects]: () => this.refreshView(this.objects, OBJECT_PREFIXES),
      [TreeCommands.refreshLists]: () => this.refreshView(this.lists, LIST_PREFIXES),
      [TreeCommands.refreshTasks]: () => {
        this.refreshView(this.tasks, TASK_PREFIXES);
        void this.updateBadge(true);
      },
      [TreeCommands.loadMore]: (arg: unknown) => {
        if (!(arg instanceof LoadMoreNode) || !arg.parent) return;
        this.model.loadMore(arg.pagedKey);
        this.providerOf(arg)?.refresh(arg.parent);
      },
      [TreeCommands.retry]: (arg: unknown) => {
        if (!(arg instanceof MessageNode)) return;
        const provider = this.providerOf(arg);
        provider?.refresh(arg.parent);
      },
      [TreeCommands.openDetail]: (arg: unknown) => this.openDetail(arg),
      [TreeCommands.openInAttio]: async (arg: unknown) => {
        const url = this.nodeOf(arg)?.webUrl();
        if (url) await vscode.env.openExternal(vscode.Uri.parse(url));
      },
      [TreeCommands.copyId]: (arg: unknown) => copy(this.nodeOf(arg)?.attioId(), 'ID'),
      [TreeCommands.copyUrl]: (arg: unknown) => copy(this.nodeOf(arg)?.webUrl(), 'URL'),
      [TreeCommands.searchRecords]: () => this.search(),
      [TreeCommands.searchInObject]: async (arg: unknown) => {
        let node = this.nodeOf(arg);
        if (node instanceof RecordNode && node.parent instanceof ObjectNode) node = node.parent;
        if (node instanceof ObjectNode) return this.search([node.slug], node.object.plural_noun ?? node.slug);
        const objects = (await this.model.objects()).value;
        const pick = await vscode.window.showQuickPick(
          objects.map(o => ({ label: o.plural_noun ?? o.api_slug ?? o.id.object_id, slug: o.api_slug ?? o.id.object_id })),
          { title: 'Search in which object?' },
        );
        if (pick) await this.search([pick.slug], pick.label);
      },
      [TreeCommands.completeTask]: (arg: unknown) => this.setTaskDone(arg, true),
      [TreeCommands.reopenTask]: (arg: unknown) => this.setTaskDone(arg, false),
      [TreeCommands.createTask]: async (arg: unknown) => {
        const node = this.nodeOf(arg);
        const preset = node instanceof RecordNode ? { object: node.object, recordId: node.record.id.record_id, title: node.title } : undefined;
        await createTaskFlow(this.model, (e, f) => this.opts.workspace.describeError(e, f), this.opts.log, preset);
      },
      [TreeCommands.setTaskGrouping]: async () => {
        const items: { label: string; description: string; value: TaskGrouping }[] = [
          { label: 'Grouped, "My open tasks" expanded', description: 'mine', value: 'mine' },
          { label: 'Grouped, "All open" expanded', description: 'allOpen', value: 'allOpen' },
          { label: 'Grouped, "Overdue" expanded', description: 'overdue', value: 'overdue' },
          { label: 'Flat list of open tasks', description: 'flat', value: 'flat' },
        ];
        const pick = await vscode.window.showQuickPick(items, { title: 'Tasks view grouping', placeHolder: `Current: ${this.grouping}` });
        if (pick) await vscode.workspace.getConfiguration(Settings.section).update(TreeSettings.tasksDefaultGrouping, pick.value, vscode.ConfigurationTarget.Global);
      },
    };
  }

  private providerOf(node: TreeNode): NodeTreeProvider | undefined {
    return [this.objects, this.lists, this.tasks].find(p => p.viewId === node.viewId);
  }
}
