/**
 * The TypeScript of each attribute type, as Attio documents it (API-FACTS §3.4 value objects, §3.12 filters; the
 * OpenAPI document's record bodies): the value object Attio returns, the input a create or update accepts, and the
 * filter with the operators the type allows. The shared declarations (value interfaces, operator sets) are written
 * once at the top of the generated module (`PRELUDE`); per attribute only a short type expression is written.
 */

/** Declarations every generated module starts with. No runtime code. */
export const PRELUDE = `/** What every value object carries. */
export interface AttioValueCommon {
  active_from: string;
  active_until: string | null;
  created_by_actor: { type: AttioActorType | null; id: string | null };
}
export type AttioActorType = 'api-token' | 'workspace-member' | 'system' | 'app';
export interface AttioTextValue extends AttioValueCommon { attribute_type: 'text'; value: string }
export interface AttioNumberValue extends AttioValueCommon { attribute_type: 'number'; value: number }
export interface AttioRatingValue extends AttioValueCommon { attribute_type: 'rating'; value: number }
export interface AttioCheckboxValue extends AttioValueCommon { attribute_type: 'checkbox'; value: boolean }
/** \`YYYY-MM-DD\` */
export interface AttioDateValue extends AttioValueCommon { attribute_type: 'date'; value: string }
/** ISO 8601 date and time */
export interface AttioTimestampValue extends AttioValueCommon { attribute_type: 'timestamp'; value: string }
export interface AttioCurrencyValue extends AttioValueCommon { attribute_type: 'currency'; currency_value: number; currency_code: string | null }
export interface AttioDomainValue extends AttioValueCommon { attribute_type: 'domain'; domain: string; root_domain: string }
export interface AttioEmailAddressValue extends AttioValueCommon {
  attribute_type: 'email-address';
  original_email_address: string;
  email_address: string;
  email_domain: string;
  email_root_domain: string;
  email_local_specifier: string;
}
export interface AttioPhoneNumberValue extends AttioValueCommon { attribute_type: 'phone-number'; original_phone_number: string; country_code: string | null; phone_number: string }
export interface AttioPersonalNameValue extends AttioValueCommon { attribute_type: 'personal-name'; first_name: string; last_name: string; full_name: string }
export interface AttioLocationValue extends AttioValueCommon {
  attribute_type: 'location';
  line_1: string | null;
  line_2: string | null;
  line_3: string | null;
  line_4: string | null;
  locality: string | null;
  region: string | null;
  postcode: string | null;
  country_code: string | null;
  latitude: string | null;
  longitude: string | null;
}
export interface AttioRecordReferenceValue<Target extends string = string> extends AttioValueCommon { attribute_type: 'record-reference'; target_object: Target; target_record_id: string }
export interface AttioActorReferenceValue extends AttioValueCommon { attribute_type: 'actor-reference'; referenced_actor_type: AttioActorType; referenced_actor_id: string | null }
export type AttioInteractionType = 'calendar-event' | 'call' | 'chat-thread' | 'email' | 'in-person-meeting' | 'meeting';
export interface AttioInteractionValue extends AttioValueCommon {
  attribute_type: 'interaction';
  interaction_type: AttioInteractionType;
  interacted_at: string;
  owner_actor: { type: AttioActorType | null; id: string | null };
}
export interface AttioSelectValue<Title extends string, Id extends string> extends AttioValueCommon {
  attribute_type: 'select';
  option: { id: { workspace_id: string; object_id: string; attribute_id: string; option_id: Id }; title: Title; is_archived: boolean };
}
export interface AttioStatusValue<Title extends string, Id extends string> extends AttioValueCommon {
  attribute_type: 'status';
  status: {
    id: { workspace_id: string; object_id: string; attribute_id: string; status_id: Id };
    title: Title;
    is_archived: boolean;
    celebration_enabled: boolean;
    target_time_in_status: string | null;
  };
}
/** A value of an attribute type these types do not know (Attio added one after they were generated). */
export interface AttioOtherValue extends AttioValueCommon { attribute_type: string; [field: string]: unknown }

/** Text operators. */
export interface AttioTextOps { $eq?: string; $contains?: string; $starts_with?: string; $ends_with?: string; $not_empty?: boolean }
/** Operators of numbers, dates and timestamps. */
export interface AttioOrderOps<T> { $eq?: T; $lt?: T; $lte?: T; $gt?: T; $gte?: T; $not_empty?: boolean }
/** Operators of options, statuses, ids. */
export interface AttioChoiceOps<T> { $eq?: T; $in?: T[]; $not_empty?: boolean }
export interface AttioNotEmpty { $not_empty: boolean }

/** A filter over one object's or list's attributes: conditions on attributes, combined with \`$and\`, \`$or\`, \`$not\`. */
export type AttioFilterOf<Conditions> = { [K in keyof Conditions]?: Conditions[K] } & {
  $and?: AttioFilterOf<Conditions>[];
  $or?: AttioFilterOf<Conditions>[];
  $not?: AttioFilterOf<Conditions>;
};

/** An attribute's value in a write: one value (or an array of one) for a single-value attribute, an array for a multiselect one. */
export type AttioWriteOne<T> = T | [T];
`;

export interface ShapeContext {
  /** The string-literal union of the attribute's option or status titles (`never` when it has none). */
  titles: string;
  /** The union of their ids. */
  ids: string;
  /** Titles and ids of the ones not archived (what a write or filter may name). */
  liveChoices: string;
  /** For record references: the union of target object slugs (`string` when Attio does not say). */
  targets: string;
}

const TEXT_FILTER = (fields: string[]): string => `string | AttioTextOps | { ${fields.map(f => `${f}?: AttioTextOps`).join('; ')} }`;

interface TypeShape {
  /** The value object Attio returns. */
  value(c: ShapeContext): string;
  /** What a create or update accepts; undefined = not writable. */
  input?(c: ShapeContext): string;
  /** The filter on the attribute. */
  filter(c: ShapeContext): string;
}

const SHAPES: Record<string, TypeShape> = {
  text: { value: () => 'AttioTextValue', input: () => 'string', filter: () => 'string | AttioTextOps' },
  number: { value: () => 'AttioNumberValue', input: () => 'number', filter: () => 'number | AttioOrderOps<number>' },
  rating: { value: () => 'AttioRatingValue', input: () => 'number', filter: () => 'number | AttioOrderOps<number>' },
  checkbox: { value: () => 'AttioCheckboxValue', input: () => 'boolean', filter: () => 'boolean | { $eq?: boolean }' },
  date: { value: () => 'AttioDateValue', input: () => 'string', filter: () => 'string | AttioOrderOps<string>' },
  timestamp: { value: () => 'AttioTimestampValue', input: () => 'string', filter: () => 'string | AttioOrderOps<string>' },
  currency: {
    value: () => 'AttioCurrencyValue',
    input: () => 'number | { currency_value: number; currency_code?: string }',
    filter: () => 'number | AttioOrderOps<number> | { currency_value?: AttioOrderOps<number>; currency_code?: AttioChoiceOps<string> }',
  },
  domain: { value: () => 'AttioDomainValue', input: () => 'string | { domain: string }', filter: () => TEXT_FILTER(['domain', 'root_domain']) },
  'email-address': {
    value: () => 'AttioEmailAddressValue',
    input: () => 'string | { email_address: string }',
    filter: () => TEXT_FILTER(['email_address', 'original_email_address', 'email_domain', 'email_root_domain', 'email_local_specifier']),
  },
  'phone-number': {
    value: () => 'AttioPhoneNumberValue',
    input: () => 'string | { original_phone_number: string; country_code?: string | null }',
    filter: () => TEXT_FILTER(['phone_number', 'original_phone_number', 'country_code']),
  },
  'personal-name': {
    value: () => 'AttioPersonalNameValue',
    input: () => 'string | { first_name?: string; last_name?: string; full_name?: string }',
    filter: () => TEXT_FILTER(['first_name', 'last_name', 'full_name']),
  },
  location: {
    value: () => 'AttioLocationValue',
    input: () => `string | Partial<Omit<AttioLocationValue, keyof AttioValueCommon | 'attribute_type'>>`,
    filter: () => TEXT_FILTER(['line_1', 'line_2', 'line_3', 'line_4', 'locality', 'region', 'postcode', 'country_code']),
  },
  select: {
    value: c => `AttioSelectValue<${c.titles}, ${c.ids}>`,
    input: c => c.liveChoices,
    filter: c => `${c.liveChoices} | AttioChoiceOps<${c.liveChoices}> | { option?: AttioChoiceOps<${c.liveChoices}> }`,
  },
  status: {
    value: c => `AttioStatusValue<${c.titles}, ${c.ids}>`,
    input: c => c.liveChoices,
    filter: c => `${c.liveChoices} | AttioChoiceOps<${c.liveChoices}> | { status?: AttioChoiceOps<${c.liveChoices}> }`,
  },
  'record-reference': {
    value: c => `AttioRecordReferenceValue<${c.targets}>`,
    input: c => `{ target_object: ${c.targets}; target_record_id: string }`,
    filter: c => `AttioNotEmpty | { target_object?: AttioChoiceOps<${c.targets}>; target_record_id?: AttioChoiceOps<string> }`,
  },
  'actor-reference': {
    value: () => 'AttioActorReferenceValue',
    input: () => `string | { referenced_actor_type: 'workspace-member'; referenced_actor_id: string }`,
    filter: () => 'AttioNotEmpty | { referenced_actor_type?: AttioChoiceOps<AttioActorType>; referenced_actor_id?: AttioChoiceOps<string> }',
  },
  interaction: {
    value: () => 'AttioInteractionValue',
    filter: () => 'AttioNotEmpty | { interaction_type?: AttioChoiceOps<AttioInteractionType>; interacted_at?: AttioOrderOps<string> }',
  },
};

const OTHER: TypeShape = { value: () => 'AttioOtherValue', filter: () => 'AttioNotEmpty | { [field: string]: unknown }' };

export function shapeOf(type: string): TypeShape {
  return Object.prototype.hasOwnProperty.call(SHAPES, type) ? SHAPES[type] : OTHER;
}

/** Attribute types these types know by name. */
export const KNOWN_TYPES: readonly string[] = Object.keys(SHAPES);
