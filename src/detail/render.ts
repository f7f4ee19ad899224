/**
 * Markdown of the read-only detail documents: a record, a list entry, a task or a note, with every value and
 * relative links to related records' documents. Pure apart from the data layer's (cached) loads; no `vscode`.
 */
import { errorMessage, type AttioTask } from '../attio';
import { formatTimestamp, isOverdue, mdEscape, relativeDeadline, type RecordRef, type ValueRow, type WorkspaceData } from '../data';
import { escapeAll, inertMarkdown, plainTextMarkdown, webLink } from './inertMarkdown';
import { commentsSection } from './comments';
import { meetingsSection } from './meetings';
export { renderTranscript } from './transcript';
// tooltips in the sidebar use these too, through this module, so the renderer stays out of the activation bundle
export { inertMarkdown, plainTextMarkdown, webLink } from './inertMarkdown';
import { relativeLink, type DetailTarget } from './paths';

export interface RenderOptions {
  now: number;
  locale?: string;
  timeZone?: string;
  /** `https://app.attio.com/{workspace_slug}` */
  workspaceUrl: string;
}

const cell = (s: string): string => mdEscape(s).replace(/\r?\n/g, ' ');

function refLink(from: DetailTarget, r: RecordRef): string {
  return `[${mdEscape(r.title)}](${relativeLink(from, { kind: 'record', object: r.object, id: r.id, name: r.title })})`;
}

function valuesTable(from: DetailTarget, rows: ValueRow[]): string[] {
  if (!rows.length) return ['*No values.*'];
  const out = ['| Attribute | Value |', '| --- | --- |'];
  for (const r of rows) {
    const value = r.refs.length ? r.refs.map(x => refLink(from, x)).join(', ') : r.texts.map(cell).join('<br>');
    // the api slug and type, dim under the title (a developer's name for the column; exact in Open as JSON)
    out.push(`| ${cell(r.title)}<br><sub>\`${r.slug.replace(/[`|\r\n]/g, '')}\` · ${cell(r.type)}</sub> | ${value} |`);
  }
  return out;
}

/** Renders the document for `target`; failures of optional sections become a line of text, not an error. */
export async function renderDetail(data: WorkspaceData, target: DetailTarget, opts: RenderOptions): Promise<string> {
  switch (target.kind) {
    case 'record':
      return renderRecord(data, target, opts);
    case 'entry':
      return renderEntry(data, target, opts);
    case 'task':
      return renderTask(data, target, await data.tasks.get(target.id), opts);
    case 'note':
      return renderNote(data, target.id, opts);
  }
}

async function renderRecord(data: WorkspaceData, t: Extract<DetailTarget, { kind: 'record' }>, opts: RenderOptions): Promise<string> {
  const record = await data.records.get(t.object, t.id);
  const [rows, entries, notes] = await Promise.all([
    data.records.valueRows(t.object, t.id),
    data.records.entries(t.object, t.id).then(r => r.value, (e: unknown) => e),
    data.notes.list(t.object, t.id).then(r => r.value, (e: unknown) => e),
  ]);
  const obj = data.records.object(t.object);
  const title = data.records.title(record, t.object);
  const out = [
    `# ${mdEscape(title)}`,
    '',
    `*${mdEscape(obj?.singular_noun ?? t.object)}* · ${openInAttio(record.web_url, opts)}`,
    '',
    ...valuesTable(t, rows),
    '',
    '## List entries',
    '',
  ];
  if (Array.isArray(entries)) {
    if (!entries.length) out.push('*In no lists.*');
    for (const e of entries) out.push(`- [${mdEscape(e.listName)}](${relativeLink(t, { kind: 'entry', list: e.listId, id: e.entryId, name: `${title} in ${e.listName}` })})`);
  } else out.push(`*Could not load list entries: ${mdEscape(errorMessage(entries))}*`);
  out.push('', '## Notes', '');
  if (Array.isArray(notes)) {
    if (!notes.length) out.push('*No notes.*');
    for (const n of notes) {
      out.push(`- [${mdEscape(n.title || 'Untitled note')}](${relativeLink(t, { kind: 'note', id: n.id.note_id, name: n.title ?? undefined })})${n.created_at ? ` · ${formatTimestamp(n.created_at, opts)}` : ''}`);
    }
  } else out.push(`*Could not load notes: ${mdEscape(errorMessage(notes))}*`);
  out.push('', ...(await commentsSection(data, { object: t.object, recordId: t.id }, opts)));
  out.push(...(await meetingsSection(data, t.object, t.id, opts)));
  out.push('', '---', '', `Record ID \`${record.id.record_id}\`${record.created_at ? ` · created ${formatTimestamp(record.created_at, opts)}` : ''}`, '');
  return out.join('\n');
}

async function renderEntry(data: WorkspaceData, t: Extract<DetailTarget, { kind: 'entry' }>, opts: RenderOptions): Promise<string> {
  const entry = await data.lists.entry(t.list, t.id);
  const rows = await data.lists.valueRows(t.list, t.id);
  const list = data.lists.list(t.list);
  const title = data.lists.entryTitle(entry);
  const parent: RecordRef = { object: entry.parent_object, id: entry.parent_record_id, title };
  return [
    `# ${mdEscape(title)}`,
    '',
    `Entry in *${mdEscape(list?.name ?? t.list)}* · record ${refLink(t, parent)} · ${openInAttio(data.records.url(entry.parent_record_id), opts)}`,
    '',
    ...valuesTable(t, rows),
    '',
    ...(await commentsSection(data, { list: t.list, entryId: t.id }, opts)),
    '---',
    '',
    `Entry ID \`${entry.id.entry_id}\`${entry.created_at ? ` · added ${formatTimestamp(entry.created_at, opts)}` : ''}`,
    '',
  ].join('\n');
}

export async function renderTask(data: WorkspaceData, t: DetailTarget, task: AttioTask, opts: RenderOptions): Promise<string> {
  await data.tasks.loadLinks([task]).catch(() => undefined);
  const links = data.tasks.linkedRecords(task);
  const overdue = !task.is_completed && isOverdue(task.deadline_at, opts.now);
  const deadline = task.deadline_at
    ? `${formatTimestamp(task.deadline_at, opts)} (${relativeDeadline(task.deadline_at, opts.now, opts.locale)})${overdue ? ' — **overdue**' : ''}`
    : 'No deadline';
  const creator = task.created_by_actor?.id ? (data.members.name(task.created_by_actor.id) ?? task.created_by_actor.type ?? '') : (task.created_by_actor?.type ?? '');
  return [
    `# ${task.is_completed ? '☑' : '☐'} Task`,
    '',
    ...task.content_plaintext.split(/\r?\n/).map(l => `> ${escapeAll(l)}`),
    '',
    '| | |',
    '| --- | --- |',
    `| Status | ${task.is_completed ? `Completed${task.completed_at ? ` ${formatTimestamp(task.completed_at, opts)}` : ''}` : 'Open'} |`,
    `| Deadline | ${deadline} |`,
    `| Assignees | ${cell(data.tasks.assigneeNames(task).join(', ') || 'Nobody')} |`,
    `| Linked records | ${links.length ? links.map(l => refLink(t, l)).join(', ') : 'None'} |`,
    creator ? `| Created by | ${cell(creator)} |` : '',
    task.created_at ? `| Created | ${formatTimestamp(task.created_at, opts)} |` : '',
    '',
    openInAttio(links[0] && data.records.url(links[0].id), opts),
    '',
    '---',
    '',
    `Task ID \`${task.id.task_id}\``,
    '',
  ]
    .filter((l, i, a) => !(l === '' && a[i - 1]?.startsWith('|') && a[i + 1]?.startsWith('|')))
    .join('\n');
}

async function renderNote(data: WorkspaceData, id: string, opts: RenderOptions): Promise<string> {
  const found = data.notes.cached(id);
  if (!found) return `# Note\n\n*This note is not loaded. Expand its record's "Notes" in the Objects view, then open it again.*\n`;
  const { note, object } = found;
  const parent: RecordRef = { object, id: note.parent_record_id, title: data.records.titleOf(object, note.parent_record_id) ?? note.parent_record_id };
  const from: DetailTarget = { kind: 'note', id, name: note.title ?? undefined };
  return [
    `# ${mdEscape(note.title || 'Untitled note')}`,
    '',
    `On ${refLink(from, parent)}${note.created_at ? ` · ${formatTimestamp(note.created_at, opts)}` : ''}`,
    '',
    '---',
    '',
    // written by anyone in the workspace: rendered without images, raw HTML or links other than web links
    note.content_markdown ? inertMarkdown(note.content_markdown) : plainTextMarkdown(note.content_plaintext ?? ''),
    '',
  ].join('\n');
}

/** The item's page in Attio: a web URL from the API, else the workspace (never another scheme). */
function openInAttio(url: string | null | undefined, opts: RenderOptions): string {
  return webLink('Open in Attio', url && /^https?:/i.test(url) ? url : opts.workspaceUrl);
}
