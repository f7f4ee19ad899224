/**
 * Comment threads on records and list entries (`GET /v2/threads`, `GET /v2/threads/{thread_id}`, `POST /v2/comments`,
 * `GET`/`DELETE /v2/comments/{comment_id}`), shaped as Attio's OpenAPI document's `thread` and `comment` schemas, and
 * the demo workspace's comments.
 */
import { randomUUID } from 'node:crypto';
import { notFound, validation } from './errors';
import { Actor, RecordRow, Workspace, attioTimestamp, findList, findObject, isUuid } from './model';
import type { Route, RouteContext } from './routes';

export interface CommentRow {
  id: string;
  threadId: string;
  content: string;
  author: Actor;
  createdAt: string;
  record: { objectSlug: string; recordId: string };
  entry: { listId: string; entryId: string } | null;
  resolvedAt: string | null;
  resolvedBy: Actor | null;
}

/** Comments live beside the workspace (the seed and the routes share them). */
const store = new WeakMap<Workspace, CommentRow[]>();
export const commentsOf = (ws: Workspace): CommentRow[] => {
  let c = store.get(ws);
  if (!c) store.set(ws, (c = []));
  return c;
};

function commentJson(ws: Workspace, c: CommentRow) {
  const object = findObject(ws, c.record.objectSlug);
  return {
    id: { workspace_id: ws.id, comment_id: c.id },
    thread_id: c.threadId,
    content_plaintext: c.content,
    entry: c.entry ? { entry_id: c.entry.entryId, list_id: c.entry.listId } : null,
    record: { record_id: c.record.recordId, object_id: object?.id ?? c.record.objectSlug },
    resolved_at: c.resolvedAt,
    resolved_by: c.resolvedBy ? { id: c.resolvedBy.id, type: c.resolvedBy.type } : { id: null, type: null },
    created_at: c.createdAt,
    author: { id: c.author.id, type: c.author.type },
  };
}

/** Threads in order of their first comment (newest thread first), each with its comments oldest first. */
function threadsJson(ws: Workspace, comments: CommentRow[]) {
  const byThread = new Map<string, CommentRow[]>();
  for (const c of comments) byThread.set(c.threadId, [...(byThread.get(c.threadId) ?? []), c]);
  return [...byThread.entries()]
    .map(([id, cs]) => {
      const sorted = [...cs].sort((a, b) => a.createdAt.localeCompare(b.createdAt));
      return { id: { workspace_id: ws.id, thread_id: id }, comments: sorted.map((c) => commentJson(ws, c)), created_at: sorted[0].createdAt };
    })
    .sort((a, b) => b.created_at.localeCompare(a.created_at));
}

function intQuery(q: URLSearchParams, name: string, fallback: number, min: number, max: number): number {
  const raw = q.get(name);
  if (raw === null || raw === '') return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < min || n > max) throw validation(`"${name}" must be an integer between ${min} and ${max}.`);
  return n;
}

/** `GET /v2/threads`: a record's (`object` + `record_id`) or an entry's (`list` + `entry_id`) threads. */
function listThreads({ ws, query }: RouteContext) {
  const limit = intQuery(query, 'limit', 10, 1, 50);
  const offset = intQuery(query, 'offset', 0, 0, Number.MAX_SAFE_INTEGER);
  const [object, recordId, list, entryId] = ['object', 'record_id', 'list', 'entry_id'].map((k) => query.get(k));
  let comments: CommentRow[];
  if (recordId !== null || object !== null) {
    if (recordId === null || object === null) throw validation('"record_id" and "object" must be given together.');
    const o = findObject(ws, object);
    if (!o) throw notFound(`Object with slug/ID "${object}" not found.`);
    comments = commentsOf(ws).filter((c) => c.record.objectSlug === o.slug && c.record.recordId === recordId && c.entry === null);
  } else if (entryId !== null || list !== null) {
    if (entryId === null || list === null) throw validation('"entry_id" and "list" must be given together.');
    const l = findList(ws, list);
    if (!l) throw notFound(`List with slug/ID "${list}" not found.`);
    comments = commentsOf(ws).filter((c) => c.entry?.listId === l.id && c.entry.entryId === entryId);
  } else {
    throw validation('Give either "object" and "record_id", or "list" and "entry_id".');
  }
  return { data: threadsJson(ws, comments).slice(offset, offset + limit) };
}

function commentBody(body: unknown): Record<string, unknown> {
  const data = typeof body === 'object' && body !== null && !Array.isArray(body) ? (body as Record<string, unknown>).data : undefined;
  if (typeof data !== 'object' || data === null || Array.isArray(data)) throw validation('The body must be {"data": {...}}.');
  return data as Record<string, unknown>;
}

/** `POST /v2/comments`: into an existing thread, or a new thread on a record or an entry. */
function createComment(ctx: RouteContext) {
  const { ws } = ctx;
  const data = commentBody(ctx.body);
  if (data.format !== 'plaintext') throw validation('"format" must be "plaintext".');
  if (typeof data.content !== 'string' || !data.content.trim()) throw validation('"content" must be a non-empty string.');
  const author = data.author as { type?: unknown; id?: unknown } | undefined;
  if (!author || author.type !== 'workspace-member' || typeof author.id !== 'string') throw validation('"author" must be {"type": "workspace-member", "id": "<uuid>"}.');
  if (!ws.members.some((m) => m.id === author.id)) throw notFound(`Workspace member with ID "${author.id}" not found.`);
  const targets = ['thread_id', 'record', 'entry'].filter((k) => k in data);
  if (targets.length !== 1) throw validation('Give exactly one of "thread_id", "record" or "entry".');
  let where: Pick<CommentRow, 'threadId' | 'record' | 'entry'>;
  if ('thread_id' in data) {
    const first = commentsOf(ws).find((c) => c.threadId === data.thread_id);
    if (!first) throw notFound(`Thread with ID "${String(data.thread_id)}" not found.`);
    where = { threadId: first.threadId, record: first.record, entry: first.entry };
  } else if ('record' in data) {
    const r = data.record as { object?: unknown; record_id?: unknown };
    const o = typeof r?.object === 'string' ? findObject(ws, r.object) : undefined;
    const rec = o && typeof r.record_id === 'string' && isUuid(r.record_id) ? ws.recordsById.get(r.record_id) : undefined;
    if (!o || !rec || rec.objectSlug !== o.slug) throw notFound('Record not found.');
    where = { threadId: randomUUID(), record: { objectSlug: o.slug, recordId: rec.id }, entry: null };
  } else {
    const e = data.entry as { list?: unknown; entry_id?: unknown };
    const l = typeof e?.list === 'string' ? findList(ws, e.list) : undefined;
    const entry = l ? ws.entries.get(l.id)?.find((x) => x.id === e.entry_id) : undefined;
    if (!l || !entry) throw notFound('Entry not found.');
    where = { threadId: randomUUID(), record: { objectSlug: entry.parentObject, recordId: entry.parentRecordId }, entry: { listId: l.id, entryId: entry.id } };
  }
  const c: CommentRow = { id: randomUUID(), content: data.content, author: { type: 'workspace-member', id: author.id }, createdAt: attioTimestamp(ctx.now), resolvedAt: null, resolvedBy: null, ...where };
  commentsOf(ws).push(c);
  return { data: commentJson(ws, c) };
}

function commentOr404(ws: Workspace, id: string): CommentRow {
  const c = commentsOf(ws).find((x) => x.id === id);
  if (!c) throw notFound(`Comment with ID "${id}" not found.`);
  return c;
}

export const THREAD_ROUTES: Route[] = [
  { method: 'GET', template: '/v2/threads', kind: 'read', handle: listThreads },
  {
    method: 'GET',
    template: '/v2/threads/{thread_id}',
    kind: 'read',
    handle: ({ ws, params }) => {
      const t = threadsJson(ws, commentsOf(ws).filter((c) => c.threadId === params.thread_id))[0];
      if (!t) throw notFound(`Thread with ID "${params.thread_id}" not found.`);
      return { data: t };
    },
  },
  { method: 'POST', template: '/v2/comments', kind: 'write', handle: createComment },
  { method: 'GET', template: '/v2/comments/{comment_id}', kind: 'read', handle: ({ ws, params }) => ({ data: commentJson(ws, commentOr404(ws, params.comment_id)) }) },
  {
    method: 'DELETE',
    template: '/v2/comments/{comment_id}',
    kind: 'write',
    handle: ({ ws, params }) => {
      const c = commentOr404(ws, params.comment_id);
      const all = commentsOf(ws);
      // deleting a thread's first comment deletes the thread
      const first = all.filter((x) => x.threadId === c.threadId).sort((a, b) => a.createdAt.localeCompare(b.createdAt))[0];
      for (const x of first === c ? all.filter((y) => y.threadId === c.threadId) : [c]) all.splice(all.indexOf(x), 1);
      return {};
    },
  },
];

/** Believable threads on the first deals and companies, one on a pipeline entry, one resolved, one with markup typed as text. */
export function seedComments(ws: Workspace, now: number, uuid: () => string, records: { deals: RecordRow[]; companies: RecordRow[] }): void {
  const DAY = 86_400_000;
  const members = ws.members.filter((m) => m.accessLevel !== 'suspended');
  const at = (daysAgo: number, minutes = 0) => attioTimestamp(now - daysAgo * DAY + minutes * 60_000);
  const who = (i: number): Actor => ({ type: 'workspace-member', id: members[i % members.length].id });
  const thread = (record: RecordRow, entry: CommentRow['entry'], texts: [number, string][], daysAgo: number, resolved = false) => {
    const threadId = uuid();
    texts.forEach(([author, content], i) =>
      commentsOf(ws).push({
        id: uuid(),
        threadId,
        content,
        author: who(author),
        createdAt: at(daysAgo, i * 47),
        record: { objectSlug: record.objectSlug, recordId: record.id },
        entry,
        resolvedAt: resolved ? at(daysAgo - 1) : null,
        resolvedBy: resolved ? who(texts[0][0]) : null,
      }),
    );
  };
  const [deal0, deal1] = records.deals;
  const [company0] = records.companies;
  thread(deal0, null, [[0, 'Legal wants the DPA signed before we send the order form.'], [1, 'Sent it over this morning, waiting on their counsel.'], [0, 'Great — I will chase on Thursday.']], 3);
  thread(deal0, null, [[2, 'Can we offer annual billing at the monthly price for the first year?'], [0, 'Only with a 2-year commitment. Approved by finance.']], 9, true);
  thread(deal1, null, [[3, 'Champion left the company; need a new contact before renewal.']], 5);
  thread(company0, null, [[1, 'Their security review asked for <b>SOC 2</b> and [our pen test](command:attio.signOut) — typed as text, shown as text.']], 2);
  const pipeline = ws.lists[0];
  const entry = pipeline ? ws.entries.get(pipeline.id)?.find((e) => e.parentRecordId === deal0.id) : undefined;
  if (entry) thread(deal0, { listId: pipeline.id, entryId: entry.id }, [[0, 'Moved to Proposal Sent after the call; pricing deck attached in Attio.']], 1);
}
