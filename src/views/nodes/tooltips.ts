/**
 * The sidebar's Markdown tooltips (lazy part `sidebar`), loaded before the first tooltip is resolved (provider.ts
 * `resolveTreeItem`), not at activation. Each node hands its data over (treeNode.ts `tooltips`); pure: `vscode`
 * only for `l10n.t` and MarkdownString, the render module and the node context come in as arguments. CRM text is
 * always escaped or made inert: no command links, HTML or images.
 */
import * as vscode from 'vscode';
import type { AttioComment, AttioList, AttioMeeting, AttioNote, AttioObject, AttioTask } from '../../attio';
import { STANDARD_OBJECTS, clip, formatTimestamp, mdEscape, relativeDeadline, type ValueRow, type WorkspaceData } from '../../data';
import type * as Render from '../../detail/render';

type RenderModule = typeof Render;

/** What tooltips read of a node's context (treeNode.ts `NodeContext` is one). */
export interface TooltipContext {
  readonly data: WorkspaceData;
  now(): number;
  locale?: string;
}

/** Untrusted Markdown of `lines` (empty lines collapsed), with theme icons but no HTML and no command links. */
export function md(lines: string[]): vscode.MarkdownString {
  const m = new vscode.MarkdownString(lines.filter((l, i, a) => l !== '' || (i > 0 && a[i - 1] !== '')).join('\n'));
  m.supportThemeIcons = true;
  // tooltips carry CRM text: no raw HTML, and no command links (untrusted)
  m.supportHtml = false;
  m.isTrusted = false;
  return m;
}

/** "Load more" after it failed. */
export function loadMore(failure: string): vscode.MarkdownString {
  return md([vscode.l10n.t("Couldn't load more: {0}", mdEscape(failure)), '', vscode.l10n.t('Click to try again.')]);
}

export function task(t: AttioTask, overdue: boolean, ctx: TooltipContext): vscode.MarkdownString {
  const now = ctx.now();
  const at = t.deadline_at && formatTimestamp(t.deadline_at, ctx);
  const rel = t.deadline_at && relativeDeadline(t.deadline_at, now, ctx.locale);
  const deadline = t.deadline_at
    ? overdue
      ? vscode.l10n.t({ message: '{0} ({1}) — **overdue**', args: [at, rel], comment: '{0}: date, {1}: e.g. 2 days ago' })
      : `${at} (${rel})`
    : vscode.l10n.t({ message: 'none', comment: 'no deadline' });
  const links = ctx.data.tasks.linkedRecords(t);
  return md([
    mdEscape(t.content_plaintext || vscode.l10n.t('Untitled task')),
    '',
    `- ${t.is_completed ? vscode.l10n.t('Status: completed') : vscode.l10n.t('Status: open')}`,
    `- ${vscode.l10n.t('Deadline: {0}', deadline)}`,
    `- ${vscode.l10n.t('Assignees: {0}', mdEscape(ctx.data.tasks.assigneeNames(t).join(', ') || vscode.l10n.t('nobody')))}`,
    links.length ? `- ${vscode.l10n.t({ message: 'Linked: {0}', args: [links.map(l => mdEscape(l.title)).join(', ')], comment: '{0}: record titles' })}` : '',
    t.created_at ? `- ${vscode.l10n.t('Created {0}', formatTimestamp(t.created_at, ctx))}` : '',
  ]);
}

/** A list; `parentLabel`: the names of the objects its entries are. */
export function list(l: AttioList, parentLabel: string, ctx: TooltipContext): vscode.MarkdownString {
  return md([
    `**${mdEscape(l.name)}**`,
    '',
    `- ${vscode.l10n.t({ message: 'Entries are {0}', args: [mdEscape(parentLabel)], comment: '{0}: object names' })}`,
    `- ${vscode.l10n.t('API slug: {0}', `\`${l.api_slug}\``)}`,
    `- ${vscode.l10n.t('Workspace access: {0}', l.workspace_access ?? vscode.l10n.t({ message: 'private', comment: 'list access' }))}`,
    l.created_at ? `- ${vscode.l10n.t('Created {0}', formatTimestamp(l.created_at, ctx))}` : '',
  ]);
}

/** A list entry: its record's title, its list's name, its stage and when it was added. */
export function entry(title: string, listName: string, stage: string | undefined, createdAt: string | undefined, ctx: TooltipContext): vscode.MarkdownString {
  return md([
    vscode.l10n.t({ message: '{0} in {1}', args: [`**${mdEscape(title)}**`, `*${mdEscape(listName)}*`], comment: '{0}: record, {1}: list' }),
    '',
    stage ? `- ${vscode.l10n.t('Stage: {0}', mdEscape(stage))}` : '',
    createdAt ? `- ${vscode.l10n.t({ message: 'Added {0}', args: [formatTimestamp(createdAt, ctx)], comment: '{0}: date' })}` : '',
  ]);
}

/** An object; `count`: its records when known. */
export function object(o: AttioObject, slug: string, count: number | undefined): vscode.MarkdownString {
  return md([
    `**${mdEscape(o.plural_noun ?? slug)}**`,
    '',
    `- ${vscode.l10n.t('API slug: {0}', `\`${slug}\``)}`,
    o.singular_noun ? `- ${vscode.l10n.t({ message: 'One record is a {0}', args: [mdEscape(o.singular_noun)], comment: '{0}: object name' })}` : '',
    count !== undefined ? `- ${count === 1 ? vscode.l10n.t('1 record') : vscode.l10n.t('{0} records', count)}` : '',
    `- ${STANDARD_OBJECTS.includes(slug) ? vscode.l10n.t('Standard object') : vscode.l10n.t('Custom object')}`,
  ]);
}

/** A record: its title, its object's singular noun, a hint (email, domain, stage), creation and web link. */
export function record(
  r: { title: string; noun: string; hint: string | undefined; createdAt: string | undefined; webUrl: string | undefined },
  ctx: TooltipContext,
  render: RenderModule,
): vscode.MarkdownString {
  return md([
    `**${mdEscape(r.title)}**`,
    `*${mdEscape(r.noun)}*${r.hint ? ` · ${mdEscape(r.hint)}` : ''}`,
    '',
    r.createdAt ? vscode.l10n.t('Created {0}', formatTimestamp(r.createdAt, ctx)) : '',
    r.webUrl ? render.webLink(vscode.l10n.t('Open in Attio'), r.webUrl) : '',
  ]);
}

export function note(n: AttioNote, render: RenderModule): vscode.MarkdownString {
  // CRM rich text: no images, raw HTML or non-web links, even in a hover
  const body = n.content_markdown ? render.inertMarkdown(n.content_markdown.slice(0, 600)) : render.plainTextMarkdown((n.content_plaintext ?? '').slice(0, 600));
  return md([`**${mdEscape(n.title || vscode.l10n.t('Untitled note'))}**`, '', body]);
}

/** An attribute's values (the first 20). */
export function value(row: ValueRow): vscode.MarkdownString {
  const texts = row.texts;
  return md([
    `**${mdEscape(row.title)}** (\`${row.slug}\`, ${row.type})`,
    '',
    ...texts.slice(0, 20).map(t => `- ${mdEscape(clip(t, 1000))}`),
    texts.length > 20 ? `- ${vscode.l10n.t('…and {0} more', texts.length - 20)}` : '',
  ]);
}

/** Comments, each under its `line` (author · time). */
export function comments(cs: AttioComment[], line: (c: AttioComment) => string, render: RenderModule): vscode.MarkdownString {
  return md(cs.flatMap(c => [`**${mdEscape(line(c))}**`, '', render.plainTextMarkdown(c.content_plaintext), '']));
}

/** A meeting; `when`: its start, formatted. */
export function meeting(m: AttioMeeting, when: string): vscode.MarkdownString {
  return md([`**${mdEscape(m.title)}** · ${when}`, '', m.description ? mdEscape(m.description) : '', '', ...m.participants.map(p => `- ${mdEscape(p.email_address ?? vscode.l10n.t({ message: 'unknown', comment: 'no email' }))}${p.is_organizer ? vscode.l10n.t({ message: ' (organizer)', comment: 'keep leading space' }) : ''} · ${p.status ?? ''}`)]);
}
