/** What Insert Record Link writes and the default title of a note from a selection. */
import * as assert from 'assert';
import { recordLinkText, selectionTitle } from '../../../src/editor/format';

const URL = 'https://app.attio.com/northwind-labs/person/bf071e1f-6035-429d-b874-d83ea64ea13b';

suite('Editor: inserted links and note titles', () => {
  test('auto: Markdown link in Markdown documents, the plain URL elsewhere', () => {
    assert.strictEqual(recordLinkText('Ada Lovelace', URL, 'markdown', 'auto'), `[Ada Lovelace](${URL})`);
    assert.strictEqual(recordLinkText('Ada Lovelace', URL, 'typescript', 'auto'), URL);
    assert.strictEqual(recordLinkText('Ada Lovelace', URL, 'plaintext', 'markdown'), `[Ada Lovelace](${URL})`);
    assert.strictEqual(recordLinkText('Ada Lovelace', URL, 'markdown', 'url'), URL);
  });

  test('a title with Markdown in it cannot break out of the link text', () => {
    assert.strictEqual(recordLinkText('a] (x) [b *c*\nd', URL, 'markdown', 'auto'), `[a\\] (x) \\[b \\*c\\* d](${URL})`);
    assert.strictEqual(recordLinkText('  ', URL, 'markdown', 'auto'), `[Attio record](${URL})`);
  });

  test('note titles name the file and the lines', () => {
    assert.strictEqual(selectionTitle('README.md', 0, 0), 'README.md:1');
    assert.strictEqual(selectionTitle('main.ts', 11, 17), 'main.ts:12-18');
  });
});
