/** The manifest as the unit tests read it: package.json, optionally with its `%key%` strings resolved (package.nls*.json). */
import * as fs from 'fs';
import * as path from 'path';

export const ROOT = path.resolve(__dirname, '..', '..', '..', '..');

export function readJson<T = Record<string, unknown>>(file: string): T {
  return JSON.parse(fs.readFileSync(path.join(ROOT, file), 'utf8')) as T;
}

/** package.json as written (strings still `%key%`). */
export function rawManifest(): any {
  return readJson('package.json');
}

/** The `%key%` placeholders of every string in `value`, with where they are. */
export function placeholders(value: unknown, at = ''): { key: string; at: string }[] {
  if (typeof value === 'string') return [...value.matchAll(/^%([^%\s]+)%$/g)].map(m => ({ key: m[1], at }));
  if (Array.isArray(value)) return value.flatMap((v, i) => placeholders(v, `${at}[${i}]`));
  if (value && typeof value === 'object') return Object.entries(value).flatMap(([k, v]) => placeholders(v, at ? `${at}.${k}` : k));
  return [];
}

/** package.json as VS Code shows it in `locale` ('' = English): every `%key%` replaced from package.nls[.locale].json. */
export function localizedManifest(locale = ''): any {
  const english = readJson<Record<string, string>>('package.nls.json');
  const strings = locale ? { ...english, ...readJson<Record<string, string>>(`package.nls.${locale}.json`) } : english;
  const resolve = (v: unknown): unknown => {
    if (typeof v === 'string') {
      const m = /^%([^%\s]+)%$/.exec(v);
      return m && m[1] in strings ? strings[m[1]] : v;
    }
    if (Array.isArray(v)) return v.map(resolve);
    if (v && typeof v === 'object') return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, resolve(x)]));
    return v;
  };
  return resolve(rawManifest());
}
