/**
 * Type-aware, locale-aware text for Attio values, dates and deadlines. Pure: no `vscode`, no I/O; lookups of
 * member names and record titles come in through {@link RenderContext}.
 */
import { valueText, type AttioValue, type UnknownAttioValue } from '../attio';

export type AnyValue = AttioValue | UnknownAttioValue;
type Loose = Record<string, unknown>;

export interface RenderContext {
  /** BCP-47 locale for numbers and dates (undefined = runtime default). */
  locale?: string;
  /** The words around values (kinds of actors and interactions…); English when not given. */
  words?: ValueWords;
  /** IANA time zone for timestamps (undefined = local). Tests pin it. */
  timeZone?: string;
  memberName(id: string): string | undefined;
  recordTitle(object: string, id: string): string | undefined;
}

const str = (v: unknown): string | undefined => (typeof v === 'string' && v !== '' ? v : undefined);

/**
 * The few words values are rendered with. The data layer keeps them in English ({@link ENGLISH_WORDS}: what chat
 * tools give a language model); a surface that shows values to a person passes them in the person's language.
 */
export interface ValueWords {
  /** By `referenced_actor_type` (`api-token`, `system`, `app`, `workspace-member`). */
  actors: Readonly<Record<string, string>>;
  /** By `interaction_type` (`calendar-event`, `call`, `chat-thread`, `email`, `in-person-meeting`, `meeting`). */
  interactions: Readonly<Record<string, string>>;
  /** Who owned an interaction: "by Ada Lovelace". */
  by(name: string): string;
  /** A member whose name is not loaded, by the start of their id: "Member 1a2b3c4d". */
  member(shortId: string): string;
  workspaceMember: string;
  /** An actor of an unknown kind. */
  unknown: string;
  /** The title of a record Attio no longer has. */
  recordNotFound: string;
  /** A checkbox's two values. */
  yes: string;
  no: string;
}

export const ENGLISH_WORDS: ValueWords = {
  actors: { 'api-token': 'API token', system: 'System', app: 'App', 'workspace-member': 'Workspace member' },
  interactions: { 'calendar-event': 'Calendar event', call: 'Call', 'chat-thread': 'Chat', email: 'Email', 'in-person-meeting': 'In-person meeting', meeting: 'Meeting' },
  by: name => `by ${name}`,
  member: id => `Member ${id}`,
  workspaceMember: 'Workspace member',
  unknown: 'Unknown',
  recordNotFound: 'Record not found',
  yes: 'Yes',
  no: 'No',
};

/**
 * Intl formatters cost far more to build than to use (an export formats every value of 10,000 records): one per kind,
 * locale and options, kept while they are few (a workspace uses a handful of currencies and time zones).
 */
const formatters = new Map<string, Intl.DateTimeFormat | Intl.NumberFormat | Intl.RelativeTimeFormat>();
function formatter<T extends Intl.DateTimeFormat | Intl.NumberFormat | Intl.RelativeTimeFormat>(make: new (locale: string | undefined, opts: never) => T, locale: string | undefined, opts: object): T {
  const key = `${make.name}|${locale ?? ''}|${JSON.stringify(opts)}`;
  let f = formatters.get(key) as T | undefined;
  if (!f) {
    f = new make(locale, opts as never);
    if (formatters.size >= 256) formatters.clear();
    formatters.set(key, f);
  }
  return f;
}

/** An Attio date-only value (`YYYY-MM-DD`) in the user's locale, e.g. "3 Mar 2025" / "Mar 3, 2025". */
export function formatDate(isoDate: string, ctx: Pick<RenderContext, 'locale'>): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(isoDate);
  if (!m) return isoDate;
  const d = new Date(Date.UTC(+m[1], +m[2] - 1, +m[3]));
  return safeFormat(() => formatter(Intl.DateTimeFormat, ctx.locale, { dateStyle: 'medium', timeZone: 'UTC' }).format(d), isoDate);
}

/** An Attio timestamp (nanosecond ISO) as date and time in the user's locale. */
export function formatTimestamp(iso: string, ctx: Pick<RenderContext, 'locale' | 'timeZone'>): string {
  const ms = parseTime(iso);
  if (ms === undefined) return iso;
  return safeFormat(
    () => formatter(Intl.DateTimeFormat, ctx.locale, { dateStyle: 'medium', timeStyle: 'short', ...(ctx.timeZone ? { timeZone: ctx.timeZone } : {}) }).format(ms),
    iso,
  );
}

/** Milliseconds of an Attio timestamp (which may carry nanoseconds), or undefined. */
export function parseTime(iso: string | null | undefined): number | undefined {
  if (!iso) return undefined;
  const ms = Date.parse(iso.replace(/(\.\d{3})\d+/, '$1'));
  return Number.isNaN(ms) ? undefined : ms;
}

const DAY = 86_400_000;

/**
 * A deadline relative to now: "today", "tomorrow", "in 3 days", "2 days ago" (calendar days in the local
 * time zone), or for near times within today "in 3 hours" / "2 hours ago".
 */
export function relativeDeadline(iso: string, now: number, locale?: string): string {
  const ms = parseTime(iso);
  if (ms === undefined) return iso;
  const rtf = formatter(Intl.RelativeTimeFormat, locale, { numeric: 'auto' });
  const startOf = (t: number): number => {
    const d = new Date(t);
    return new Date(d.getFullYear(), d.getMonth(), d.getDate()).getTime();
  };
  const days = Math.round((startOf(ms) - startOf(now)) / DAY);
  if (days === 0) {
    const hours = Math.round((ms - now) / 3_600_000);
    if (hours !== 0) return rtf.format(hours, 'hour');
    return rtf.format(Math.round((ms - now) / 60_000), 'minute');
  }
  if (Math.abs(days) < 14) return rtf.format(days, 'day');
  if (Math.abs(days) < 60) return rtf.format(Math.round(days / 7), 'week');
  if (Math.abs(days) < 365) return rtf.format(Math.round(days / 30), 'month');
  return rtf.format(Math.round(days / 365), 'year');
}

export function isOverdue(deadline: string | null | undefined, now: number): boolean {
  const ms = parseTime(deadline);
  return ms !== undefined && ms < now;
}

function formatNumber(n: number, locale?: string): string {
  return safeFormat(() => formatter(Intl.NumberFormat, locale, { maximumFractionDigits: 2 }).format(n), String(n));
}

function formatCurrency(amount: number, code: string | undefined, locale?: string): string {
  if (!code) return formatNumber(amount, locale);
  return safeFormat(
    () => formatter(Intl.NumberFormat, locale, { style: 'currency', currency: code, currencyDisplay: 'code' }).format(amount),
    `${formatNumber(amount, locale)} ${code}`,
  );
}

/** Text for one value of any attribute type; unknown types fall back to their plain `value`. */
export function renderValue(value: AnyValue, ctx: RenderContext): string {
  const v = value as Loose;
  switch (value.attribute_type) {
    case 'number':
      return typeof v.value === 'number' ? formatNumber(v.value, ctx.locale) : '';
    case 'rating': {
      if (typeof v.value !== 'number') return '';
      const n = Math.max(0, Math.min(5, Math.round(v.value)));
      return `${'★'.repeat(n)}${'☆'.repeat(5 - n)}`;
    }
    case 'currency':
      return typeof v.currency_value === 'number' ? formatCurrency(v.currency_value, str(v.currency_code), ctx.locale) : '';
    case 'checkbox':
      return v.value === true ? (ctx.words ?? ENGLISH_WORDS).yes : v.value === false ? (ctx.words ?? ENGLISH_WORDS).no : '';
    case 'date':
      return str(v.value) ? formatDate(v.value as string, ctx) : '';
    case 'timestamp':
      return str(v.value) ? formatTimestamp(v.value as string, ctx) : '';
    case 'record-reference': {
      const object = str(v.target_object) ?? '';
      const id = str(v.target_record_id) ?? '';
      return ctx.recordTitle(object, id) ?? `${object} ${id.slice(0, 8)}`;
    }
    case 'actor-reference':
      return actorName(str(v.referenced_actor_type), str(v.referenced_actor_id), ctx);
    case 'interaction': {
      const kind = str(v.interaction_type);
      const at = str(v.interacted_at);
      const owner = v.owner_actor as Loose | undefined;
      const who = owner && str(owner.type) === 'workspace-member' ? ctx.memberName(str(owner.id) ?? '') : undefined;
      const w = ctx.words ?? ENGLISH_WORDS;
      return [kind ? (w.interactions[kind] ?? kind) : undefined, at ? formatTimestamp(at, ctx) : undefined, who ? w.by(who) : undefined].filter(Boolean).join(' · ');
    }
    default:
      return valueText(value);
  }
}

/** A workspace member's display name, or the kind of actor. */
export function actorName(type: string | undefined, id: string | undefined, ctx: Pick<RenderContext, 'memberName' | 'words'>): string {
  const w = ctx.words ?? ENGLISH_WORDS;
  if (type === 'workspace-member' || (!type && id)) {
    const name = id ? ctx.memberName(id) : undefined;
    if (name) return name;
    return id ? w.member(id.slice(0, 8)) : w.workspaceMember;
  }
  return (type && w.actors[type]) ?? type ?? w.unknown;
}

/** Current values only (`active_until` null or absent); all of them when none is current. */
export function currentValues<T extends { active_until?: string | null }>(values: readonly T[] | undefined): T[] {
  if (!values) return [];
  const current = values.filter(v => v.active_until == null);
  return current.length ? current : [...values];
}

/** "email_addresses" → "Email addresses" (used when an attribute's title is unknown). */
export function humanize(slug: string): string {
  const s = slug.replace(/[_-]+/g, ' ').trim();
  return s ? s[0].toUpperCase() + s.slice(1) : slug;
}

/** At most `max` characters (an ellipsis marks a cut): tree labels and tooltips stay short whatever a value holds. */
export function clip(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}

function safeFormat(fn: () => string, fallback: string): string {
  try {
    return fn();
  } catch {
    return fallback;
  }
}
