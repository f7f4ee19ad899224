/**
 * `npm run l10n:de`: writes l10n/bundle.l10n.de.json from the German fragments (l10n/fragments/*.de.json) and the
 * German bundle already committed, restricted to the keys of l10n/bundle.l10n.json (run `npm run l10n` first), in
 * the English bundle's order. Reports keys with no German entry, fragment keys the English bundle does not have
 * (a string changed or was removed since the fragment was written), fragments that disagree, and entries whose
 * placeholders, codicons or links differ from the English. Exits 1 when anything is missing or wrong.
 *
 *   node out/test/l10n/mergeGerman.js [--check]    --check: report only, write nothing
 */
import * as fs from 'fs';
import * as path from 'path';
import { compareTranslations, type L10nFile } from './translations';

export interface MergeResult {
  /** The German bundle: English keys in order, each with the German text found. */
  bundle: Record<string, string>;
  /** English keys without a German entry. */
  missing: string[];
  /** Fragment keys that are not in the English bundle: `fragment file → keys`. */
  extra: Map<string, string[]>;
  /** Keys two sources translate differently (the later fragment, by file name, wins): one line each. */
  conflicts: string[];
  /** Placeholder / codicon / link / empty problems of the merged bundle. */
  problems: string[];
}

/** Merges `sources` (earlier first: the committed bundle, then fragments by name) into the keys of `english`. */
export function mergeGerman(english: L10nFile, sources: ReadonlyArray<{ name: string; entries: L10nFile }>): MergeResult {
  const chosen = new Map<string, { text: string; from: string }>();
  const extra = new Map<string, string[]>();
  const conflicts: string[] = [];
  for (const { name, entries } of sources) {
    for (const [key, value] of Object.entries(entries)) {
      if (!(key in english)) {
        extra.set(name, [...(extra.get(name) ?? []), key]);
        continue;
      }
      if (typeof value !== 'string') continue;
      const before = chosen.get(key);
      if (before && before.text !== value) conflicts.push(`${JSON.stringify(key)}: ${before.from} says ${JSON.stringify(before.text)}, ${name} says ${JSON.stringify(value)}`);
      chosen.set(key, { text: value, from: name });
    }
  }
  const bundle: Record<string, string> = {};
  const missing: string[] = [];
  for (const key of Object.keys(english)) {
    const c = chosen.get(key);
    if (c) bundle[key] = c.text;
    else missing.push(key);
  }
  const problems = compareTranslations(english, bundle).filter(p => !p.startsWith('missing: '));
  return { bundle, missing, extra, conflicts, problems };
}

function readJson(file: string): L10nFile {
  return JSON.parse(fs.readFileSync(file, 'utf8')) as L10nFile;
}

function main(): number {
  const root = path.resolve(__dirname, '..', '..', '..');
  const l10nDir = path.join(root, 'l10n');
  const englishFile = path.join(l10nDir, 'bundle.l10n.json');
  const germanFile = path.join(l10nDir, 'bundle.l10n.de.json');
  const fragmentsDir = path.join(l10nDir, 'fragments');
  const check = process.argv.includes('--check');
  if (!fs.existsSync(englishFile)) {
    console.error('l10n/bundle.l10n.json is missing: run `npm run l10n` first.');
    return 1;
  }
  const english = readJson(englishFile);
  const sources: { name: string; entries: L10nFile }[] = [];
  if (fs.existsSync(germanFile)) sources.push({ name: 'l10n/bundle.l10n.de.json', entries: readJson(germanFile) });
  const fragments = fs.existsSync(fragmentsDir) ? fs.readdirSync(fragmentsDir).filter(f => f.endsWith('.de.json')).sort() : [];
  for (const f of fragments) sources.push({ name: `l10n/fragments/${f}`, entries: readJson(path.join(fragmentsDir, f)) });

  const r = mergeGerman(english, sources);
  const total = Object.keys(english).length;
  console.log(`${Object.keys(r.bundle).length} of ${total} strings have German (from ${sources.map(s => s.name).join(', ') || 'nothing'})`);
  if (r.missing.length) console.log(`\nNo German entry (${r.missing.length}):\n${r.missing.map(k => `  ${JSON.stringify(k)}`).join('\n')}`);
  for (const [name, keys] of r.extra) {
    console.log(`\nIn ${name} but not in the English bundle (${keys.length}; changed or removed in src/?):\n${keys.map(k => `  ${JSON.stringify(k)}`).join('\n')}`);
  }
  if (r.conflicts.length) console.log(`\nTranslated differently (the later one is kept):\n  ${r.conflicts.join('\n  ')}`);
  if (r.problems.length) console.log(`\nEntries to fix:\n  ${r.problems.join('\n  ')}`);
  if (!check) {
    fs.writeFileSync(germanFile, JSON.stringify(r.bundle, null, 2) + '\n');
    console.log(`\nwrote l10n/bundle.l10n.de.json (${Object.keys(r.bundle).length} entries)`);
  }
  return r.missing.length || r.problems.length ? 1 : 0;
}

if (require.main === module) process.exit(main());
