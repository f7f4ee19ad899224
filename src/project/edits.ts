/**
 * The text the quick fixes add: a line of `.gitignore`, an `ATTIO_API_KEY=` line of `.env`. Pure (no `vscode`): each
 * answers what to append to a file's current text, or nothing when the file already has it.
 */
import { dotenvValue, parseDotenv } from './dotenv';

/** The line endings a file uses (its first), `\n` for a new file. */
const eolOf = (text: string): string => (text.includes('\r\n') ? '\r\n' : '\n');

/**
 * What to append to `.gitignore` (its text, '' when there is none) so that it lists `name`, or undefined when a line
 * already names it exactly (`.env`, `/.env`). Patterns that might cover it (`.env*`) are git's to judge: the
 * diagnostic asks git, and the fix is offered only when git does not ignore the file.
 */
export function gitignoreAddition(gitignore: string, name: string): string | undefined {
  const lines = gitignore.split(/\r?\n/).map(l => l.trim());
  if (lines.includes(name) || lines.includes(`/${name}`)) return undefined;
  const eol = eolOf(gitignore);
  const sep = gitignore === '' || gitignore.endsWith('\n') ? '' : eol;
  return `${sep}${name}${eol}`;
}

/** How a value is written in `.env` so that dotenv reads it back unchanged: bare when that is safe, else quoted. */
function dotenvQuoted(value: string): string {
  if (/^[\w\-.~+/=:@]*$/.test(value)) return value;
  if (!value.includes("'") && !value.includes('\n')) return `'${value}'`;
  return `"${value.replace(/\n/g, '\\n')}"`;
}

/**
 * What to append to `.env` (its text, '' when there is none) so that it sets `key` to `value`; undefined when it already
 * does. `conflict` when it sets `key` to another value (nothing is overwritten).
 */
export function envAddition(env: string, key: string, value: string): { append: string } | { conflict: true } | undefined {
  const current = dotenvValue(parseDotenv(env), key);
  if (current) return current.value === value ? undefined : { conflict: true };
  const eol = eolOf(env);
  const sep = env === '' || env.endsWith('\n') ? '' : eol;
  return { append: `${sep}${key}=${dotenvQuoted(value)}${eol}` };
}
