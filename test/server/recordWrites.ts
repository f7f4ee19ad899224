/**
 * Writing records, as Attio's OpenAPI document describes: create (`POST /v2/objects/{object}/records`, throws on a
 * unique conflict), assert (`PUT …/records?matching_attribute=`, update the record with the same unique value or
 * create one), update appending multiselect values (`PATCH …/records/{record_id}`, new values first) and update
 * overwriting them (`PUT …/records/{record_id}`). Every refusal happens before anything changes.
 */
import { randomUUID } from 'node:crypto';
import { notFound, validation, valueNotFound } from './errors';
import { AttributeDef, ObjectDef, RecordRow, ValueObject, Workspace, attioTimestamp, findAttribute, findObject, isUuid } from './model';
import type { Route, RouteContext } from './routes';
import * as json from './serialize';
import * as v from './values';
import { missingValue, parseWriteValues, sameValueKey, uniquenessConflict } from './valueWrites';

function objectOr404(ws: Workspace, idOrSlug: string): ObjectDef {
  const o = findObject(ws, idOrSlug);
  if (!o) throw notFound(`Object with slug/ID "${idOrSlug}" not found.`);
  return o;
}

function recordOr404(ws: Workspace, object: ObjectDef, recordId: string): RecordRow {
  const r = isUuid(recordId) ? ws.recordsById.get(recordId) : undefined;
  if (!r || r.objectSlug !== object.slug) throw notFound(`Record with ID "${recordId}" not found.`);
  return r;
}

function valueContext(ctx: RouteContext): v.ValueContext {
  return { workspaceId: ctx.ws.id, activeFrom: attioTimestamp(ctx.now), actor: { type: 'api-token', id: ctx.token.id } };
}

/** The record (other than `self`) already holding one of `values` for the unique attribute `a`. */
function holderOf(ws: Workspace, object: ObjectDef, a: AttributeDef, values: ValueObject[], self?: RecordRow): RecordRow | undefined {
  const keys = new Set(values.map(sameValueKey));
  return ws.records.get(object.slug)!.find((r) => r !== self && (r.values[a.slug] ?? []).some((x) => keys.has(sameValueKey(x))));
}

function checkUnique(ws: Workspace, object: ObjectDef, changes: Map<AttributeDef, ValueObject[]>, self?: RecordRow): void {
  for (const [a, values] of changes) {
    if (!a.isUnique || values.length === 0) continue;
    const holder = holderOf(ws, object, a, values, self);
    if (holder) throw uniquenessConflict(a, holder.id);
  }
}

function create(ws: Workspace, object: ObjectDef, changes: Map<AttributeDef, ValueObject[]>, ctx: RouteContext): RecordRow {
  for (const a of object.attributes) {
    if (a.isRequired && !a.isArchived && !(changes.get(a)?.length)) throw missingValue(a);
  }
  checkUnique(ws, object, changes, undefined);
  const vc = valueContext(ctx);
  const values: RecordRow['values'] = {};
  for (const [a, list] of changes) if (list.length) values[a.slug] = list;
  values.created_at = [v.timestamp(vc, vc.activeFrom)];
  values.created_by = [v.actorRef(vc, vc.actor)];
  const row: RecordRow = { id: randomUUID(), objectSlug: object.slug, createdAt: vc.activeFrom, values };
  ws.records.get(object.slug)!.push(row);
  ws.recordsById.set(row.id, row);
  return row;
}

/**
 * Applies `changes` to `record`. `append`: multiselect values are created and put before the existing ones (PATCH);
 * otherwise they replace them (PUT). Single-value attributes are replaced either way; `[]` clears.
 */
function update(ws: Workspace, object: ObjectDef, record: RecordRow, changes: Map<AttributeDef, ValueObject[]>, append: (a: AttributeDef) => boolean): void {
  for (const [a, list] of changes) if (a.isRequired && list.length === 0 && !append(a)) throw missingValue(a);
  checkUnique(ws, object, changes, record);
  for (const [a, list] of changes) {
    const current = record.values[a.slug] ?? [];
    if (a.isMultiselect && append(a)) {
      const had = new Set(current.map(sameValueKey));
      record.values[a.slug] = [...list.filter((x) => !had.has(sameValueKey(x))), ...current];
    } else if (list.length === 0) {
      delete record.values[a.slug];
    } else {
      // a value that stays as it was keeps its history (active_from, who wrote it)
      const kept = new Map(current.map((x) => [sameValueKey(x), x]));
      record.values[a.slug] = list.map((x) => kept.get(sameValueKey(x)) ?? x);
    }
  }
}

function createRecord(ctx: RouteContext) {
  const object = objectOr404(ctx.ws, ctx.params.object);
  const changes = parseWriteValues(ctx.ws, object.attributes, ctx.body, valueContext(ctx));
  return { data: json.recordJson(ctx.ws, object, create(ctx.ws, object, changes, ctx)) };
}

function assertRecord(ctx: RouteContext) {
  const object = objectOr404(ctx.ws, ctx.params.object);
  const slug = ctx.query.get('matching_attribute');
  if (!slug) throw validation('Query parameter "matching_attribute" is required.');
  const matching = findAttribute(object.attributes, slug);
  if (!matching || matching.isArchived) {
    throw valueNotFound(`No attribute was found for matching_attribute slug/ID "${slug}".`);
  }
  if (!matching.isUnique) throw validation(`The matching attribute "${matching.slug}" must be unique.`);
  const changes = parseWriteValues(ctx.ws, object.attributes, ctx.body, valueContext(ctx));
  const wanted = changes.get(matching);
  if (!wanted?.length) throw missingValue(matching);
  const existing = holderOf(ctx.ws, object, matching, wanted);
  if (!existing) return { data: json.recordJson(ctx.ws, object, create(ctx.ws, object, changes, ctx)) };
  // The matching attribute, if multiselect, gets new values added; every other multiselect is overwritten.
  update(ctx.ws, object, existing, changes, (a) => a === matching);
  return { data: json.recordJson(ctx.ws, object, existing) };
}

function updateRecord(append: boolean) {
  return (ctx: RouteContext) => {
    const object = objectOr404(ctx.ws, ctx.params.object);
    const record = recordOr404(ctx.ws, object, ctx.params.record_id);
    const changes = parseWriteValues(ctx.ws, object.attributes, ctx.body, valueContext(ctx));
    update(ctx.ws, object, record, changes, () => append);
    return { data: json.recordJson(ctx.ws, object, record) };
  };
}

export const RECORD_WRITE_ROUTES: Route[] = [
  { method: 'POST', template: '/v2/objects/{object}/records', kind: 'write', handle: createRecord },
  { method: 'PUT', template: '/v2/objects/{object}/records', kind: 'write', handle: assertRecord },
  { method: 'PATCH', template: '/v2/objects/{object}/records/{record_id}', kind: 'write', handle: updateRecord(true) },
  { method: 'PUT', template: '/v2/objects/{object}/records/{record_id}', kind: 'write', handle: updateRecord(false) },
];
