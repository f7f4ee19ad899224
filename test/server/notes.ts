/**
 * Note creation (`POST /v2/notes`, API-FACTS §3.8) and the two content representations every note carries:
 * `content_plaintext` and `content_markdown` (Attio's Markdown subset: headings 1–3, lists, bold, italic,
 * strikethrough, highlight, links).
 */
import { randomUUID } from 'node:crypto';
import { notFound, validation } from './errors';
import { NoteRow, attioTimestamp, findObject, isUuid } from './model';
import type { RouteContext } from './routes';
import * as json from './serialize';

const REQUIRED = ['parent_object', 'parent_record_id', 'title', 'format', 'content'] as const;

// Backslash escapes are swapped for private-use characters while inline marks are removed, so that an escaped
// `\*` is never taken for emphasis, then restored as the plain character.
const ESCAPE_BASE = 0xe000;
const hide = (_: string, c: string) => String.fromCharCode(ESCAPE_BASE + c.charCodeAt(0));
const unhide = (text: string) => text.replace(/[\ue000-\ue07f]/g, (c) => String.fromCharCode(c.charCodeAt(0) - ESCAPE_BASE));

function inlinePlain(line: string): string {
  return unhide(
    line
      .replace(/\\([!-/:-@[-`{-~])/g, hide)
      .replace(/\[([^\]]*)\]\([^)\s]*(?:\s+"[^"]*")?\)/g, '$1')
      .replace(/(\*\*|__)(?=\S)(.+?)(?<=\S)\1/g, '$2')
      .replace(/(~~|==)(?=\S)(.+?)(?<=\S)\1/g, '$2')
      .replace(/\*(?=\S)([^*]+?)(?<=\S)\*/g, '$1')
      .replace(/(^|[^\w])_(?=\S)([^_]+?)(?<=\S)_(?!\w)/g, '$1$2'),
  );
}

/**
 * Plain text of a Markdown note, as Attio derives it (compare the OpenAPI document's note example): heading marks,
 * bullets, indentation, inline marks and blank lines go; link texts and ordered-list numbers stay.
 */
export function markdownToPlaintext(markdown: string): string {
  return markdown
    .split(/\r?\n/)
    .map((line) => inlinePlain(line.replace(/^\s*#{1,3}\s+/, '').replace(/^\s*[-*+]\s+/, '').replace(/^\s+/, '')))
    .filter((line) => line.trim() !== '')
    .join('\n');
}

/** Markdown that shows a plaintext note as written: every Markdown mark in it is escaped. */
export function plaintextToMarkdown(text: string): string {
  return text
    .split(/\r?\n/)
    .map((line) =>
      line
        .replace(/[\\*_~=[\]`]/g, '\\$&')
        .replace(/^(\s*)([#>+-])/, '$1\\$2')
        .replace(/^(\s*\d+)\./, '$1\\.'),
    )
    .join('\n');
}

function noteData(body: unknown): Record<string, unknown> {
  const data = typeof body === 'object' && body !== null && !Array.isArray(body) ? (body as Record<string, unknown>).data : undefined;
  if (typeof data !== 'object' || data === null || Array.isArray(data)) throw validation('The body must be {"data": {...}}.');
  return data as Record<string, unknown>;
}

function parseCreatedAt(value: unknown, now: number): string {
  const ms = typeof value === 'string' ? Date.parse(value) : NaN;
  if (Number.isNaN(ms)) throw validation('"created_at" must be an ISO 8601 timestamp.');
  if (ms < 0 || ms > now) throw validation('"created_at" cannot be before 1970 or in the future.');
  return attioTimestamp(ms);
}

/** `POST /v2/notes`: validates everything, then adds the note to the workspace and answers `{data: note}`. */
export function createNote(ctx: RouteContext) {
  const data = noteData(ctx.body);
  for (const field of REQUIRED) {
    if (!(field in data)) throw validation(`Body payload validation error: "data.${field}" is required.`);
  }
  for (const field of ['parent_object', 'parent_record_id', 'title', 'content'] as const) {
    if (typeof data[field] !== 'string') throw validation(`"${field}" must be a string.`);
  }
  const { parent_object: parentObject, parent_record_id: parentRecordId, title, content, format } = data as Record<string, string>;
  if (format !== 'plaintext' && format !== 'markdown') throw validation('"format" must be "plaintext" or "markdown".');
  if (!isUuid(parentRecordId)) throw validation('"parent_record_id" must be a UUID.');
  const meetingId = data.meeting_id ?? null;
  if (meetingId !== null && (typeof meetingId !== 'string' || !isUuid(meetingId))) throw validation('"meeting_id" must be a UUID or null.');
  const createdAt = 'created_at' in data ? parseCreatedAt(data.created_at, ctx.now) : attioTimestamp(ctx.now);

  const object = findObject(ctx.ws, parentObject);
  if (!object) throw notFound(`Object with slug/ID "${parentObject}" not found.`);
  const record = ctx.ws.recordsById.get(parentRecordId.toLowerCase());
  if (!record || record.objectSlug !== object.slug) throw notFound(`Record with ID "${parentRecordId}" not found.`);
  // This server keeps no meetings, so any meeting id names one that does not exist.
  if (meetingId !== null) throw notFound(`Meeting with ID "${meetingId}" not found.`);

  const note: NoteRow = {
    id: randomUUID(),
    parentObject: object.slug,
    parentRecordId: record.id,
    title,
    contentPlaintext: format === 'markdown' ? markdownToPlaintext(content) : content,
    contentMarkdown: format === 'markdown' ? content : plaintextToMarkdown(content),
    tags: [],
    createdBy: { type: 'api-token', id: ctx.token.id },
    createdAt,
  };
  ctx.ws.notes.push(note);
  return { data: json.noteJson(ctx.ws, note) };
}
