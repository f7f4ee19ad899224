/**
 * Tasks in groups (My open / All open / Overdue / Completed), their links and assignees, and task edits that
 * update every cached group in place. A group costs 1 request ("All open" and "Overdue" share one) plus the
 * members once per workspace.
 */
import type { AttioTask, CreateTaskInput, ListTasksOptions } from '../attio';
import { itemsOf, type DataContext, type TaskGroupId } from './context';
import { actorName, isOverdue, parseTime, type ValueWords } from './format';
import { Keys, type CacheKey, type TaskSet } from './keys';
import type { MembersData } from './members';
import type { RecordsData } from './records';
import { wantTitle, type WantedTitles } from './titles';
import type { RecordRef } from './values';

export type { TaskGroupId } from './context';

const COMPLETED_RECENT = 50;
const TASKS_LIMIT = 500;

const setOf = (group: TaskGroupId): TaskSet => (group === 'mine' ? 'mine' : group === 'completed' ? 'completed' : 'open');

export class TasksData {
  constructor(
    private readonly ctx: DataContext,
    private readonly members: MembersData,
    private readonly records: RecordsData,
  ) {}

  /** The groups shown: "My open tasks" only when the token's member is known. */
  groups(): TaskGroupId[] {
    return this.ctx.session?.memberId ? ['mine', 'allOpen', 'overdue', 'completed'] : ['allOpen', 'overdue', 'completed'];
  }

  /** Tasks of a group, open ones by deadline, completed ones newest first. */
  async list(group: TaskGroupId) {
    const client = this.ctx.client();
    const me = this.ctx.session?.memberId ?? undefined;
    const [r] = await Promise.all([
      this.ctx.cache.get(Keys.tasks(setOf(group)), async signal => {
        const params: ListTasksOptions =
          group === 'mine'
            ? { assignee: me, isCompleted: false, limit: TASKS_LIMIT, offset: 0 }
            : group === 'completed'
              ? { isCompleted: true, sort: 'created_at:desc', limit: COMPLETED_RECENT, offset: 0 }
              : { isCompleted: false, limit: TASKS_LIMIT, offset: 0 };
        return itemsOf(await client.listTasks(params, signal));
      }),
      this.members.byId().catch(e => this.ctx.softFail(e, undefined)),
    ]);
    let value = r.value;
    if (group === 'overdue') value = this.overdue(value);
    value = group === 'completed' ? sortCompleted(value) : sortByDeadline(value);
    return { value, ...(r.stale ? { stale: r.stale } : {}) };
  }

  private overdue(tasks: AttioTask[]): AttioTask[] {
    const now = this.ctx.now();
    return tasks.filter(t => !t.is_completed && isOverdue(t.deadline_at, now));
  }

  /** Size of a group from the cache (undefined until loaded). */
  count(group: TaskGroupId): number | undefined {
    const list = this.ctx.cache.peek(Keys.tasks(setOf(group)));
    if (!list) return undefined;
    return group === 'overdue' ? this.overdue(list).length : list.length;
  }

  /** My open tasks past their deadline, from the cache (undefined until "My open tasks" has loaded). */
  myOverdueCount(): number | undefined {
    const mine = this.ctx.cache.peek(Keys.tasks('mine'));
    return mine && this.overdue(mine).length;
  }

  /** Loads "My open tasks" (for the badge); resolves to the overdue count. */
  async loadMyOverdue(): Promise<number | undefined> {
    if (!this.ctx.session?.memberId) return undefined;
    await this.list('mine');
    return this.myOverdueCount();
  }

  /** A task from any loaded group, else one `GET`. */
  async get(id: string): Promise<AttioTask> {
    for (const set of ['mine', 'open', 'completed'] as const) {
      const t = this.ctx.cache.peek(Keys.tasks(set))?.find(x => x.id.task_id === id);
      if (t) return t;
    }
    const client = this.ctx.client();
    return (await this.ctx.cache.get(Keys.task(id), signal => client.getTask(id, signal))).value;
  }

  /** Open tasks linked to a record, by deadline (one request, cached; task edits update it in place). */
  async forRecord(object: string, id: string) {
    const client = this.ctx.client();
    const [r] = await Promise.all([
      this.ctx.cache.get(Keys.recordTasks(object, id), async signal =>
        itemsOf(await client.listTasks({ linkedObject: object, linkedRecordId: id, isCompleted: false, limit: TASKS_LIMIT, offset: 0 }, signal)),
      ),
      this.members.byId().catch(e => this.ctx.softFail(e, undefined)),
    ]);
    return { value: sortByDeadline(r.value), ...(r.stale ? { stale: r.stale } : {}) };
  }

  /**
   * Titles of the records linked to these tasks (one query per object, only for unknown ones). `maxObjects` caps the
   * queries to the objects linked most often from these tasks (the same ones on every call, so a repeat costs
   * nothing); links to other objects keep showing ids.
   */
  async loadLinks(tasks: readonly AttioTask[], maxObjects = Infinity): Promise<void> {
    const links = tasks.flatMap(t => t.linked_records);
    const perObject = new Map<string, number>();
    for (const l of links) perObject.set(l.target_object_id, (perObject.get(l.target_object_id) ?? 0) + 1);
    const objects = new Set([...perObject].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).slice(0, maxObjects).map(([o]) => o));
    const wanted: WantedTitles = new Map();
    for (const l of links) {
      if (objects.has(l.target_object_id) && !this.ctx.titles.has(l.target_object_id, l.target_record_id)) wantTitle(wanted, l.target_object_id, l.target_record_id);
    }
    await this.records.fetchTitles(wanted);
  }

  linkedRecords(task: AttioTask): RecordRef[] {
    return task.linked_records.map(l => {
      const object = this.records.objectSlug(l.target_object_id);
      const id = l.target_record_id;
      return { object, id, title: this.ctx.titles.get(l.target_object_id, id) ?? this.ctx.titles.get(object, id) ?? id };
    });
  }

  /** `words` overrides the people's words (chat tools: English). */
  assigneeNames(task: AttioTask, words?: ValueWords): string[] {
    const rc = this.ctx.renderContext(words);
    return task.assignees.map(a => actorName(a.referenced_actor_type ?? undefined, a.referenced_actor_id ?? undefined, rc));
  }

  isMine(task: AttioTask): boolean {
    const me = this.ctx.session?.memberId;
    return !!me && task.assignees.some(a => a.referenced_actor_id === me);
  }

  /** Completes or reopens a task and updates every cached group in place (no reload). */
  async setCompleted(id: string, done: boolean): Promise<AttioTask> {
    const updated = await this.ctx.client().updateTask(id, { isCompleted: done });
    this.apply(updated);
    return updated;
  }

  async create(params: CreateTaskInput): Promise<AttioTask> {
    const created = await this.ctx.client().createTask({ isCompleted: false, ...params });
    this.apply(created);
    return created;
  }

  /** Puts a task (new or changed) into the cached groups it belongs to and out of the others. */
  private apply(task: AttioTask): void {
    const id = task.id.task_id;
    const place = (set: TaskSet | CacheKey<AttioTask[]>, belongs: boolean, atFront: boolean): void => {
      this.ctx.cache.update(typeof set === 'string' ? Keys.tasks(set) : set, list => {
        const rest = list.filter(t => t.id.task_id !== id);
        if (!belongs) return rest;
        const i = list.findIndex(t => t.id.task_id === id);
        if (i >= 0) {
          const copy = [...list];
          copy[i] = task;
          return copy;
        }
        return atFront ? [task, ...rest] : [...rest, task];
      });
    };
    place('mine', !task.is_completed && this.isMine(task), false);
    place('open', !task.is_completed, false);
    place('completed', task.is_completed, true);
    for (const [key] of [...this.ctx.cache.entriesOf<AttioTask[]>('recordTasks')]) {
      const [object, recordId] = key.parts;
      const linked = task.linked_records.some(l => l.target_record_id === recordId && this.records.objectSlug(l.target_object_id) === this.records.objectSlug(object));
      place(key, !task.is_completed && linked, false);
    }
    if (this.ctx.cache.peek(Keys.task(id))) this.ctx.cache.set(Keys.task(id), task);
    const groups: TaskGroupId[] = ['allOpen', 'overdue', 'completed'];
    if (this.ctx.session?.memberId) groups.unshift('mine');
    this.ctx.changes.fire({ kind: 'tasks', groups });
  }
}

function sortByDeadline(tasks: AttioTask[]): AttioTask[] {
  return [...tasks].sort((a, b) => (parseTime(a.deadline_at) ?? Infinity) - (parseTime(b.deadline_at) ?? Infinity));
}

function sortCompleted(tasks: AttioTask[]): AttioTask[] {
  const at = (t: AttioTask): number => parseTime(t.completed_at) ?? parseTime(t.created_at) ?? 0;
  return [...tasks].sort((a, b) => at(b) - at(a));
}
