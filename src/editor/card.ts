/**
 * The hover card of an Attio record link, as a Markdown string (pure: no I/O; of vscode only `l10n`). CRM values are
 * data, never markup: each one is collapsed to one line, clipped and escaped so that no Markdown, HTML, autolink or
 * theme icon in it takes effect, and none is ever placed inside a link. The only links are the card's own actions,
 * command URIs of {@link CARD_COMMANDS} whose arguments are the parts of the URL the recogniser accepted (slug, object
 * segment, UUID) or a session id of ours. Our own words go through `vscode.l10n.t` (the unit tests' vscode stand-in
 * formats them in English); CRM values are never translated.
 */
import * as vscode from 'vscode';
import type { AttioAttribute, AttioObject, AttioRecord, AttioValue } from '../attio';
import { Commands, EditorCommands } from '../constants';
import { clip, currentValues, humanize, mdEscape, renderValue, type AnyValue, type RenderContext } from '../data';

/** What the link actions receive: the link's parts as the recogniser read them. */
export interface LinkArgs {
  workspaceSlug: string;
  object: string;
  recordId: string;
}

/** Every command a card links to: the hover's `isTrusted.enabledCommands`, nothing else. */
export const CARD_COMMANDS: readonly string[] = [
  EditorCommands.openRecordLink,
  EditorCommands.openRecordLinkInAttio,
  EditorCommands.revealRecordLink,
  EditorCommands.copyRecordLinkId,
  Commands.signIn,
  Commands.switchWorkspace,
];

/** What the card is about; `record` carries what was loaded, the other kinds explain why there is no record. */
export type CardState =
  | { kind: 'signedOut' }
  | { kind: 'otherWorkspace'; activeName: string; switchTo?: { sessionId: string; name: string } }
  | { kind: 'unknownObject'; workspaceName: string }
  | { kind: 'notFound'; workspaceName: string; object?: AttioObject }
  | { kind: 'error'; message: string }
  | { kind: 'record'; workspaceName: string; objectSlug: string; object?: AttioObject; record: AttioRecord; title: string };

/** Lookups from the data layer's cache (no request is made while building a card). */
export interface CardContext extends RenderContext {
  /** Attributes of the record's object, when loaded (titles and order of a custom object's values). */
  attributes?: readonly AttioAttribute[];
  /** Singular noun of an object by slug or id, when the objects list is loaded. */
  objectNoun(object: string): string | undefined;
}

/** Values that identify a record of a standard object, in the order shown: `[attribute slug, label]` (translated when shown). */
const IDENTIFYING: Readonly<Record<string, readonly (readonly [string, () => string])[]>> = {
  people: [
    ['email_addresses', () => vscode.l10n.t({ message: 'Email', comment: 'a row label of a person\'s hover card' })],
    ['company', () => vscode.l10n.t({ message: 'Company', comment: 'a row label of a person\'s hover card: the company they work at' })],
    ['job_title', () => vscode.l10n.t('Job title')],
  ],
  companies: [['domains', () => vscode.l10n.t({ message: 'Domain', comment: 'a row label of a company\'s hover card: its web domain' })]],
  deals: [
    ['stage', () => vscode.l10n.t({ message: 'Stage', comment: 'a row label of a deal\'s hover card: its pipeline stage' })],
    ['value', () => vscode.l10n.t({ message: 'Value', comment: 'a row label of a deal\'s hover card: its amount of money' })],
    ['owner', () => vscode.l10n.t({ message: 'Owner', comment: 'a row label of a deal\'s hover card: the person responsible for it' })],
  ],
  users: [['primary_email_address', () => vscode.l10n.t({ message: 'Email', comment: 'a row label of a person\'s hover card' })]],
  workspaces: [['workspace_id', () => vscode.l10n.t('Workspace ID')]],
};

/** Attributes a custom object's card leaves out: the title's own, ids and bookkeeping. */
const NOT_IDENTIFYING = new Set(['name', 'record_id', 'created_at', 'created_by']);
const CUSTOM_ROWS = 3;
const MAX_VALUE = 120;

/** CRM text as inert Markdown (the data layer's one escaping rule, {@link mdEscape}), one line of at most `max` characters. */
export function inert(text: string, max = MAX_VALUE): string {
  return mdEscape(clip(text.replace(/\s+/g, ' ').trim(), max));
}

/** `command:<id>?<encoded JSON arguments>`, for the card's own actions. */
export function commandUri(command: string, ...args: unknown[]): string {
  return `command:${command}${args.length ? `?${encodeURIComponent(JSON.stringify(args))}` : ''}`;
}

/** A link to one of the card's commands: a codicon, a (translated) label and tooltip; a `"` of a translation cannot end the tooltip. */
const action = (icon: string, label: string, tooltip: string, command: string, ...args: unknown[]): string =>
  `[$(${icon}) ${label}](${commandUri(command, ...args)} "${tooltip.replace(/["\\]/g, c => `\\${c}`)}")`;

/** The record's actions, one line. */
function recordActions(link: LinkArgs, found: boolean): string {
  const a = [
    found ? action('open-preview', vscode.l10n.t('Open Details'), vscode.l10n.t('Open the record in VS Code'), EditorCommands.openRecordLink, link) : '',
    action('link-external', vscode.l10n.t('Open in Attio'), vscode.l10n.t('Open the record in Attio in the browser'), EditorCommands.openRecordLinkInAttio, link),
    found ? action('list-tree', vscode.l10n.t('Reveal in Sidebar'), vscode.l10n.t('Show the record in the Objects view'), EditorCommands.revealRecordLink, link) : '',
    action('copy', vscode.l10n.t('Copy ID'), vscode.l10n.t('Copy the record ID'), EditorCommands.copyRecordLinkId, link),
  ];
  return a.filter(Boolean).join(' · ');
}

export interface IdentifyingRow {
  label: string;
  text: string;
}

function valueText(v: AnyValue, ctx: CardContext): string {
  if (v.attribute_type === 'record-reference') {
    const r = v as { target_object?: string; target_record_id?: string };
    const title = r.target_object && r.target_record_id ? ctx.recordTitle(r.target_object, r.target_record_id) : undefined;
    if (title) return title;
    const noun = r.target_object ? ctx.objectNoun(r.target_object) : undefined;
    if (!noun) return vscode.l10n.t({ message: 'a linked record', comment: 'a hover card value: a record this one links to, whose name is not loaded' });
    return vscode.l10n.t({
      message: 'a linked {0}',
      args: [noun.toLowerCase(), noun],
      comment: 'a hover card value: a record this one links to, whose name is not loaded; {0} is the object\'s singular noun in lower case ("company"), {1} the same noun as written ("Company")',
    });
  }
  return renderValue(v, ctx);
}

/** One row: the first current value's text, with "+N" when the attribute holds more. */
function row(label: string, values: readonly AttioValue[] | undefined, ctx: CardContext): IdentifyingRow | undefined {
  const current = currentValues(values);
  const texts = current.map(v => valueText(v, ctx)).filter(t => t.trim() !== '');
  if (!texts.length) return undefined;
  return { label, text: texts.length > 1 ? `${texts[0]} (+${texts.length - 1})` : texts[0] };
}

/** The few values that identify a record: fixed ones for standard objects, the first few attributes otherwise. */
export function identifyingRows(record: AttioRecord, objectSlug: string, title: string, ctx: CardContext): IdentifyingRow[] {
  const values = record.values ?? {};
  const fixed = IDENTIFYING[objectSlug];
  if (fixed) return fixed.map(([slug, label]) => row(label(), values[slug], ctx)).filter((r): r is IdentifyingRow => !!r);
  const titles = new Map((ctx.attributes ?? []).map(a => [a.api_slug, a.title]));
  const order = ctx.attributes ? ctx.attributes.filter(a => !a.is_archived).map(a => a.api_slug) : Object.keys(values);
  const rows: IdentifyingRow[] = [];
  for (const slug of order) {
    if (rows.length >= CUSTOM_ROWS) break;
    if (NOT_IDENTIFYING.has(slug)) continue;
    const r = row(titles.get(slug) ?? humanize(slug), values[slug], ctx);
    if (r && r.text !== title) rows.push(r);
  }
  return rows;
}

/** Record references and actors among a record's identifying values whose names are not cached yet. */
export function unresolvedNames(record: AttioRecord, objectSlug: string, ctx: CardContext): { titles: Map<string, Set<string>>; members: boolean } {
  const titles = new Map<string, Set<string>>();
  let members = false;
  const values = record.values ?? {};
  const fixed = IDENTIFYING[objectSlug];
  const slugs = fixed ? fixed.map(([slug]) => slug) : Object.keys(values).filter(s => !NOT_IDENTIFYING.has(s)).slice(0, CUSTOM_ROWS + 2);
  for (const slug of slugs) {
    for (const v of currentValues(values[slug]).slice(0, 1)) {
      if (v.attribute_type === 'record-reference') {
        const r = v as { target_object?: string; target_record_id?: string };
        if (r.target_object && r.target_record_id && !ctx.recordTitle(r.target_object, r.target_record_id)) {
          let set = titles.get(r.target_object);
          if (!set) titles.set(r.target_object, (set = new Set()));
          set.add(r.target_record_id);
        }
      } else if (v.attribute_type === 'actor-reference') {
        const a = v as { referenced_actor_type?: string | null; referenced_actor_id?: string | null };
        if (a.referenced_actor_type === 'workspace-member' && a.referenced_actor_id && !ctx.memberName(a.referenced_actor_id)) members = true;
      }
    }
  }
  return { titles, members };
}

const noun = (object: AttioObject | undefined, segment: string): string => object?.singular_noun ?? humanize(segment);

/** The card for one link in one state. */
export function hoverCard(link: LinkArgs, state: CardState, ctx?: CardContext): string {
  const segment = inert(link.object, 40);
  const heading = `**${vscode.l10n.t('Attio record link')}** · *${segment}*`;
  switch (state.kind) {
    case 'signedOut':
      return [heading, '', vscode.l10n.t('Sign in to Attio to see this record.'), '', action('sign-in', vscode.l10n.t('Sign In'), vscode.l10n.t('Sign in to Attio'), Commands.signIn)].join('\n');
    case 'otherWorkspace': {
      const lines = [
        heading,
        '',
        vscode.l10n.t({
          message: 'This link is to the workspace **{0}**; the Attio views show **{1}**.',
          args: [inert(link.workspaceSlug, 60), inert(state.activeName, 60)],
          comment: 'Markdown: keep the ** around the placeholders; {0} is the workspace slug in the link, {1} the name of the workspace the views show',
        }),
        '',
      ];
      if (state.switchTo) {
        lines.push(
          vscode.l10n.t({ message: 'You are signed in to **{0}** too.', args: [inert(state.switchTo.name, 60)], comment: 'Markdown: keep the ** around the placeholder; {0} is a workspace name' }),
          '',
          action('arrow-swap', vscode.l10n.t('Switch Workspace'), vscode.l10n.t('Show that workspace in the Attio views'), Commands.switchWorkspace, { sessionId: state.switchTo.sessionId }),
        );
      } else lines.push(action('sign-in', vscode.l10n.t('Sign In to That Workspace'), vscode.l10n.t('Sign in to another Attio workspace'), Commands.signIn));
      return lines.join('\n');
    }
    case 'unknownObject':
      return [
        heading,
        '',
        vscode.l10n.t({
          message: '**{0}** has no object *{1}*.',
          args: [inert(state.workspaceName, 60), segment],
          comment: 'Markdown: keep the ** and * around the placeholders; {0} is a workspace name, {1} the object part of the link (such as "person")',
        }),
        '',
        recordActions(link, false),
      ].join('\n');
    case 'notFound':
      return [
        `**${vscode.l10n.t('Record not found')}** · *${inert(noun(state.object, link.object), 40)}*`,
        '',
        vscode.l10n.t({
          message: 'No record with this ID exists in **{0}** (deleted, merged, or never there).',
          args: [inert(state.workspaceName, 60)],
          comment: 'Markdown: keep the ** around the placeholder; {0} is a workspace name',
        }),
        '',
        recordActions(link, false),
      ].join('\n');
    case 'error':
      return [heading, '', vscode.l10n.t({ message: 'Could not load this record: {0}', args: [inert(state.message, 300)], comment: '{0} is the reason, a sentence' }), '', recordActions(link, false)].join('\n');
    case 'record': {
      const c: CardContext = ctx ?? { memberName: () => undefined, recordTitle: () => undefined, objectNoun: () => undefined };
      const rows = identifyingRows(state.record, state.objectSlug, state.title, c);
      const lines = [`**${inert(state.title, 200)}**`, '', `*${inert(noun(state.object, link.object), 40)}* · ${inert(state.workspaceName, 60)}`, ''];
      if (rows.length) lines.push(rows.map(r => `${inert(r.label, 40)}: ${inert(r.text)}`).join('  \n'), '');
      lines.push(recordActions(link, true));
      return lines.join('\n');
    }
  }
}
