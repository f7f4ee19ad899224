/**
 * The manifest speaks the user's language: every string a person reads in package.json is a `%key%` of
 * package.nls.json, and package.nls.de.json translates every key while keeping what must not change (command links,
 * URLs, setting names, code, codicons, placeholders).
 */
import * as assert from 'assert';
import { placeholders, rawManifest, readJson } from './read';

const english = readJson<Record<string, string>>('package.nls.json');
const german = readJson<Record<string, string>>('package.nls.de.json');
const pkg = rawManifest();

/** Every user-visible string of the manifest, by where it is. */
function visibleStrings(): { at: string; value: unknown }[] {
  const c = pkg.contributes;
  const out: { at: string; value: unknown }[] = [
    { at: 'displayName', value: pkg.displayName },
    { at: 'description', value: pkg.description },
    { at: 'capabilities.untrustedWorkspaces.description', value: pkg.capabilities.untrustedWorkspaces.description },
  ];
  for (const v of c.viewsContainers.activitybar) out.push({ at: `viewsContainer ${v.id}`, value: v.title });
  for (const v of c.views.attio) out.push({ at: `view ${v.id}`, value: v.name });
  c.viewsWelcome.forEach((w: { view: string; contents: string }, i: number) => out.push({ at: `viewsWelcome[${i}] ${w.view}`, value: w.contents }));
  for (const cmd of c.commands) out.push({ at: `${cmd.command} title`, value: cmd.title }, { at: `${cmd.command} category`, value: cmd.category });
  out.push({ at: 'configuration.title', value: c.configuration.title });
  for (const [k, p] of Object.entries<Record<string, unknown>>(c.configuration.properties)) {
    for (const f of ['description', 'markdownDescription']) if (f in p) out.push({ at: `${k} ${f}`, value: p[f] });
    for (const [i, d] of ((p.enumDescriptions as unknown[]) ?? []).entries()) out.push({ at: `${k} enumDescriptions[${i}]`, value: d });
  }
  for (const t of c.languageModelTools) out.push({ at: `${t.name} displayName`, value: t.displayName }, { at: `${t.name} userDescription`, value: t.userDescription });
  for (const m of c.mcpServerDefinitionProviders) out.push({ at: `${m.id} label`, value: m.label });
  for (const w of c.walkthroughs) {
    out.push({ at: `walkthrough ${w.id} title`, value: w.title }, { at: `walkthrough ${w.id} description`, value: w.description });
    for (const s of w.steps) {
      out.push({ at: `step ${s.id} title`, value: s.title }, { at: `step ${s.id} description`, value: s.description }, { at: `step ${s.id} altText`, value: s.media.altText });
    }
  }
  return out;
}

/** What a translation must keep as it is: command links and URLs, `code`, codicons, {placeholders}, setting ids. */
function invariants(text: string): string[] {
  const found = [
    ...text.matchAll(/\]\(([^)]+)\)/g), // link targets (command:…, https:…)
    ...text.matchAll(/`[^`]+`/g),
    ...text.matchAll(/\$\([\w-]+\)/g),
    ...text.matchAll(/\{\w+\}/g),
    ...text.matchAll(/\battio\.[\w.]+\w/g),
    ...text.matchAll(/#attio\w+/g),
  ].map(m => m[1] ?? m[0]);
  return found.sort();
}

suite('Manifest l10n: package.nls.json and package.nls.de.json', () => {
  test('every string a person reads in package.json is a %key% of package.nls.json', () => {
    const literal = visibleStrings().filter(s => typeof s.value !== 'string' || !/^%[^%\s]+%$/.test(s.value));
    assert.deepStrictEqual(literal.map(s => `${s.at}: ${String(s.value)}`), []);
  });

  test('every %key% has an English string, and every English string is used', () => {
    const used = placeholders(pkg).map(p => p.key);
    assert.deepStrictEqual(used.filter(k => !(k in english)), [], 'keys without an English string');
    assert.deepStrictEqual(Object.keys(english).filter(k => !used.includes(k)), [], 'English strings no manifest field uses');
  });

  test('modelDescription and the input schemas stay English in package.json (the model reads them, not a person)', () => {
    for (const t of pkg.contributes.languageModelTools) {
      assert.doesNotMatch(t.modelDescription, /^%.*%$/, t.name);
      assert.match(t.modelDescription, /^[A-Z][a-z]+s /, `${t.name}: plain English`);
    }
  });

  test('German translates every key (no key missing, none extra, none empty)', () => {
    assert.deepStrictEqual(Object.keys(english).filter(k => !german[k]?.trim()), [], 'keys without German');
    assert.deepStrictEqual(Object.keys(german).filter(k => !(k in english)), [], 'German keys English does not have');
  });

  test('German is a translation, not a copy: sentences differ from English', () => {
    const sentences = Object.keys(english).filter(k => english[k].split(' ').length >= 4);
    assert.ok(sentences.length > 40, `${sentences.length} sentences`);
    assert.deepStrictEqual(sentences.filter(k => german[k] === english[k]), []);
    // the glossary's terms, where the English says them
    const expect = (key: string, re: RegExp) => assert.match(german[key], re, key);
    expect('command.signIn.title', /^Anmelden$/);
    expect('command.verifyConnection.title', /^Verbindung prüfen$/);
    expect('command.showScopeErrors.title', /^Berechtigungsfehler anzeigen$/);
    expect('command.openInAttio.title', /^In Attio öffnen$/);
    expect('walkthrough.gettingStarted.title', /^Erste Schritte mit Attio Explorer$/);
    expect('view.objects.name', /^Objekte$/);
  });

  test('German keeps command links, URLs, code, codicons, placeholders and setting names exactly', () => {
    const changed = Object.keys(english).filter(k => german[k] && JSON.stringify(invariants(english[k])) !== JSON.stringify(invariants(german[k])));
    assert.deepStrictEqual(changed.map(k => `${k}: ${invariants(english[k]).join(' ')} ≠ ${invariants(german[k]).join(' ')}`), []);
  });

  test('German welcome contents keep their buttons: each command link on its own line, as in English', () => {
    for (const key of Object.keys(english).filter(k => k.startsWith('viewsWelcome.') || k.startsWith('walkthrough.'))) {
      const buttons = (s: string) => s.split('\n').filter(l => /^\[[^\]]+\]\(command:[^)]+\)$/.test(l)).map(l => l.replace(/^\[[^\]]+\]/, ''));
      assert.deepStrictEqual(buttons(german[key]), buttons(english[key]), key);
    }
  });
});
