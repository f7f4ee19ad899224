import * as assert from 'assert';
import { csvField, toCsv, toMarkdownTable } from '../../../src/data/export';

suite('data/export: CSV and Markdown tables', () => {
  test('CSV quotes what needs quoting and doubles quotes; CRLF line ends, header first', () => {
    const csv = toCsv({ columns: ['Name', 'Note'], rows: [['Ada "the first" Lovelace', 'line one\nline two'], ['Smith, John', 'plain']] });
    assert.strictEqual(csv, 'Name,Note\r\n"Ada ""the first"" Lovelace","line one\nline two"\r\n"Smith, John",plain\r\n');
  });

  test('CSV neutralises formulas (leading = + - @ tab CR) but leaves plain numbers alone', () => {
    assert.strictEqual(csvField('=HYPERLINK("http://x","y")'), `"'=HYPERLINK(""http://x"",""y"")"`);
    assert.strictEqual(csvField('+1+cmd|calc'), "'+1+cmd|calc");
    assert.strictEqual(csvField('-2+3'), "'-2+3");
    assert.strictEqual(csvField('@SUM(A1)'), "'@SUM(A1)");
    assert.strictEqual(csvField('\tx'), "'\tx");
    assert.strictEqual(csvField('\r=1'), `"'\r=1"`);
    assert.strictEqual(csvField('-12.5'), '-12.5');
    assert.strictEqual(csvField('+42'), '+42');
    assert.strictEqual(csvField('a=b'), 'a=b');
    assert.strictEqual(csvField(''), '');
  });

  test('a Markdown table keeps every cell one line of inert text (pipes, links, HTML escaped)', () => {
    const md = toMarkdownTable({ columns: ['Name', 'Stage'], rows: [['A | B', '[x](command:evil)'], ['<img src=x>', 'two\nlines']] });
    const lines = md.trimEnd().split('\n');
    assert.strictEqual(lines.length, 4);
    assert.strictEqual(lines[0], '| Name | Stage |');
    assert.strictEqual(lines[1], '| --- | --- |');
    assert.strictEqual(lines[2], '| A \\| B | \\[x\\](command\\:evil) |');
    assert.strictEqual(lines[3], '| \\<img src=x\\> | two lines |');
    for (const l of lines) assert.strictEqual(l.replace(/\\\|/g, '').split('|').length, 4, `three pipes in ${l}`);
  });
});
