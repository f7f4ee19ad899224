/**
 * Reading the `values` of a write (records; list entries alike) as Attio does: attribute slug or id → an array of
 * values (a single value is accepted too), each in the form the document's `input-value` describes (or the bare
 * primitive Attio also takes). Refusals are Attio's: `validation_type` naming the attribute, `value_not_found` for an
 * unknown option, status, record or member, `immutable_value` for a value nobody may write.
 */
import { ApiError, notFound, valueNotFound as missing } from './errors';
import { AttributeDef, ValueObject, Workspace, findAttribute, findObject } from './model';
import * as v from './values';

const invalid = (a: AttributeDef, reason: string) =>
  new ApiError(400, 'invalid_request_error', 'validation_type', `Invalid value was passed to attribute with slug "${a.slug}": ${reason}.`);
export const immutable = (a: AttributeDef) =>
  new ApiError(400, 'invalid_request_error', 'immutable_value', `Cannot write to attribute with slug "${a.slug}": its values are managed by Attio.`);
export const missingValue = (a: AttributeDef) =>
  new ApiError(400, 'invalid_request_error', 'missing_value', `Required value for attribute with ID "${a.id}" was not provided.`);
export const uniquenessConflict = (a: AttributeDef, recordId: string) =>
  new ApiError(400, 'invalid_request_error', 'uniqueness_conflict', `The value for unique attribute with slug "${a.slug}" is already used by record "${recordId}".`);

const EMAIL = /^[^\s@"(),:;<>[\\\]]+@([a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/i;
const HOST = /^([a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/i;
const LATITUDE = /^[-+]?([1-8]?\d(\.\d+)?|90(\.0+)?)$/;
const LONGITUDE = /^[-+]?(180(\.0+)?|((1[0-7]\d)|([1-9]?\d))(\.\d+)?)$/;
const DIAL: Record<string, string> = { DE: '49', GB: '44', US: '1', CA: '1', FR: '33', NL: '31', ES: '34', IT: '39', AT: '43', CH: '41', SE: '46', IE: '353', AU: '61', JP: '81' };
const LOCATION_FIELDS = ['line_1', 'line_2', 'line_3', 'line_4', 'locality', 'region', 'postcode', 'country_code', 'latitude', 'longitude'];

/** Fields of a value object (a bare primitive becomes `{[primary]: it}`). */
function fields(a: AttributeDef, raw: unknown, primary: string): Record<string, unknown> {
  if (raw !== null && typeof raw === 'object' && !Array.isArray(raw)) return raw as Record<string, unknown>;
  if (raw === null || Array.isArray(raw)) throw invalid(a, 'expected a value object');
  return { [primary]: raw };
}

function onlyKeys(a: AttributeDef, f: Record<string, unknown>, allowed: string[]): void {
  const extra = Object.keys(f).find((k) => !allowed.includes(k));
  if (extra) throw invalid(a, `unexpected field "${extra}"`);
}

function str(a: AttributeDef, f: Record<string, unknown>, key: string): string {
  if (typeof f[key] !== 'string') throw invalid(a, `"${key}" must be a string`);
  return f[key] as string;
}

/** One written value as the typed value object Attio then returns. */
export function parseWriteValue(ws: Workspace, a: AttributeDef, raw: unknown, ctx: v.ValueContext): ValueObject {
  switch (a.type) {
    case 'text': {
      const f = fields(a, raw, 'value');
      onlyKeys(a, f, ['value']);
      return v.text(ctx, str(a, f, 'value'));
    }
    case 'number':
    case 'rating': {
      const f = fields(a, raw, 'value');
      onlyKeys(a, f, ['value']);
      const n = typeof f.value === 'string' && f.value.trim() !== '' ? Number(f.value) : f.value;
      if (typeof n !== 'number' || !Number.isFinite(n)) throw invalid(a, '"value" must be a number');
      if (a.type === 'rating' && (!Number.isInteger(n) || n < 0 || n > 5)) throw invalid(a, 'a rating is a whole number from 0 to 5');
      return a.type === 'rating' ? v.rating(ctx, n) : v.num(ctx, n);
    }
    case 'checkbox': {
      const f = fields(a, raw, 'value');
      onlyKeys(a, f, ['value']);
      if (f.value !== true && f.value !== false && f.value !== 'true' && f.value !== 'false') throw invalid(a, '"value" must be a boolean');
      return v.checkbox(ctx, f.value === true || f.value === 'true');
    }
    case 'currency': {
      const f = fields(a, raw, 'currency_value');
      onlyKeys(a, f, ['currency_value']);
      const n = f.currency_value;
      if (typeof n !== 'number' || !Number.isFinite(n)) throw invalid(a, '"currency_value" must be a number');
      if (Math.round(n * 1e4) / 1e4 !== n) throw invalid(a, 'a currency value has at most 4 decimal places');
      return v.currency(ctx, n, a.currencyCode ?? null);
    }
    case 'date': {
      const f = fields(a, raw, 'value');
      onlyKeys(a, f, ['value']);
      const m = /^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?/.exec(str(a, f, 'value'));
      const day = m ? `${m[1]}-${m[2] ?? '01'}-${m[3] ?? '01'}` : '';
      const d = new Date(`${day}T00:00:00Z`);
      if (!m || Number.isNaN(d.getTime()) || d.toISOString().slice(0, 10) !== day) throw invalid(a, '"value" must be a date (YYYY-MM-DD)');
      return v.date(ctx, day);
    }
    case 'timestamp': {
      const f = fields(a, raw, 'value');
      onlyKeys(a, f, ['value']);
      const ms = Date.parse(str(a, f, 'value'));
      if (Number.isNaN(ms)) throw invalid(a, '"value" must be an ISO 8601 timestamp');
      return v.timestamp(ctx, new Date(ms).toISOString().replace(/Z$/, '000000Z'));
    }
    case 'select': {
      const f = fields(a, raw, 'option');
      onlyKeys(a, f, ['option']);
      const want = str(a, f, 'option');
      const option = a.options!.find((o) => o.id === want || o.title === want);
      if (!option || option.isArchived) throw missing(`Cannot find select option with title "${want}" for attribute with slug "${a.slug}".`);
      return v.select(ctx, a, option);
    }
    case 'status': {
      const f = fields(a, raw, 'status');
      onlyKeys(a, f, ['status']);
      const want = str(a, f, 'status');
      const status = a.statuses!.find((s) => s.id === want || s.title === want);
      if (!status || status.isArchived) throw missing(`Cannot find status with title "${want}" for attribute with slug "${a.slug}".`);
      return v.status(ctx, a, status);
    }
    case 'record-reference': {
      const f = fields(a, raw, 'target_record_id');
      onlyKeys(a, f, ['target_object', 'target_record_id']);
      const object = findObject(ws, str(a, f, 'target_object'));
      if (!object) throw notFound(`Object with slug/ID "${String(f.target_object)}" not found.`);
      if (a.allowedObjects && !a.allowedObjects.includes(object.slug)) throw invalid(a, `records of "${object.slug}" cannot be referenced here`);
      const target = ws.recordsById.get(str(a, f, 'target_record_id'));
      if (!target || target.objectSlug !== object.slug) throw missing(`Record with ID "${String(f.target_record_id)}" not found.`);
      return v.recordRef(ctx, object.slug, target.id);
    }
    case 'actor-reference': {
      const f = fields(a, raw, 'workspace_member_email_address');
      const member = 'workspace_member_email_address' in f
        ? ws.members.find((m) => m.email.toLowerCase() === String(f.workspace_member_email_address).toLowerCase())
        : f.referenced_actor_type === 'workspace-member' ? ws.members.find((m) => m.id === f.referenced_actor_id) : undefined;
      if (!('workspace_member_email_address' in f) && f.referenced_actor_type !== 'workspace-member') throw invalid(a, 'only workspace members can be written');
      if (!member) throw missing('Workspace member not found.');
      return v.actorRef(ctx, { type: 'workspace-member', id: member.id });
    }
    case 'email-address': {
      const f = fields(a, raw, 'email_address');
      onlyKeys(a, f, ['email_address']);
      const e = str(a, f, 'email_address').trim();
      if (!EMAIL.test(e)) throw invalid(a, `"${e.slice(0, 80)}" is not a valid email address`);
      return v.email(ctx, e);
    }
    case 'domain': {
      const f = fields(a, raw, 'domain');
      onlyKeys(a, f, ['domain']);
      const d = str(a, f, 'domain').trim().toLowerCase().replace(/^[a-z][a-z0-9+.-]*:\/\//, '').split(/[/?#]/, 1)[0];
      if (!HOST.test(d)) throw invalid(a, `"${d.slice(0, 80)}" is not a valid domain`);
      return v.domain(ctx, d);
    }
    case 'phone-number': {
      const f = fields(a, raw, 'original_phone_number');
      onlyKeys(a, f, ['original_phone_number', 'country_code']);
      const original = str(a, f, 'original_phone_number');
      const digits = original.replace(/[\s().-]/g, '');
      const cc = typeof f.country_code === 'string' ? f.country_code : null;
      let e164: string | undefined;
      if (/^\+[1-9]\d{6,14}$/.test(digits)) e164 = digits;
      else if (cc && DIAL[cc] && /^\d{6,14}$/.test(digits)) e164 = `+${DIAL[cc]}${digits.replace(/^0/, '')}`;
      if (!e164) throw invalid(a, 'a phone number needs a country code prefix (+44…) or a country_code');
      return { ...v.phone(ctx, e164, cc ?? countryOf(e164)), original_phone_number: original };
    }
    case 'personal-name': {
      const f = fields(a, raw, 'full_name');
      onlyKeys(a, f, ['first_name', 'last_name', 'full_name']);
      const first = typeof f.first_name === 'string' ? f.first_name : String(f.full_name ?? '').split(' ')[0] ?? '';
      const last = typeof f.last_name === 'string' ? f.last_name : String(f.full_name ?? '').split(' ').slice(1).join(' ');
      return v.personalName(ctx, first.trim(), last.trim());
    }
    case 'location': {
      const f = fields(a, raw, 'locality');
      onlyKeys(a, f, LOCATION_FIELDS);
      for (const k of LOCATION_FIELDS) {
        if (!(k in f)) throw invalid(a, `"${k}" is required`);
        if (f[k] !== null && typeof f[k] !== 'string') throw invalid(a, `"${k}" must be a string or null`);
      }
      if (f.country_code !== null && !/^[A-Z]{2}$/.test(String(f.country_code))) throw invalid(a, '"country_code" must be an ISO 3166-1 alpha-2 code');
      if (f.latitude !== null && !LATITUDE.test(String(f.latitude))) throw invalid(a, '"latitude" is not a latitude');
      if (f.longitude !== null && !LONGITUDE.test(String(f.longitude))) throw invalid(a, '"longitude" is not a longitude');
      const loc = v.location(ctx, {
        line1: f.line_1 as string | null, locality: f.locality as string, region: f.region as string | null, postcode: f.postcode as string | null,
        countryCode: f.country_code as string, latitude: f.latitude as string, longitude: f.longitude as string,
      });
      return { ...loc, line_2: f.line_2, line_3: f.line_3, line_4: f.line_4 };
    }
    default:
      throw immutable(a);
  }
}

function countryOf(e164: string): string {
  const hit = Object.entries(DIAL).sort((x, y) => y[1].length - x[1].length).find(([, dial]) => e164.startsWith(`+${dial}`));
  return hit ? hit[0] : 'US';
}

/** What makes two values "the same" for uniqueness and multiselect de-duplication. */
export function sameValueKey(value: ValueObject): string {
  switch (value.attribute_type) {
    case 'email-address':
      return String(value.email_address).toLowerCase();
    case 'domain':
      return String(value.domain).toLowerCase();
    case 'phone-number':
      return String(value.phone_number);
    case 'select':
      return String((value.option as { id: { option_id: string } }).id.option_id);
    case 'status':
      return String((value.status as { id: { status_id: string } }).id.status_id);
    case 'record-reference':
      return `${value.target_object}/${value.target_record_id}`;
    case 'actor-reference':
      return String(value.referenced_actor_id);
    default: {
      const { active_from: _f, active_until: _u, created_by_actor: _c, ...rest } = value;
      return JSON.stringify(rest);
    }
  }
}

/** `values` of a write body: attribute → parsed values, every refusal thrown before anything changes. */
export function parseWriteValues(ws: Workspace, attributes: AttributeDef[], body: unknown, ctx: v.ValueContext): Map<AttributeDef, ValueObject[]> {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) throw new ApiError(400, 'invalid_request_error', 'validation_type', 'The body must be {"data": {"values": {...}}}.');
  const data = (body as { data?: unknown }).data;
  if (typeof data !== 'object' || data === null || Array.isArray(data)) throw new ApiError(400, 'invalid_request_error', 'validation_type', 'Body payload validation error: "data" is required.');
  const extra = Object.keys(data).find((k) => k !== 'values');
  if (extra) throw new ApiError(400, 'invalid_request_error', 'validation_type', `Body payload validation error: unrecognized key "data.${extra}".`);
  const values = (data as { values?: unknown }).values;
  if (typeof values !== 'object' || values === null || Array.isArray(values)) throw new ApiError(400, 'invalid_request_error', 'validation_type', 'Body payload validation error: "data.values" is required.');
  const out = new Map<AttributeDef, ValueObject[]>();
  for (const [key, raw] of Object.entries(values)) {
    const a = findAttribute(attributes, key);
    if (!a || a.isArchived) throw missing(`Cannot find attribute with slug/ID "${key}".`);
    if (!a.isWritable) throw immutable(a);
    const items = Array.isArray(raw) ? raw : raw === null ? [] : [raw];
    if (!a.isMultiselect && items.length > 1) throw invalid(a, `${items.length} values were given to a single-value attribute`);
    const parsed = items.map((item) => parseWriteValue(ws, a, item, ctx));
    const seen = new Set<string>();
    out.set(a, parsed.filter((p) => !seen.has(sameValueKey(p)) && seen.add(sameValueKey(p))));
  }
  return out;
}
