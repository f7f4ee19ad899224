/**
 * List entry writes, as Attio's OpenAPI document describes them: create (POST …/entries), assert by parent
 * (PUT …/entries), update appending multiselect values (PATCH …/entries/{entry_id}), update overwriting them
 * (PUT …/entries/{entry_id}) and delete. Values come in Attio's write shapes (a bare value or an array of them;
 * statuses and options by title or id) and are stored in the read shape; every value is checked before anything
 * changes, and a refusal is Attio's error body (`validation_type`, `value_not_found`, `missing_value`,
 * `multiple_match_results`, `system_edit_unauthorized`, `immutable_value`).
 */
import { randomUUID } from 'node:crypto';
import { ApiError, notFound, validation, valueNotFound } from './errors';
import { AttributeDef, EntryRow, ListDef, ValueObject, Values, Workspace, attioTimestamp, findAttribute, findList, findObject, isUuid } from './model';
import type { Route, RouteContext } from './routes';
import * as json from './serialize';
import * as v from './values';
import { parseWriteValue } from './valueWrites';

const missingValue = (message: string) => new ApiError(400, 'invalid_request_error', 'missing_value', message);
const multipleMatches = () =>
  new ApiError(400, 'invalid_request_error', 'multiple_match_results', 'Multiple entries were found for the given parent record. Please remove duplicates or use the update or create entry endpoints instead.');
const systemEdit = (slug: string) => new ApiError(400, 'invalid_request_error', 'system_edit_unauthorized', `Attribute "${slug}" is a system attribute and cannot be written.`);
const immutable = () => new ApiError(400, 'invalid_request_error', 'immutable_value', 'The parent record for a list entry cannot be updated once created.');

function listOr404(ws: Workspace, idOrSlug: string): ListDef {
  const l = findList(ws, idOrSlug);
  if (!l) throw notFound(`Could not find list with slug/ID "${idOrSlug}".`);
  return l;
}

function entryOr404(ws: Workspace, list: ListDef, entryId: string): EntryRow {
  const e = ws.entries.get(list.id)!.find((x) => x.id === entryId);
  if (!e) throw notFound(`Entry with ID "${entryId}" not found.`);
  return e;
}

function dataOf(body: unknown): Record<string, unknown> {
  const b = body as Record<string, unknown> | undefined;
  if (!b || typeof b !== 'object' || Array.isArray(b) || typeof b.data !== 'object' || b.data === null || Array.isArray(b.data)) {
    throw validation('Body payload validation error: the body must be {"data": {...}}.');
  }
  return b.data as Record<string, unknown>;
}

function entryValuesOf(data: Record<string, unknown>): Record<string, unknown> {
  const ev = data.entry_values;
  if (typeof ev !== 'object' || ev === null || Array.isArray(ev)) throw validation('Body payload validation error: "data.entry_values" is required and must be an object.');
  return ev as Record<string, unknown>;
}

/** Every written attribute → its new values, all checked before anything is stored. */
function parseEntryValues(ws: Workspace, list: ListDef, written: Record<string, unknown>, ctx: v.ValueContext): Map<AttributeDef, ValueObject[]> {
  const out = new Map<AttributeDef, ValueObject[]>();
  for (const [key, raw] of Object.entries(written)) {
    const attr = findAttribute(list.attributes, key);
    if (!attr || attr.isArchived) throw validation(`Cannot find attribute with slug/ID "${key}" on list "${list.slug}".`);
    if (attr.isSystem || !attr.isWritable) throw systemEdit(attr.slug);
    const items = raw === null ? [] : Array.isArray(raw) ? raw : [raw];
    if (!attr.isMultiselect && items.length > 1) throw validation(`Attribute with slug "${attr.slug}" accepts a single value, but ${items.length} were given.`);
    // each value is read as a record's is (valueWrites.ts): one parser for records and entries
    out.set(attr, items.map((item) => parseWriteValue(ws, attr, item, ctx)));
  }
  return out;
}

function apply(entry: EntryRow, parsed: Map<AttributeDef, ValueObject[]>, mode: 'append' | 'overwrite'): void {
  for (const [attr, values] of parsed) {
    // multiselect: PATCH prepends to what exists, PUT replaces it; single values are replaced either way
    entry.values[attr.slug] = attr.isMultiselect && mode === 'append' ? [...values, ...(entry.values[attr.slug] ?? [])] : values;
  }
}

function checkRequired(list: ListDef, values: Values): void {
  for (const a of list.attributes) {
    if (a.isRequired && !a.isArchived && !(values[a.slug]?.length)) throw missingValue(`Required value for attribute with slug "${a.slug}" was not provided.`);
  }
}

function valueContext(ctx: RouteContext): v.ValueContext {
  return { workspaceId: ctx.ws.id, activeFrom: attioTimestamp(ctx.now), actor: { type: 'api-token', id: ctx.token.id } };
}

function parentOf(ctx: RouteContext, list: ListDef, data: Record<string, unknown>) {
  const { parent_object: object, parent_record_id: recordId } = data;
  if (typeof object !== 'string' || typeof recordId !== 'string') throw validation('Body payload validation error: "data.parent_object" and "data.parent_record_id" are required.');
  const o = findObject(ctx.ws, object);
  const record = isUuid(recordId) ? ctx.ws.recordsById.get(recordId) : undefined;
  if (!o || !record || record.objectSlug !== o.slug) throw valueNotFound(`Parent record with slug/ID "${recordId}" not found.`);
  if (o.slug !== list.parentObject) throw validation(`List "${list.slug}" accepts records of "${list.parentObject}" only, not "${o.slug}".`);
  return record;
}

function createEntry(ctx: RouteContext, list: ListDef, data: Record<string, unknown>): EntryRow {
  const record = parentOf(ctx, list, data);
  const vctx = valueContext(ctx);
  const parsed = parseEntryValues(ctx.ws, list, entryValuesOf(data), vctx);
  const entry: EntryRow = { id: randomUUID(), listId: list.id, parentRecordId: record.id, parentObject: record.objectSlug, createdAt: vctx.activeFrom, values: {} };
  apply(entry, parsed, 'overwrite');
  checkRequired(list, entry.values);
  entry.values.created_at = [v.timestamp(vctx, vctx.activeFrom)];
  entry.values.created_by = [v.actorRef(vctx, vctx.actor)];
  ctx.ws.entries.get(list.id)!.push(entry);
  return entry;
}

function updateEntry(ctx: RouteContext, mode: 'append' | 'overwrite') {
  const list = listOr404(ctx.ws, ctx.params.list);
  const entry = entryOr404(ctx.ws, list, ctx.params.entry_id);
  const data = dataOf(ctx.body);
  for (const key of Object.keys(data)) {
    if (key === 'parent_record_id' || key === 'parent_object') throw immutable();
    if (key !== 'entry_values') throw validation(`Body payload validation error: unknown field "data.${key}".`);
  }
  const parsed = parseEntryValues(ctx.ws, list, entryValuesOf(data), valueContext(ctx));
  const next = { ...entry, values: { ...entry.values } };
  apply(next, parsed, mode);
  checkRequired(list, next.values);
  entry.values = next.values;
  return { data: json.entryJson(ctx.ws, entry) };
}

export const ENTRY_WRITE_ROUTES: Route[] = [
  {
    method: 'POST',
    template: '/v2/lists/{list}/entries',
    kind: 'write',
    handle: (ctx) => {
      const list = listOr404(ctx.ws, ctx.params.list);
      return { data: json.entryJson(ctx.ws, createEntry(ctx, list, dataOf(ctx.body))) };
    },
  },
  {
    method: 'PUT',
    template: '/v2/lists/{list}/entries',
    kind: 'write',
    handle: (ctx) => {
      const list = listOr404(ctx.ws, ctx.params.list);
      const data = dataOf(ctx.body);
      const record = parentOf(ctx, list, data);
      const found = ctx.ws.entries.get(list.id)!.filter((e) => e.parentRecordId === record.id);
      if (found.length > 1) throw multipleMatches();
      if (found.length === 0) return { data: json.entryJson(ctx.ws, createEntry(ctx, list, data)) };
      return updateEntry({ ...ctx, params: { ...ctx.params, entry_id: found[0].id }, body: { data: { entry_values: entryValuesOf(data) } } }, 'overwrite');
    },
  },
  { method: 'PATCH', template: '/v2/lists/{list}/entries/{entry_id}', kind: 'write', handle: (ctx) => updateEntry(ctx, 'append') },
  { method: 'PUT', template: '/v2/lists/{list}/entries/{entry_id}', kind: 'write', handle: (ctx) => updateEntry(ctx, 'overwrite') },
  {
    method: 'DELETE',
    template: '/v2/lists/{list}/entries/{entry_id}',
    kind: 'write',
    handle: ({ ws, params }) => {
      const list = listOr404(ws, params.list);
      const entries = ws.entries.get(list.id)!;
      entries.splice(entries.indexOf(entryOr404(ws, list, params.entry_id)), 1);
      return {};
    },
  },
];
