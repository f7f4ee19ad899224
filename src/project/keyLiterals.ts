/**
 * Finding Attio API keys written into source code. Attio does not document a token format (API-FACTS §1.2: treat
 * tokens as opaque), so a literal is found by where it is written, never by its shape alone: a string assigned to a
 * name that says it is an Attio key (`ATTIO_API_KEY = "…"`, `attioToken: '…'`), or a `Bearer …` string in a file that
 * talks to Attio; and it must look like a secret (long, letters and digits, high entropy), not a placeholder.
 * Every scan is one pass with bounded work per candidate: linear in the text (SECURITY.md). No `vscode` import.
 */

/** A key written as a string literal. Offsets into the scanned text. */
export interface KeyLiteral {
  /** `assignment`: `ATTIO_API_KEY = "…"`; `bearer`: `"Bearer …"`. */
  kind: 'assignment' | 'bearer';
  /** The whole string literal, quotes included (what the quick fix replaces). */
  start: number;
  end: number;
  /** The key itself. */
  valueStart: number;
  valueEnd: number;
  quote: '"' | "'" | '`';
}

/** Longest value looked at: a token is far shorter; a longer run is not a key (and bounds the work per candidate). */
const MAX_KEY = 512;
const MIN_KEY = 20;
/** How far back from `Bearer` the opening quote may be (`"Authorization: Bearer …"`). */
const MAX_PREFIX = 64;

/** The characters of a token (letters, digits, `_-.~+/=`), by character code: the scan asks once per character. */
const TOKEN_CODES = new Uint8Array(128);
for (const c of 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_-.~+/=') TOKEN_CODES[c.charCodeAt(0)] = 1;
const isTokenCode = (c: number): boolean => c < 128 && TOKEN_CODES[c] === 1;
const QUOTES = new Set(['"', "'", '`']);
const PLACEHOLDER = /your|example|placeholder|change.?me|replace|insert|dummy|xxxx|redacted|<|>|\$\{|\.\.\./i;

/** Bits per character of `s` (Shannon). Random hex is about 3.9, base62 about 5.5; English words about 3. */
export function entropy(s: string): number {
  const counts = new Map<string, number>();
  for (const c of s) counts.set(c, (counts.get(c) ?? 0) + 1);
  let bits = 0;
  for (const k of counts.values()) {
    const p = k / s.length;
    bits -= p * Math.log2(p);
  }
  return bits;
}

/** Whether `value` looks like a real secret rather than a placeholder or a word: never a judgement of validity. */
export function looksLikeSecret(value: string): boolean {
  if (value.length < MIN_KEY || value.length > MAX_KEY) return false;
  for (let k = 0; k < value.length; k++) if (!isTokenCode(value.charCodeAt(k))) return false;
  if (!/\d/.test(value) || !/[A-Za-z]/.test(value) || PLACEHOLDER.test(value)) return false;
  return entropy(value) >= 3.2;
}

/** A name that says it holds an Attio key: `ATTIO_API_KEY`, `attioToken`, `attio_secret`. */
export function isAttioKeyName(name: string): boolean {
  const lower = name.toLowerCase();
  return lower.includes('attio') && (lower.includes('key') || lower.includes('token') || lower.includes('secret'));
}

const isBlank = (c: string | undefined): boolean => c === ' ' || c === '\t';

/** The end of a run of token characters from `from`, looking at most {@link MAX_KEY} + 1 characters. */
function tokenEnd(text: string, from: number): number {
  let k = from;
  const limit = Math.min(text.length, from + MAX_KEY + 1);
  while (k < limit && isTokenCode(text.charCodeAt(k))) k++;
  return k;
}

/** Every key literal of `text`, in order. `mentionsAttio`: the file talks to Attio (else `Bearer` strings are not ours). */
export function findKeyLiterals(text: string, mentionsAttio = /attio/i.test(text)): KeyLiteral[] {
  const found = [...assignments(text)];
  if (mentionsAttio) found.push(...bearers(text));
  return found.sort((a, b) => a.start - b.start);
}

function* assignments(text: string): Generator<KeyLiteral> {
  const names = /[A-Za-z_$][\w$]*/g;
  for (let m = names.exec(text); m; m = names.exec(text)) {
    if (!isAttioKeyName(m[0])) continue;
    let i = names.lastIndex;
    if (QUOTES.has(text[i])) i++; // the closing quote of a key: `"ATTIO_API_KEY": "…"`
    while (isBlank(text[i])) i++;
    if (text[i] === ':' && text[i + 1] === '=') i += 2;
    else if ((text[i] === '=' && text[i + 1] !== '=' && text[i + 1] !== '>') || text[i] === ':') i++;
    else continue;
    while (isBlank(text[i])) i++;
    const quote = text[i];
    if (!QUOTES.has(quote)) continue;
    const valueStart = i + 1;
    const valueEnd = tokenEnd(text, valueStart);
    if (text[valueEnd] !== quote || !looksLikeSecret(text.slice(valueStart, valueEnd))) continue;
    yield { kind: 'assignment', start: i, end: valueEnd + 1, valueStart, valueEnd, quote: quote as KeyLiteral['quote'] };
    names.lastIndex = valueEnd + 1;
  }
}

function* bearers(text: string): Generator<KeyLiteral> {
  const word = /bearer[ \t]+/gi;
  for (let m = word.exec(text); m; m = word.exec(text)) {
    const valueStart = word.lastIndex;
    const valueEnd = tokenEnd(text, valueStart);
    word.lastIndex = Math.max(valueEnd, valueStart);
    const quote = text[valueEnd];
    if (!QUOTES.has(quote) || !looksLikeSecret(text.slice(valueStart, valueEnd))) continue;
    // the opening quote of the same string, close before `Bearer` on the same line
    let start = m.index - 1;
    const stop = Math.max(0, m.index - MAX_PREFIX);
    while (start >= stop && text[start] !== quote && text[start] !== '\n') start--;
    if (start < stop || text[start] !== quote) continue;
    yield { kind: 'bearer', start, end: valueEnd + 1, valueStart, valueEnd, quote: quote as KeyLiteral['quote'] };
  }
}

/** What replaces the literal so the code reads the key from the environment (JavaScript and TypeScript). */
export function envReplacement(text: string, literal: KeyLiteral, envName: string): string {
  const env = `process.env.${envName}`;
  if (literal.kind === 'assignment') return env;
  if (literal.quote === '`') return `\`${text.slice(literal.start + 1, literal.valueStart)}\${${env}}\``;
  // a plain string becomes a template literal: its text kept (backticks and `${` escaped), the key read from the environment
  const before = text.slice(literal.start + 1, literal.valueStart).replace(/\\(["'])/g, '$1').replace(/[`\\]|\$\{/g, s => `\\${s}`);
  return `\`${before}\${${env}}\``;
}
