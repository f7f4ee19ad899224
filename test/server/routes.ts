/**
 * The /v2 REST surface: a table of routes (method, path template, read/write)
 * and their handlers. Handlers return the JSON body of a 200 response or
 * throw an ApiError.
 */
import { randomUUID } from 'node:crypto';
import { notFound, validation, valueNotFound } from './errors';
import { compileFilter, compileSorts, FilterableRow, SpecialFields } from './filters';
import { AttributeDef, EntryRow, RecordRow, TaskRow, Workspace, attioTimestamp, findAttribute, findList, findObject, isUuid } from './model';
import { createNote } from './notes';
import { THREAD_ROUTES } from './threads';
import { MEETING_ROUTES } from './meetings';
import { ENTRY_WRITE_ROUTES } from './entryWrites';
import { RECORD_WRITE_ROUTES } from './recordWrites';
import { REQUIRED_SCOPES } from './scopes';
import * as json from './serialize';
import { Token } from './tokens';
import { webhookJson, webhookOr404 } from './webhooks';

export interface RouteContext {
  ws: Workspace;
  params: Record<string, string>;
  query: URLSearchParams;
  body: unknown;
  token: Token;
  /** Server clock (ms); injectable for tests through the server. */
  now: number;
  selfInfo: (token: Token) => unknown;
}

export interface Route {
  method: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';
  template: string;
  /** Rate-limit bucket: the query/search POSTs count as reads. */
  kind: 'read' | 'write';
  handle: (ctx: RouteContext) => unknown;
}

// ---------------------------------------------------------------- helpers

function intParam(query: URLSearchParams, name: string, fallback: number, min: number, max = Number.MAX_SAFE_INTEGER): number {
  const raw = query.get(name);
  if (raw === null || raw === '') return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < min || n > max) throw validation(`"${name}" must be an integer between ${min} and ${max}.`);
  return n;
}

function boolParam(query: URLSearchParams, name: string): boolean | undefined {
  const raw = query.get(name);
  if (raw === null || raw === '') return undefined;
  if (raw === 'true') return true;
  if (raw === 'false') return false;
  throw validation(`"${name}" must be true or false.`);
}

function bodyObject(body: unknown): Record<string, unknown> {
  if (body === undefined) return {};
  if (typeof body !== 'object' || body === null || Array.isArray(body)) throw validation('The request body must be a JSON object.');
  return body as Record<string, unknown>;
}

function bodyInt(body: Record<string, unknown>, name: string, fallback: number, min: number, max = Number.MAX_SAFE_INTEGER): number {
  const value = body[name];
  if (value === undefined) return fallback;
  if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > max) {
    throw validation(`"${name}" must be an integer between ${min} and ${max}.`);
  }
  return value;
}

function page<T>(items: T[], offset: number, limit: number): T[] {
  return items.slice(offset, offset + limit);
}

function objectOr404(ws: Workspace, idOrSlug: string) {
  const o = findObject(ws, idOrSlug);
  if (!o) throw notFound(`Object with slug/ID "${idOrSlug}" not found.`);
  return o;
}

function listOr404(ws: Workspace, idOrSlug: string) {
  const l = findList(ws, idOrSlug);
  if (!l) throw notFound(`List with slug/ID "${idOrSlug}" not found.`);
  return l;
}

function attributesOf(ws: Workspace, target: string, identifier: string): AttributeDef[] {
  if (target === 'objects') return objectOr404(ws, identifier).attributes;
  if (target === 'lists') return listOr404(ws, identifier).attributes;
  throw notFound(`Unknown target "${target}"; expected "objects" or "lists".`);
}

function attributeOr404(attributes: AttributeDef[], idOrSlug: string): AttributeDef {
  const a = findAttribute(attributes, idOrSlug);
  if (!a) throw notFound(`Attribute with slug/ID "${idOrSlug}" not found.`);
  return a;
}

function recordOr404(ws: Workspace, objectSlug: string, recordId: string): RecordRow {
  const r = isUuid(recordId) ? ws.recordsById.get(recordId) : undefined;
  if (!r || r.objectSlug !== objectSlug) throw notFound(`Record with ID "${recordId}" not found.`);
  return r;
}

function taskOr404(ws: Workspace, taskId: string): TaskRow {
  const t = ws.tasks.find((x) => x.id === taskId);
  if (!t) throw notFound(`Task with ID "${taskId}" not found.`);
  return t;
}

function runQuery<R extends FilterableRow>(rows: R[], body: Record<string, unknown>, attributes: AttributeDef[], special: SpecialFields<R>): R[] {
  const predicate = compileFilter(body.filter, attributes, special);
  const sort = compileSorts(body.sorts, attributes, special);
  const limit = bodyInt(body, 'limit', 500, 1);
  const offset = bodyInt(body, 'offset', 0, 0);
  return page(sort(rows.filter(predicate)), offset, limit);
}

const RECORD_SPECIAL: SpecialFields<RecordRow> = { record_id: (r) => r.id };
const ENTRY_SPECIAL: SpecialFields<EntryRow> = {
  entry_id: (e) => e.id,
  parent_record_id: (e) => e.parentRecordId,
  record_id: (e) => e.parentRecordId,
};

// ---------------------------------------------------------------- tasks

function parseDeadline(value: unknown): string | null {
  if (value === null) return null;
  if (typeof value !== 'string' || Number.isNaN(Date.parse(value))) throw validation('"deadline_at" must be an ISO 8601 timestamp or null.');
  return attioTimestamp(Date.parse(value));
}

function parseLinkedRecords(ws: Workspace, value: unknown): TaskRow['linkedRecords'] {
  if (!Array.isArray(value)) throw validation('"linked_records" must be an array.');
  return value.map((item: unknown) => {
    if (typeof item !== 'object' || item === null) throw validation('Each linked record must be an object.');
    const link = item as Record<string, unknown>;
    if (typeof link.target_object !== 'string') throw validation('Each linked record needs "target_object".');
    const object = objectOr404(ws, link.target_object);
    if (typeof link.target_record_id === 'string') {
      return { objectSlug: object.slug, recordId: recordOr404(ws, object.slug, link.target_record_id).id };
    }
    // {target_object, <matching attribute slug>: [{...value fields}]}
    const [attrSlug, matches] = Object.entries(link).find(([k]) => k !== 'target_object') ?? [];
    if (!attrSlug || !Array.isArray(matches) || matches.length === 0) throw validation('Each linked record needs "target_record_id" or a matching attribute.');
    const attr = findAttribute(object.attributes, attrSlug);
    if (!attr || !attr.isUnique) throw validation(`"${attrSlug}" is not a unique attribute of ${object.slug}.`);
    const wanted = matches[0] as Record<string, unknown>;
    const record = ws.records.get(object.slug)!.find((r) =>
      (r.values[attr.slug] ?? []).some((v) => Object.entries(wanted).every(([k, want]) => String(v[k]).toLowerCase() === String(want).toLowerCase())),
    );
    if (!record) throw notFound(`No ${object.slug} record matches the given ${attrSlug}.`);
    return { objectSlug: object.slug, recordId: record.id };
  });
}

function parseAssignees(ws: Workspace, value: unknown): string[] {
  if (!Array.isArray(value)) throw validation('"assignees" must be an array.');
  return value.map((item: unknown) => {
    if (typeof item !== 'object' || item === null) throw validation('Each assignee must be an object.');
    const a = item as Record<string, unknown>;
    if (typeof a.workspace_member_email_address === 'string') {
      const m = ws.members.find((x) => x.email.toLowerCase() === String(a.workspace_member_email_address).toLowerCase());
      if (!m) throw notFound(`Workspace member with email "${a.workspace_member_email_address}" not found.`);
      return m.id;
    }
    if (a.referenced_actor_type !== 'workspace-member' || typeof a.referenced_actor_id !== 'string') {
      throw validation('Each assignee needs referenced_actor_type "workspace-member" and referenced_actor_id, or workspace_member_email_address.');
    }
    const m = ws.members.find((x) => x.id === a.referenced_actor_id);
    if (!m) throw notFound(`Workspace member with ID "${a.referenced_actor_id}" not found.`);
    return m.id;
  });
}

function taskData(body: unknown): Record<string, unknown> {
  const b = bodyObject(body);
  if (typeof b.data !== 'object' || b.data === null || Array.isArray(b.data)) throw validation('The body must be {"data": {...}}.');
  return b.data as Record<string, unknown>;
}

const TASK_CREATE_FIELDS = ['content', 'format', 'deadline_at', 'is_completed', 'linked_records', 'assignees'];
const TASK_UPDATE_FIELDS = ['deadline_at', 'is_completed', 'linked_records', 'assignees'];

function createTask(ctx: RouteContext) {
  const data = taskData(ctx.body);
  for (const field of TASK_CREATE_FIELDS) {
    if (!(field in data)) throw validation(`Body payload validation error: "data.${field}" is required.`);
  }
  if (typeof data.content !== 'string') throw validation('"content" must be a string.');
  if (data.content.length > 2000) throw validation('"content" must be at most 2000 characters.');
  if (data.format !== 'plaintext') throw validation('"format" must be "plaintext".');
  if (typeof data.is_completed !== 'boolean') throw validation('"is_completed" must be a boolean.');
  const now = attioTimestamp(ctx.now);
  const task: TaskRow = {
    id: randomUUID(),
    content: data.content,
    deadlineAt: parseDeadline(data.deadline_at),
    isCompleted: data.is_completed,
    completedAt: data.is_completed ? now : null,
    linkedRecords: parseLinkedRecords(ctx.ws, data.linked_records),
    assigneeIds: parseAssignees(ctx.ws, data.assignees),
    createdBy: { type: 'api-token', id: ctx.token.id },
    createdAt: now,
  };
  ctx.ws.tasks.push(task);
  return { data: json.taskJson(ctx.ws, task) };
}

function updateTask(ctx: RouteContext) {
  const task = taskOr404(ctx.ws, ctx.params.task_id);
  const data = taskData(ctx.body);
  for (const key of Object.keys(data)) {
    if (!TASK_UPDATE_FIELDS.includes(key)) throw validation(`"${key}" cannot be updated; only ${TASK_UPDATE_FIELDS.join(', ')} can.`);
  }
  // Validate everything before changing anything.
  const deadline = 'deadline_at' in data ? parseDeadline(data.deadline_at) : task.deadlineAt;
  if ('is_completed' in data && typeof data.is_completed !== 'boolean') throw validation('"is_completed" must be a boolean.');
  const linked = 'linked_records' in data ? parseLinkedRecords(ctx.ws, data.linked_records) : task.linkedRecords;
  const assignees = 'assignees' in data ? parseAssignees(ctx.ws, data.assignees) : task.assigneeIds;
  task.deadlineAt = deadline;
  task.linkedRecords = linked;
  task.assigneeIds = assignees;
  if (typeof data.is_completed === 'boolean' && data.is_completed !== task.isCompleted) {
    task.isCompleted = data.is_completed;
    task.completedAt = data.is_completed ? attioTimestamp(ctx.now) : null;
  }
  return { data: json.taskJson(ctx.ws, task) };
}

function listTasks(ctx: RouteContext) {
  const { ws, query } = ctx;
  const limit = intParam(query, 'limit', 500, 1);
  const offset = intParam(query, 'offset', 0, 0);
  const sort = query.get('sort') || 'created_at:asc';
  const sorts: Record<string, (a: TaskRow, b: TaskRow) => number> = {
    'created_at:asc': (a, b) => a.createdAt.localeCompare(b.createdAt),
    'created_at:desc': (a, b) => b.createdAt.localeCompare(a.createdAt),
    // Tasks never completed sort last in both directions.
    'completed_at:asc': (a, b) => (a.completedAt ?? '~').localeCompare(b.completedAt ?? '~'),
    'completed_at:desc': (a, b) => (b.completedAt ?? '').localeCompare(a.completedAt ?? ''),
  };
  if (!sorts[sort]) throw validation(`"sort" must be one of ${Object.keys(sorts).join(', ')}.`);
  const linkedObject = query.get('linked_object');
  const linkedRecordId = query.get('linked_record_id');
  if ((linkedObject === null) !== (linkedRecordId === null)) throw validation('"linked_object" and "linked_record_id" must be provided together.');
  let tasks = ws.tasks.slice();
  if (linkedObject !== null && linkedRecordId !== null) {
    const object = objectOr404(ws, linkedObject);
    tasks = tasks.filter((t) => t.linkedRecords.some((l) => l.objectSlug === object.slug && l.recordId === linkedRecordId));
  }
  const assignee = query.get('assignee');
  if (assignee !== null) {
    if (assignee === '' || assignee === 'null') {
      tasks = tasks.filter((t) => t.assigneeIds.length === 0);
    } else {
      const member = ws.members.find((m) => m.id === assignee || m.email.toLowerCase() === assignee.toLowerCase());
      tasks = member ? tasks.filter((t) => t.assigneeIds.includes(member.id)) : [];
    }
  }
  const completed = boolParam(query, 'is_completed');
  if (completed !== undefined) tasks = tasks.filter((t) => t.isCompleted === completed);
  tasks.sort(sorts[sort]);
  return { data: page(tasks, offset, limit).map((t) => json.taskJson(ws, t)) };
}

// ---------------------------------------------------------------- search

function search(ctx: RouteContext) {
  const { ws } = ctx;
  const body = bodyObject(ctx.body);
  if (typeof body.query !== 'string') throw validation('"query" is required and must be a string.');
  if (body.query.length > 256) throw validation('"query" must be at most 256 characters.');
  if (!Array.isArray(body.objects) || body.objects.length === 0) throw validation('"objects" must list at least one object.');
  const requestAs = body.request_as as Record<string, unknown> | undefined;
  if (typeof requestAs !== 'object' || requestAs === null) throw validation('"request_as" is required.');
  if (requestAs.type === 'workspace-member') {
    const member = ws.members.find((m) => m.id === requestAs.workspace_member_id || m.email === requestAs.email_address);
    if (!member) throw valueNotFound('Workspace member in "request_as" not found.');
  } else if (requestAs.type !== 'workspace') {
    throw validation('"request_as.type" must be "workspace" or "workspace-member".');
  }
  const limit = bodyInt(body, 'limit', 25, 1, 25);
  const objects = body.objects.map((o: unknown) => {
    const object = typeof o === 'string' ? findObject(ws, o) : undefined;
    if (!object) throw valueNotFound(`Object "${String(o)}" not found.`);
    return object;
  });
  const needle = body.query.toLowerCase();
  const results: unknown[] = [];
  for (const object of objects) {
    for (const r of ws.records.get(object.slug)!) {
      if (results.length >= limit) break;
      const text = json.recordText(r);
      const emails = (r.values.email_addresses ?? []).map((v) => String(v.email_address));
      const phones = (r.values.phone_numbers ?? []).map((v) => String(v.phone_number));
      const domains = (r.values.domains ?? []).map((v) => String(v.domain));
      const haystack = [text, ...emails, ...phones, ...domains];
      if (needle !== '' && !haystack.some((h) => h.toLowerCase().includes(needle))) continue;
      const item: Record<string, unknown> = {
        id: { workspace_id: ws.id, object_id: object.id, record_id: r.id },
        record_text: text,
        record_image: null,
        object_slug: object.slug,
      };
      if (object.slug === 'people') Object.assign(item, { email_addresses: emails, phone_numbers: phones });
      if (object.slug === 'companies') item.domains = domains;
      results.push(item);
    }
  }
  return { data: results };
}

// ---------------------------------------------------------------- table

export const ROUTES: Route[] = [
  { method: 'GET', template: '/v2/self', kind: 'read', handle: (c) => c.selfInfo(c.token) },

  { method: 'GET', template: '/v2/objects', kind: 'read', handle: ({ ws }) => ({ data: ws.objects.map((o) => json.objectJson(ws, o)) }) },
  { method: 'GET', template: '/v2/objects/{object}', kind: 'read', handle: ({ ws, params }) => ({ data: json.objectJson(ws, objectOr404(ws, params.object)) }) },

  {
    method: 'GET',
    template: '/v2/{target}/{identifier}/attributes',
    kind: 'read',
    handle: ({ ws, params, query }) => {
      const limit = intParam(query, 'limit', Number.MAX_SAFE_INTEGER, 1);
      const offset = intParam(query, 'offset', 0, 0);
      const showArchived = boolParam(query, 'show_archived') ?? false;
      const attrs = attributesOf(ws, params.target, params.identifier).filter((a) => showArchived || !a.isArchived);
      return { data: page(attrs, offset, limit).map((a) => json.attributeJson(ws, a)) };
    },
  },
  {
    method: 'GET',
    template: '/v2/{target}/{identifier}/attributes/{attribute}',
    kind: 'read',
    handle: ({ ws, params }) => ({ data: json.attributeJson(ws, attributeOr404(attributesOf(ws, params.target, params.identifier), params.attribute)) }),
  },
  {
    method: 'GET',
    template: '/v2/{target}/{identifier}/attributes/{attribute}/options',
    kind: 'read',
    handle: ({ ws, params, query }) => {
      const attr = attributeOr404(attributesOf(ws, params.target, params.identifier), params.attribute);
      if (!attr.options) throw notFound(`Attribute "${attr.slug}" is not a select attribute.`);
      const showArchived = boolParam(query, 'show_archived') ?? false;
      return { data: attr.options.filter((o) => showArchived || !o.isArchived).map((o) => json.optionJson(ws, attr, o)) };
    },
  },
  {
    method: 'GET',
    template: '/v2/{target}/{identifier}/attributes/{attribute}/statuses',
    kind: 'read',
    handle: ({ ws, params, query }) => {
      const attr = attributeOr404(attributesOf(ws, params.target, params.identifier), params.attribute);
      if (!attr.statuses) throw notFound(`Attribute "${attr.slug}" is not a status attribute.`);
      const showArchived = boolParam(query, 'show_archived') ?? false;
      return { data: attr.statuses.filter((s) => showArchived || !s.isArchived).map((s) => json.statusJson(ws, attr, s)) };
    },
  },

  {
    method: 'POST',
    template: '/v2/objects/{object}/records/query',
    kind: 'read',
    handle: ({ ws, params, body }) => {
      const object = objectOr404(ws, params.object);
      const rows = runQuery(ws.records.get(object.slug)!, bodyObject(body), object.attributes, RECORD_SPECIAL);
      return { data: rows.map((r) => json.recordJson(ws, object, r)) };
    },
  },
  {
    method: 'GET',
    template: '/v2/objects/{object}/records/{record_id}',
    kind: 'read',
    handle: ({ ws, params }) => {
      const object = objectOr404(ws, params.object);
      return { data: json.recordJson(ws, object, recordOr404(ws, object.slug, params.record_id)) };
    },
  },
  {
    method: 'GET',
    template: '/v2/objects/{object}/records/{record_id}/entries',
    kind: 'read',
    handle: ({ ws, params, query }) => {
      const object = objectOr404(ws, params.object);
      const record = recordOr404(ws, object.slug, params.record_id);
      const limit = intParam(query, 'limit', 100, 1, 1000);
      const offset = intParam(query, 'offset', 0, 0);
      const items = ws.lists.flatMap((l) =>
        ws.entries
          .get(l.id)!
          .filter((e) => e.parentRecordId === record.id)
          .map((e) => ({ list_id: l.id, list_api_slug: l.slug, entry_id: e.id, created_at: e.createdAt })),
      );
      return { data: page(items, offset, limit) };
    },
  },
  { method: 'POST', template: '/v2/objects/records/search', kind: 'read', handle: search },
  ...RECORD_WRITE_ROUTES,

  { method: 'GET', template: '/v2/lists', kind: 'read', handle: ({ ws }) => ({ data: ws.lists.map((l) => json.listJson(ws, l)) }) },
  { method: 'GET', template: '/v2/lists/{list}', kind: 'read', handle: ({ ws, params }) => ({ data: json.listJson(ws, listOr404(ws, params.list)) }) },
  {
    method: 'POST',
    template: '/v2/lists/{list}/entries/query',
    kind: 'read',
    handle: ({ ws, params, body }) => {
      const list = listOr404(ws, params.list);
      const rows = runQuery(ws.entries.get(list.id)!, bodyObject(body), list.attributes, ENTRY_SPECIAL);
      return { data: rows.map((e) => json.entryJson(ws, e)) };
    },
  },
  {
    method: 'GET',
    template: '/v2/lists/{list}/entries/{entry_id}',
    kind: 'read',
    handle: ({ ws, params }) => {
      const list = listOr404(ws, params.list);
      const entry = ws.entries.get(list.id)!.find((e) => e.id === params.entry_id);
      if (!entry) throw notFound(`Entry with ID "${params.entry_id}" not found.`);
      return { data: json.entryJson(ws, entry) };
    },
  },

  { method: 'GET', template: '/v2/workspace_members', kind: 'read', handle: ({ ws }) => ({ data: ws.members.map((m) => json.memberJson(ws, m)) }) },
  {
    method: 'GET',
    template: '/v2/workspace_members/{workspace_member_id}',
    kind: 'read',
    handle: ({ ws, params }) => {
      const member = ws.members.find((m) => m.id === params.workspace_member_id);
      if (!member) throw notFound(`Workspace member with ID "${params.workspace_member_id}" not found.`);
      return { data: json.memberJson(ws, member) };
    },
  },

  {
    method: 'GET',
    template: '/v2/notes',
    kind: 'read',
    handle: ({ ws, query }) => {
      const limit = intParam(query, 'limit', 10, 1, 50);
      const offset = intParam(query, 'offset', 0, 0);
      const parentObject = query.get('parent_object');
      const parentRecordId = query.get('parent_record_id');
      if (parentRecordId !== null && parentObject === null) throw validation('"parent_record_id" requires "parent_object".');
      let notes = ws.notes;
      if (parentObject !== null) {
        const object = objectOr404(ws, parentObject);
        notes = notes.filter((n) => n.parentObject === object.slug && (parentRecordId === null || n.parentRecordId === parentRecordId));
      }
      return { data: page(notes, offset, limit).map((n) => json.noteJson(ws, n)) };
    },
  },
  { method: 'POST', template: '/v2/notes', kind: 'write', handle: createNote },
  {
    method: 'GET',
    template: '/v2/notes/{note_id}',
    kind: 'read',
    handle: ({ ws, params }) => {
      const note = ws.notes.find((n) => n.id === params.note_id);
      if (!note) throw notFound(`Note with ID "${params.note_id}" not found.`);
      return { data: json.noteJson(ws, note) };
    },
  },

  ...THREAD_ROUTES,
  ...MEETING_ROUTES,
  ...ENTRY_WRITE_ROUTES,

  { method: 'GET', template: '/v2/tasks', kind: 'read', handle: listTasks },
  { method: 'POST', template: '/v2/tasks', kind: 'write', handle: createTask },
  { method: 'GET', template: '/v2/tasks/{task_id}', kind: 'read', handle: ({ ws, params }) => ({ data: json.taskJson(ws, taskOr404(ws, params.task_id)) }) },
  { method: 'PATCH', template: '/v2/tasks/{task_id}', kind: 'write', handle: updateTask },
  {
    method: 'DELETE',
    template: '/v2/tasks/{task_id}',
    kind: 'write',
    handle: ({ ws, params }) => {
      const task = taskOr404(ws, params.task_id);
      ws.tasks.splice(ws.tasks.indexOf(task), 1);
      return {};
    },
  },

  {
    method: 'GET',
    template: '/v2/webhooks',
    kind: 'read',
    handle: ({ ws, query }) => {
      const limit = intParam(query, 'limit', 10, 1, 100);
      const offset = intParam(query, 'offset', 0, 0);
      return { data: page(ws.webhooks ?? [], offset, limit).map((w) => webhookJson(ws, w)) };
    },
  },
  { method: 'GET', template: '/v2/webhooks/{webhook_id}', kind: 'read', handle: ({ ws, params }) => ({ data: webhookJson(ws, webhookOr404(ws, params.webhook_id)) }) },
];

export function operationKey(route: Pick<Route, 'method' | 'template'>): string {
  return `${route.method} ${route.template}`;
}

for (const route of ROUTES) {
  if (!REQUIRED_SCOPES[operationKey(route)]) throw new Error(`No scope entry for ${operationKey(route)}`);
}

export interface RouteMatch {
  route: Route;
  params: Record<string, string>;
}

/** Finds the route for a path; literal segments beat `{param}` segments. */
export function matchRoute(method: string, pathname: string): RouteMatch | undefined {
  const segments = pathname.split('/');
  let best: (RouteMatch & { literals: number }) | undefined;
  for (const route of ROUTES) {
    if (route.method !== method) continue;
    const parts = route.template.split('/');
    if (parts.length !== segments.length) continue;
    const params: Record<string, string> = {};
    let literals = 0;
    let ok = true;
    for (let i = 0; i < parts.length && ok; i++) {
      const part = parts[i];
      if (part.startsWith('{')) {
        if (segments[i] === '') ok = false;
        else params[part.slice(1, -1)] = decodeURIComponent(segments[i]);
      } else if (part === segments[i]) {
        literals++;
      } else {
        ok = false;
      }
    }
    if (ok && (!best || literals > best.literals)) best = { route, params, literals };
  }
  return best && { route: best.route, params: best.params };
}

