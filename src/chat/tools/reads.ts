/**
 * The read tools: search records, get a record, list tasks, list a list's entries. Each takes only the parts of the
 * data layer it reads; `parse` validates the model's input, `run` answers with bounded text. No `vscode`.
 */
import { ENGLISH_WORDS, isOverdue } from '../../data';
import type { AttioTask } from '../../attio';
import { asInput, bounded, DATA_NOTE, optEnum, optInt, optString, q, reqString, ToolInputError } from './common';
import { recordUrl, resolveList, resolveObject, resolveRecord, slugOf, workspaceLine, type Explain, type ToolData } from './context';
import type { ToolWording } from './wording';

/** A tool's pure part: what the vscode registration calls. */
export interface ChatTool<I> {
  readonly name: string;
  /** What a failure names ("Tasks needs the task:read scope…"), as the sidebar's features do. */
  readonly feature: string;
  parse(raw: unknown): I;
  /** Shown while the tool runs ("Searching Attio for …"), in the person's language. */
  progress(input: I, w: ToolWording): string;
  /**
   * The answer. A write calls `beforeWrite` immediately before it sends the write (same tick): it throws when the
   * session the person confirmed the write for is no longer the active one. Reads ignore it.
   */
  run(input: I, signal: AbortSignal, beforeWrite: () => void): Promise<string>;
}

// ---------------------------------------------------------------------------------------------------------------

export interface SearchInput {
  query: string;
  object?: string;
  limit: number;
}

export class SearchRecordsTool implements ChatTool<SearchInput> {
  readonly name = 'attio_search_records';
  readonly feature = 'Search';
  constructor(private readonly data: Pick<ToolData, 'search' | 'records' | 'session' | 'workspaceUrl'>) {}

  parse(raw: unknown): SearchInput {
    const i = asInput(raw);
    return { query: reqString(i, 'query', 256), object: optString(i, 'object', 100), limit: optInt(i, 'limit', 1, 25, 10) };
  }

  progress(i: SearchInput, w: ToolWording): string {
    return w.searching(JSON.stringify(i.query), i.object);
  }

  async run(i: SearchInput): Promise<string> {
    const only = i.object ? await resolveObject(this.data, i.object) : undefined;
    const results = await this.data.search.cached(i.query, only ? [slugOf(only)] : undefined, i.limit);
    const head = [workspaceLine(this.data), `${results.length} record(s) match ${q(i.query)}${only ? ` in ${slugOf(only)}` : ''}. ${DATA_NOTE}`];
    if (!results.length) head.push('Nothing found: try another spelling or a shorter query. Never invent ids.');
    const items = await Promise.all(
      results.map(async r => {
        const object = await resolveObject(this.data, r.object_slug).catch(() => undefined);
        const url = object ? recordUrl(this.data, object, r.id.record_id) : '';
        return `- ${q(r.record_text)} · object ${r.object_slug} · record_id ${r.id.record_id}${url ? ` · ${url}` : ''}`;
      }),
    );
    return bounded(head, items, { hint: 'pass "object" or a longer query' });
  }
}

// ---------------------------------------------------------------------------------------------------------------

export interface GetRecordInput {
  record: string;
  object?: string;
}

const NOTES_SHOWN = 10;

export class GetRecordTool implements ChatTool<GetRecordInput> {
  readonly name = 'attio_get_record';
  readonly feature = 'Records';
  constructor(private readonly data: Pick<ToolData, 'records' | 'notes' | 'tasks' | 'session' | 'workspaceUrl'>, private readonly explain: Explain) {}

  parse(raw: unknown): GetRecordInput {
    const i = asInput(raw);
    return { record: reqString(i, 'record', 500), object: optString(i, 'object', 100) };
  }

  progress(i: GetRecordInput, w: ToolWording): string {
    return w.readingRecord(i.record);
  }

  async run(i: GetRecordInput): Promise<string> {
    const { object, id } = await resolveRecord(this.data, i.record, i.object);
    const slug = slugOf(object);
    const [rows, entries, notes, tasks] = await Promise.all([
      this.data.records.valueRows(slug, id, ENGLISH_WORDS),
      this.data.records.entries(slug, id).then(r => r.value, e => this.explain(e, 'List entries')),
      this.data.notes.list(slug, id).then(r => r.value, e => this.explain(e, 'Notes')),
      this.data.tasks.forRecord(slug, id).then(r => r.value, e => this.explain(e, 'Tasks')),
    ]);
    // linked records of the tasks show by title when known, else by id: no title lookups (the request budget)
    const title = this.data.records.titleOf(slug, id) ?? id;
    const head = [
      workspaceLine(this.data),
      `Record ${q(title)} · object ${slug} · record_id ${id} · ${recordUrl(this.data, object, id)}`,
      DATA_NOTE,
      '',
      'Values (attribute api slug (title, type): value):',
    ];
    const items: string[] = rows.map(r => {
      const refs = r.refs.length ? ` [${r.refs.map(x => `${x.object}/${x.id}`).join(', ')}]` : '';
      return `- ${r.slug} (${q(r.title, 80)}, ${r.type}): ${r.texts.map(t => q(t)).join('; ')}${refs}`;
    });
    if (!rows.length) items.push('- (no values)');
    items.push('', 'List entries:');
    if (typeof entries === 'string') items.push(`- ${entries}`);
    else if (!entries.length) items.push('- (in no list)');
    else for (const e of entries) items.push(`- ${q(e.listName)} · list_id ${e.listId} · entry_id ${e.entryId}`);
    items.push('', 'Recent notes:');
    if (typeof notes === 'string') items.push(`- ${notes}`);
    else if (!notes.length) items.push('- (no notes)');
    else {
      for (const n of notes.slice(0, NOTES_SHOWN)) items.push(`- ${q(n.title || '(untitled)')} · ${(n.created_at ?? '').slice(0, 10)} · note_id ${n.id.note_id}`);
      if (notes.length > NOTES_SHOWN) items.push(`- … ${notes.length - NOTES_SHOWN} older notes`);
    }
    items.push('', 'Open tasks:');
    if (typeof tasks === 'string') items.push(`- ${tasks}`);
    else if (!tasks.length) items.push('- (no open tasks)');
    else for (const t of tasks) items.push(taskLine(this.data, t, Date.now()));
    return bounded(head, items);
  }
}

// ---------------------------------------------------------------------------------------------------------------

export function taskLine(data: Pick<ToolData, 'tasks'>, t: AttioTask, now: number): string {
  const deadline = t.deadline_at ? ` · deadline ${t.deadline_at.slice(0, 10)}${!t.is_completed && isOverdue(t.deadline_at, now) ? ' (overdue)' : ''}` : ' · no deadline';
  const who = data.tasks.assigneeNames(t, ENGLISH_WORDS);
  const links = data.tasks.linkedRecords(t);
  return [
    `- ${q(t.content_plaintext, 500)}${t.is_completed ? ' · completed' : ''}${deadline}`,
    who.length ? ` · assignees ${who.map(n => q(n, 80)).join(', ')}` : ' · unassigned',
    links.length ? ` · linked ${links.map(l => (l.title === l.id ? `${l.object}/${l.id}` : `${q(l.title, 80)} (${l.object}/${l.id})`)).join(', ')}` : '',
    ` · task_id ${t.id.task_id}`,
  ].join('');
}

export type TaskFilter = 'mine' | 'open' | 'overdue' | 'completed';

export interface ListTasksInput {
  filter: TaskFilter;
  record?: string;
  object?: string;
  limit: number;
}

export class ListTasksTool implements ChatTool<ListTasksInput> {
  readonly name = 'attio_list_tasks';
  readonly feature = 'Tasks';
  constructor(private readonly data: Pick<ToolData, 'tasks' | 'records' | 'session'>, private readonly now: () => number = Date.now) {}

  parse(raw: unknown): ListTasksInput {
    const i = asInput(raw);
    return { filter: optEnum(i, 'filter', ['mine', 'open', 'overdue', 'completed'] as const, 'open'), record: optString(i, 'record', 500), object: optString(i, 'object', 100), limit: optInt(i, 'limit', 1, 50, 20) };
  }

  progress(i: ListTasksInput, w: ToolWording): string {
    return w.listingTasks(i.filter, !!i.record);
  }

  async run(i: ListTasksInput): Promise<string> {
    if (i.filter === 'mine' && !this.data.session?.memberId) {
      return `${workspaceLine(this.data)} This token is not tied to a workspace member (an API token), so there are no "my" tasks: use filter "open".`;
    }
    let tasks: AttioTask[];
    let about = '';
    if (i.record) {
      const { object, id } = await resolveRecord(this.data, i.record, i.object);
      const slug = slugOf(object);
      const linked = (t: AttioTask) => t.linked_records.some(l => l.target_record_id === id);
      tasks = i.filter === 'completed' ? (await this.data.tasks.list('completed')).value.filter(linked) : (await this.data.tasks.forRecord(slug, id)).value;
      if (i.filter === 'mine') tasks = tasks.filter(t => this.data.tasks.isMine(t));
      if (i.filter === 'overdue') tasks = tasks.filter(t => isOverdue(t.deadline_at, this.now()));
      about = ` linked to ${q(this.data.records.titleOf(slug, id) ?? id)} (${slug}/${id})`;
    } else {
      tasks = (await this.data.tasks.list(i.filter === 'open' ? 'allOpen' : i.filter)).value;
    }
    const shown = tasks.slice(0, i.limit);
    // tasks and members are 2 requests; titles of linked records 1 more at most (the object with most links)
    await this.data.tasks.loadLinks(shown, 1).catch(() => undefined);
    const label = i.filter === 'completed' ? 'completed (the 50 most recent)' : i.filter === 'mine' ? 'open, assigned to me' : i.filter;
    const head = [workspaceLine(this.data), `${tasks.length} task(s), ${label}${about}. ${DATA_NOTE}`];
    const now = this.now();
    return bounded(head, shown.map(t => taskLine(this.data, t, now)), { more: tasks.length - shown.length, hint: 'raise "limit" or pass "record"' });
  }
}

// ---------------------------------------------------------------------------------------------------------------

export interface ListEntriesInput {
  list: string;
  stage?: string;
  limit: number;
}

export class ListEntriesTool implements ChatTool<ListEntriesInput> {
  readonly name = 'attio_list_entries';
  readonly feature = 'List entries';
  constructor(private readonly data: Pick<ToolData, 'lists' | 'session'>) {}

  parse(raw: unknown): ListEntriesInput {
    const i = asInput(raw);
    return { list: reqString(i, 'list', 200), stage: optString(i, 'stage', 200), limit: optInt(i, 'limit', 1, 50, 20) };
  }

  progress(i: ListEntriesInput, w: ToolWording): string {
    return w.readingList(JSON.stringify(i.list));
  }

  async run(i: ListEntriesInput): Promise<string> {
    const list = await resolveList(this.data, i.list);
    const listId = list.id.list_id;
    const page = await this.data.lists.entries(listId);
    const withRows = await Promise.all(page.items.map(async it => ({ it, rows: await this.data.lists.valueRows(listId, it.entry.id.entry_id, ENGLISH_WORDS) })));
    let picked = withRows;
    if (i.stage) {
      const want = i.stage.toLowerCase();
      const stageRows = withRows.flatMap(w => w.rows.filter(r => r.type === 'status' || r.type === 'select'));
      if (!stageRows.length) throw new ToolInputError(`List ${JSON.stringify(list.name)} has no status or select values to filter by "stage".`);
      picked = withRows.filter(w => w.rows.some(r => (r.type === 'status' || r.type === 'select') && r.texts.some(t => t.toLowerCase() === want)));
      if (!picked.length) {
        const seen = [...new Set(stageRows.flatMap(r => r.texts))].slice(0, 30);
        return `${workspaceLine(this.data)} No entry of ${q(list.name)} is in stage ${q(i.stage)}. Stages in use: ${seen.map(s => q(s, 80)).join(', ')}.`;
      }
    }
    const shown = picked.slice(0, i.limit);
    const loaded = `${page.items.length}${page.hasMore ? '+' : ''}`;
    const head = [
      workspaceLine(this.data),
      `List ${q(list.name)} · api slug ${list.api_slug} · list_id ${listId} · parent object ${list.parent_object.join(', ')}`,
      `${picked.length} of ${loaded} entries${i.stage ? ` in stage ${q(i.stage)}` : ''}${page.hasMore ? ' (first page only)' : ''}. ${DATA_NOTE}`,
    ];
    const items = shown.map(({ it, rows }) => {
      const vals = rows.map(r => `${r.slug}: ${r.texts.map(t => q(t, 120)).join('; ')}`).join(' · ');
      return `- ${q(it.title)} (${it.entry.parent_object}/${it.entry.parent_record_id}) · entry_id ${it.entry.id.entry_id}${vals ? ` · ${vals}` : ''}`;
    });
    return bounded(head, items, { more: picked.length - shown.length, hint: 'pass "stage" or raise "limit"' });
  }
}
