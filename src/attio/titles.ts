/**
 * Human-readable titles for records (API-FACTS §3.5) and a plain-text rendering of single values.
 * Everything here reads values defensively: only the value envelope was validated at the boundary.
 */
import type { AttioAttribute, AttioEntry, AttioRecord, AttioValue, UnknownAttioValue } from './schemas';
import type { Page } from './pagination';

type AnyValue = AttioValue | UnknownAttioValue;
type Loose = Record<string, unknown>;

const s = (v: unknown): string | undefined => (typeof v === 'string' && v !== '' ? v : undefined);

/** A plain string for one value of any attribute type ('' when there is nothing to show). */
export function valueText(value: AnyValue): string {
  const v = value as Loose;
  switch (value.attribute_type) {
    case 'text':
    case 'date':
    case 'timestamp':
      return s(v.value) ?? '';
    case 'number':
    case 'rating':
      return typeof v.value === 'number' ? String(v.value) : '';
    case 'checkbox':
      return v.value === true ? 'Yes' : v.value === false ? 'No' : '';
    case 'currency': {
      if (typeof v.currency_value !== 'number') return '';
      const code = s(v.currency_code);
      return code ? `${v.currency_value} ${code}` : String(v.currency_value);
    }
    case 'domain':
      return s(v.domain) ?? '';
    case 'email-address':
      return s(v.email_address) ?? s(v.original_email_address) ?? '';
    case 'phone-number':
      return s(v.original_phone_number) ?? s(v.phone_number) ?? '';
    case 'personal-name':
      return nameText(v);
    case 'location':
      return ['line_1', 'line_2', 'line_3', 'line_4', 'locality', 'region', 'postcode', 'country_code']
        .map(k => s(v[k]))
        .filter(Boolean)
        .join(', ');
    case 'record-reference':
      return s(v.target_record_id) ?? '';
    case 'actor-reference':
      return s(v.referenced_actor_id) ?? s(v.referenced_actor_type) ?? '';
    case 'interaction':
      return [s(v.interaction_type), s(v.interacted_at)].filter(Boolean).join(' ');
    case 'select':
      return s((v.option as Loose | undefined)?.title) ?? '';
    case 'status':
      return s((v.status as Loose | undefined)?.title) ?? '';
    default: {
      const x = v.value;
      return typeof x === 'string' || typeof x === 'number' || typeof x === 'boolean' ? String(x) : '';
    }
  }
}

function nameText(v: Loose): string {
  const full = s(v.full_name);
  if (full) return full;
  return [s(v.first_name), s(v.last_name)].filter(Boolean).join(' ');
}

/** Text of the first non-empty value of an attribute, preferring current values (`active_until` null). */
function firstText(values: AttioRecord['values'], slug: string): string | undefined {
  const arr = values[slug];
  if (!arr || arr.length === 0) return undefined;
  for (let i = 0; i < arr.length; i++) {
    const v = arr[i];
    if (v.active_until == null) {
      const t = valueText(v);
      if (t) return t;
    }
  }
  for (let i = 0; i < arr.length; i++) {
    const t = valueText(arr[i]);
    if (t) return t;
  }
  return undefined;
}

/**
 * The title of a record:
 * people → name (full_name), else first email; companies → name, else first domain; deals → name;
 * users → primary email, else user_id; workspaces → name, else workspace_id; other objects → attribute `name`,
 * else the first `text` attribute in attribute order (`attributes`, or the order of `values` when not given),
 * else the record id.
 */
export function recordTitle(record: Pick<AttioRecord, 'id' | 'values'>, objectSlug?: string, attributes?: readonly Pick<AttioAttribute, 'api_slug' | 'type' | 'is_archived'>[]): string {
  const values = record.values ?? {};
  let t: string | undefined;
  switch (objectSlug) {
    case 'people':
      t = firstText(values, 'name') ?? firstText(values, 'email_addresses');
      break;
    case 'companies':
      t = firstText(values, 'name') ?? firstText(values, 'domains');
      break;
    case 'deals':
      t = firstText(values, 'name');
      break;
    case 'users':
      t = firstText(values, 'primary_email_address') ?? firstText(values, 'user_id');
      break;
    case 'workspaces':
      t = firstText(values, 'name') ?? firstText(values, 'workspace_id');
      break;
    default:
      t = firstText(values, 'name');
      if (!t && objectSlug === undefined) t = firstText(values, 'email_addresses') ?? firstText(values, 'domains');
      if (!t) t = firstTextAttribute(values, attributes);
  }
  return t ?? record.id.record_id;
}

function firstTextAttribute(values: AttioRecord['values'], attributes?: readonly Pick<AttioAttribute, 'api_slug' | 'type' | 'is_archived'>[]): string | undefined {
  if (attributes) {
    for (const a of attributes) {
      if (a.type !== 'text' || a.is_archived || a.api_slug === 'record_id') continue;
      const t = firstText(values, a.api_slug);
      if (t) return t;
    }
    return undefined;
  }
  for (const slug in values) {
    if (slug === 'record_id') continue;
    const arr = values[slug];
    if (arr && arr.length > 0 && arr[0].attribute_type === 'text') {
      const t = firstText(values, slug);
      if (t) return t;
    }
  }
  return undefined;
}

/** What {@link entryParentTitles} needs from a client. */
export interface RecordQuerier {
  queryRecords(object: string, opts: { filter?: unknown; limit?: number; offset?: number }, signal?: AbortSignal): Promise<Page<AttioRecord>>;
}

/** Largest `$in` list sent in one query. */
const MAX_IDS_PER_QUERY = 500;

/**
 * Titles of the parent records of some list entries: one `queryRecords` per parent object (per chunk of
 * 500 ids), filtered with `{ record_id: { $in: [...] } }`. Parents that no longer exist are absent from the map.
 */
export async function entryParentTitles(
  client: RecordQuerier,
  entries: readonly Pick<AttioEntry, 'parent_object' | 'parent_record_id'>[],
  signal?: AbortSignal,
): Promise<Map<string, string>> {
  const byObject = new Map<string, Set<string>>();
  for (const e of entries) {
    let set = byObject.get(e.parent_object);
    if (!set) byObject.set(e.parent_object, (set = new Set()));
    set.add(e.parent_record_id);
  }
  const titles = new Map<string, string>();
  const jobs: Promise<void>[] = [];
  for (const [object, ids] of byObject) {
    const all = [...ids];
    for (let i = 0; i < all.length; i += MAX_IDS_PER_QUERY) {
      const chunk = all.slice(i, i + MAX_IDS_PER_QUERY);
      jobs.push(
        client.queryRecords(object, { filter: { record_id: { $in: chunk } }, limit: chunk.length, offset: 0 }, signal).then(page => {
          for (const r of page.items) titles.set(r.id.record_id, recordTitle(r, object));
        }),
      );
    }
  }
  await Promise.all(jobs);
  return titles;
}
