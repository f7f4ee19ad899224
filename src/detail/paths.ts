/**
 * Paths of the read-only detail documents (`attio:` scheme). Pure (`vscode` only for `l10n.t`, the file name of an
 * item without a title), so links between documents can be built and tested without a workbench. Every document
 * ends in `.md` so VS Code treats it as Markdown, and documents link to each other with *relative* paths (the
 * Markdown preview follows those inside the preview; it does not run `command:` links).
 */
import * as vscode from 'vscode';

/**
 * An "Edit" link on a record or list entry page: the page again, at a path that names the attribute and a serial
 * number (a fresh path on every render, so a link clicked once more after a cancel is a document not yet loaded).
 * Opening it asks DetailDocuments for the Edit… input of that attribute.
 */
export interface EditRequest {
  attribute: string;
  serial: number;
}

/** `name` only makes the document's file name (its tab title) readable; it is ignored when parsing. */
export type DetailTarget = (
  | { kind: 'record'; object: string; id: string; edit?: EditRequest }
  | { kind: 'entry'; list: string; id: string; edit?: EditRequest }
  | { kind: 'task'; id: string }
  | { kind: 'note'; id: string }
) & { name?: string };

/** The only shape an object or list slug, record or entry id, or attribute slug of an Edit link may have (Attio's slugs and UUIDs). */
export const EDIT_ID = /^[A-Za-z0-9_-]{1,100}$/;

/** What an Edit link asks for: ids only (a record's object, or an entry's list); `done` when the input is finished. */
export type ValueEditRequest = ({ object: string; list?: undefined } | { list: string; object?: undefined }) & {
  id: string;
  attribute: string;
  done?: () => void;
};

/** An Edit link's request (a command's argument can be anything: only ids of the right shape pass, of a record or an entry). */
export function isEditRequest(arg: unknown): arg is ValueEditRequest {
  if (typeof arg !== 'object' || arg === null) return false;
  const r = arg as { object?: unknown; list?: unknown; id?: unknown; attribute?: unknown };
  if ((r.object === undefined) === (r.list === undefined)) return false;
  return [r.object ?? r.list, r.id, r.attribute].every(p => typeof p === 'string' && EDIT_ID.test(p));
}

/** A path segment: ids and slugs are safe already; anything else loses separators. */
const seg = (s: string): string => s.replace(/[\\/]/g, '_');

/** The part of an Edit link's path after the page's own: `edit/<attribute>/<serial>/`. */
const editSegments = (edit: EditRequest | undefined): string => (edit ? `edit/${seg(edit.attribute)}/${edit.serial}/` : '');

/**
 * An Edit link's parts (`[item, attribute, serial]` after `edit`): every part must have the shape of an id, or it is
 * no page at all (the only path that asks for something).
 */
function editOf(parent: string, item: string, attribute: string, serial: string): EditRequest | undefined {
  if (![parent, item, attribute].every(p => EDIT_ID.test(p)) || !/^\d{1,9}$/.test(serial)) return undefined;
  return { attribute, serial: Number(serial) };
}

/** A file name from a title: no path separators or control characters, at most 60 characters. */
export function fileName(name: string | undefined, fallback: string): string {
  const clean = (name ?? '').replace(/[\\/:*?"<>|#%\u0000-\u001f]+/g, ' ').replace(/\s+/g, ' ').trim().slice(0, 60).trim();
  return `${clean || fallback}.md`;
}

export function detailPath(t: DetailTarget): string {
  switch (t.kind) {
    case 'record':
      return `/records/${seg(t.object)}/${seg(t.id)}/${editSegments(t.edit)}${fileName(t.name, vscode.l10n.t({ message: 'record', comment: 'file name of an untitled record page' }))}`;
    case 'entry':
      return `/lists/${seg(t.list)}/entries/${seg(t.id)}/${editSegments(t.edit)}${fileName(t.name, vscode.l10n.t({ message: 'entry', comment: 'file name of an untitled list entry page' }))}`;
    case 'task':
      return `/tasks/${seg(t.id)}/${fileName(t.name, vscode.l10n.t({ message: 'task', comment: 'file name of an untitled task page' }))}`;
    case 'note':
      return `/notes/${seg(t.id)}/${fileName(t.name, vscode.l10n.t({ message: 'note', comment: 'file name of an untitled note page' }))}`;
  }
}

export function parseDetailPath(path: string): DetailTarget | undefined {
  const parts = path.replace(/^\/+/, '').split('/');
  const name = parts.pop()?.replace(/\.md$/, '');
  const named = <T extends object>(t: T): T & { name?: string } => (name ? { ...t, name } : t);
  if (parts[0] === 'records' && parts.length === 3) return named({ kind: 'record' as const, object: parts[1], id: parts[2] });
  if (parts[0] === 'records' && parts.length === 6 && parts[3] === 'edit') {
    const [, object, id, , attribute, serial] = parts;
    const edit = editOf(object, id, attribute, serial);
    return edit && named({ kind: 'record' as const, object, id, edit });
  }
  if (parts[0] === 'lists' && parts.length === 4 && parts[2] === 'entries') return named({ kind: 'entry' as const, list: parts[1], id: parts[3] });
  if (parts[0] === 'lists' && parts.length === 7 && parts[2] === 'entries' && parts[4] === 'edit') {
    const [, list, , id, , attribute, serial] = parts;
    const edit = editOf(list, id, attribute, serial);
    return edit && named({ kind: 'entry' as const, list, id, edit });
  }
  if (parts[0] === 'tasks' && parts.length === 2) return named({ kind: 'task' as const, id: parts[1] });
  if (parts[0] === 'notes' && parts.length === 2) return named({ kind: 'note' as const, id: parts[1] });
  return undefined;
}

/** A relative link from one document to another (`../companies/<id>.md`). */
export function relativeLink(from: DetailTarget, to: DetailTarget): string {
  const a = detailPath(from).split('/').slice(1, -1);
  const b = detailPath(to).split('/').slice(1);
  let i = 0;
  while (i < a.length && i < b.length - 1 && a[i] === b[i]) i++;
  const up = a.length - i;
  return `${up ? '../'.repeat(up) : './'}${b.slice(i).map(encodeURIComponent).join('/')}`;
}
