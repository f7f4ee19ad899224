/**
 * Localization, checked from the sources:
 *  - no user-visible string literal of src/ bypasses `vscode.l10n.t` (test/l10n/scan.ts; ATTIO_L10N_REPORT=1 prints
 *    every offender grouped by file, also when the test passes; `node out/test/l10n/scan.js` does the same);
 *  - l10n/bundle.l10n.json is what @vscode/l10n-dev extracts from src/ today (else: `npm run l10n`);
 *  - every English key has a German entry with the same placeholders, codicons and links, in the bundle and in
 *    package.nls; every `%key%` of package.json is in package.nls.json and every key there is used.
 */
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { getL10nJson, type l10nJsonFormat } from '@vscode/l10n-dev';
import { formatReport, scanSource, scanSources, scanTree, sourceFiles } from '../l10n/scan';
import { mergeGerman } from '../l10n/mergeGerman';
import { compareTranslations, manifestKeys } from '../l10n/translations';

const ROOT = path.resolve(__dirname, '..', '..', '..');
const SRC = path.join(ROOT, 'src');

function readJson(file: string): Record<string, unknown> | undefined {
  return fs.existsSync(file) ? (JSON.parse(fs.readFileSync(file, 'utf8')) as Record<string, unknown>) : undefined;
}

suite('l10n: no user-visible string literal bypasses vscode.l10n.t', () => {
  const texts = (src: string, file = 'src/views/x.ts') => scanSource(file, src).map(f => f.text);

  test('the scanner reports literals a person would read, with their line', () => {
    const src = [
      "import * as vscode from 'vscode';",
      "void vscode.window.showErrorMessage('Planted error', 'Retry');",
      "const item = new vscode.TreeItem(`Planted ${name} row`);",
      "void vscode.window.showQuickPick([{ label: '$(key) Planted pick', description: 'planted' }], { placeHolder: 'Planted placeholder' });",
      "void vscode.window.showInputBox({ prompt: 'Planted prompt', validateInput: v => (v ? undefined : 'Planted validation') });",
      "status.text = '$(account) Attio: planted';",
      "md.appendMarkdown('**Planted** markdown');",
      "throw new Error('planted failure');",
      "const word = n === 1 ? 'planted one' : 'planted many';",
      "void vscode.window.showInformationMessage(word);",
      "vscode.l10n.t(someVariable);",
    ].join('\n');
    const found = scanSource('src/views/x.ts', src);
    assert.deepStrictEqual(
      found.map(f => `${f.line} ${f.text}`),
      [
        "2 'Planted error'",
        "2 'Retry'",
        '3 `Planted ${name} row`',
        "4 '$(key) Planted pick'",
        "4 'planted'",
        "4 'Planted placeholder'",
        "5 'Planted prompt'",
        "5 'Planted validation'",
        "6 '$(account) Attio: planted'",
        "7 '**Planted** markdown'",
        "8 'planted failure'",
        "9 'planted one'",
        "9 'planted many'",
        '11 vscode.l10n.t(someVariable)',
      ],
    );
  });

  test('the same code through vscode.l10n.t, and text no one translates, is not reported', () => {
    const src = [
      "import * as vscode from 'vscode';",
      "void vscode.window.showErrorMessage(vscode.l10n.t('Planted error'), vscode.l10n.t('Retry'));",
      "const item = new vscode.TreeItem(vscode.l10n.t('Planted {0} row', name));",
      "void vscode.window.showQuickPick([{ label: `$(key) ${vscode.l10n.t('Planted pick')}`, description: record.title }]);",
      "void vscode.window.showInputBox({ prompt: vscode.l10n.t({ message: 'Planted prompt', comment: ['a prompt'] }) });",
      "status.text = '$(sync~spin) Attio';", // codicon and the brand
      "status.tooltip = `${workspace} · ${vscode.l10n.t('signed in')}`;", // a format of translated parts
      "md.appendMarkdown('[$(link-external)](https://app.attio.com/)');", // codicon and URL
      "vscode.window.createStatusBarItem('attio.status', vscode.StatusBarAlignment.Left);", // an id
      "if (kind === 'Planted comparison') log.info('planted log line');", // no one sees these
      "const icons = { text: 'symbol-text', date: 'calendar' };",
      'const label = vscode.l10n.t`Tagged ${name}`;',
      "void vscode.window.showWarningMessage('Planted but kept'); // l10n-ignore: the test's own reason",
    ].join('\n');
    assert.deepStrictEqual(texts(src), []);
  });

  test('a literal handed to a wrapper of a sink, in another file, is reported at the call', () => {
    const wrapper = [
      "import * as vscode from 'vscode';",
      'export function row(label: string, icon: string): vscode.TreeItem {',
      '  const item = new vscode.TreeItem(label);',
      '  item.iconPath = new vscode.ThemeIcon(icon);',
      '  return item;',
      '}',
      'export class Message { constructor(readonly ctx: unknown, readonly text: string) {} item() { return row(this.text, "info"); } }',
      'export function ask(opts: { prompt: string; id: string }) { return vscode.window.showInputBox({ prompt: opts.prompt }); }',
    ].join('\n');
    const caller = [
      "import { ask, Message, row } from './wrapper';",
      "const a = row('Planted row', 'symbol-field');",
      "const b = new Message(ctx, 'Planted message');",
      "void ask({ prompt: 'Planted option', id: 'attio.planted' });",
    ].join('\n');
    const found = scanSources([
      { file: 'src/views/wrapper.ts', text: wrapper },
      { file: 'src/views/caller.ts', text: caller },
    ]);
    assert.deepStrictEqual(found.map(f => `${f.file}:${f.line} ${f.text}`), [
      "src/views/caller.ts:2 'Planted row'",
      "src/views/caller.ts:3 'Planted message'",
      "src/views/caller.ts:4 'Planted option'",
    ]);
  });

  test('in a module that writes Markdown for people, every literal that reads as words is reported', () => {
    const src = [
      "import { mdEscape } from '../data';",
      "export function render(title: string, kind: 'record' | 'task'): string {",
      "  if (kind === 'task') return `# ${mdEscape(title)}`;",
      "  const lines = ['## Planted heading', '', `Planted ${mdEscape(title)} line`, '| Attribute | Value |'];",
      "  return lines.join('\\n') + `\\n[${mdEscape(title)}](attio:/records/${kind}/x.md)`;",
      '}',
    ].join('\n');
    assert.deepStrictEqual(texts(src, 'src/detail/planted.ts'), [
      "'## Planted heading'",
      '`Planted ${mdEscape(title)} line`',
      "'| Attribute | Value |'",
    ]);
    // the same code elsewhere is not a document: only API sinks count there
    assert.deepStrictEqual(texts(src, 'src/session/planted.ts'), []);
  });

  test('src/ shows no literal text to a person without vscode.l10n.t', () => {
    const findings = scanTree(SRC);
    const report = formatReport(findings);
    if (process.env.ATTIO_L10N_REPORT) console.log(report);
    assert.ok(findings.length === 0, `Wrap these in vscode.l10n.t (whole sentences with {0} placeholders), or mark a literal that must stay as written with "// l10n-ignore: <why>":\n${report}`);
  });
});

suite('l10n: the committed English bundle is current', () => {
  test('l10n/bundle.l10n.json is what @vscode/l10n-dev extracts from src/', async function () {
    this.timeout(60_000);
    const files = sourceFiles(SRC).map(f => ({ extension: path.extname(f), contents: fs.readFileSync(f, 'utf8') }));
    const extracted = await getL10nJson(files);
    const committed = (readJson(path.join(ROOT, 'l10n', 'bundle.l10n.json')) ?? {}) as l10nJsonFormat;
    const missing = Object.keys(extracted).filter(k => !(k in committed));
    const stale = Object.keys(committed).filter(k => !(k in extracted));
    const changed = Object.keys(extracted).filter(k => k in committed && JSON.stringify(extracted[k]) !== JSON.stringify(committed[k]));
    const lines = [
      ...missing.map(k => `  missing: ${JSON.stringify(k)}`),
      ...stale.map(k => `  no longer in src/: ${JSON.stringify(k)}`),
      ...changed.map(k => `  changed: ${JSON.stringify(k)}`),
    ];
    assert.ok(lines.length === 0, `l10n/bundle.l10n.json is stale: run \`npm run l10n\` and commit it (then add the German entries: \`npm run l10n:de\`).\n${lines.join('\n')}`);
  });
});

suite('l10n: every key has a German entry', () => {
  test('the translation check notices missing, extra, empty and altered entries', () => {
    const en = { 'Signed in to {0}.': 'Signed in to {0}.', 'Open/verb': { message: 'Open', comment: ['verb'] }, '$(sync) Refresh': '$(sync) Refresh', 'See [docs](https://x.example/a).': 'See [docs](https://x.example/a).', Gone: 'Gone' };
    const de = { 'Signed in to {0}.': 'Bei {1} angemeldet.', 'Open/verb': '', '$(sync) Refresh': 'Aktualisieren', 'See [docs](https://x.example/a).': 'Siehe [Doku](https://x.example/b).', Extra: 'Extra' };
    assert.deepStrictEqual(compareTranslations(en, de), [
      'missing: "Gone"',
      'not in English: "Extra"',
      'placeholders differ in "Signed in to {0}.": {0} ≠ {1}',
      'empty: "Open/verb"',
      'codicons differ in "$(sync) Refresh": $(sync) ≠ (none)',
      'links differ in "See [docs](https://x.example/a).": (https://x.example/a) ≠ (https://x.example/b)',
    ]);
    assert.deepStrictEqual(compareTranslations(en, { 'Signed in to {0}.': 'Bei {0} angemeldet.', 'Open/verb': 'Öffnen', '$(sync) Refresh': '$(sync) Aktualisieren', 'See [docs](https://x.example/a).': 'Siehe [Doku](https://x.example/a).', Gone: 'Weg' }), []);
  });

  test('npm run l10n:de merges the fragments into the English keys and names what is missing or left over', () => {
    const en = { 'Sign In': 'Sign In', 'Signed in to {0}.': 'Signed in to {0}.', Refresh: 'Refresh' };
    const r = mergeGerman(en, [
      { name: 'l10n/bundle.l10n.de.json', entries: { Refresh: 'Aktualisieren', Removed: 'Entfernt' } },
      { name: 'l10n/fragments/a.de.json', entries: { 'Signed in to {0}.': 'Angemeldet bei {0}.', 'Old text': 'Alt' } },
      { name: 'l10n/fragments/b.de.json', entries: { 'Signed in to {0}.': 'Bei {0} angemeldet.' } },
    ]);
    assert.deepStrictEqual(r.bundle, { 'Signed in to {0}.': 'Bei {0} angemeldet.', Refresh: 'Aktualisieren' });
    assert.deepStrictEqual(Object.keys(r.bundle), ['Signed in to {0}.', 'Refresh'], 'in the English order');
    assert.deepStrictEqual(r.missing, ['Sign In']);
    assert.deepStrictEqual([...r.extra], [['l10n/bundle.l10n.de.json', ['Removed']], ['l10n/fragments/a.de.json', ['Old text']]]);
    assert.strictEqual(r.conflicts.length, 1);
    assert.deepStrictEqual(r.problems, []);
  });

  test('l10n/bundle.l10n.de.json has exactly the keys of bundle.l10n.json, each translated', () => {
    const en = readJson(path.join(ROOT, 'l10n', 'bundle.l10n.json')) ?? {};
    const de = readJson(path.join(ROOT, 'l10n', 'bundle.l10n.de.json'));
    if (!Object.keys(en).length && !de) return; // nothing to translate yet
    assert.ok(de, 'l10n/bundle.l10n.de.json is missing: run `npm run l10n:de` to merge l10n/fragments/*.de.json');
    const problems = compareTranslations(en, de);
    assert.ok(problems.length === 0, `l10n/bundle.l10n.de.json:\n  ${problems.join('\n  ')}`);
  });

  test('package.nls.de.json has exactly the keys of package.nls.json, each translated', () => {
    const en = readJson(path.join(ROOT, 'package.nls.json')) ?? {};
    const de = readJson(path.join(ROOT, 'package.nls.de.json'));
    if (!Object.keys(en).length && !de) return;
    assert.ok(de, 'package.nls.de.json is missing');
    const problems = compareTranslations(en, de);
    assert.ok(problems.length === 0, `package.nls.de.json:\n  ${problems.join('\n  ')}`);
  });

  test('a manifest uses the keys of its whole-value %key% strings', () => {
    const keys = manifestKeys({ contributes: { views: { attio: [{ name: '%view.objects%' }] }, commands: [{ title: '%command.signIn%', category: 'Attio' }] }, description: '100% local, %not a key%' });
    assert.deepStrictEqual([...keys], ['view.objects', 'command.signIn']);
  });

  test('every %key% of package.json is in package.nls.json, and every key there is used', () => {
    const manifest = fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8');
    const used = manifestKeys(JSON.parse(manifest));
    const nls = readJson(path.join(ROOT, 'package.nls.json')) ?? {};
    const undefinedKeys = [...used].filter(k => !(k in nls));
    const unused = Object.keys(nls).filter(k => !used.has(k));
    assert.deepStrictEqual({ undefinedKeys, unused }, { undefinedKeys: [], unused: [] }, 'package.json and package.nls.json disagree');
  });
});
