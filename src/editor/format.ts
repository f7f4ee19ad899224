/** Text the editor commands write or propose (of vscode only `l10n`, which the unit tests' stand-in provides). */
import * as vscode from 'vscode';
import { mdEscape } from '../data';

export type LinkFormat = 'auto' | 'markdown' | 'url';

/** Languages whose documents get `[Title](url)` when the link format is `auto`. */
const MARKDOWN_LANGUAGES = new Set(['markdown', 'mdx', 'quarto', 'rmd']);

/** `[Title](url)` or `url`, by the setting and the document's language; the title is escaped for a link's text. */
export function recordLinkText(title: string, url: string, languageId: string, format: LinkFormat): string {
  const markdown = format === 'markdown' || (format === 'auto' && MARKDOWN_LANGUAGES.has(languageId));
  return markdown ? `[${mdEscape(title.trim() || vscode.l10n.t({ message: 'Attio record', comment: 'the text of a link inserted for a record that has no name' }))}](${url})` : url;
}

/** "notes.md:12" or "notes.md:12-18" (zero-based lines in): where a selection came from, a note's default title. */
export function selectionTitle(fileName: string, startLine: number, endLine: number): string {
  return startLine === endLine ? `${fileName}:${startLine + 1}` : `${fileName}:${startLine + 1}-${endLine + 1}`;
}
