/** The Tasks view: groups (or a flat list) of tasks, a task's linked records. */
import * as vscode from 'vscode';
import type { AttioTask } from '../../attio';
import { ItemTags } from '../../constants';
import { isOverdue, relativeDeadline, type TaskGroupId } from '../../data';
import { detailUri } from '../../detail/uris';
import type { TaskGrouping } from '../../common/config';
import { Collapsed, Expanded, MessageNode, None, RootLoader, TreeNode, contextValue, firstLine, openCmd, ti, tooltips, type NodeContext } from './treeNode';
import { RefNode } from './values';

export class TasksRoot {
  private readonly groups = new Map<string, TaskGroupNode>();

  constructor(private readonly ctx: NodeContext) {}

  async children(): Promise<TreeNode[]> {
    const grouping = this.ctx.taskGrouping();
    if (grouping === 'flat') {
      return new RootLoader(this.ctx).run(vscode.l10n.t('Tasks'), () => this.ctx.data.tasks.list('allOpen'), tasks => taskNodes(this.ctx, undefined, tasks, vscode.l10n.t('No open tasks')));
    }
    return this.ctx.data.tasks.groups().map(g => this.group(g, grouping));
  }

  private group(g: TaskGroupId, grouping: TaskGrouping): TaskGroupNode {
    const key = `${grouping}:${g}`;
    let node = this.groups.get(key);
    if (!node) this.groups.set(key, (node = new TaskGroupNode(this.ctx, g, grouping === g || (grouping === 'mine' && g === 'allOpen' && !this.ctx.data.session?.memberId))));
    return node;
  }

  /** Live group nodes to refresh after a task changed (undefined in flat mode: refresh the root). */
  groupNodes(ids: readonly TaskGroupId[]): TaskGroupNode[] | undefined {
    const grouping = this.ctx.taskGrouping();
    if (grouping === 'flat') return undefined;
    return ids.map(g => this.groups.get(`${grouping}:${g}`)).filter((n): n is TaskGroupNode => !!n);
  }
}

function taskNodes(ctx: NodeContext, parent: TreeNode | undefined, tasks: AttioTask[], empty: string): TreeNode[] {
  return tasks.length ? tasks.map(t => new TaskNode(ctx, parent, t, tasks)) : [new MessageNode(ctx, parent, 'empty', empty)];
}

const GROUP_ICONS: Record<TaskGroupId, string> = { mine: 'account', allOpen: 'tasklist', overdue: 'warning', completed: 'pass' };

/** A task group's label (the data layer's TASK_GROUPS, in the display language). */
function groupLabel(g: TaskGroupId): string {
  switch (g) {
    case 'mine':
      return vscode.l10n.t('My open tasks');
    case 'allOpen':
      return vscode.l10n.t({ message: 'All open', comment: 'task group' });
    case 'overdue':
      return vscode.l10n.t('Overdue');
    case 'completed':
      return vscode.l10n.t('Completed (recent)');
  }
}

export class TaskGroupNode extends TreeNode {
  private shown: number | undefined;

  constructor(ctx: NodeContext, readonly group: TaskGroupId, private readonly expanded: boolean) {
    super(ctx, undefined, `tasks:${group}`);
  }

  override get id(): string {
    return `tg:${this.ctx.taskGrouping()}:${this.group}`;
  }

  override treeItem(): vscode.TreeItem {
    const g = this.group;
    this.shown = this.ctx.data.tasks.count(g);
    return ti(
      groupLabel(g),
      this.expanded ? Expanded : Collapsed,
      new vscode.ThemeIcon(GROUP_ICONS[g], g === 'overdue' ? new vscode.ThemeColor('list.warningForeground') : undefined),
      contextValue('taskGroup', g),
      this.shown?.toString(),
    );
  }

  override children(): Promise<TreeNode[]> {
    return this.load(vscode.l10n.t({ message: 'Tasks ({0})', args: [groupLabel(this.group)], comment: '{0}: task group' }), () => this.ctx.data.tasks.list(this.group), tasks => {
      if (tasks.length !== this.shown) setTimeout(() => this.ctx.changed(this), 0);
      return taskNodes(this.ctx, this, tasks, this.group === 'overdue' ? vscode.l10n.t('Nothing overdue') : this.group === 'completed' ? vscode.l10n.t('No completed tasks') : vscode.l10n.t('No open tasks'));
    });
  }
}

export class TaskNode extends TreeNode {
  constructor(ctx: NodeContext, parent: TreeNode | undefined, readonly task: AttioTask, private readonly siblings: readonly AttioTask[]) {
    super(ctx, parent, `task:${task.id.task_id}`);
  }

  private get overdue(): boolean {
    return !this.task.is_completed && isOverdue(this.task.deadline_at, this.ctx.now());
  }

  override treeItem(): vscode.TreeItem {
    const t = this.task;
    const text = firstLine(t.content_plaintext) || vscode.l10n.t('Untitled task');
    const parts: string[] = [];
    if (t.is_completed) {
      parts.push(
        t.completed_at
          ? vscode.l10n.t({ message: 'done {0}', args: [relativeDeadline(t.completed_at, this.ctx.now(), this.ctx.locale)], comment: '{0}: e.g. 2 days ago' })
          : vscode.l10n.t({ message: 'done', comment: 'task state' }),
      );
    } else if (t.deadline_at) {
      const when = relativeDeadline(t.deadline_at, this.ctx.now(), this.ctx.locale);
      parts.push(this.overdue ? vscode.l10n.t({ message: 'overdue, {0}', args: [when], comment: '{0}: e.g. 2 days ago' }) : vscode.l10n.t({ message: 'due {0}', args: [when], comment: '{0}: e.g. tomorrow' }));
    }
    const who = this.ctx.data.tasks.assigneeNames(t);
    if (who.length) parts.push(who.join(', '));
    return ti(
      text,
      t.linked_records.length ? Collapsed : None,
      t.is_completed
        ? new vscode.ThemeIcon('pass-filled', new vscode.ThemeColor('testing.iconPassed'))
        : new vscode.ThemeIcon('circle-large-outline', this.overdue ? new vscode.ThemeColor('problemsErrorIcon.foreground') : undefined),
      contextValue('task', t.is_completed ? ItemTags.doneTask : ItemTags.openTask, ItemTags.web, ItemTags.id, ItemTags.detail, ItemTags.json),
      parts.join(' · '),
      openCmd(this),
    );
  }

  override async children(): Promise<TreeNode[]> {
    return this.load(
      vscode.l10n.t('Linked records'),
      async () => {
        await this.ctx.data.tasks.loadLinks(this.siblings);
        return { value: this.ctx.data.tasks.linkedRecords(this.task) };
      },
      refs => refs.map(r => new RefNode(this.ctx, this, r)),
    );
  }

  override tooltip(): vscode.MarkdownString {
    return tooltips().task(this.task, this.overdue, this.ctx);
  }

  override attioId(): string {
    return this.task.id.task_id;
  }

  /** Tasks have no documented web URL: the linked record's page (which lists its tasks), else the workspace. */
  override webUrl(): string {
    const first = this.task.linked_records[0];
    return (first && this.ctx.data.records.url(first.target_record_id)) ?? this.ctx.workspaceUrl();
  }

  override apiItem(): { kind: 'task'; id: string } {
    return { kind: 'task', id: this.task.id.task_id };
  }

  override detail(): vscode.Uri {
    return detailUri({ kind: 'task', id: this.task.id.task_id, name: firstLine(this.task.content_plaintext) });
  }
}
