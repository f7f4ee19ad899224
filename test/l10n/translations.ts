/**
 * Compares a translation with its English source (bundle.l10n.json / package.nls.json format): the same keys, no
 * empty entry, and what VS Code or the Markdown renderer interprets kept exactly: `{0}`/`{name}` placeholders,
 * `$(codicon)`s, link targets `](command:…)`/`](https://…)` and `#setting.id#` references.
 */

/** A value of bundle.l10n.json: the message, or `{ message, comment }` when l10n.t was given a comment. */
export type L10nValue = string | { message: string; comment?: string[] };
export type L10nFile = Record<string, unknown>;

export function messageOf(v: unknown): string | undefined {
  if (typeof v === 'string') return v;
  if (v && typeof v === 'object' && typeof (v as { message?: unknown }).message === 'string') return (v as { message: string }).message;
  return undefined;
}

/** The translator comment of an entry written as `{ message, comment }` (one string or lines), else ''. */
function commentOf(v: unknown): string {
  const c = v && typeof v === 'object' ? (v as { comment?: unknown }).comment : undefined;
  return Array.isArray(c) ? c.join('\n') : typeof c === 'string' ? c : '';
}

const list = (xs: string[]): string => (xs.length ? xs.join(' ') : '(none)');
const sorted = (xs: Iterable<string>): string[] => [...xs].sort();

export const placeholders = (s: string): string[] => sorted(s.match(/\{(?:\d+|[A-Za-z_]\w*)\}/g) ?? []);
export const codicons = (s: string): string[] => sorted(s.match(/\$\([\w~-]+\)/g) ?? []);
export const links = (s: string): string[] =>
  sorted([...(s.match(/\]\([^)\s]+\)/g) ?? []).map(l => l.slice(1)), ...(s.match(/#[\w-]+(?:\.[\w-]+)+#/g) ?? [])]);

/** Every problem of `translated` against `english`, one line each (empty when the translation is complete). */
export function compareTranslations(english: L10nFile, translated: L10nFile): string[] {
  const problems: string[] = [];
  const enKeys = Object.keys(english);
  for (const k of enKeys) if (!(k in translated)) problems.push(`missing: ${JSON.stringify(k)}`);
  for (const k of Object.keys(translated)) if (!(k in english)) problems.push(`not in English: ${JSON.stringify(k)}`);
  for (const k of enKeys) {
    if (!(k in translated)) continue;
    const en = messageOf(english[k]) ?? '';
    const de = translated[k];
    if (typeof de !== 'string') {
      problems.push(`not a string: ${JSON.stringify(k)}`);
      continue;
    }
    if (!de.trim()) {
      problems.push(`empty: ${JSON.stringify(k)}`);
      continue;
    }
    for (const [what, f] of [['placeholders', placeholders], ['codicons', codicons], ['links', links]] as const) {
      const a = f(en);
      const b = f(de);
      if (a.join('\u0000') === b.join('\u0000')) continue;
      // a translation may use another argument the comment documents instead (the same noun as written, for German
      // capitals): every placeholder it uses is in the English or the comment, and it drops none undocumented
      const documented = what === 'placeholders' ? placeholders(commentOf(english[k])) : [];
      if (what === 'placeholders' && documented.length && b.every(p => a.includes(p) || documented.includes(p)) && a.every(p => b.includes(p) || documented.includes(p))) continue;
      problems.push(`${what} differ in ${JSON.stringify(k)}: ${list(a)} ≠ ${list(b)}`);
    }
  }
  return problems;
}

/** Every `%key%` a manifest uses (VS Code replaces a string value that is exactly `%key%`). */
export function manifestKeys(manifest: unknown): Set<string> {
  const keys = new Set<string>();
  const walk = (v: unknown): void => {
    if (typeof v === 'string') {
      const m = /^%([^%\s]+)%$/.exec(v);
      if (m) keys.add(m[1]);
    } else if (Array.isArray(v)) v.forEach(walk);
    else if (v && typeof v === 'object') Object.values(v).forEach(walk);
  };
  walk(manifest);
  return keys;
}
