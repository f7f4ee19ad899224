/** Reading a literal as a person would: what is left of it to translate, and where the scanner looks. */
import * as ts from 'typescript';

export interface Finding {
  /** Path relative to the scanned root's parent, e.g. `src/views/tree.ts`. */
  file: string;
  line: number;
  /** The literal's text as written (templates with `${…}`). */
  text: string;
  /** Why it counts: the sink (`showErrorMessage`, `label`, …) or `document`. */
  where: string;
}

/**
 * Words that stay as they are in every language, so a literal made only of them needs no translation. Keep this
 * small: product names only, never a word a translator would touch.
 */
export const ALLOWED_WORDS: ReadonlySet<string> = new Set(['Attio', 'Attio Explorer', 'MCP', 'cURL', 'JSON', 'OAuth', 'UTC']);

/** Calls whose string arguments no person reads. */
export const SILENT_METHODS = new Set([
  'replace', 'replaceAll', 'split', 'startsWith', 'endsWith', 'includes', 'indexOf', 'lastIndexOf', 'match', 'matchAll',
  'test', 'exec', 'search', 'padStart', 'padEnd', 'trim', 'get', 'has', 'set', 'delete', 'getConfiguration', 'inspect',
  'update', 'executeCommand', 'registerCommand', 'setContext', 'parse', 'from', 'with', 'joinPath', 'require',
  'debug', 'info', 'warn', 'error', 'trace', 'log', 'appendLine', 'createOutputChannel', 'localeCompare', 'toLocaleString',
  'DateTimeFormat', 'NumberFormat', 'RelativeTimeFormat', 'PluralRules', 'encodeURIComponent', 'relativeLink',
  'commandUri', 'code', 'isAttioError', 'kindOf', 'redact', 'asExternalUri', 'openExternal',
]);

export function calleeName(e: ts.Expression): string | undefined {
  if (ts.isIdentifier(e)) return e.text;
  if (ts.isPropertyAccessExpression(e)) return e.name.text;
  return undefined;
}

/** `vscode.l10n.t(...)`, `l10n.t(...)`: what @vscode/l10n-dev extracts. */
export function isL10nCall(node: ts.Node): node is ts.CallExpression | ts.TaggedTemplateExpression {
  const callee = ts.isCallExpression(node) ? node.expression : ts.isTaggedTemplateExpression(node) ? node.tag : undefined;
  if (!callee || !ts.isPropertyAccessExpression(callee) || callee.name.text !== 't') return false;
  const obj = callee.expression;
  return (ts.isIdentifier(obj) && obj.text === 'l10n') || (ts.isPropertyAccessExpression(obj) && obj.name.text === 'l10n');
}

/** What a person would read of a literal: codicons, URLs, placeholders, Markdown and HTML syntax and ALLOWED words removed. */
export function readableText(text: string): string {
  let s = text
    .replace(/\$\([\w~-]+\)/g, ' ') // codicons
    .replace(/\b(?:https?|command|mailto|vscode|attio(?:-json)?):[^\s)"'<>\]]*/g, ' ') // URLs and command/document links
    .replace(/\{\d+\}|\{\w+\}|\$\{[^}]*\}/g, ' ') // placeholders
    .replace(/<\/?[a-zA-Z][^>]*>/g, ' ') // HTML tags
    .replace(/&[a-z]+;|&#\d+;/g, ' ') // entities
    .replace(/`[^`]*`/g, ' '); // code spans (ids, slugs)
  for (const w of [...ALLOWED_WORDS].sort((a, b) => b.length - a.length)) s = s.split(w).join(' ');
  return s;
}

export function hasWords(text: string): boolean {
  const s = readableText(text).trim();
  return /\p{L}/u.test(s) && !looksLikeId(s);
}

/** `symbol-text`, `en-US`, `attio.signIn`, `task:read`: ids, slugs, locales and setting names, not words. */
export function looksLikeId(s: string): boolean {
  if (/^(GET|POST|PUT|PATCH|DELETE) \/\S*$/.test(s)) return true; // an endpoint
  return /^[A-Za-z0-9]+(?:[-_.:/][A-Za-z0-9]+)+$/.test(s) && !/^[A-Z][a-z]+(?:-[a-z]+)*$/.test(s);
}

/** A literal reads as prose (the document rule): two letters in a row, not an identifier-like token (`a.b`, `snake_case`, `kebab-case`, `camelCase`). */
export function readsAsWords(text: string): boolean {
  const s = readableText(text).trim();
  if (!/\p{L}{2}/u.test(s)) return false;
  // ids, paths, slugs, file names: one token, not a capitalised word (`Email`), no space even around placeholders
  const token = text.replace(/\$\{[^}]*\}|\{\d+\}/g, 'x').trim();
  if (/^[\w.$/:#-]+$/.test(token) && !/^[A-Z][a-z]+$/.test(token)) return false;
  return true;
}

export function templateLiteralText(t: ts.TemplateExpression): string {
  return t.head.text + t.templateSpans.map(s => '{0}' + s.literal.text).join('');
}

export function sourceText(node: ts.Node, sf: ts.SourceFile): string {
  return node.getText(sf).replace(/\s+/g, ' ').slice(0, 160);
}

export function importsVscode(sf: ts.SourceFile): boolean {
  return sf.statements.some(
    s => ts.isImportDeclaration(s) && ts.isStringLiteral(s.moduleSpecifier) && s.moduleSpecifier.text === 'vscode',
  );
}

/** Text outside tags, `<style>`/`<script>` and attribute values of an HTML fragment. */
export function htmlText(html: string): string {
  return html
    .replace(/<(style|script)\b[\s\S]*?(<\/\1>|$)/gi, ' ')
    .replace(/^[^<]*>/, ' ') // the tail of a tag opened in an earlier part of the template
    .replace(/<[^>]*(>|$)/g, ' ');
}

/**
 * `// l10n-ignore: <why>` on the literal's line or the line above keeps one literal out of the report: for text
 * that must stay as written (a setting's value shown as is, a product name in a sentence-free label).
 */
export const IGNORE_MARKER = 'l10n-ignore';

export function ignored(sf: ts.SourceFile, lit: ts.Node): boolean {
  const line = sf.getLineAndCharacterOfPosition(lit.getStart(sf)).line;
  const lines = sf.text.split('\n');
  return [lines[line], lines[line - 1]].some(l => l !== undefined && new RegExp(`//.*\\b${IGNORE_MARKER}\\b`).test(l));
}

