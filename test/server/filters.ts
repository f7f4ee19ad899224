/**
 * Attio record/entry filters and sorts (API-FACTS §3.12): shorthand
 * (`{"name": "Acme"}`), verbose `$and`/`$or`/`$not`, comparison operators and
 * attribute sub-fields (`{"name": {"full_name": {"$contains": "Ada"}}}`).
 */
import { filterError, validation } from './errors';
import { AttributeDef, AttributeType, ValueObject, Values } from './model';

export interface FilterableRow {
  id: string;
  values: Values;
}

/** Pseudo-attributes that are not in `values` (record_id, entry_id, …). */
export type SpecialFields<R> = Record<string, (row: R) => string>;

type Scalar = string | number | boolean | null;
type Predicate<R> = (row: R) => boolean;

const FIELDS: Record<AttributeType, { default: string; fields: string[] }> = {
  text: { default: 'value', fields: ['value'] },
  number: { default: 'value', fields: ['value'] },
  rating: { default: 'value', fields: ['value'] },
  checkbox: { default: 'value', fields: ['value'] },
  date: { default: 'value', fields: ['value'] },
  timestamp: { default: 'value', fields: ['value'] },
  currency: { default: 'currency_value', fields: ['currency_value', 'currency_code'] },
  'personal-name': { default: 'full_name', fields: ['first_name', 'last_name', 'full_name'] },
  'email-address': { default: 'email_address', fields: ['email_address', 'original_email_address', 'email_domain', 'email_root_domain', 'email_local_specifier'] },
  'phone-number': { default: 'phone_number', fields: ['phone_number', 'original_phone_number', 'country_code'] },
  domain: { default: 'domain', fields: ['domain', 'root_domain'] },
  select: { default: 'option', fields: ['option'] },
  status: { default: 'status', fields: ['status'] },
  'record-reference': { default: 'target_record_id', fields: ['target_record_id', 'target_object'] },
  'actor-reference': { default: 'referenced_actor_id', fields: ['referenced_actor_id', 'referenced_actor_type'] },
  location: { default: 'locality', fields: ['line_1', 'line_2', 'line_3', 'line_4', 'locality', 'region', 'postcode', 'country_code', 'latitude', 'longitude'] },
  interaction: { default: 'interacted_at', fields: ['interacted_at', 'interaction_type'] },
};

const COMPARISONS = ['$eq', '$in', '$contains', '$starts_with', '$ends_with', '$not_empty', '$lt', '$lte', '$gt', '$gte'] as const;
type Comparison = (typeof COMPARISONS)[number];

/** Scalars a value contributes for a field; select/status match by title or id. */
function fieldScalars(value: ValueObject, field: string): Scalar[] {
  if (field === 'option' || field === 'status') {
    const nested = value[field] as { title: string; id: Record<string, string> } | undefined;
    return nested ? [nested.title, nested.id[`${field}_id`]] : [];
  }
  const scalar = value[field];
  return scalar === undefined ? [] : [scalar as Scalar];
}

function isPlainObject(x: unknown): x is Record<string, unknown> {
  return typeof x === 'object' && x !== null && !Array.isArray(x);
}

function compare(a: Scalar, b: Scalar): number | undefined {
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  if (typeof a === 'string' && typeof b === 'string') return a < b ? -1 : a > b ? 1 : 0;
  return undefined;
}

function lower(x: Scalar): string {
  return String(x).toLowerCase();
}

function comparison(op: Comparison, operand: unknown, where: string): (candidates: Scalar[]) => boolean {
  switch (op) {
    case '$eq':
      if (isPlainObject(operand) || Array.isArray(operand)) throw filterError(`Invalid operand for $eq on "${where}".`);
      return (cs) => cs.some((c) => c === operand);
    case '$in': {
      if (!Array.isArray(operand)) throw filterError(`$in on "${where}" expects an array.`);
      const set = new Set(operand);
      return (cs) => cs.some((c) => set.has(c));
    }
    case '$contains':
    case '$starts_with':
    case '$ends_with': {
      if (typeof operand !== 'string') throw filterError(`${op} on "${where}" expects a string.`);
      const needle = operand.toLowerCase();
      const test =
        op === '$contains' ? (s: string) => s.includes(needle) : op === '$starts_with' ? (s: string) => s.startsWith(needle) : (s: string) => s.endsWith(needle);
      return (cs) => cs.some((c) => c !== null && test(lower(c)));
    }
    case '$lt':
    case '$lte':
    case '$gt':
    case '$gte': {
      if (typeof operand !== 'number' && typeof operand !== 'string') throw filterError(`${op} on "${where}" expects a number or string.`);
      const ok = { $lt: (d: number) => d < 0, $lte: (d: number) => d <= 0, $gt: (d: number) => d > 0, $gte: (d: number) => d >= 0 }[op];
      return (cs) =>
        cs.some((c) => {
          const d = compare(c, operand);
          return d !== undefined && ok(d);
        });
    }
    case '$not_empty':
      // Handled at the attribute level.
      return () => true;
  }
}

function asComparison(key: string, where: string): Comparison {
  if (!(COMPARISONS as readonly string[]).includes(key)) throw filterError(`Unknown operator "${key}" in filter on "${where}".`);
  return key as Comparison;
}

/** Operators for one field: a primitive means $eq, an object maps operators to operands. */
function fieldCondition(spec: unknown, where: string): (candidates: Scalar[], present: boolean) => boolean {
  if (!isPlainObject(spec)) {
    const eq = comparison('$eq', spec, where);
    return (cs) => eq(cs);
  }
  const checks = Object.entries(spec).map(([key, operand]) => {
    const op = asComparison(key, where);
    if (op === '$not_empty') {
      if (typeof operand !== 'boolean') throw filterError(`$not_empty on "${where}" expects a boolean.`);
      return (_cs: Scalar[], present: boolean) => present === operand;
    }
    const test = comparison(op, operand, where);
    return (cs: Scalar[]) => test(cs);
  });
  if (checks.length === 0) throw filterError(`Empty condition on "${where}".`);
  return (cs, present) => checks.every((check) => check(cs, present));
}

function attributeCondition<R extends FilterableRow>(attr: AttributeDef, spec: unknown): Predicate<R> {
  const { default: defaultField, fields } = FIELDS[attr.type];
  const activeValues = (row: R) => (row.values[attr.slug] ?? []).filter((v) => v.active_until === null);
  // Split the spec into per-field conditions.
  const perField: [string, unknown][] = [];
  if (isPlainObject(spec) && Object.keys(spec).some((k) => !k.startsWith('$'))) {
    for (const [key, sub] of Object.entries(spec)) {
      if (key.startsWith('$')) {
        perField.push([defaultField, { [key]: sub }]);
      } else if (!fields.includes(key)) {
        throw filterError(`Unknown field "${key}" for attribute "${attr.slug}" of type ${attr.type}.`);
      } else {
        perField.push([key, sub]);
      }
    }
  } else {
    perField.push([defaultField, spec]);
  }
  const tests = perField.map(([field, sub]) => {
    const cond = fieldCondition(sub, `${attr.slug}.${field}`);
    return (values: ValueObject[]) => cond(values.flatMap((v) => fieldScalars(v, field)), values.length > 0);
  });
  return (row) => {
    const values = activeValues(row);
    return tests.every((test) => test(values));
  };
}

function specialCondition<R>(name: string, get: (row: R) => string, spec: unknown): Predicate<R> {
  const cond = fieldCondition(spec, name);
  return (row) => cond([get(row)], true);
}

export function compileFilter<R extends FilterableRow>(filter: unknown, attributes: AttributeDef[], special: SpecialFields<R>): Predicate<R> {
  if (filter === undefined || filter === null) return () => true;
  if (!isPlainObject(filter)) throw filterError('The filter must be an object.');
  const parts: Predicate<R>[] = Object.entries(filter).map(([key, spec]): Predicate<R> => {
    switch (key) {
      case '$and':
      case '$or': {
        if (!Array.isArray(spec) || spec.length === 0) throw filterError(`${key} expects a non-empty array of filters.`);
        const children = spec.map((child) => compileFilter(child, attributes, special));
        return key === '$and' ? (row) => children.every((c) => c(row)) : (row) => children.some((c) => c(row));
      }
      case '$not': {
        const child = compileFilter(spec, attributes, special);
        return (row) => !child(row);
      }
    }
    if (key.startsWith('$')) throw filterError(`Unknown logical operator "${key}".`);
    if (special[key]) return specialCondition(key, special[key], spec);
    const attr = attributes.find((a) => a.slug === key || a.id === key);
    if (!attr) throw filterError(`Unknown attribute slug or ID "${key}" in filter.`);
    return attributeCondition(attr, spec);
  });
  return (row) => parts.every((p) => p(row));
}

export interface Sort {
  direction: 'asc' | 'desc';
  attribute: string;
  field?: string;
}

export function compileSorts<R extends FilterableRow>(sorts: unknown, attributes: AttributeDef[], special: SpecialFields<R>): (rows: R[]) => R[] {
  if (sorts === undefined) return (rows) => rows;
  if (!Array.isArray(sorts)) throw validation('"sorts" must be an array.');
  const keys = sorts.map((s: unknown) => {
    if (!isPlainObject(s) || (s.direction !== 'asc' && s.direction !== 'desc')) throw validation('Each sort needs a direction of "asc" or "desc".');
    if (s.path !== undefined) throw validation('Sorting by path is not supported by this server.');
    if (typeof s.attribute !== 'string') throw validation('Each sort needs an attribute.');
    const sign = s.direction === 'asc' ? 1 : -1;
    const name = s.attribute;
    if (special[name]) {
      const get = special[name];
      return { sign, key: (row: R): Scalar => get(row) };
    }
    const attr = attributes.find((a) => a.slug === name || a.id === name);
    if (!attr) throw filterError(`Unknown attribute slug or ID "${name}" in sorts.`);
    const field = typeof s.field === 'string' ? s.field : FIELDS[attr.type].default;
    if (!FIELDS[attr.type].fields.includes(field)) throw filterError(`Unknown field "${field}" for attribute "${attr.slug}".`);
    return {
      sign,
      key: (row: R): Scalar => {
        const first = row.values[attr.slug]?.[0];
        if (!first) return null;
        const scalar = fieldScalars(first, field)[0] ?? null;
        return typeof scalar === 'string' ? scalar.toLowerCase() : scalar;
      },
    };
  });
  if (keys.length === 0) return (rows) => rows;
  return (rows) => {
    const keyed = rows.map((row) => ({ row, k: keys.map((k) => k.key(row)) }));
    keyed.sort((a, b) => {
      for (let i = 0; i < keys.length; i++) {
        const x = a.k[i];
        const y = b.k[i];
        if (x === y) continue;
        if (x === null) return 1; // empty values last, whatever the direction
        if (y === null) return -1;
        const d = compare(x, y) ?? compare(String(x), String(y)) ?? 0;
        if (d !== 0) return d * keys[i].sign;
      }
      return 0;
    });
    return keyed.map((k) => k.row);
  };
}
