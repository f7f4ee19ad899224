/**
 * A saved filter and sort for an object's records or a list's entries, and the JSON Attio's `records/query` and
 * `entries/query` take for it (API-FACTS §3.12; the OpenAPI document's `filter` object and `sorts` array). Pure:
 * no client, no `vscode`; the sidebar's builder, the data layer and chat tools share it.
 *
 * A condition keeps what a person chose (attribute, operator, value and the words to show for it), not JSON:
 * "within the last 7 days" and "is me" are turned into dates and member ids when the query is built.
 */

/** Operators, by the attribute types they fit (see {@link operatorsFor}). */
export type FilterOp =
  | 'contains'
  | 'eq'
  | 'startsWith'
  | 'is'
  | 'lt'
  | 'gt'
  | 'before'
  | 'after'
  | 'withinDays'
  | 'checked'
  | 'unchecked'
  | 'isRecord'
  | 'isMe'
  | 'notEmpty';

export interface FilterCondition {
  /** Attribute api slug. */
  attribute: string;
  /** Attribute type as Attio names it (`text`, `status`, `actor-reference`…). */
  type: string;
  op: FilterOp;
  /** Text, number, ISO date, option/status/record id, or a day count; none for checked/isMe/notEmpty. */
  value?: string | number;
  /** Words for the attribute and the value ("Stage", "Negotiation"), kept for the description. */
  label: string;
  valueLabel?: string;
}

export interface FilterSort {
  attribute: string;
  label: string;
  direction: 'asc' | 'desc';
}

export interface RecordFilter {
  conditions: FilterCondition[];
  sort?: FilterSort;
}

/** What turns a relative condition into JSON: the clock and the signed-in member. */
export interface FilterEnv {
  now: number;
  memberId: string | null | undefined;
}

/** The body parts of a query: what the client sends, and a key for the cache (same query = same key). */
export interface RecordQuery {
  filter?: Record<string, unknown>;
  sorts?: { direction: 'asc' | 'desc'; attribute: string; field?: string }[];
  key: string;
}

/**
 * Thrown when a condition cannot be sent: no value, not a number, or "is me" without a known member. Surfaces word
 * it by its name (`FilterBuildError`), `reason` and `label`; the message is the English log line.
 */
export class FilterBuildError extends Error {
  override name = 'FilterBuildError';
  constructor(
    readonly reason: 'noValue' | 'notNumber' | 'noMember',
    /** The attribute's title, as the condition names it. */
    readonly label: string,
  ) {
    super(reason === 'noMember' ? `"${label} is me" needs a signed-in workspace member (this token has none)` : `"${label}" needs ${reason === 'noValue' ? 'a value' : 'a number'}`);
  }
}

const TEXT_FIELD: Record<string, string> = {
  'personal-name': 'full_name',
  'email-address': 'email_address',
  domain: 'domain',
  'phone-number': 'phone_number',
  location: 'locality',
};

/** Operators offered for an attribute type, in the order a picker shows them; [] = not filterable here. */
export function operatorsFor(type: string): FilterOp[] {
  switch (type) {
    case 'text':
    case 'personal-name':
    case 'email-address':
    case 'domain':
    case 'phone-number':
    case 'location':
      return ['contains', 'eq', 'startsWith', 'notEmpty'];
    case 'select':
    case 'status':
      return ['is', 'notEmpty'];
    case 'number':
    case 'currency':
    case 'rating':
      return ['eq', 'lt', 'gt', 'notEmpty'];
    case 'date':
    case 'timestamp':
      return ['before', 'after', 'withinDays', 'notEmpty'];
    case 'interaction':
      return ['before', 'after', 'withinDays'];
    case 'checkbox':
      return ['checked', 'unchecked'];
    case 'record-reference':
      return ['isRecord', 'notEmpty'];
    case 'actor-reference':
      return ['isMe', 'notEmpty'];
    default:
      return [];
  }
}

/** Types Attio sorts by their default field (references and interactions have no simple order). */
export function isSortable(type: string): boolean {
  return ['text', 'personal-name', 'email-address', 'domain', 'phone-number', 'number', 'currency', 'rating', 'date', 'timestamp', 'checkbox', 'select', 'status'].includes(type);
}

/** Every operator (a stored filter naming another is dropped). */
const FILTER_OPS: ReadonlySet<string> = new Set<FilterOp>(['contains', 'eq', 'startsWith', 'is', 'lt', 'gt', 'before', 'after', 'withinDays', 'checked', 'unchecked', 'isRecord', 'isMe', 'notEmpty']);

const DAY = 86_400_000;

/** Start of the UTC day `days` days before `now` (whole days keep the query, and so its cache entry, stable). */
function daysAgo(now: number, days: number): Date {
  return new Date(Math.floor((now - days * DAY) / DAY) * DAY);
}

function dateOperand(c: FilterCondition, d: Date | string): string {
  const iso = typeof d === 'string' ? d : d.toISOString();
  return c.type === 'date' ? iso.slice(0, 10) : iso;
}

function str(c: FilterCondition): string {
  if (typeof c.value !== 'string' || !c.value) throw new FilterBuildError('noValue', c.label);
  return c.value;
}

function num(c: FilterCondition): number {
  const n = typeof c.value === 'number' ? c.value : Number(c.value);
  if (!Number.isFinite(n)) throw new FilterBuildError('notNumber', c.label);
  return n;
}

/** One condition as Attio's verbose filter (`{slug: {field: {$op: operand}}}`). */
export function conditionJson(c: FilterCondition, env: FilterEnv): Record<string, unknown> {
  const at = (spec: unknown): Record<string, unknown> => ({ [c.attribute]: spec });
  const field = TEXT_FIELD[c.type];
  const onField = (cmp: Record<string, unknown>): Record<string, unknown> => at(field ? { [field]: cmp } : cmp);
  const timeField = c.type === 'interaction' ? 'interacted_at' : undefined;
  const onTime = (cmp: Record<string, unknown>): Record<string, unknown> => at(timeField ? { [timeField]: cmp } : cmp);
  switch (c.op) {
    case 'contains':
      return onField({ $contains: str(c) });
    case 'startsWith':
      return onField({ $starts_with: str(c) });
    case 'eq':
      if (c.type === 'currency') return at({ currency_value: { $eq: num(c) } });
      if (['number', 'rating'].includes(c.type)) return at({ $eq: num(c) });
      return onField({ $eq: str(c) });
    case 'lt':
    case 'gt': {
      const cmp = { [c.op === 'lt' ? '$lt' : '$gt']: num(c) };
      return at(c.type === 'currency' ? { currency_value: cmp } : cmp);
    }
    case 'is':
      // select and status by id: a renamed option still matches
      return at({ [c.type === 'status' ? 'status' : 'option']: { $eq: str(c) } });
    case 'before':
      return onTime({ $lt: dateOperand(c, str(c)) });
    case 'after':
      return onTime({ $gt: dateOperand(c, str(c)) });
    case 'withinDays':
      return onTime({ $gte: dateOperand(c, daysAgo(env.now, num(c))) });
    case 'checked':
    case 'unchecked':
      return at({ $eq: c.op === 'checked' });
    case 'isRecord':
      return at({ target_record_id: { $eq: str(c) } });
    case 'isMe':
      if (!env.memberId) throw new FilterBuildError('noMember', c.label);
      return at({ referenced_actor_type: { $eq: 'workspace-member' }, referenced_actor_id: { $eq: env.memberId } });
    case 'notEmpty':
      return at({ $not_empty: true });
  }
}

/** The query for a filter: `$and` of its conditions (a single one unwrapped), and its sort. */
export function buildQuery(f: RecordFilter | undefined, env: FilterEnv): RecordQuery {
  const conditions = f?.conditions ?? [];
  const parts = conditions.map(c => conditionJson(c, env));
  const filter = parts.length === 0 ? undefined : parts.length === 1 ? parts[0] : { $and: parts };
  const sorts = f?.sort ? [{ direction: f.sort.direction, attribute: f.sort.attribute }] : undefined;
  const key = JSON.stringify([filter ?? null, sorts ?? null]);
  return { ...(filter ? { filter } : {}), ...(sorts ? { sorts } : {}), key };
}

export function isActive(f: RecordFilter | undefined): f is RecordFilter {
  return !!f && (f.conditions.length > 0 || !!f.sort);
}

/** A stored filter read back (global state is JSON another version may have written): valid, or undefined. */
export function parseRecordFilter(x: unknown): RecordFilter | undefined {
  if (!x || typeof x !== 'object') return undefined;
  const o = x as { conditions?: unknown; sort?: unknown };
  if (!Array.isArray(o.conditions)) return undefined;
  const conditions: FilterCondition[] = [];
  for (const c of o.conditions as Partial<FilterCondition>[]) {
    if (!c || typeof c.attribute !== 'string' || typeof c.type !== 'string' || typeof c.label !== 'string' || !(c.op && FILTER_OPS.has(c.op))) return undefined;
    if (c.value !== undefined && typeof c.value !== 'string' && typeof c.value !== 'number') return undefined;
    conditions.push({ attribute: c.attribute, type: c.type, op: c.op, label: c.label, ...(c.value !== undefined ? { value: c.value } : {}), ...(typeof c.valueLabel === 'string' ? { valueLabel: c.valueLabel } : {}) });
  }
  let sort: FilterSort | undefined;
  if (o.sort !== undefined) {
    const s = o.sort as Partial<FilterSort>;
    if (!s || typeof s.attribute !== 'string' || typeof s.label !== 'string' || (s.direction !== 'asc' && s.direction !== 'desc')) return undefined;
    sort = { attribute: s.attribute, label: s.label, direction: s.direction };
  }
  return { conditions, ...(sort ? { sort } : {}) };
}
