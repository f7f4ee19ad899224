/**
 * The write tools: create a task, add a note. Each has `confirm`, the title and Markdown the person sees before
 * anything is written (the registration only writes after VS Code asked them); the Markdown shows exactly what will
 * be written, CRM text escaped or fenced so it renders as text, in words the injected {@link ToolWording} gives (the
 * person's language). No `vscode`.
 */
import { mdEscape } from '../../data';
import { asInput, optEnum, optString, q, reqString, ToolInputError, type Input } from './common';
import { recordUrl, resolveRecord, slugOf, workspaceLine, type ToolData } from './context';
import type { ChatTool } from './reads';
import type { ToolWording } from './wording';

export interface Confirmation {
  title: string;
  /** Markdown. */
  message: string;
}

export interface WriteTool<I> extends ChatTool<I> {
  confirm(input: I, w: ToolWording): Promise<Confirmation>;
}

/** A fenced block that no backtick run inside `text` can close. */
export function fenced(text: string): string {
  const longest = Math.max(0, ...(text.match(/`+/g) ?? []).map(s => s.length));
  const fence = '`'.repeat(Math.max(3, longest + 1));
  return `${fence}text\n${text}\n${fence}`; // l10n-ignore: a code fence around CRM text
}

function optDeadline(input: Input): string | null {
  const v = optString(input, 'deadline', 40);
  if (!v) return null;
  const day = /^\d{4}-\d{2}-\d{2}$/.test(v);
  const ms = Date.parse(day ? `${v}T23:59:59Z` : v);
  if (Number.isNaN(ms)) throw new ToolInputError('"deadline" must be an ISO 8601 date (2026-12-31) or date-time (2026-12-31T17:00:00Z).');
  return new Date(ms).toISOString();
}

type RecordTarget = { object: string; id: string; title: string; url: string };

async function target(data: Pick<ToolData, 'records' | 'workspaceUrl'>, record: string, object: string | undefined): Promise<RecordTarget> {
  const r = await resolveRecord(data, record, object);
  const slug = slugOf(r.object);
  const rec = await data.records.get(slug, r.id);
  return { object: slug, id: r.id, title: data.records.title(rec, slug), url: recordUrl(data, r.object, r.id) };
}

// ---------------------------------------------------------------------------------------------------------------

export interface CreateTaskToolInput {
  content: string;
  deadline: string | null;
  record?: string;
  object?: string;
  assignToMe: boolean;
}

export class CreateTaskTool implements WriteTool<CreateTaskToolInput> {
  readonly name = 'attio_create_task';
  readonly feature = 'Create tasks';
  constructor(private readonly data: Pick<ToolData, 'tasks' | 'records' | 'session' | 'workspaceUrl'>) {}

  parse(raw: unknown): CreateTaskToolInput {
    const i = asInput(raw);
    const assign = i.assignToMe;
    if (assign !== undefined && typeof assign !== 'boolean') throw new ToolInputError('"assignToMe" must be true or false.');
    return { content: reqString(i, 'content', 2000), deadline: optDeadline(i), record: optString(i, 'record', 500), object: optString(i, 'object', 100), assignToMe: assign ?? false };
  }

  progress(_i: CreateTaskToolInput, w: ToolWording): string {
    return w.creatingTask();
  }

  private assignee(i: CreateTaskToolInput): string | undefined {
    if (!i.assignToMe) return undefined;
    const me = this.data.session?.memberId;
    if (!me) throw new ToolInputError('This token is not tied to a workspace member, so the task cannot be assigned to "me"; leave assignToMe false.');
    return me;
  }

  async confirm(i: CreateTaskToolInput, w: ToolWording): Promise<Confirmation> {
    this.assignee(i);
    const t = i.record ? await target(this.data, i.record, i.object) : undefined;
    const ws = this.data.session?.workspaceName ?? 'Attio';
    const say = w.createTask;
    const lines = [
      say.intro(mdEscape(ws)),
      '',
      fenced(i.content),
      '',
      `- ${say.deadline(i.deadline ? i.deadline.slice(0, 16).replace('T', ' ') + ' UTC' : null)}`,
      `- ${say.linkedRecord(t ? { title: mdEscape(t.title), object: t.object, id: t.id } : undefined)}`,
      `- ${say.assignee(i.assignToMe)}`,
    ];
    return { title: say.title(), message: lines.join('\n') };
  }

  async run(i: CreateTaskToolInput, _signal: AbortSignal, beforeWrite: () => void): Promise<string> {
    const me = this.assignee(i);
    const t = i.record ? await target(this.data, i.record, i.object) : undefined;
    beforeWrite();
    const task = await this.data.tasks.create({
      content: i.content,
      deadlineAt: i.deadline,
      ...(t ? { linkedRecords: [{ targetObject: t.object, targetRecordId: t.id }] } : {}),
      ...(me ? { assigneeIds: [me] } : {}),
    });
    return `${workspaceLine(this.data)} Created task ${q(task.content_plaintext)} · task_id ${task.id.task_id}${t ? ` · linked to ${q(t.title)} (${t.url})` : ''}${task.deadline_at ? ` · deadline ${task.deadline_at.slice(0, 10)}` : ''}.`;
  }
}

// ---------------------------------------------------------------------------------------------------------------

export interface AddNoteInput {
  record: string;
  object?: string;
  title: string;
  content: string;
  format: 'plaintext' | 'markdown';
}

export class AddNoteTool implements WriteTool<AddNoteInput> {
  readonly name = 'attio_add_note';
  readonly feature = 'Add notes';
  constructor(private readonly data: Pick<ToolData, 'notes' | 'records' | 'session' | 'workspaceUrl'>) {}

  parse(raw: unknown): AddNoteInput {
    const i = asInput(raw);
    return {
      record: reqString(i, 'record', 500),
      object: optString(i, 'object', 100),
      title: reqString(i, 'title', 200),
      content: reqString(i, 'content', 10_000),
      format: optEnum(i, 'format', ['plaintext', 'markdown'] as const, 'plaintext'),
    };
  }

  progress(_i: AddNoteInput, w: ToolWording): string {
    return w.addingNote();
  }

  async confirm(i: AddNoteInput, w: ToolWording): Promise<Confirmation> {
    const t = await target(this.data, i.record, i.object);
    const ws = this.data.session?.workspaceName ?? 'Attio';
    const say = w.addNote;
    const lines = [
      say.intro({ title: mdEscape(t.title), object: t.object, id: t.id }, mdEscape(ws)),
      '',
      say.noteTitle(mdEscape(i.title)),
      '',
      say.content(i.format, i.content.length),
      '',
      fenced(i.content),
    ];
    return { title: say.title(), message: lines.join('\n') };
  }

  async run(i: AddNoteInput, _signal: AbortSignal, beforeWrite: () => void): Promise<string> {
    const t = await target(this.data, i.record, i.object);
    beforeWrite();
    const note = await this.data.notes.create({ parentObject: t.object, parentRecordId: t.id, title: i.title, format: i.format, content: i.content });
    return `${workspaceLine(this.data)} Added note ${q(note.title ?? i.title)} · note_id ${note.id.note_id} to ${q(t.title)} (${t.url}).`;
  }
}
