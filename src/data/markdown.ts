/**
 * CRM text in Markdown: the one escaping rule for every surface that renders Markdown (hovers, tree tooltips, chat
 * confirmations, detail documents, a record link written into a Markdown file). CRM text is written by other people;
 * it must show as the characters it is, under both renderers VS Code uses — markdown-it (the Markdown preview, which
 * shows detail documents) and marked (hovers, tooltips, chat) — and never become a link, an image, HTML, a heading
 * or list, math, or a theme icon. Pure: no `vscode`.
 *
 * What is escaped, and why:
 * - everywhere in the text: `\` `` ` `` `*` `_` `~` `[` `]` `!` `<` `>` `#` `|` `&` `$` (emphasis, code,
 *   strikethrough and fences, links and images, HTML and autolinks, headings, tables, entities, math), and `:` and
 *   `@`, so that no scheme (`https:`, `file:`, `command:`) or e-mail address is ever written out for an autolinker
 *   (marked keeps the backslash of `\<` in a bare URL, so escaping `<` alone is not enough);
 * - `www.` (marked and linkify-it link it without a scheme);
 * - `$(`, as `\$`, an invisible word joiner (U+2060) and `(`: VS Code turns `$(name)` into a theme icon in the HTML
 *   marked produced, after the backslashes are gone, so a backslash alone cannot protect it (nor can an entity:
 *   marked decodes `&#36;`); the joiner keeps `$` and `(` apart in every renderer and is not seen;
 * - at the start (a line's start, after spaces): `-` `+` `=` and the `.` or `)` after digits (lists, thematic breaks,
 *   setext headings).
 * Every escape is a backslash before ASCII punctuation, which CommonMark, GFM and marked all remove on rendering;
 * `( ) , . ; ? ' " /` elsewhere start nothing once the marks above are escaped, and stay as they are.
 */

const MARKS = /\$\(|www\.|[\\`*_~[\]!<>#|&$:@]/gi;
const LINE_START = /^(\s*)(?:([-+=])|(\d+)([.)]))/;

/** `text` with every Markdown mark escaped; line breaks are kept (block text goes through it line by line). */
export function escapeMarkdown(text: string): string {
  return text
    .replace(MARKS, m => (m === '$(' ? '\\$\u2060(' : m.length > 1 ? `${m.slice(0, 3)}\\.` : `\\${m}`))
    .replace(LINE_START, (_m, sp: string, sign: string | undefined, digits: string | undefined, dot: string | undefined) =>
      sign ? `${sp}\\${sign}` : `${sp}${digits}\\${dot}`,
    );
}

/** CRM text as one line of inert Markdown: every run of whitespace (line breaks too) one space, every mark escaped. */
export function mdEscape(text: string): string {
  return escapeMarkdown(text.replace(/\s+/g, ' ').trim());
}
