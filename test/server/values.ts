/**
 * Builders for Attio's typed value objects (API-FACTS §3.4). Every value
 * carries active_from / active_until / created_by_actor / attribute_type.
 */
import { Actor, AttributeDef, SelectOption, StatusOption, ValueObject } from './model';

export interface ValueContext {
  workspaceId: string;
  activeFrom: string;
  actor: Actor;
}

function base(ctx: ValueContext, type: ValueObject['attribute_type']): ValueObject {
  return {
    active_from: ctx.activeFrom,
    active_until: null,
    created_by_actor: { type: ctx.actor.type, id: ctx.actor.id },
    attribute_type: type,
  };
}

export function text(ctx: ValueContext, value: string): ValueObject {
  return { ...base(ctx, 'text'), value };
}

export function num(ctx: ValueContext, value: number): ValueObject {
  return { ...base(ctx, 'number'), value };
}

export function rating(ctx: ValueContext, value: number): ValueObject {
  return { ...base(ctx, 'rating'), value };
}

export function checkbox(ctx: ValueContext, value: boolean): ValueObject {
  return { ...base(ctx, 'checkbox'), value };
}

export function date(ctx: ValueContext, value: string): ValueObject {
  return { ...base(ctx, 'date'), value };
}

export function timestamp(ctx: ValueContext, value: string): ValueObject {
  return { ...base(ctx, 'timestamp'), value };
}

export function currency(ctx: ValueContext, value: number, code: string | null): ValueObject {
  return { ...base(ctx, 'currency'), currency_value: value, currency_code: code };
}

export function personalName(ctx: ValueContext, first: string, last: string): ValueObject {
  return { ...base(ctx, 'personal-name'), first_name: first, last_name: last, full_name: `${first} ${last}`.trim() };
}

export function email(ctx: ValueContext, address: string): ValueObject {
  const [local, domain] = address.split('@');
  return {
    ...base(ctx, 'email-address'),
    original_email_address: address,
    email_address: address.toLowerCase(),
    email_domain: domain,
    email_root_domain: rootDomain(domain),
    email_local_specifier: local.split('+')[0],
  };
}

export function phone(ctx: ValueContext, e164: string, countryCode: string): ValueObject {
  return { ...base(ctx, 'phone-number'), original_phone_number: e164, country_code: countryCode, phone_number: e164 };
}

export function domain(ctx: ValueContext, host: string): ValueObject {
  return { ...base(ctx, 'domain'), domain: host, root_domain: rootDomain(host) };
}

export function recordRef(ctx: ValueContext, objectSlug: string, recordId: string): ValueObject {
  return { ...base(ctx, 'record-reference'), target_object: objectSlug, target_record_id: recordId };
}

export function actorRef(ctx: ValueContext, actor: Actor): ValueObject {
  return { ...base(ctx, 'actor-reference'), referenced_actor_type: actor.type, referenced_actor_id: actor.id };
}

export interface Address {
  line1: string | null;
  locality: string;
  region: string | null;
  postcode: string | null;
  countryCode: string;
  latitude: string;
  longitude: string;
}

export function location(ctx: ValueContext, a: Address): ValueObject {
  return {
    ...base(ctx, 'location'),
    line_1: a.line1,
    line_2: null,
    line_3: null,
    line_4: null,
    locality: a.locality,
    region: a.region,
    postcode: a.postcode,
    country_code: a.countryCode,
    latitude: a.latitude,
    longitude: a.longitude,
  };
}

export function interaction(
  ctx: ValueContext,
  kind: 'calendar-event' | 'call' | 'chat-thread' | 'email' | 'in-person-meeting' | 'meeting',
  at: string,
  owner: Actor,
): ValueObject {
  return { ...base(ctx, 'interaction'), interaction_type: kind, interacted_at: at, owner_actor: { type: owner.type, id: owner.id } };
}

export function select(ctx: ValueContext, attr: AttributeDef, option: SelectOption): ValueObject {
  return {
    ...base(ctx, 'select'),
    option: {
      id: { workspace_id: ctx.workspaceId, object_id: attr.parentId, attribute_id: attr.id, option_id: option.id },
      title: option.title,
      is_archived: option.isArchived,
    },
  };
}

export function status(ctx: ValueContext, attr: AttributeDef, s: StatusOption): ValueObject {
  return {
    ...base(ctx, 'status'),
    status: {
      id: { workspace_id: ctx.workspaceId, object_id: attr.parentId, attribute_id: attr.id, status_id: s.id },
      title: s.title,
      is_archived: s.isArchived,
      celebration_enabled: s.celebrationEnabled,
      target_time_in_status: s.targetTimeInStatus,
    },
  };
}

/** Naive registrable-domain guess (last two labels; three for e.g. co.uk). */
export function rootDomain(host: string): string {
  const labels = host.toLowerCase().split('.');
  const secondLevel = labels.length >= 3 && ['co', 'com', 'org', 'ac'].includes(labels[labels.length - 2]);
  return labels.slice(secondLevel ? -3 : -2).join('.');
}
