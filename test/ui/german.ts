/**
 * For the German UI test: what the workbench must show, read from the committed translations at test time
 * (package.json + package.nls(.de).json for the manifest, l10n/bundle.l10n(.de).json for the code), and a stand-in
 * German language pack built offline.
 *
 * Why a stand-in pack: code-server switches its display language only when a language pack for it is installed
 * (`--locale de` alone leaves VS Code, `vscode.env.language` and the extensions' bundles in English), and the real
 * pack (MS-CEINTL.vscode-language-pack-de) cannot be downloaded here. The stand-in contributes `de` with an empty
 * core translation, so VS Code's own texts stay English while everything else works as with the real pack:
 * `vscode.env.language` is `de`, and VS Code loads our package.nls.de.json and l10n/bundle.l10n.de.json.
 */
import { execFile } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { repoRoot } from '../harness/paths';

function readJson(rel: string): Record<string, unknown> {
  const file = path.join(repoRoot, rel);
  if (!fs.existsSync(file)) throw new Error(`${rel} is missing: the German UI test reads the expected text from it`);
  return JSON.parse(fs.readFileSync(file, 'utf8')) as Record<string, unknown>;
}

interface Manifest {
  contributes: {
    views: Record<string, { id: string; name: string }[]>;
    commands: { command: string; title: string; category?: string }[];
    viewsWelcome: { view: string; contents: string }[];
  };
}

/** A manifest value in German: `%key%` from package.nls.de.json (it must differ from the English), else as written. */
function manifestGerman(value: string, what: string, mayReadTheSame = false): string {
  const m = /^%(.+)%$/.exec(value);
  if (!m) return value;
  const en = readJson('package.nls.json')[m[1]];
  const de = readJson('package.nls.de.json')[m[1]];
  if (typeof de !== 'string' || !de.trim()) throw new Error(`package.nls.de.json has no German for ${what} (${m[1]})`);
  if (de === en && !mayReadTheSame) throw new Error(`${what} (${m[1]}) reads the same in German and English, so it cannot show which one is on screen`);
  return de;
}

function requireKeyed(value: string, what: string): void {
  if (!/^%.+%$/.test(value)) throw new Error(`package.json still has the English ${what} "${value}" instead of a %key% of package.nls.json`);
}

const manifest = (): Manifest => readJson('package.json') as unknown as Manifest;

/** The German name of a view (`attio.objects` → e.g. "Objekte"). */
export function germanViewName(viewId: string): string {
  const view = Object.values(manifest().contributes.views).flat().find(v => v.id === viewId);
  if (!view) throw new Error(`no view ${viewId} in package.json`);
  requireKeyed(view.name, `name of view ${viewId}`);
  return manifestGerman(view.name, `the name of view ${viewId}`);
}

/** The German Command Palette title of a command: `<category>: <title>` (e.g. "Attio: Anmelden"). */
export function germanCommand(commandId: string): string {
  const c = manifest().contributes.commands.find(x => x.command === commandId);
  if (!c) throw new Error(`no command ${commandId} in package.json`);
  requireKeyed(c.title, `title of ${commandId}`);
  const title = manifestGerman(c.title, `the title of ${commandId}`);
  // the category is the brand ("Attio") in both languages: the title shows which one is on screen
  return c.category ? `${manifestGerman(c.category, `the category of ${commandId}`, true)}: ${title}` : title;
}

/** The German label of the welcome view's button that runs `command` (a `[label](command:…)` line). */
export function germanWelcomeButton(viewId: string, command: string): string {
  const link = new RegExp(`\\[([^\\]]+)\\]\\(command:${command.replace(/\./g, '\\.')}\\)`);
  const contents = manifest().contributes.viewsWelcome.filter(x => x.view === viewId).map(x => x.contents);
  if (!contents.length) throw new Error(`no welcome content for ${viewId} in package.json`);
  for (const c of contents) {
    if (!/^%.+%$/.test(c)) continue;
    const label = link.exec(manifestGerman(c, `the welcome content of ${viewId}`))?.[1];
    if (label) return label;
  }
  requireKeyed(contents.find(c => !/^%.+%$/.test(c)) ?? contents[0], `welcome content of ${viewId}`);
  throw new Error(`no German welcome content of ${viewId} has a button for ${command}`);
}

const escape = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * A pattern for the German text of the messages of l10n/bundle.l10n.json whose English matches `english`: codicons
 * dropped (they render as icons), placeholders match anything, spacing is free. Only entries whose German differs
 * from the English count, so a match proves the German bundle is in use.
 */
export function germanMessage(english: RegExp): RegExp {
  const en = readJson('l10n/bundle.l10n.json');
  const de = readJson('l10n/bundle.l10n.de.json');
  const message = (v: unknown) => (typeof v === 'string' ? v : (v as { message: string }).message);
  const texts = Object.keys(en)
    .filter(k => english.test(message(en[k])))
    .map(k => ({ en: message(en[k]), de: de[k] }))
    .filter((t): t is { en: string; de: string } => typeof t.de === 'string' && t.de.trim() !== '' && t.de !== t.en);
  if (!texts.length) throw new Error(`no English string matching ${english} with a German translation in l10n/bundle.l10n*.json (reworded? update the German UI test)`);
  const patterns = texts.map(t =>
    escape(t.de.replace(/\$\([\w~-]+\)/g, '').trim())
      .replace(/\\\{(?:\d+|\w+)\\\}/g, '.+?')
      .replace(/\s+/g, '\\s+'),
  );
  return new RegExp(patterns.join('|'));
}

/** Packages the stand-in German language pack into `dir` and returns the .vsix. */
export function packageStandInLanguagePack(dir: string): Promise<string> {
  const src = path.join(dir, 'language-pack-de');
  fs.mkdirSync(path.join(src, 'translations'), { recursive: true });
  fs.writeFileSync(
    path.join(src, 'package.json'),
    JSON.stringify({
      name: 'stand-in-language-pack-de',
      displayName: 'German language pack (test stand-in, no core translations)',
      publisher: 'attio-explorer-tests',
      version: '0.0.1',
      license: 'MIT',
      engines: { vscode: '^1.90.0' },
      categories: ['Language Packs'],
      contributes: {
        localizations: [
          { languageId: 'de', languageName: 'German', localizedLanguageName: 'Deutsch', translations: [{ id: 'vscode', path: './translations/main.i18n.json' }] },
        ],
      },
    }),
  );
  fs.writeFileSync(path.join(src, 'translations', 'main.i18n.json'), JSON.stringify({ version: '1.0.0', contents: {} }));
  fs.writeFileSync(path.join(src, 'README.md'), 'German display language for the UI test; VS Code itself stays English.\n');
  const out = path.join(dir, 'language-pack-de.vsix');
  const vsce = path.join(repoRoot, 'node_modules', '.bin', 'vsce');
  return new Promise((resolve, reject) => {
    execFile(vsce, ['package', '--allow-missing-repository', '--skip-license', '-o', out], { cwd: src, timeout: 120_000 }, (err, stdout, stderr) => {
      if (err) reject(new Error(`packaging the stand-in language pack failed: ${err.message}\n${stdout}\n${stderr}`));
      else resolve(out);
    });
  });
}
