/** TODO comments: which lines offer "Create Attio task", and the text that becomes the task. */
import * as assert from 'assert';
import { todoFinder } from '../../../src/editor/todo';
import { leastCpuMs } from '../cpuTime';

suite('Editor: TODO comments', () => {
  const find = todoFinder(['TODO', 'FIXME']);
  // [line, the task's text or undefined for no quick fix]
  const table: [string, string | undefined][] = [
    ['// TODO: call Ada about the renewal', 'call Ada about the renewal'],
    ['    // TODO call Ada', 'call Ada'],
    ['foo(); // FIXME - flaky on CI', 'flaky on CI'],
    ['# TODO(grace): migrate the importer', 'migrate the importer'],
    ['x = 1  # TODO: check the units', 'check the units'],
    ['/* TODO: remove after launch */', 'remove after launch'],
    [' * TODO: document the retry policy', 'document the retry policy'],
    ['-- TODO: index this column', 'index this column'],
    ['<!-- TODO: add a screenshot -->', 'add a screenshot'],
    ['; TODO: tune the buffer', 'tune the buffer'],
    ['% TODO: cite the paper', 'cite the paper'],
    ["' TODO: handle errors", 'handle errors'],
    ['//TODO:no space', 'no space'],
    ['/// TODO: doc comment', 'doc comment'],
    ['// TODO — em dash separator', 'em dash separator'],
    ['// TODO', undefined],
    ['// TODO:   ', undefined],
    ['// todo: lower case is not a trigger', undefined],
    ['// TODOS are not a trigger', undefined],
    ['// TODO-list is not a trigger', undefined],
    ['const TODO = "x"; // nothing to do', undefined],
    ['a * TODO: multiplication, not a comment', undefined],
    ['see https://example.com//TODO: not a comment', undefined],
    ['plain text TODO: not in a comment', undefined],
  ];
  for (const [line, text] of table) {
    test(`${JSON.stringify(line)} → ${text === undefined ? 'none' : JSON.stringify(text)}`, () => {
      const t = find(line);
      assert.strictEqual(t?.text, text);
      if (t) {
        assert.strictEqual(line.slice(t.start, t.start + t.trigger.length), t.trigger, 'start is the trigger');
        assert.ok(line.slice(t.start, t.end).endsWith(t.text), 'end is the end of the text');
      }
    });
  }

  test('custom triggers, with regex characters and longest first; blank ones ignored', () => {
    const f = todoFinder(['HACK', 'C++', 'TODO', 'TODO!', ' ']);
    assert.strictEqual(f('// HACK: works around a bug')?.text, 'works around a bug');
    assert.strictEqual(f('// C++ port pending')?.text, 'port pending');
    assert.strictEqual(f('// TODO! urgent')?.trigger, 'TODO!');
    assert.strictEqual(f('// FIXME: not configured')?.text, undefined);
    assert.strictEqual(todoFinder([])('// TODO: x'), undefined);
  });

  test('no line takes more than 5 ms to check, however it is built (the old pattern took 5 s on blanks)', () => {
    const blanks = (n: number, unit = ' ') => unit.repeat(n);
    const lines: [string, string][] = [
      ['a TODO, 1,990 spaces and one more word (the reported line)', `// TODO x${blanks(1990)}y`],
      ['spaces and tabs', `// TODO x${blanks(995, ' \t')}y`],
      ['closing markers between blanks', `// TODO x${blanks(600, ' */')}y`],
      ['HTML closers between blanks', `<!-- TODO x${blanks(490, ' -->')}y`],
      ['a line of semicolons (each one a marker start)', ';'.repeat(2000)],
      ['semicolons before a TODO far away', `${';'.repeat(1990)} TODO x`],
      ['slashes', '//'.repeat(1000)],
      ['triggers without markers', 'TODO '.repeat(400)],
      ['markers and triggers alternating', '// TODO'.repeat(285)],
      ['an owner that never closes', `// TODO(${'x'.repeat(1990)}`],
      ['blanks to the cut, a trigger just before it', `${blanks(1990)}# TODO`],
      ['the reported line past the cut', `// TODO x${blanks(10_000)}y`],
      ['100,000 characters', `// TODO x${blanks(100_000, ' \t')}y`],
    ];
    for (const [name, line] of lines) {
      const ms = leastCpuMs(() => find(line), 5);
      assert.ok(ms <= 5, `${name}: ${ms.toFixed(2)} ms`);
    }
    assert.strictEqual(find(`// TODO x${blanks(1990)}y`)?.text, `x${blanks(1990)}y`, 'the text is still found, inner blanks kept');
    assert.strictEqual(find(`${blanks(1990)}# TODO x`)?.text, 'x');
  });

  test('a very long line is looked at in its first 2,000 characters only', () => {
    const t0 = process.hrtime.bigint();
    assert.strictEqual(find(`${'x'.repeat(100_000)} // TODO: far away`), undefined);
    assert.ok(Number(process.hrtime.bigint() - t0) / 1e6 < 50);
  });
});
