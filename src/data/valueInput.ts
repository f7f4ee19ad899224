/**
 * What a person typed or picked for an attribute, turned into the JSON Attio's write endpoints take (records and list
 * entries alike: `values` / `entry_values` map an attribute's api slug to an ARRAY of value objects, which is what the
 * OpenAPI document's request schemas require). Text inputs are checked here as Attio checks them (email, domain,
 * phone, dates, numbers), so a refusal is explained before anything is sent. No vscode, no requests.
 */

/** The fields of an attribute (a record's or a list's) that decide how its values are written. */
export interface WritableAttribute {
  api_slug: string;
  type: string;
  is_multiselect?: boolean;
  is_writable?: boolean;
  is_system_attribute?: boolean;
  is_archived?: boolean;
  /** Attio's `config` (loose): `currency.default_currency_code`, `record_reference.allowed_object_ids`. */
  config?: unknown;
}

/** One value a person gave, before it becomes Attio's JSON. */
export type InputValue =
  | { kind: 'text'; value: string }
  | { kind: 'number'; value: number }
  /** The amount alone: Attio writes no currency code (the attribute's `default_currency_code` is the value's). */
  | { kind: 'currency'; amount: number }
  | { kind: 'date'; value: string }
  | { kind: 'timestamp'; value: string }
  | { kind: 'checkbox'; value: boolean }
  /** A select option or a status, by its id (or title: Attio takes either). */
  | { kind: 'option'; value: string }
  | { kind: 'record'; object: string; recordId: string }
  | { kind: 'member'; memberId: string }
  | { kind: 'email'; value: string }
  | { kind: 'domain'; value: string }
  | { kind: 'phone'; value: string; countryCode: string | null }
  | { kind: 'name'; first: string; last: string }
  | { kind: 'location'; value: LocationInput };

export interface LocationInput {
  line_1: string | null;
  line_2?: string | null;
  locality: string | null;
  region: string | null;
  postcode: string | null;
  /** ISO 3166-1 alpha-2, e.g. `DE`. */
  country_code: string | null;
  latitude?: string | null;
  longitude?: string | null;
}

/** Why a typed text is not a valid value of its attribute's type (a surface words it; `{limit}` where one applies). */
export type InputProblem =
  | 'empty'
  | 'not-a-number'
  | 'not-an-integer'
  | 'rating-range'
  | 'not-a-date'
  | 'not-a-timestamp'
  | 'too-many-decimals'
  | 'not-an-email'
  | 'not-a-domain'
  | 'not-a-phone'
  | 'not-a-country-code'
  | 'not-a-coordinate';

export type Parsed = { ok: true; value: InputValue } | { ok: false; problem: InputProblem };

/** Attribute types a person can write (interaction values are Attio's own). */
export const WRITABLE_TYPES: ReadonlySet<string> = new Set([
  'text', 'number', 'rating', 'currency', 'date', 'timestamp', 'checkbox', 'select', 'status', 'record-reference',
  'actor-reference', 'email-address', 'domain', 'phone-number', 'personal-name', 'location',
]);

/** True when a person may write this attribute: writable, not archived, not Attio's own, and of a type we can write. */
export function isEditable(a: WritableAttribute): boolean {
  return a.is_writable !== false && a.is_archived !== true && WRITABLE_TYPES.has(a.type) && !(a.is_system_attribute && a.is_writable === undefined);
}

/** The currency code an amount of this attribute is in unless a person picks another (`config.currency.default_currency_code`). */
export function defaultCurrency(a: WritableAttribute): string | null {
  const code = (a.config as { currency?: { default_currency_code?: unknown } } | undefined)?.currency?.default_currency_code;
  return typeof code === 'string' && code ? code : null;
}

/** Object ids or slugs a record reference may point to (`config.record_reference.allowed_object_ids`); empty = any. */
export function allowedObjects(a: WritableAttribute): string[] {
  const ids = (a.config as { record_reference?: { allowed_object_ids?: unknown } } | undefined)?.record_reference?.allowed_object_ids;
  return Array.isArray(ids) ? ids.filter((x): x is string => typeof x === 'string') : [];
}

// ------------------------------------------------------------------------------------------------ checks as Attio's

const EMAIL = /^[^\s@"(),:;<>[\\\]]+@([a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/i;
const HOST = /^([a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/i;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const COUNTRY_CODE = /^[A-Z]{2}$/;
/** Attio's own patterns (the document's input-value for location). */
const LATITUDE = /^[-+]?([1-8]?\d(\.\d+)?|90(\.0+)?)$/;
const LONGITUDE = /^[-+]?(180(\.0+)?|((1[0-7]\d)|([1-9]?\d))(\.\d+)?)$/;

/** An email address as Attio stores it: one `@`, a host with a dot and a letter TLD; trimmed. */
export function checkEmail(text: string): string | undefined {
  const t = text.trim();
  return EMAIL.test(t) && t.length <= 254 ? t : undefined;
}

/**
 * A domain as Attio stores it: the host alone, lower case. A pasted URL (`https://www.acme.com/about`) gives its host;
 * anything with spaces, no dot or a non-letter TLD is refused.
 */
export function checkDomain(text: string): string | undefined {
  let t = text.trim().toLowerCase();
  t = t.replace(/^[a-z][a-z0-9+.-]*:\/\//, '');
  t = t.split(/[/?#]/, 1)[0] ?? '';
  t = t.replace(/:\d+$/, '').replace(/\.$/, '');
  return HOST.test(t) && t.length <= 253 ? t : undefined;
}

/**
 * A phone number Attio accepts: E.164 (`+` and 7–15 digits; spaces, dots, dashes and brackets dropped), or a national
 * number (6–14 digits, may start with 0) together with a country code. Returns what is sent as `original_phone_number`.
 */
export function checkPhone(text: string, countryCode: string | null): string | undefined {
  const t = text.trim().replace(/[\s().-]/g, '');
  if (/^\+[1-9]\d{6,14}$/.test(t)) return t;
  if (countryCode && COUNTRY_CODE.test(countryCode) && /^\d{6,14}$/.test(t)) return t;
  return undefined;
}

/** `YYYY-MM-DD` naming a real day. */
export function checkDate(text: string): string | undefined {
  const m = ISO_DATE.exec(text.trim());
  if (!m) return undefined;
  const d = new Date(Date.UTC(+m[1], +m[2] - 1, +m[3]));
  return d.getUTCFullYear() === +m[1] && d.getUTCMonth() === +m[2] - 1 && d.getUTCDate() === +m[3] ? m[0] : undefined;
}

/** An ISO 8601 date and time with a zone (or a bare date, read as midnight UTC), as Attio's ISO string. */
export function checkTimestamp(text: string): string | undefined {
  const t = text.trim();
  if (checkDate(t)) return `${t}T00:00:00.000Z`;
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:?\d{2})$/i.test(t)) return undefined;
  const ms = Date.parse(t.replace(/(\.\d{3})\d+/, '$1'));
  return Number.isNaN(ms) ? undefined : new Date(ms).toISOString();
}

/** A number typed by a person: `1234.5`, `1,234.5`, `1.234,5`, `1 234,5` and `-3` read (`1,250` is 1250; `1,25` is 1.25); anything else is not a number. */
export function checkNumber(text: string): number | undefined {
  let t = text.trim().replace(/[\s\u00a0'_]/g, '');
  if (/^-?\d{1,3}(,\d{3})+(\.\d+)?$/.test(t)) t = t.replace(/,/g, ''); // 1,250.5
  else if (/^-?\d{1,3}(\.\d{3})+,\d+$/.test(t) || /^-?\d{1,3}(\.\d{3}){2,}$/.test(t) || /^-?\d+,\d+$/.test(t)) t = t.replace(/\./g, '').replace(',', '.'); // 1.250,5

  if (!/^-?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i.test(t)) return undefined;
  const n = Number(t);
  return Number.isFinite(n) ? n : undefined;
}

/**
 * Reads what a person typed for a text-like attribute (text, number, rating, currency, date, timestamp, email, domain,
 * phone). `extra`: the country code (phone) picked beside the text.
 */
export function parseTyped(a: WritableAttribute, text: string, extra?: string | null): Parsed {
  const ok = (value: InputValue): Parsed => ({ ok: true, value });
  const no = (problem: InputProblem): Parsed => ({ ok: false, problem });
  if (text.trim() === '' && a.type !== 'text') return no('empty');
  switch (a.type) {
    case 'text':
      return ok({ kind: 'text', value: text });
    case 'number': {
      const n = checkNumber(text);
      return n === undefined ? no('not-a-number') : ok({ kind: 'number', value: n });
    }
    case 'rating': {
      const n = checkNumber(text);
      if (n === undefined) return no('not-a-number');
      if (!Number.isInteger(n)) return no('not-an-integer');
      return n < 0 || n > 5 ? no('rating-range') : ok({ kind: 'number', value: n });
    }
    case 'currency': {
      const n = checkNumber(text.replace(/^[A-Z]{3}\s*|\s*[A-Z]{3}$|[$€£¥]/gi, ''));
      if (n === undefined) return no('not-a-number');
      // "A decimal with a max of 4 decimal places" (the document's input-value for currency)
      return Math.round(n * 1e4) / 1e4 !== n ? no('too-many-decimals') : ok({ kind: 'currency', amount: n });
    }
    case 'date': {
      const d = checkDate(text);
      return d ? ok({ kind: 'date', value: d }) : no('not-a-date');
    }
    case 'timestamp': {
      const t = checkTimestamp(text);
      return t ? ok({ kind: 'timestamp', value: t }) : no('not-a-timestamp');
    }
    case 'email-address': {
      const e = checkEmail(text);
      return e ? ok({ kind: 'email', value: e }) : no('not-an-email');
    }
    case 'domain': {
      const d = checkDomain(text);
      return d ? ok({ kind: 'domain', value: d }) : no('not-a-domain');
    }
    case 'phone-number': {
      const cc = extra ? extra.trim().toUpperCase() : null;
      if (cc && !COUNTRY_CODE.test(cc)) return no('not-a-country-code');
      const p = checkPhone(text, cc);
      return p ? ok({ kind: 'phone', value: p, countryCode: cc }) : no('not-a-phone');
    }
    default:
      return ok({ kind: 'text', value: text });
  }
}

/** Checks a location typed field by field (country code, coordinates); undefined when it can be sent. */
export function checkLocation(l: LocationInput): InputProblem | undefined {
  if (l.country_code && !COUNTRY_CODE.test(l.country_code)) return 'not-a-country-code';
  if (l.latitude && !LATITUDE.test(l.latitude)) return 'not-a-coordinate';
  if (l.longitude && !LONGITUDE.test(l.longitude)) return 'not-a-coordinate';
  return undefined;
}

// ------------------------------------------------------------------------------------------------ Attio's JSON

/** One value object as Attio's write endpoints take it for an attribute of type `type`. */
export function writeValue(type: string, v: InputValue): Record<string, unknown> {
  switch (v.kind) {
    case 'text':
    case 'date':
    case 'timestamp':
    case 'checkbox':
    case 'number':
      return { value: v.value };
    case 'currency':
      return { currency_value: v.amount };
    case 'option':
      return type === 'status' ? { status: v.value } : { option: v.value };
    case 'record':
      return { target_object: v.object, target_record_id: v.recordId };
    case 'member':
      return { referenced_actor_type: 'workspace-member', referenced_actor_id: v.memberId };
    case 'email':
      return { email_address: v.value };
    case 'domain':
      return { domain: v.value };
    case 'phone':
      return v.countryCode ? { original_phone_number: v.value, country_code: v.countryCode } : { original_phone_number: v.value };
    case 'name': {
      const first = v.first.trim();
      const last = v.last.trim();
      return { first_name: first, last_name: last, full_name: [first, last].filter(Boolean).join(' ') };
    }
    case 'location': {
      const l = v.value;
      return {
        line_1: l.line_1 || null, line_2: l.line_2 || null, line_3: null, line_4: null,
        locality: l.locality || null, region: l.region || null, postcode: l.postcode || null,
        country_code: l.country_code || null, latitude: l.latitude || null, longitude: l.longitude || null,
      };
    }
  }
}

/**
 * The array Attio takes for one attribute: every value a multiselect attribute should hold (or, for a PATCH, the ones
 * to add), at most one otherwise; `[]` clears the attribute.
 */
export function writeValues(a: WritableAttribute, values: readonly InputValue[]): Record<string, unknown>[] {
  if (!a.is_multiselect && values.length > 1) throw new RangeError(`${a.api_slug} holds one value, not ${values.length}`);
  return values.map(v => writeValue(a.type, v));
}

/** `{ values: { slug: [...] } }`-ready map of several attributes' changes (create, assert, PATCH or PUT alike). */
export function valuesBody(changes: readonly { attribute: WritableAttribute; values: readonly InputValue[] }[]): Record<string, Record<string, unknown>[]> {
  const out: Record<string, Record<string, unknown>[]> = {};
  for (const c of changes) out[c.attribute.api_slug] = writeValues(c.attribute, c.values);
  return out;
}

/**
 * How an edit of one attribute is sent: Attio's PATCH prepends multiselect values and keeps the rest, its PUT
 * overwrites them. So: PATCH with only the added values when nothing was removed, else PUT with the whole new set.
 * `before` / `after`: comparable keys of the values (see {@link inputKey}).
 */
export function editMethod(a: WritableAttribute, before: readonly string[], after: readonly string[]): { method: 'PATCH' | 'PUT'; keep: (key: string) => boolean } {
  if (!a.is_multiselect) return { method: 'PATCH', keep: () => true };
  const had = new Set(before);
  const removed = before.some(k => !after.includes(k));
  return removed ? { method: 'PUT', keep: () => true } : { method: 'PATCH', keep: k => !had.has(k) };
}

/** A key that says when two inputs are the same value (an option, a referenced record, a member, an address…). */
export function inputKey(v: InputValue): string {
  switch (v.kind) {
    case 'record':
      return `record:${v.object}:${v.recordId}`;
    case 'currency':
      return `currency:${v.amount}`;
    case 'phone':
      return `phone:${v.value}`;
    case 'name':
      return `name:${v.first}\u0000${v.last}`;
    case 'location':
      return `location:${JSON.stringify(writeValue('location', v))}`;
    case 'email':
    case 'domain':
      return `${v.kind}:${v.value.toLowerCase()}`;
    case 'member':
      return `member:${v.memberId}`;
    default:
      return `${v.kind}:${String(v.value)}`;
  }
}

/**
 * The input a stored value stands for (what an edit starts from), or undefined for a value a person cannot write.
 * `value`: one item of a record's `values[slug]` as Attio returned it.
 */
export function inputOf(value: { attribute_type: string; [k: string]: unknown }): InputValue | undefined {
  const v = value as Record<string, unknown>;
  const s = (k: string): string | null => (typeof v[k] === 'string' ? (v[k] as string) : null);
  switch (value.attribute_type) {
    case 'text':
      return { kind: 'text', value: s('value') ?? '' };
    case 'number':
    case 'rating':
      return typeof v.value === 'number' ? { kind: 'number', value: v.value } : undefined;
    case 'checkbox':
      return { kind: 'checkbox', value: v.value === true };
    case 'date':
      return s('value') ? { kind: 'date', value: s('value')! } : undefined;
    case 'timestamp':
      return s('value') ? { kind: 'timestamp', value: s('value')! } : undefined;
    case 'currency':
      return typeof v.currency_value === 'number' ? { kind: 'currency', amount: v.currency_value } : undefined;
    case 'select': {
      const id = (v.option as { id?: { option_id?: string } } | undefined)?.id?.option_id;
      return id ? { kind: 'option', value: id } : undefined;
    }
    case 'status': {
      const id = (v.status as { id?: { status_id?: string } } | undefined)?.id?.status_id;
      return id ? { kind: 'option', value: id } : undefined;
    }
    case 'record-reference':
      return s('target_object') && s('target_record_id') ? { kind: 'record', object: s('target_object')!, recordId: s('target_record_id')! } : undefined;
    case 'actor-reference':
      return v.referenced_actor_type === 'workspace-member' && s('referenced_actor_id') ? { kind: 'member', memberId: s('referenced_actor_id')! } : undefined;
    case 'email-address':
      return s('email_address') ? { kind: 'email', value: s('email_address')! } : undefined;
    case 'domain':
      return s('domain') ? { kind: 'domain', value: s('domain')! } : undefined;
    case 'phone-number':
      return s('original_phone_number') ?? s('phone_number') ? { kind: 'phone', value: (s('phone_number') ?? s('original_phone_number'))!, countryCode: s('country_code') } : undefined;
    case 'personal-name':
      return { kind: 'name', first: s('first_name') ?? '', last: s('last_name') ?? '' };
    case 'location':
      return {
        kind: 'location',
        value: { line_1: s('line_1'), line_2: s('line_2'), locality: s('locality'), region: s('region'), postcode: s('postcode'), country_code: s('country_code'), latitude: s('latitude'), longitude: s('longitude') },
      };
    default:
      return undefined;
  }
}

/** What a text input shows to start from for a stored value (so an edit changes it rather than retyping it). */
export function inputText(v: InputValue): string {
  switch (v.kind) {
    case 'currency':
      return String(v.amount);
    case 'phone':
    case 'text':
    case 'date':
    case 'timestamp':
    case 'email':
    case 'domain':
    case 'option':
      return v.value;
    case 'number':
      return String(v.value);
    case 'checkbox':
      return v.value ? 'true' : 'false';
    case 'record':
      return v.recordId;
    case 'member':
      return v.memberId;
    case 'name':
      return [v.first, v.last].filter(Boolean).join(' ');
    case 'location':
      return [v.value.line_1, v.value.postcode, v.value.locality, v.value.region, v.value.country_code].filter(Boolean).join(', ');
  }
}
