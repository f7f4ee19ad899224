/**
 * Paths of the read-only detail documents (`attio:` scheme). Pure, so links between documents can be built and
 * tested without `vscode`. Every document ends in `.md` so VS Code treats it as Markdown, and documents link to
 * each other with *relative* paths (the Markdown preview follows those inside the preview; it does not run
 * `command:` links).
 */

export type DetailTarget =
  | { kind: 'record'; object: string; id: string }
  | { kind: 'entry'; list: string; id: string }
  | { kind: 'task'; id: string }
  | { kind: 'note'; id: string };

const seg = (s: string): string => encodeURIComponent(s);

export function detailPath(t: DetailTarget): string {
  switch (t.kind) {
    case 'record':
      return `/records/${seg(t.object)}/${seg(t.id)}.md`;
    case 'entry':
      return `/lists/${seg(t.list)}/entries/${seg(t.id)}.md`;
    case 'task':
      return `/tasks/${seg(t.id)}.md`;
    case 'note':
      return `/notes/${seg(t.id)}.md`;
  }
}

export function parseDetailPath(path: string): DetailTarget | undefined {
  const parts = path.replace(/^\/+/, '').replace(/\.md$/, '').split('/').map(decodeURIComponent);
  if (parts[0] === 'records' && parts.length === 3) return { kind: 'record', object: parts[1], id: parts[2] };
  if (parts[0] === 'lists' && parts.length === 4 && parts[2] === 'entries') return { kind: 'entry', list: parts[1], id: parts[3] };
  if (parts[0] === 'tasks' && parts.length === 2) return { kind: 'task', id: parts[1] };
  if (parts[0] === 'notes' && parts.length === 2) return { kind: 'note', id: parts[1] };
  return undefined;
}

/** A relative link from one document to another (`../companies/<id>.md`). */
export function relativeLink(from: DetailTarget, to: DetailTarget): string {
  const a = detailPath(from).split('/').slice(1, -1);
  const b = detailPath(to).split('/').slice(1);
  let i = 0;
  while (i < a.length && i < b.length - 1 && a[i] === b[i]) i++;
  const up = a.length - i;
  return `${up ? '../'.repeat(up) : './'}${b.slice(i).join('/')}`;
}
