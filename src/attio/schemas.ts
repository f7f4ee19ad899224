/**
 * Lean zod/mini schemas for the Attio responses the extension uses.
 *
 * - `z.looseObject` everywhere: unknown keys are kept, so schema drift (new fields) passes.
 * - Only what the extension reads is required; fields Attio documents as nullable, or that real responses
 *   are known to omit (API-FACTS §7.4), are `nullish`.
 * - Attribute values are validated only by their common envelope (`attribute_type: string`); the
 *   type-specific fields are checked lazily by {@link parseValue} (titles and `valueText` read them
 *   defensively). This keeps parsing a 500-record page close to the cost of `JSON.parse`.
 */
import * as z from 'zod/mini';
import { callRecordingsPage, commentSchema, meetingsPage, threadSchema, transcriptPage } from './activitySchemas';

export * from './activitySchemas';
export * from './brokerSchemas';

const str = z.string();
const nstr = z.nullish(z.string());
const bool = z.boolean();
const num = z.number();

export const actorSchema = z.looseObject({ type: nstr, id: nstr });
export type AttioActor = z.infer<typeof actorSchema>;

// ---------------------------------------------------------------------------------------------------------
// Values
// ---------------------------------------------------------------------------------------------------------

/** What every value object is checked for at the boundary. */
export const valueEnvelopeSchema = z.looseObject({ attribute_type: str });

const valueBase = {
  active_from: nstr,
  active_until: nstr,
  created_by_actor: z.nullish(actorSchema),
};

const typed = <T extends string, S extends z.core.$ZodLooseShape>(type: T, shape: S) =>
  z.looseObject({ ...valueBase, ...shape, attribute_type: z.literal(type) });

const idObj = z.looseObject({});

/** Type-specific value schemas (used by {@link parseValue} and for the exported types). */
export const valueSchemas = {
  text: typed('text', { value: str }),
  number: typed('number', { value: num }),
  rating: typed('rating', { value: num }),
  checkbox: typed('checkbox', { value: bool }),
  date: typed('date', { value: str }),
  timestamp: typed('timestamp', { value: str }),
  currency: typed('currency', { currency_value: num, currency_code: nstr }),
  domain: typed('domain', { domain: str, root_domain: nstr }),
  'email-address': typed('email-address', {
    email_address: str,
    original_email_address: nstr,
    email_domain: nstr,
    email_root_domain: nstr,
    email_local_specifier: nstr,
  }),
  'phone-number': typed('phone-number', { phone_number: nstr, original_phone_number: nstr, country_code: nstr }),
  'personal-name': typed('personal-name', { first_name: nstr, last_name: nstr, full_name: nstr }),
  location: typed('location', {
    line_1: nstr,
    line_2: nstr,
    line_3: nstr,
    line_4: nstr,
    locality: nstr,
    region: nstr,
    postcode: nstr,
    country_code: nstr,
    latitude: nstr,
    longitude: nstr,
  }),
  'record-reference': typed('record-reference', { target_object: str, target_record_id: str }),
  'actor-reference': typed('actor-reference', { referenced_actor_type: nstr, referenced_actor_id: nstr }),
  interaction: typed('interaction', { interaction_type: nstr, interacted_at: nstr, owner_actor: z.nullish(actorSchema) }),
  select: typed('select', { option: z.looseObject({ id: z.optional(idObj), title: str, is_archived: z.optional(bool) }) }),
  status: typed('status', {
    status: z.looseObject({
      id: z.optional(idObj),
      title: str,
      is_archived: z.optional(bool),
      celebration_enabled: z.optional(bool),
      target_time_in_status: nstr,
    }),
  }),
} as const;

export type AttioValueType = keyof typeof valueSchemas;
export type TextValue = z.infer<(typeof valueSchemas)['text']>;
export type NumberValue = z.infer<(typeof valueSchemas)['number']>;
export type RatingValue = z.infer<(typeof valueSchemas)['rating']>;
export type CheckboxValue = z.infer<(typeof valueSchemas)['checkbox']>;
export type DateValue = z.infer<(typeof valueSchemas)['date']>;
export type TimestampValue = z.infer<(typeof valueSchemas)['timestamp']>;
export type CurrencyValue = z.infer<(typeof valueSchemas)['currency']>;
export type DomainValue = z.infer<(typeof valueSchemas)['domain']>;
export type EmailAddressValue = z.infer<(typeof valueSchemas)['email-address']>;
export type PhoneNumberValue = z.infer<(typeof valueSchemas)['phone-number']>;
export type PersonalNameValue = z.infer<(typeof valueSchemas)['personal-name']>;
export type LocationValue = z.infer<(typeof valueSchemas)['location']>;
export type RecordReferenceValue = z.infer<(typeof valueSchemas)['record-reference']>;
export type ActorReferenceValue = z.infer<(typeof valueSchemas)['actor-reference']>;
export type InteractionValue = z.infer<(typeof valueSchemas)['interaction']>;
export type SelectValue = z.infer<(typeof valueSchemas)['select']>;
export type StatusValue = z.infer<(typeof valueSchemas)['status']>;

/**
 * One attribute value, discriminated by `attribute_type`.
 *
 * Tolerant of unknown types: at run time `attribute_type` may be a type Attio added later (only the envelope
 * was validated); such values reach you unchanged, so keep a `default:` branch in every switch. Type-specific
 * fields of known types were not validated eagerly either — use {@link parseValue} when you need the guarantee.
 */
export type AttioValue =
  | TextValue
  | NumberValue
  | RatingValue
  | CheckboxValue
  | DateValue
  | TimestampValue
  | CurrencyValue
  | DomainValue
  | EmailAddressValue
  | PhoneNumberValue
  | PersonalNameValue
  | LocationValue
  | RecordReferenceValue
  | ActorReferenceValue
  | InteractionValue
  | SelectValue
  | StatusValue;

/** A value of a type this client does not know (only the envelope is guaranteed). */
export type UnknownAttioValue = { attribute_type: string; [k: string]: unknown };

export type AttioValues = Record<string, AttioValue[]>;

/**
 * Validates the type-specific fields of one value. Returns the value (typed) when it matches its known type,
 * `undefined` when it does not or the type is unknown.
 */
export function parseValue(value: UnknownAttioValue | AttioValue): AttioValue | undefined {
  const schema = (valueSchemas as Record<string, z.ZodMiniType>)[value.attribute_type];
  if (!schema) return undefined;
  const r = schema.safeParse(value);
  return r.success ? (r.data as AttioValue) : undefined;
}

/**
 * `values` / `entry_values`: a map of attribute slug → array of value objects, each with a string
 * `attribute_type`. Checked by hand rather than with `z.record(z.array(valueEnvelopeSchema))`: same rules and
 * the same issue paths (`values.name[0].attribute_type`), but no copy of the thousands of value objects on a
 * 500-record page, which roughly halves validation time. Values pass through untouched (unknown keys kept).
 */
const valuesSchema = z.nullish(
  z.custom<Record<string, UnknownAttioValue[]>>().check(
    z.superRefine((val, ctx) => {
      const issue = (path: PropertyKey[], message: string) => ctx.addIssue({ code: 'custom', path, message, input: undefined });
      if (typeof val !== 'object' || val === null || Array.isArray(val)) return issue([], 'expected object');
      const map = val as Record<string, unknown>;
      for (const key in map) {
        const arr = map[key];
        if (!Array.isArray(arr)) {
          issue([key], 'expected array');
          continue;
        }
        for (let i = 0; i < arr.length; i++) {
          const v = arr[i] as { attribute_type?: unknown } | null;
          if (typeof v !== 'object' || v === null || Array.isArray(v)) issue([key, i], 'expected object');
          else if (typeof v.attribute_type !== 'string') issue([key, i, 'attribute_type'], 'expected string');
        }
      }
    }),
  ),
);

// ---------------------------------------------------------------------------------------------------------
// Entities
// ---------------------------------------------------------------------------------------------------------

export const objectSchema = z.looseObject({
  id: z.looseObject({ workspace_id: str, object_id: str }),
  api_slug: nstr,
  singular_noun: nstr,
  plural_noun: nstr,
  created_at: nstr,
});
export type AttioObject = z.infer<typeof objectSchema>;

export const attributeSchema = z.looseObject({
  id: z.looseObject({ workspace_id: str, object_id: str, attribute_id: str }),
  title: str,
  api_slug: str,
  type: str,
  description: nstr,
  is_system_attribute: z.optional(bool),
  is_writable: z.optional(bool),
  is_required: z.optional(bool),
  is_unique: z.optional(bool),
  is_multiselect: z.optional(bool),
  is_archived: z.optional(bool),
  created_at: nstr,
});
export type AttioAttribute = z.infer<typeof attributeSchema>;

export const selectOptionSchema = z.looseObject({
  id: z.looseObject({ workspace_id: str, object_id: str, attribute_id: str, option_id: str }),
  title: str,
  is_archived: z.optional(bool),
});
export type AttioSelectOption = z.infer<typeof selectOptionSchema>;

export const statusSchema = z.looseObject({
  id: z.looseObject({ workspace_id: str, object_id: str, attribute_id: str, status_id: str }),
  title: str,
  is_archived: z.optional(bool),
  celebration_enabled: z.optional(bool),
  target_time_in_status: nstr,
});
export type AttioStatus = z.infer<typeof statusSchema>;

export const recordSchema = z.looseObject({
  id: z.looseObject({ workspace_id: str, object_id: str, record_id: str }),
  created_at: nstr,
  web_url: nstr,
  values: valuesSchema,
});
/** A record; `values` is always an object after the client has parsed it (missing/null → `{}`). */
export type AttioRecord = z.infer<typeof recordSchema> & { values: AttioValues };

export const listSchema = z.looseObject({
  id: z.looseObject({ workspace_id: str, list_id: str }),
  api_slug: str,
  name: str,
  parent_object: z.array(str),
  workspace_access: nstr,
  created_by_actor: z.nullish(actorSchema),
  created_at: nstr,
});
export type AttioList = z.infer<typeof listSchema>;

export const entrySchema = z.looseObject({
  id: z.looseObject({ workspace_id: str, list_id: str, entry_id: str }),
  parent_record_id: str,
  parent_object: str,
  created_at: nstr,
  entry_values: valuesSchema,
});
/** A list entry; `entry_values` is always an object after parsing. */
export type AttioEntry = z.infer<typeof entrySchema> & { entry_values: AttioValues };

/** An item of `GET /v2/objects/{object}/records/{record_id}/entries`. */
export const recordEntrySchema = z.looseObject({ list_id: str, list_api_slug: nstr, entry_id: str, created_at: nstr });
export type AttioRecordEntry = z.infer<typeof recordEntrySchema>;

export const taskSchema = z.looseObject({
  id: z.looseObject({ workspace_id: str, task_id: str }),
  content_plaintext: str,
  deadline_at: nstr,
  is_completed: bool,
  completed_at: nstr,
  linked_records: z.array(z.looseObject({ target_object_id: str, target_record_id: str })),
  assignees: z.array(z.looseObject({ referenced_actor_type: nstr, referenced_actor_id: nstr })),
  created_by_actor: z.nullish(actorSchema),
  created_at: nstr,
});
export type AttioTask = z.infer<typeof taskSchema>;

export const memberSchema = z.looseObject({
  id: z.looseObject({ workspace_id: str, workspace_member_id: str }),
  first_name: nstr,
  last_name: nstr,
  avatar_url: nstr,
  email_address: nstr,
  access_level: nstr,
  created_at: nstr,
});
export type AttioMember = z.infer<typeof memberSchema>;

export const noteSchema = z.looseObject({
  id: z.looseObject({ workspace_id: str, note_id: str }),
  parent_object: str,
  parent_record_id: str,
  title: nstr,
  meeting_id: nstr,
  content_plaintext: nstr,
  content_markdown: nstr,
  tags: z.nullish(z.array(z.looseObject({ type: str }))),
  created_by_actor: z.nullish(actorSchema),
  created_at: nstr,
});
export type AttioNote = z.infer<typeof noteSchema>;

/** A webhook (`GET /v2/webhooks`): where events go and which ones; `filter` is kept as Attio sends it. */
export const webhookSchema = z.looseObject({
  id: z.looseObject({ workspace_id: str, webhook_id: str }),
  target_url: str,
  status: str,
  subscriptions: z.array(z.looseObject({ event_type: str, filter: z.nullish(z.unknown()) })),
  created_at: nstr,
});
export type AttioWebhook = z.infer<typeof webhookSchema>;

export const searchResultSchema = z.looseObject({
  id: z.looseObject({ workspace_id: str, object_id: str, record_id: str }),
  record_text: str,
  record_image: nstr,
  object_slug: str,
});
export type SearchResult = z.infer<typeof searchResultSchema>;

export const selfSchema = z.looseObject({
  active: bool,
  scope: z.optional(str),
  client_id: nstr,
  token_type: nstr,
  exp: z.nullish(num),
  iat: z.nullish(num),
  workspace_id: z.optional(str),
  workspace_name: z.optional(str),
  workspace_slug: z.optional(str),
  workspace_logo_url: nstr,
  authorized_by_workspace_member_id: nstr,
});

/** Active tokens must carry the workspace identity; checked after `active` is known to be true. */
export const activeSelfSchema = z.looseObject({
  active: z.literal(true),
  scope: str,
  workspace_id: str,
  workspace_name: str,
  workspace_slug: str,
});

export const errorBodySchema = z.looseObject({
  status_code: z.optional(num),
  type: z.optional(str),
  code: z.optional(str),
  message: z.optional(str),
});

export const dataArray = <T extends z.ZodMiniType>(item: T) => z.looseObject({ data: z.array(item) });
export const dataOne = <T extends z.ZodMiniType>(item: T) => z.looseObject({ data: item });

/** Response envelopes per endpoint, built once when this module loads (on the first API response). */
export const responses = {
  self: selfSchema,
  objects: dataArray(objectSchema),
  object: dataOne(objectSchema),
  attributes: dataArray(attributeSchema),
  selectOptions: dataArray(selectOptionSchema),
  statuses: dataArray(statusSchema),
  records: dataArray(recordSchema),
  record: dataOne(recordSchema),
  recordEntries: dataArray(recordEntrySchema),
  search: dataArray(searchResultSchema),
  lists: dataArray(listSchema),
  list: dataOne(listSchema),
  entries: dataArray(entrySchema),
  entry: dataOne(entrySchema),
  tasks: dataArray(taskSchema),
  task: dataOne(taskSchema),
  members: dataArray(memberSchema),
  notes: dataArray(noteSchema),
  note: dataOne(noteSchema),
  webhooks: dataArray(webhookSchema),
  /** Any JSON answer, unvalidated ("Open as JSON" shows it as received). */
  raw: z.unknown(),
  threads: dataArray(threadSchema),
  comment: dataOne(commentSchema),
  meetings: meetingsPage,
  callRecordings: callRecordingsPage,
  transcript: transcriptPage,
};
