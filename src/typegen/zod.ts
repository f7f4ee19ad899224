/**
 * The optional zod part of the generated module: runtime validators of records and entries as Attio returns them
 * (`PeopleRecordSchema.parse(json)`), with option and status titles checked against the workspace's. Works with zod
 * 3 and 4 (only `z.object`, `z.array`, `z.literal`, `z.enum`, `z.union`, `.nullable()`, `.optional()`). Pure.
 */
import { literal } from './header';
import type { AttributeSummary, SchemaSummary } from './schema';

const STR = 'z.string()';
const NSTR = 'z.string().nullable()';

/** Fields per known attribute type (after the common ones). */
const FIELDS: Record<string, Record<string, string>> = {
  text: { value: STR },
  number: { value: 'z.number()' },
  rating: { value: 'z.number()' },
  checkbox: { value: 'z.boolean()' },
  date: { value: STR },
  timestamp: { value: STR },
  currency: { currency_value: 'z.number()', currency_code: NSTR },
  domain: { domain: STR, root_domain: STR },
  'email-address': { original_email_address: STR, email_address: STR, email_domain: STR, email_root_domain: STR, email_local_specifier: STR },
  'phone-number': { original_phone_number: STR, country_code: NSTR, phone_number: STR },
  'personal-name': { first_name: STR, last_name: STR, full_name: STR },
  location: Object.fromEntries(['line_1', 'line_2', 'line_3', 'line_4', 'locality', 'region', 'postcode', 'country_code', 'latitude', 'longitude'].map(f => [f, NSTR])),
  'record-reference': { target_object: STR, target_record_id: STR },
  'actor-reference': { referenced_actor_type: STR, referenced_actor_id: NSTR },
  interaction: { interaction_type: STR, interacted_at: STR, owner_actor: `z.object({ type: ${NSTR}, id: ${NSTR} })` },
};

const enumOf = (values: string[]): string => (values.length ? `z.enum([${[...new Set(values)].map(literal).join(', ')}])` : 'z.never()');

function valueSchema(a: AttributeSummary): string {
  if (a.type === 'select' || a.type === 'status') {
    const key = a.type === 'status' ? 'status' : 'option';
    const idKey = `${key}_id`;
    const titles = enumOf((a.choices ?? []).map(c => c.title));
    const ids = enumOf((a.choices ?? []).map(c => c.id));
    return `z.object({ ...attioValueCommon, attribute_type: z.literal(${literal(a.type)}), ${key}: z.object({ id: z.object({ ${idKey}: ${ids} }), title: ${titles}, is_archived: z.boolean() }) })`;
  }
  const fields = FIELDS[a.type];
  if (!fields) return 'z.object({ attribute_type: z.string() })';
  return `z.object({ ...attioValueCommon, attribute_type: z.literal(${literal(a.type)}), ${Object.entries(fields)
    .map(([k, v]) => `${k}: ${v}`)
    .join(', ')} })`;
}

function valuesObject(attributes: AttributeSummary[]): string {
  const rows = attributes.map(a => `    ${literal(a.slug)}: z.array(${valueSchema(a)}).optional(),`);
  return ['z.object({', ...rows, '  })'].join('\n');
}

/** The validators; `bases` are the type base names of the objects, then the lists, in summary order. */
export function zodSection(summary: SchemaSummary, bases: string[]): string[] {
  const out = [
    '// Runtime validators (zod)',
    'const attioValueCommon = {',
    '  active_from: z.string(),',
    '  active_until: z.string().nullable(),',
    '  created_by_actor: z.object({ type: z.string().nullable(), id: z.string().nullable() }),',
    '};',
  ];
  summary.objects.forEach((o, i) => {
    out.push(`/** Validates a record of ${literal(o.slug)} as Attio returns it. */`);
    out.push(`export const ${bases[i]}RecordSchema = z.object({`);
    out.push('  id: z.object({ workspace_id: z.string(), object_id: z.string(), record_id: z.string() }),', '  created_at: z.string(),', '  web_url: z.string(),');
    out.push(`  values: ${valuesObject(o.attributes)},`, '});');
  });
  summary.lists.forEach((l, i) => {
    out.push(`/** Validates an entry of ${literal(l.slug)} as Attio returns it. */`);
    out.push(`export const ${bases[summary.objects.length + i]}Schema = z.object({`);
    out.push('  id: z.object({ workspace_id: z.string(), list_id: z.string(), entry_id: z.string() }),', '  parent_record_id: z.string(),', '  parent_object: z.string(),', '  created_at: z.string(),');
    out.push(`  entry_values: ${valuesObject(l.attributes)},`, '});');
  });
  return out;
}
