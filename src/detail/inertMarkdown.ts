/**
 * CRM rich text (a note's Markdown, written by anyone in the workspace) made inert for VS Code's Markdown
 * renderers (the preview of the detail documents, hovers, tooltips). Pure: no `vscode`.
 *
 * Kept: paragraphs, headings, lists, quotes, tables, emphasis, code spans, fenced code blocks, and links whose
 * destination is an absolute http, https or mailto URL. Changed:
 * - images become links labelled as images (no remote loads), or plain text when their source is not web;
 * - raw HTML (blocks, inline tags, comments) shows as text;
 * - links, autolinks and reference definitions with any other destination (`command:`, `vscode:`, `file:`,
 *   `javascript:`, `data:`, relative paths, …) show as the text that was written;
 * - `$` is escaped, so nothing turns into math (or a theme icon in tooltips).
 *
 * The output is written in a small, canonical subset of Markdown so that it means the same to any CommonMark
 * renderer whatever the input looked like: every `<`, `[`, `]`, `!` and `$` outside code is escaped except in links we
 * emit ourselves (`[text](absolute-url)`, text fully escaped), code spans are kept only when they close on the
 * same line, and code blocks are re-emitted as top-level fences longer than any backtick run they contain.
 * (`vscode` only for `l10n.t`: the label of an image's link.)
 */
import * as vscode from 'vscode';
import { escapeMarkdown as escapeAll } from '../data/markdown';
import { LineIndex } from './lineIndex';
import { TextBuffer } from './textBuffer';

const SAFE_PROTOCOLS = new Set(['http:', 'https:', 'mailto:']);
const PUNCT = /[!-/:-@[-`{-~]/;
const FENCE_OPEN = /^( {0,3})(`{3,}|~{3,})(.*)$/;
/** A line that some container (quote, list item) or indentation could turn into a fence. */
const FENCE_LIKE = /^((?:[ \t>]|[-+*](?=[ \t])|\d{1,9}[.)](?=[ \t]))*)(`{3,}|~{3,})/;
const DEFINITION = /^ {0,3}\[((?:[^\\\]]|\\.){1,999})\]:[ \t]*(<(?:[^<>\\\n]|\\.)*>|\S+)(?:[ \t]+(?:"(?:[^"\\]|\\.)*"|'(?:[^'\\]|\\.)*'|\((?:[^()\\]|\\.)*\)))?[ \t]*$/;
const URL_AUTOLINK = /^<([a-zA-Z][a-zA-Z0-9+.-]{1,31}:[^<>\u0000-\u0020]*)>/;
const EMAIL_AUTOLINK = /^<([a-zA-Z0-9.!#$%&'*+/=?^_`{|}~-]+@[a-zA-Z0-9](?:[a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?(?:\.[a-zA-Z0-9](?:[a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?)*)>/;

type Block = { kind: 'text'; line: string } | { kind: 'code'; info: string; lines: string[] } | { kind: 'definition'; line: string; label: string; dest: string };

/**
 * Longest note shown (UTF-16 code units); the rest is cut with a line saying so. Rendering is linear in the length,
 * but the preview that shows the result is not ours: a megabyte of note is more than anyone reads there.
 */
export const MAX_NOTE_LENGTH = 1 << 20;

/** CRM Markdown → Markdown that renders the same text with nothing live but web links. */
export function inertMarkdown(source: string): string {
  const cut = source.length > MAX_NOTE_LENGTH;
  if (cut) source = source.slice(0, MAX_NOTE_LENGTH);
  const blocks = splitBlocks(source.replace(/\r\n?/g, '\n').replace(/\u0000/g, '\uFFFD').split('\n'));
  const refs = new Map<string, string | undefined>();
  for (const b of blocks) if (b.kind === 'definition' && !refs.has(b.label)) refs.set(b.label, safeUrl(b.dest));
  const out: string[] = [];
  const cx: InlineContext = { refs, line: new LineIndex(), out: new TextBuffer() };
  for (const b of blocks) {
    if (b.kind === 'code') {
      const fence = '`'.repeat(longestBacktickRun(b.lines, 2) + 1);
      if (out.length && out[out.length - 1] !== '') out.push('');
      out.push(fence + b.info);
      for (const l of b.lines) out.push(l);
      out.push(fence, '');
    } else if (b.kind === 'definition') {
      // a definition renders as nothing; one pointing anywhere but the web shows as the text it is
      if (refs.get(b.label) === undefined) out.push(escapeAll(b.line));
    } else out.push(inertLine(b.line, cx));
  }
  while (out.length && out[out.length - 1] === '') out.pop();
  if (cut) out.push('', escapeAll(vscode.l10n.t({ message: '(The note is longer than {0} characters; the rest is not shown.)', args: [MAX_NOTE_LENGTH], comment: 'the end of a very long note in its detail page; {0}: a number of characters' })));
  return out.join('\n');
}

/** Plain text (a title, a task's content) as Markdown that shows exactly that text: the one escaping rule. */
export { escapeMarkdown as escapeAll } from '../data/markdown';

/** The href to emit for a link destination, or undefined when it is not an absolute http(s) or mailto URL. */
export function safeUrl(destination: string): string | undefined {
  let url: URL;
  try {
    url = new URL(destination);
  } catch {
    return undefined;
  }
  if (!SAFE_PROTOCOLS.has(url.protocol)) return undefined;
  if (url.protocol !== 'mailto:' && !url.hostname) return undefined;
  return url.href;
}

/** `[label](url)` for a URL from the API (a record's `web_url`), or the label as text when it is not a web URL. */
export function webLink(label: string, url: string | null | undefined): string {
  const href = url ? safeUrl(url) : undefined;
  return href ? `[${escapeAll(label)}](${encodeHref(href)})` : escapeAll(label);
}

/** Plain text (a note without Markdown) as Markdown showing the same lines. */
export function plainTextMarkdown(text: string): string {
  return text
    .replace(/\r\n?/g, '\n')
    .split('\n')
    // leading spaces as no-break spaces: kept, and never an indented code block
    .map(l => escapeAll(l).replace(/^[ \t]+/, sp => '\u00a0'.repeat(sp.replace(/\t/g, '    ').length)))
    .join('  \n');
}

function splitBlocks(lines: string[]): Block[] {
  const blocks: Block[] = [];
  let i = 0;
  while (i < lines.length) {
    const line = lines[i];
    const open = FENCE_OPEN.exec(line);
    if (open && !(open[2][0] === '`' && open[3].includes('`'))) {
      const [, indent, marker, info] = open;
      const close = new RegExp(`^ {0,3}${marker[0] === '`' ? '`' : '~'}{${marker.length},}[ \\t]*$`);
      const body: string[] = [];
      for (i++; i < lines.length && !close.test(lines[i]); i++) body.push(stripIndent(lines[i], indent.length));
      i++;
      const lang = /^[\w#+.-]{1,30}$/.exec(info.trim().split(/\s+/)[0] ?? '')?.[0] ?? '';
      blocks.push({ kind: 'code', info: lang, lines: body });
      continue;
    }
    const prev = blocks[blocks.length - 1];
    const def = DEFINITION.exec(line);
    if (def && (!prev || prev.kind !== 'text' || prev.line.trim() === '')) {
      const dest = def[2].startsWith('<') ? def[2].slice(1, -1) : def[2];
      blocks.push({ kind: 'definition', line, label: normalizeLabel(def[1]), dest: decodeDestination(dest) });
    } else blocks.push({ kind: 'text', line });
    i++;
  }
  return blocks;
}

/** The longest run of backticks in `lines`, at least `min`. */
function longestBacktickRun(lines: readonly string[], min: number): number {
  let longest = min;
  for (const l of lines) {
    for (let j = l.indexOf('`'); j !== -1; j = l.indexOf('`', j)) {
      const start = j;
      while (l[j] === '`') j++;
      longest = Math.max(longest, j - start);
    }
  }
  return longest;
}

function stripIndent(line: string, n: number): string {
  let k = 0;
  while (k < n && line[k] === ' ') k++;
  return line.slice(k);
}

const normalizeLabel = (label: string): string => label.trim().replace(/\s+/g, ' ').toLowerCase();

/** What the lines of one note share: its reference definitions, the index of the line at hand, the output. */
interface InlineContext {
  refs: Map<string, string | undefined>;
  line: LineIndex;
  out: TextBuffer;
}

function inertLine(line: string, cx: InlineContext): string {
  const fenceLike = FENCE_LIKE.exec(line);
  if (fenceLike) line = `${fenceLike[1]}\\${line.slice(fenceLike[1].length)}`;
  inertInline(cx.line.reset(line), cx, false);
  return cx.out.take();
}

/** Characters {@link inertInline} looks at (by char code); everything between them is copied as it is. */
const INLINE_SPECIAL = new Uint8Array(128);
for (const c of '\\`<![]$|') INLINE_SPECIAL[c.charCodeAt(0)] = 1;
const BACKSLASH = 0x5c;

/** One line of text, written to `cx.out`; `inLink` for the text of a link we emit (no links inside links). */
function inertInline(line: LineIndex, cx: InlineContext, inLink: boolean): void {
  const { out } = cx;
  const s = line.text;
  let i = 0;
  while (i < s.length) {
    let plain = i;
    for (let code = s.charCodeAt(plain); plain < s.length && (code >= 128 || !INLINE_SPECIAL[code]); code = s.charCodeAt(++plain));
    if (plain > i) {
      out.add(s, i, plain);
      i = plain;
      if (i >= s.length) break;
    }
    const c = s[i];
    if (c === '\\') {
      const next = s[i + 1];
      const pair = next !== undefined && PUNCT.test(next);
      out.add(s, i, i + (pair ? 2 : 1));
      i += pair ? 2 : 1;
    } else if (c === '`') {
      let k = i;
      while (s[k] === '`') k++;
      const span = line.codeSpanEnd(k, k - i);
      if (span) {
        out.add(s, i, span);
        i = span;
      } else {
        while (i < k) escapeAt(i++);
      }
    } else if (c === '<') {
      const auto = inLink ? undefined : autolink(s, i);
      if (auto) {
        out.add(auto.markdown);
        i = auto.end;
      } else escapeAt(i++);
    } else if ((c === '!' && s[i + 1] === '[') || c === '[') {
      const image = c === '!';
      const link = inLink ? undefined : parseLink(line, image ? i + 1 : i, cx.refs);
      if (link) {
        renderLink(cx, s.slice(i, link.end), link.text, link.href, image);
        i = link.end;
      } else escapeAt(i++);
    } else if (c === ']' || c === '$' || c === '!' || (inLink && c === '|')) {
      // a `!` could turn the link we emit next into an image
      escapeAt(i++);
    } else out.unit(s.charCodeAt(i++));
  }

  function escapeAt(at: number): void {
    out.unit(BACKSLASH);
    out.unit(s.charCodeAt(at));
  }
}

/** What an autolink (`<https://…>`, `<a@b.c>`) can start with, by char code: a scheme's first letter or an address's first character. */
const AUTOLINK_START = new Uint8Array(128);
for (let c = 0; c < 128; c++) if (/[a-zA-Z0-9.!#$%&'*+/=?^_`{|}~-]/.test(String.fromCharCode(c))) AUTOLINK_START[c] = 1;

const URL_AUTOLINK_AT = new RegExp(URL_AUTOLINK.source.slice(1), 'y');
const EMAIL_AUTOLINK_AT = new RegExp(EMAIL_AUTOLINK.source.slice(1), 'y');

function autolink(s: string, i: number): { markdown: string; end: number } | undefined {
  if (!AUTOLINK_START[s.charCodeAt(i + 1)]) return undefined;
  URL_AUTOLINK_AT.lastIndex = i;
  const url = URL_AUTOLINK_AT.exec(s);
  EMAIL_AUTOLINK_AT.lastIndex = i;
  const m = url ?? EMAIL_AUTOLINK_AT.exec(s);
  if (!m) return undefined;
  const href = safeUrl(url ? m[1] : `mailto:${m[1]}`);
  return { markdown: href ? `[${escapeAll(m[1])}](${encodeHref(href)})` : escapeAll(m[0]), end: i + m[0].length };
}

interface ParsedLink {
  /** The source between the brackets. */
  text: string;
  /** Safe href, or undefined when the destination is not a web URL (or an unknown reference). */
  href: string | undefined;
  end: number;
}

/** Longest link label CommonMark allows (and the longest a definition here can have). */
const MAX_LABEL = 999;

/** A link starting at the `[` at `i`: inline `[t](dest "title")`, full `[t][ref]`, collapsed `[t][]` or shortcut `[t]`. */
function parseLink(line: LineIndex, i: number, refs: Map<string, string | undefined>): ParsedLink | undefined {
  const s = line.text;
  const close = line.closingBracket(i);
  if (close === undefined) return undefined;
  const text = s.slice(i + 1, close);
  const p = close + 1;
  // an inline link ends with `)`: with none further on the line, there is nothing to scan
  if (s[p] === '(' && p < line.lastCloseParen) {
    const inline = inlineDestination(s, p + 1);
    if (inline) return { text, href: safeUrl(decodeDestination(inline.dest)), end: inline.end };
  }
  if (s[p] === '[') {
    const labelEnd = line.closingBracket(p);
    if (labelEnd !== undefined) {
      const collapsed = labelEnd === p + 1;
      if (!(collapsed ? isLabel(line, i, close) : isLabel(line, p, labelEnd))) return undefined;
      const label = normalizeLabel(collapsed ? text : s.slice(p + 1, labelEnd));
      if (refs.has(label)) return { text, href: refs.get(label), end: labelEnd + 1 };
      return undefined;
    }
  }
  if (!refs.size || !isLabel(line, i, close)) return undefined;
  const label = normalizeLabel(text);
  if (label && refs.has(label)) return { text, href: refs.get(label), end: close + 1 };
  return undefined;
}

/** A label holds no brackets and is at most 999 characters long: nothing longer is looked up (nor normalised). */
function isLabel(line: LineIndex, open: number, close: number): boolean {
  return close - open - 1 <= MAX_LABEL && !line.holdsBrackets(open);
}

/**
 * Deepest nesting of parentheses in a link destination: CommonMark lets a parser stop at three levels. Each `[x](`
 * scans on at most this many levels deep, so a line of a million of them stays linear; a deeper destination shows as text.
 */
const MAX_DESTINATION_PARENS = 3;

/** `dest "title")` after the `(` at `p`. */
function inlineDestination(s: string, p: number): { dest: string; end: number } | undefined {
  p = skipBlanks(s, p);
  // the destination is `s[start, end)`, cut out only once the link is known to be one
  let start = p;
  let end: number;
  if (s[p] === '<') {
    start = ++p;
    for (; p < s.length && s[p] !== '>'; p++) {
      if (s[p] === '<') return undefined;
      if (s[p] === '\\') p++;
    }
    if (s[p] !== '>') return undefined;
    end = p++;
  } else {
    let depth = 0;
    for (; p < s.length; p++) {
      const c = s.charCodeAt(p);
      if (c === BACKSLASH && PUNCT.test(s[p + 1] ?? '')) p++;
      else if (c === 0x28) {
        if (++depth > MAX_DESTINATION_PARENS) return undefined;
      } else if (c === 0x29) {
        if (depth === 0) break;
        depth--;
      } else if (c <= 0x20) break;
    }
    end = p;
  }
  p = skipBlanks(s, p);
  const quote = s[p];
  if (quote === '"' || quote === "'" || quote === '(') {
    const closer = quote === '(' ? ')' : quote;
    for (p++; p < s.length && s[p] !== closer; p++) {
      // a title in parentheses holds no unescaped `(` (CommonMark): the scan stops there instead of running on
      if (s[p] === '(' && quote === '(') return undefined;
      if (s[p] === '\\') p++;
    }
    if (s[p] !== closer) return undefined;
    p = skipBlanks(s, p + 1);
  }
  return s[p] === ')' ? { dest: s.slice(start, end), end: p + 1 } : undefined;
}

/** The offset of the first character at or after `p` that is not a space or tab. */
function skipBlanks(s: string, p: number): number {
  while (s[p] === ' ' || s[p] === '\t') p++;
  return p;
}

const NAMED: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", colon: ':', sol: '/', tab: '\t', newline: '\n', nbsp: '\u00a0', lpar: '(', rpar: ')', period: '.', excl: '!' };

/** A destination as the renderer reads it: backslash escapes and character references resolved. */
function decodeDestination(raw: string): string {
  return raw
    .replace(/&(?:#(\d{1,7})|#[xX]([0-9a-fA-F]{1,6})|([a-zA-Z][a-zA-Z0-9]{1,31}));/g, (m, dec?: string, hex?: string, name?: string) => {
      if (name) return NAMED[name] ?? m;
      const cp = dec ? Number(dec) : parseInt(hex!, 16);
      return cp > 0 && cp <= 0x10ffff ? String.fromCodePoint(cp) : '\uFFFD';
    })
    .replace(/\\([!-/:-@[-`{-~])/g, '$1');
}

/** An href as a link destination nothing can re-read: no spaces, brackets, quotes, backslashes or references. */
function encodeHref(href: string): string {
  return href.replace(/[\s()<>\\`|"'[\]]/g, c => `%${c.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`).replace(/&/g, '&amp;');
}

function renderLink(cx: InlineContext, source: string, text: string, href: string | undefined, image: boolean): void {
  if (!href) return cx.out.add(escapeAll(source));
  const label = image ? (text.trim() ? vscode.l10n.t({ message: 'Image: {0}', args: [text.trim()], comment: 'a link to an image; {0}: its alt text' }) : vscode.l10n.t({ message: 'Image', comment: 'a link to an image' })) : text;
  cx.out.add('[');
  if (label.trim()) inertInline(new LineIndex().reset(label), cx, true);
  else cx.out.add(escapeAll(href));
  cx.out.add(`](${encodeHref(href)})`);
}
