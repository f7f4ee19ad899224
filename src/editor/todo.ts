/**
 * TODO comments in source lines (no vscode): a comment marker (`//`, `#`, `/*`, `*`, `--`, `;`, `<!--`, `%`, `'`,
 * `REM`), then one of the triggers (`attio.tasks.todoTriggers`, case-sensitive, a whole word), an optional `(owner)`
 * and separator, then the text that becomes the task's content.
 *
 * A scan, not a regular expression: each occurrence of a trigger is checked by looking back at the marker before it
 * and forward at what follows, so a line costs time in proportion to its length whatever it holds (the pattern this
 * replaces took seconds on `// TODO x`, 1,990 spaces and `y`). Markers:
 * - anywhere after whitespace or code punctuation (`;{}()],`), or at the start: `//` (`///`, `//!`), `/*` (`/**`,
 *   `/*!`), `#`, `--`, `;`, `<!--`, `%`;
 * - only at the start of the line, after indentation: `*` (block-comment continuation), `'` and `REM` (Visual Basic),
 *   so `a * TODO` and strings do not count.
 */

export interface TodoComment {
  trigger: string;
  /** The comment's text after the trigger, without a closing `*\/` or `-->`. */
  text: string;
  /** Offsets in the line of the trigger's first character and of the end of the text. */
  start: number;
  end: number;
}

/** Characters of a line looked at: a TODO further right is not offered. */
const MAX_LINE = 2000;

/** What may stand before a marker that is not at the start of the line. */
const BEFORE_MARKER = /[\s;{}()\],]/;
const WORD_CHAR = /[\w-]/;
const SEPARATORS = new Set([':', '-', '–', '—']);
const LINE_BREAK = /[\n\r\u2028\u2029]/g;

const isBlank = (c: string | undefined): boolean => c === ' ' || c === '\t';

/** Compiles a finder for these triggers (empty or blank triggers are ignored). */
export function todoFinder(triggers: readonly string[]): (line: string) => TodoComment | undefined {
  // longest first: at one offset, `TODO!` is tried before `TODO`
  const words = [...new Set(triggers.map(t => t.trim()).filter(Boolean))].sort((a, b) => b.length - a.length);
  if (!words.length) return () => undefined;
  return full => {
    const line = full.length > MAX_LINE ? full.slice(0, MAX_LINE) : full;
    const indent = line.search(/\S/);
    let lastBreak = -1;
    for (const m of line.matchAll(LINE_BREAK)) lastBreak = m.index;
    // the next offset of each word at or after the scan position, found again only once the scan has passed it
    const next = words.map(w => line.indexOf(w));
    for (let pos = 0; ; ) {
      let at = -1;
      for (let k = 0; k < words.length; k++) {
        if (next[k] !== -1 && next[k] < pos) next[k] = line.indexOf(words[k], pos);
        if (next[k] !== -1 && (at === -1 || next[k] < at)) at = next[k];
      }
      if (at === -1) return undefined;
      const word = words.find((w, k) => next[k] === at && !WORD_CHAR.test(line[at + w.length] ?? ''));
      // a comment's text runs to the end of the line (never across a line break such as U+2028), so the first
      // trigger after a marker decides
      if (word !== undefined && at > lastBreak && markerBefore(line, at, indent)) return commentAt(line, at, word);
      pos = at + 1;
    }
  };
}

/** True when a comment marker (and blanks) stands right before `trigger`. */
function markerBefore(line: string, trigger: number, indent: number): boolean {
  let end = trigger;
  while (end > 0 && isBlank(line[end - 1])) end--;
  if (end === 0) return false;
  const opensAt = (k: number): boolean => k === 0 || BEFORE_MARKER.test(line[k - 1]);
  if (end >= 4 && line.startsWith('<!--', end - 4) && opensAt(end - 4)) return true;
  if (line[end - 1] === "'" && end - 1 === indent) return true;
  if (end - 3 === indent && line.startsWith('REM', indent) && !/\w/.test(line[end])) return true;
  // `//!` and `/*!`
  const bang = line[end - 1] === '!';
  const runEnd = bang ? end - 1 : end;
  const mark = line[runEnd - 1];
  let runStart = runEnd;
  while (runStart > 0 && line[runStart - 1] === mark) runStart--;
  const run = runEnd - runStart;
  switch (mark) {
    case '/':
      return run >= 2 && opensAt(runStart);
    case '*':
      return (!bang && runStart === indent) || (line[runStart - 1] === '/' && opensAt(runStart - 1));
    case '#':
    case '%':
      return !bang && opensAt(runStart);
    case '-':
      return !bang && run >= 2 && opensAt(runStart);
    case ';':
      // `;` may itself stand before a marker: any run of two or more has one
      return !bang && (run >= 2 || opensAt(runStart));
    default:
      return false;
  }
}

/** The comment whose trigger `word` starts at `start`: owner, separator and closing marker dropped from its text. */
function commentAt(line: string, start: number, word: string): TodoComment | undefined {
  let p = start + word.length;
  if (line[p] === '(') {
    const close = line.indexOf(')', p);
    if (close !== -1) p = close + 1;
  }
  while (isBlank(line[p])) p++;
  if (SEPARATORS.has(line[p])) p++;
  while (isBlank(line[p])) p++;
  let end = line.length;
  while (end > p && isBlank(line[end - 1])) end--;
  if (line.endsWith('*/', end) && end - 2 >= p) end -= 2;
  else if (line.endsWith('-->', end) && end - 3 >= p) end -= 3;
  while (end > p && isBlank(line[end - 1])) end--;
  const text = line.slice(p, end).trim();
  return text ? { trigger: word, text, start, end } : undefined;
}
