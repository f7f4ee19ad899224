/**
 * Reading `.env` files as the `dotenv` package reads them: `KEY=value` or `KEY: value` lines, an optional `export `
 * prefix, `#` comments (a whole line, or after whitespace in an unquoted value), values in single, double or back
 * quotes (a double-quoted value may span lines and expands `\n`). One pass over the text, linear in its length.
 * No `vscode` import (unit-tested under plain mocha).
 */

/** One `KEY=value` of a `.env` file, with where its value is written (offsets into the text). */
export interface DotenvEntry {
  key: string;
  value: string;
  /** Zero-based line of the key. */
  line: number;
  keyStart: number;
  /** The raw value as written (quotes included): what a diagnostic underlines. */
  valueStart: number;
  valueEnd: number;
}

/** Letters, digits, `_`, `.`, `-`: the characters of a key (by character code: this runs once per character). */
const isKeyCode = (c: number): boolean => (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95 || c === 46 || c === 45;
const isBlank = (c: string | undefined): boolean => c === ' ' || c === '\t';

/** Every assignment of the text, in order (a later one of the same key wins, as in dotenv). */
export function parseDotenv(text: string): DotenvEntry[] {
  const out: DotenvEntry[] = [];
  let i = 0;
  let line = 0;
  const n = text.length;
  /** A double quote searched for from here found none (so none from any later place): keeps hostile text linear. */
  let noDoubleQuoteFrom = n;
  /** Moves to the start of the next line. */
  const nextLine = (): void => {
    while (i < n && text[i] !== '\n') i++;
    if (i < n) {
      i++;
      line++;
    }
  };
  while (i < n) {
    while (i < n && (isBlank(text[i]) || text[i] === '\r')) i++;
    if (text.startsWith('export', i) && isBlank(text[i + 6])) {
      i += 6;
      while (isBlank(text[i])) i++;
    }
    const keyStart = i;
    while (i < n && isKeyCode(text.charCodeAt(i))) i++;
    const key = text.slice(keyStart, i);
    while (isBlank(text[i])) i++;
    if (!key || /^\d/.test(key) || (text[i] !== '=' && !(text[i] === ':' && isBlank(text[i + 1])))) {
      nextLine();
      continue;
    }
    const keyLine = line;
    i++;
    while (isBlank(text[i])) i++;
    const valueStart = i;
    const quote = text[i];
    let value: string;
    if (quote === '"' || quote === "'" || quote === '`') {
      const close = quote === '"' && i + 1 >= noDoubleQuoteFrom ? -1 : findClosingQuote(text, i + 1, quote);
      if (close < 0 && quote === '"') noDoubleQuoteFrom = Math.min(noDoubleQuoteFrom, i + 1);
      if (close < 0) {
        // no closing quote: dotenv reads the rest of the line as it is
        const end = lineEnd(text, i);
        value = text.slice(i, end).trim();
        i = end;
        out.push({ key, value, line: keyLine, keyStart, valueStart, valueEnd: valueStart + value.length });
        nextLine();
        continue;
      }
      const raw = text.slice(i + 1, close);
      for (let k = i; k < close; k++) if (text[k] === '\n') line++;
      value = quote === '"' ? raw.replace(/\\n/g, '\n').replace(/\\r/g, '\r') : raw;
      i = close + 1;
      out.push({ key, value, line: keyLine, keyStart, valueStart, valueEnd: i });
    } else {
      const end = lineEnd(text, i);
      let stop = end;
      for (let k = i; k < end; k++) {
        if (text[k] === '#' && (k === i || isBlank(text[k - 1]))) {
          stop = k;
          break;
        }
      }
      value = text.slice(i, stop).trim();
      out.push({ key, value, line: keyLine, keyStart, valueStart, valueEnd: valueStart + value.length });
      i = end;
    }
    nextLine();
  }
  return out;
}

/** The index of the quote closing one opened before `from` (a backslash escapes the next character); -1 when none. */
function findClosingQuote(text: string, from: number, quote: string): number {
  for (let k = from; k < text.length; k++) {
    if (text[k] === '\\') k++;
    else if (text[k] === quote) return k;
    else if (text[k] === '\n' && quote !== '"') return -1; // only double quotes span lines
  }
  return -1;
}

function lineEnd(text: string, from: number): number {
  const nl = text.indexOf('\n', from);
  const end = nl < 0 ? text.length : nl;
  return text[end - 1] === '\r' ? end - 1 : end;
}

/** The entry that sets `key` (the last one, as dotenv reads it), if any. */
export function dotenvValue(entries: readonly DotenvEntry[], key: string): DotenvEntry | undefined {
  for (let k = entries.length - 1; k >= 0; k--) if (entries[k].key === key) return entries[k];
  return undefined;
}

/** `.env.example`, `.env.sample`, `.env.template`, `.env.dist`: files meant to be committed, without real keys. */
export function isEnvTemplate(fileName: string): boolean {
  return /^\.env\.(example|sample|template|dist|defaults)$/i.test(fileName);
}

/** `.env`, `.env.local`, `.env.production.local` …: files that hold a project's secrets. */
export function isEnvFile(fileName: string): boolean {
  return /^\.env(\.[\w.-]+)?$/.test(fileName) && !isEnvTemplate(fileName);
}
