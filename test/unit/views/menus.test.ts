/**
 * Tree items' `contextValue`s and the manifest's `view/item/context` menus must agree: a tag no menu matches is
 * a button that never shows; a menu clause no item carries is a dead menu entry.
 */
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { ItemTags } from '../../../src/constants';

const ROOT = path.resolve(__dirname, '..', '..', '..', '..');
const manifest = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as {
  contributes: { menus: Record<string, { command: string; when?: string }[]> };
};

/** Tags (`(^|:)tag(:|$)`) and kinds (`^kind:`) the item menus match. */
function menuClauses(): { tags: Set<string>; kinds: Set<string> } {
  const tags = new Set<string>();
  const kinds = new Set<string>();
  for (const m of manifest.contributes.menus['view/item/context'] ?? []) {
    for (const [, tag] of (m.when ?? '').matchAll(/viewItem =~ \/\(\^\|:\)(\w+)\(:\|\$\)\//g)) tags.add(tag);
    for (const [, kind] of (m.when ?? '').matchAll(/viewItem =~ \/\^(\w+):\//g)) kinds.add(kind);
    for (const [, exact] of (m.when ?? '').matchAll(/viewItem == (\w+)/g)) kinds.add(exact);
  }
  return { tags, kinds };
}

/** Kinds (first segment) of every `contextValue(kind, …)` the nodes build. */
function nodeKinds(): Set<string> {
  const dir = path.join(ROOT, 'src', 'views', 'nodes');
  const kinds = new Set<string>();
  for (const f of fs.readdirSync(dir)) for (const [, k] of fs.readFileSync(path.join(dir, f), 'utf8').matchAll(/contextValue\('(\w+)'/g)) kinds.add(k);
  return kinds;
}

suite('Tree item menus ↔ contextValue tags', () => {
  const { tags, kinds } = menuClauses();

  test('every tag a menu matches is one the items carry (ItemTags)', () => {
    const known = new Set<string>(Object.values(ItemTags));
    assert.deepStrictEqual([...tags].filter(t => !known.has(t)), []);
  });

  test('every ItemTags tag has a menu entry that matches it', () => {
    assert.deepStrictEqual(Object.values(ItemTags).filter(t => !tags.has(t)), []);
  });

  test('every item kind a menu matches is built by some node', () => {
    const built = nodeKinds();
    assert.ok(built.size >= 10, `found the node kinds: ${[...built].join(', ')}`);
    assert.deepStrictEqual([...kinds].filter(k => !built.has(k)), []);
  });
});
