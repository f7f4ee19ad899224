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

// Each builder spells its object literal out in full (common fields, type
// fields, attribute_type) so V8 gives every value type one compact shape.
// Values built from one context share its created_by_actor object; responses
// are never mutated, and this keeps generating 50,000 records fast.

export function text(ctx: ValueContext, value: string): ValueObject {
  return { active_from: ctx.activeFrom, active_until: null, created_by_actor: ctx.actor, value, attribute_type: 'text' };
}

export function num(ctx: ValueContext, value: number): ValueObject {
  return { active_from: ctx.activeFrom, active_until: null, created_by_actor: ctx.actor, value, attribute_type: 'number' };
}

export function rating(ctx: ValueContext, value: number): ValueObject {
  return { active_from: ctx.activeFrom, active_until: null, created_by_actor: ctx.actor, value, attribute_type: 'rating' };
}

export function checkbox(ctx: ValueContext, value: boolean): ValueObject {
  return { active_from: ctx.activeFrom, active_until: null, created_by_actor: ctx.actor, value, attribute_type: 'checkbox' };
}

export function date(ctx: ValueContext, value: string): ValueObject {
  return { active_from: ctx.activeFrom, active_until: null, created_by_actor: ctx.actor, value, attribute_type: 'date' };
}

export function timestamp(ctx: ValueContext, value: string): ValueObject {
  return { active_from: ctx.activeFrom, active_until: null, created_by_actor: ctx.actor, value, attribute_type: 'timestamp' };
}

export function currency(ctx: ValueContext, value: number, code: string | null): ValueObject {
  return { active_from: ctx.activeFrom, active_until: null, created_by_actor: ctx.actor, currency_value: value, currency_code: code, attribute_type: 'currency' };
}

export function personalName(ctx: ValueContext, first: string, last: string): ValueObject {
  return { active_from: ctx.activeFrom, active_until: null, created_by_actor: ctx.actor, first_name: first, last_name: last, full_name: `${first} ${last}`.trim(), attribute_type: 'personal-name' };
}

export function email(ctx: ValueContext, address: string): ValueObject {
  const [local, domain] = address.split('@');
  return {
    active_from: ctx.activeFrom,
    active_until: null,
    created_by_actor: ctx.actor,
    original_email_address: address,
    email_address: address.toLowerCase(),
    email_domain: domain,
    email_root_domain: rootDomain(domain),
    email_local_specifier: local.split('+')[0],
    attribute_type: 'email-address',
  };
}

export function phone(ctx: ValueContext, e164: string, countryCode: string): ValueObject {
  return { active_from: ctx.activeFrom, active_until: null, created_by_actor: ctx.actor, original_phone_number: e164, country_code: countryCode, phone_number: e164, attribute_type: 'phone-number' };
}

export function domain(ctx: ValueContext, host: string): ValueObject {
  return { active_from: ctx.activeFrom, active_until: null, created_by_actor: ctx.actor, domain: host, root_domain: rootDomain(host), attribute_type: 'domain' };
}

export function recordRef(ctx: ValueContext, objectSlug: string, recordId: string): ValueObject {
  return { active_from: ctx.activeFrom, active_until: null, created_by_actor: ctx.actor, target_object: objectSlug, target_record_id: recordId, attribute_type: 'record-reference' };
}

export function actorRef(ctx: ValueContext, actor: Actor): ValueObject {
  return { active_from: ctx.activeFrom, active_until: null, created_by_actor: ctx.actor, referenced_actor_type: actor.type, referenced_actor_id: actor.id, attribute_type: 'actor-reference' };
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
    active_from: ctx.activeFrom,
    active_until: null,
    created_by_actor: ctx.actor,
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
    attribute_type: 'location',
  };
}

export function interaction(
  ctx: ValueContext,
  kind: 'calendar-event' | 'call' | 'chat-thread' | 'email' | 'in-person-meeting' | 'meeting',
  at: string,
  owner: Actor,
): ValueObject {
  return { active_from: ctx.activeFrom, active_until: null, created_by_actor: ctx.actor, interaction_type: kind, interacted_at: at, owner_actor: { type: owner.type, id: owner.id }, attribute_type: 'interaction' };
}

export function select(ctx: ValueContext, attr: AttributeDef, option: SelectOption): ValueObject {
  return {
    active_from: ctx.activeFrom,
    active_until: null,
    created_by_actor: ctx.actor,
    option: {
      id: { workspace_id: ctx.workspaceId, object_id: attr.parentId, attribute_id: attr.id, option_id: option.id },
      title: option.title,
      is_archived: option.isArchived,
    },
    attribute_type: 'select',
  };
}

export function status(ctx: ValueContext, attr: AttributeDef, s: StatusOption): ValueObject {
  return {
    active_from: ctx.activeFrom,
    active_until: null,
    created_by_actor: ctx.actor,
    status: {
      id: { workspace_id: ctx.workspaceId, object_id: attr.parentId, attribute_id: attr.id, status_id: s.id },
      title: s.title,
      is_archived: s.isArchived,
      celebration_enabled: s.celebrationEnabled,
      target_time_in_status: s.targetTimeInStatus,
    },
    attribute_type: 'status',
  };
}

/** Naive registrable-domain guess (last two labels; three for e.g. co.uk). */
export function rootDomain(host: string): string {
  const labels = host.toLowerCase().split('.');
  const secondLevel = labels.length >= 3 && ['co', 'com', 'org', 'ac'].includes(labels[labels.length - 2]);
  return labels.slice(secondLevel ? -3 : -2).join('.');
}
