/**
 * Markdown of the read-only detail documents: a record, a list entry, a task or a note, with every value and
 * relative links to related records' documents. Pure apart from the data layer's (cached) loads; `vscode` only for
 * `l10n.t`.
 */
import * as vscode from 'vscode';
import { errorMessage, type AttioTask } from '../attio';
import { formatTimestamp, isOverdue, mdEscape, relativeDeadline, type RecordRef, type ValueRow, type WorkspaceData } from '../data';
import { escapeAll, inertMarkdown, plainTextMarkdown, webLink } from './inertMarkdown';
import { commentsSection } from './comments';
import { meetingsSection } from './meetings';
export { renderTranscript } from './transcript';
// tooltips in the sidebar use these too, through this module, so the renderer stays out of the activation bundle
export { inertMarkdown, plainTextMarkdown, webLink } from './inertMarkdown';
import { EDIT_ID, relativeLink, type DetailTarget } from './paths';

export interface RenderOptions {
  now: number;
  locale?: string;
  timeZone?: string;
  /** `https://app.attio.com/{workspace_slug}` */
  workspaceUrl: string;
  /** Present when the person may write the page's item (a record, an entry): an Edit link beside each editable value, its path numbered `serial`. */
  editLinks?: { serial: number };
}

function refLink(from: DetailTarget, r: RecordRef): string {
  return `[${mdEscape(r.title)}](${relativeLink(from, { kind: 'record', object: r.object, id: r.id, name: r.title })})`;
}

/** " · Edit" beside a value a person may write (the rule of the tree's Edit…: `row.editable`), on a record's or entry's page. */
function editLink(from: DetailTarget, r: ValueRow, opts: RenderOptions): string {
  if (!opts.editLinks || !r.editable || (from.kind !== 'record' && from.kind !== 'entry')) return '';
  if (![from.kind === 'record' ? from.object : from.list, from.id, r.slug].every(p => EDIT_ID.test(p))) return '';
  const edit = { attribute: r.slug, serial: opts.editLinks.serial };
  return ` · [${vscode.l10n.t({ message: 'Edit', comment: 'a link beside a value on a record page' })}](${relativeLink(from, { ...from, edit })})`;
}

function valuesTable(from: DetailTarget, rows: ValueRow[], opts: RenderOptions): string[] {
  if (!rows.length) return [`*${vscode.l10n.t('No values.')}*`];
  const out = [`| ${vscode.l10n.t({ message: 'Attribute', comment: 'table heading' })} | ${vscode.l10n.t({ message: 'Value', comment: 'table heading' })} |`, '| --- | --- |'];
  for (const r of rows) {
    const value = r.refs.length ? r.refs.map(x => refLink(from, x)).join(', ') : r.texts.map(mdEscape).join('<br>');
    // the api slug and type, dim under the title (a developer's name for the column; exact in Open as JSON)
    out.push(`| ${mdEscape(r.title)}<br><sub>\`${r.slug.replace(/[`|\r\n]/g, '')}\` · ${mdEscape(r.type)}</sub> | ${value}${editLink(from, r, opts)} |`);
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
    ...valuesTable(t, rows, opts),
    '',
    `## ${vscode.l10n.t('List entries')}`,
    '',
  ];
  if (Array.isArray(entries)) {
    if (!entries.length) out.push(`*${vscode.l10n.t('In no lists.')}*`);
    for (const e of entries) {
      const name = vscode.l10n.t({ message: '{0} in {1}', args: [title, e.listName], comment: '{0}: record, {1}: list' });
      out.push(`- [${mdEscape(e.listName)}](${relativeLink(t, { kind: 'entry', list: e.listId, id: e.entryId, name })})`);
    }
  } else out.push(`*${vscode.l10n.t('Could not load list entries: {0}', mdEscape(errorMessage(entries)))}*`);
  out.push('', `## ${vscode.l10n.t('Notes')}`, '');
  if (Array.isArray(notes)) {
    if (!notes.length) out.push(`*${vscode.l10n.t('No notes.')}*`);
    for (const n of notes) {
      out.push(`- [${mdEscape(n.title || vscode.l10n.t('Untitled note'))}](${relativeLink(t, { kind: 'note', id: n.id.note_id, name: n.title ?? undefined })})${n.created_at ? ` · ${formatTimestamp(n.created_at, opts)}` : ''}`);
    }
  } else out.push(`*${vscode.l10n.t('Could not load notes: {0}', mdEscape(errorMessage(notes)))}*`);
  out.push('', ...(await commentsSection(data, { object: t.object, recordId: t.id }, opts)));
  out.push(...(await meetingsSection(data, t.object, t.id, opts)));
  const recordId = `\`${record.id.record_id}\``;
  out.push(
    '',
    '---',
    '',
    record.created_at
      ? vscode.l10n.t({ message: 'Record ID {0} · created {1}', args: [recordId, formatTimestamp(record.created_at, opts)], comment: '{0}: the id, {1}: date and time' })
      : vscode.l10n.t('Record ID {0}', recordId),
    '',
  );
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
    `${vscode.l10n.t({ message: 'Entry in {0} · record {1}', args: [`*${mdEscape(list?.name ?? t.list)}*`, refLink(t, parent)], comment: '{0}: a list, {1}: a link to the record' })} · ${openInAttio(data.records.url(entry.parent_record_id), opts)}`,
    '',
    ...valuesTable(t, rows, opts),
    '',
    ...(await commentsSection(data, { list: t.list, entryId: t.id }, opts)),
    '---',
    '',
    entry.created_at
      ? vscode.l10n.t({ message: 'Entry ID {0} · added {1}', args: [`\`${entry.id.entry_id}\``, formatTimestamp(entry.created_at, opts)], comment: '{0}: the id, {1}: date and time' })
      : vscode.l10n.t('Entry ID {0}', `\`${entry.id.entry_id}\``),
    '',
  ].join('\n');
}

export async function renderTask(data: WorkspaceData, t: DetailTarget, task: AttioTask, opts: RenderOptions): Promise<string> {
  await data.tasks.loadLinks([task]).catch(() => undefined);
  const links = data.tasks.linkedRecords(task);
  const overdue = !task.is_completed && isOverdue(task.deadline_at, opts.now);
  const at = task.deadline_at && formatTimestamp(task.deadline_at, opts);
  const rel = task.deadline_at && relativeDeadline(task.deadline_at, opts.now, opts.locale);
  const deadline = task.deadline_at
    ? overdue
      ? vscode.l10n.t({ message: '{0} ({1}) — **overdue**', args: [at, rel], comment: '{0}: date, {1}: e.g. 2 days ago' })
      : `${at} (${rel})`
    : vscode.l10n.t('No deadline');
  const creator = task.created_by_actor?.id ? (data.members.name(task.created_by_actor.id) ?? task.created_by_actor.type ?? '') : (task.created_by_actor?.type ?? '');
  return [
    `# ${task.is_completed ? '☑' : '☐'} ${vscode.l10n.t({ message: 'Task', comment: 'heading of a task page' })}`,
    '',
    ...task.content_plaintext.split(/\r?\n/).map(l => `> ${escapeAll(l)}`),
    '',
    '| | |',
    '| --- | --- |',
    `| ${vscode.l10n.t('Status')} | ${
      task.is_completed
        ? task.completed_at
          ? vscode.l10n.t({ message: 'Completed {0}', args: [formatTimestamp(task.completed_at, opts)], comment: 'task status; {0}: date and time' })
          : vscode.l10n.t({ message: 'Completed', comment: 'task status' })
        : vscode.l10n.t({ message: 'Open', comment: 'task status' })
    } |`,
    `| ${vscode.l10n.t('Deadline')} | ${deadline} |`,
    `| ${vscode.l10n.t('Assignees')} | ${mdEscape(data.tasks.assigneeNames(task).join(', ') || vscode.l10n.t({ message: 'Nobody', comment: 'no assignees' }))} |`,
    `| ${vscode.l10n.t('Linked records')} | ${links.length ? links.map(l => refLink(t, l)).join(', ') : vscode.l10n.t({ message: 'None', comment: 'no linked records' })} |`,
    creator ? `| ${vscode.l10n.t('Created by')} | ${mdEscape(creator)} |` : '',
    task.created_at ? `| ${vscode.l10n.t({ message: 'Created', comment: 'row heading: when the task was created' })} | ${formatTimestamp(task.created_at, opts)} |` : '',
    '',
    openInAttio(links[0] && data.records.url(links[0].id), opts),
    '',
    '---',
    '',
    vscode.l10n.t('Task ID {0}', `\`${task.id.task_id}\``),
    '',
  ]
    .filter((l, i, a) => !(l === '' && a[i - 1]?.startsWith('|') && a[i + 1]?.startsWith('|')))
    .join('\n');
}

async function renderNote(data: WorkspaceData, id: string, opts: RenderOptions): Promise<string> {
  const found = data.notes.cached(id);
  if (!found) return `# ${vscode.l10n.t({ message: 'Note', comment: 'heading of a note page' })}\n\n*${vscode.l10n.t('This note is not loaded. Expand its record\'s "Notes" in the Objects view, then open it again.')}*\n`;
  const { note, object } = found;
  const parent: RecordRef = { object, id: note.parent_record_id, title: data.records.titleOf(object, note.parent_record_id) ?? note.parent_record_id };
  const from: DetailTarget = { kind: 'note', id, name: note.title ?? undefined };
  return [
    `# ${mdEscape(note.title || vscode.l10n.t('Untitled note'))}`,
    '',
    `${vscode.l10n.t({ message: 'On {0}', args: [refLink(from, parent)], comment: 'a note on a record; {0}: a link to the record' })}${note.created_at ? ` · ${formatTimestamp(note.created_at, opts)}` : ''}`,
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
  return webLink(vscode.l10n.t('Open in Attio'), url && /^https?:/i.test(url) ? url : opts.workspaceUrl);
}
