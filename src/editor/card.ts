/**
 * The hover card of an Attio record link, as a Markdown string (pure: no vscode, no I/O). CRM values are data, never
 * markup: each one is collapsed to one line, clipped and escaped so that no Markdown, HTML, autolink or theme icon in
 * it takes effect, and none is ever placed inside a link. The only links are the card's own actions, command URIs of
 * {@link CARD_COMMANDS} whose arguments are the parts of the URL the recogniser accepted (slug, object segment, UUID)
 * or a session id of ours.
 */
import type { AttioAttribute, AttioObject, AttioRecord, AttioValue } from '../attio';
import { Commands, EditorCommands } from '../constants';
import { currentValues, humanize, mdEscape, renderValue, type AnyValue, type RenderContext } from '../data';

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

/** Values that identify a record of a standard object, in the order shown: `[attribute slug, label]`. */
const IDENTIFYING: Readonly<Record<string, readonly (readonly [string, string])[]>> = {
  people: [
    ['email_addresses', 'Email'],
    ['company', 'Company'],
    ['job_title', 'Job title'],
  ],
  companies: [['domains', 'Domain']],
  deals: [
    ['stage', 'Stage'],
    ['value', 'Value'],
    ['owner', 'Owner'],
  ],
  users: [['primary_email_address', 'Email']],
  workspaces: [['workspace_id', 'Workspace ID']],
};

/** Attributes a custom object's card leaves out: the title's own, ids and bookkeeping. */
const NOT_IDENTIFYING = new Set(['name', 'record_id', 'created_at', 'created_by']);
const CUSTOM_ROWS = 3;
const MAX_VALUE = 120;

/**
 * CRM text as inert Markdown: one line, at most `max` characters, every Markdown and HTML mark escaped, and the
 * characters that would start an autolink (`https://`, `www.`, `a@b.c`), an entity (`&lt;`) or a theme icon
 * (`$(alert)`) escaped too. VS Code's renderer removes the backslashes; nothing else changes on screen.
 */
export function inert(text: string, max = MAX_VALUE): string {
  let s = text.replace(/\s+/g, ' ').trim();
  if (s.length > max) s = `${s.slice(0, max - 1)}…`;
  return mdEscape(s)
    .replace(/[:@&~!]/g, c => `\\${c}`)
    .replace(/\$\(/g, '\\$(')
    .replace(/www\./gi, m => `${m.slice(0, 3)}\\.`);
}

/** `command:<id>?<encoded JSON arguments>`, for the card's own actions. */
export function commandUri(command: string, ...args: unknown[]): string {
  return `command:${command}${args.length ? `?${encodeURIComponent(JSON.stringify(args))}` : ''}`;
}

const action = (label: string, tooltip: string, command: string, ...args: unknown[]): string => `[${label}](${commandUri(command, ...args)} "${tooltip}")`;

/** The record's actions, one line. */
function recordActions(link: LinkArgs, found: boolean): string {
  const a = [
    found ? action('$(open-preview) Open Details', 'Open the record in VS Code', EditorCommands.openRecordLink, link) : '',
    action('$(link-external) Open in Attio', 'Open the record in Attio in the browser', EditorCommands.openRecordLinkInAttio, link),
    found ? action('$(list-tree) Reveal in Sidebar', 'Show the record in the Objects view', EditorCommands.revealRecordLink, link) : '',
    action('$(copy) Copy ID', 'Copy the record ID', EditorCommands.copyRecordLinkId, link),
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
    return noun ? `a linked ${noun.toLowerCase()}` : 'a linked record';
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
  if (fixed) return fixed.map(([slug, label]) => row(label, values[slug], ctx)).filter((r): r is IdentifyingRow => !!r);
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
  switch (state.kind) {
    case 'signedOut':
      return [`**Attio record link** · *${segment}*`, '', 'Sign in to Attio to see this record.', '', action('$(sign-in) Sign In', 'Sign in to Attio', Commands.signIn)].join('\n');
    case 'otherWorkspace': {
      const lines = [
        `**Attio record link** · *${segment}*`,
        '',
        `This link is to the workspace **${inert(link.workspaceSlug, 60)}**; the Attio views show **${inert(state.activeName, 60)}**.`,
        '',
      ];
      if (state.switchTo) lines.push(`You are signed in to **${inert(state.switchTo.name, 60)}** too.`, '', action('$(arrow-swap) Switch Workspace', 'Show that workspace in the Attio views', Commands.switchWorkspace, { sessionId: state.switchTo.sessionId }));
      else lines.push(action('$(sign-in) Sign In to That Workspace', 'Sign in to another Attio workspace', Commands.signIn));
      return lines.join('\n');
    }
    case 'unknownObject':
      return [`**Attio record link** · *${segment}*`, '', `**${inert(state.workspaceName, 60)}** has no object *${segment}*.`, '', recordActions(link, false)].join('\n');
    case 'notFound':
      return [
        `**Record not found** · *${inert(noun(state.object, link.object), 40)}*`,
        '',
        `No record with this ID exists in **${inert(state.workspaceName, 60)}** (deleted, merged, or never there).`,
        '',
        recordActions(link, false),
      ].join('\n');
    case 'error':
      return [`**Attio record link** · *${segment}*`, '', `Could not load this record: ${inert(state.message, 300)}`, '', recordActions(link, false)].join('\n');
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
