/**
 * TODO comments in source lines (no vscode): a comment marker (`//`, `#`, `/*`, `*`, `--`, `;`, `<!--`, `%`, `'`),
 * then one of the triggers (`attio.tasks.todoTriggers`, case-sensitive, a whole word), an optional `(owner)` and
 * separator, then the text that becomes the task's content.
 */

export interface TodoComment {
  trigger: string;
  /** The comment's text after the trigger, without a closing `*\/` or `-->`. */
  text: string;
  /** Offsets in the line of the trigger's first character and of the end of the text. */
  start: number;
  end: number;
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Compiles a finder for these triggers (empty or blank triggers are ignored). */
export function todoFinder(triggers: readonly string[]): (line: string) => TodoComment | undefined {
  const words = [...new Set(triggers.map(t => t.trim()).filter(Boolean))].sort((a, b) => b.length - a.length);
  if (!words.length) return () => undefined;
  // A marker at the start of the line (after indentation) or after whitespace or code punctuation; `*` and `'`
  // (block-comment continuation, Visual Basic) only at the start, so `a * TODO` and strings do not count.
  const re = new RegExp(
    `(?:^\\s*(?:\\*+|'|REM\\b)|(?:^|[\\s;{}()\\],])(?:\\/\\/+!?|\\/\\*+!?|#+|--+|;+|<!--|%+))[ \\t]*(${words.map(escapeRegExp).join('|')})(?![\\w-])` +
      `(?:\\([^)]*\\))?[ \\t]*[:\\-–—]?[ \\t]*(.*?)[ \\t]*(?:\\*\\/|-->)?[ \\t]*$`,
    'd',
  );
  return line => {
    const m = re.exec(line.length > 2000 ? line.slice(0, 2000) : line);
    if (!m?.indices || !m[2].trim()) return undefined;
    return { trigger: m[1], text: m[2].trim(), start: m.indices[1][0], end: m.indices[2][1] };
  };
}
