import * as assert from 'assert';
import { dotenvValue, isEnvFile, isEnvTemplate, parseDotenv } from '../../../src/project/dotenv';
import { leastCpuMs } from '../cpuTime';

const values = (text: string): Record<string, string> => Object.fromEntries(parseDotenv(text).map(e => [e.key, e.value]));

suite('project/dotenv', () => {
  test('reads KEY=value lines as dotenv does: export prefix, comments, quotes, colon form', () => {
    const text = [
      '# a comment',
      'PLAIN=abc',
      'export EXPORTED=def',
      '  SPACED = ghi  ',
      'INLINE=jkl # a comment after a space',
      'HASH=mno#not-a-comment',
      'SINGLE=\'p q # r\'',
      'DOUBLE="s\\nt"',
      'BACK=`u v`',
      'COLON: w',
      'EMPTY=',
      '#COMMENTED=x',
      'not a line',
    ].join('\n');
    assert.deepStrictEqual(values(text), {
      PLAIN: 'abc',
      EXPORTED: 'def',
      SPACED: 'ghi',
      INLINE: 'jkl',
      HASH: 'mno#not-a-comment',
      SINGLE: 'p q # r',
      DOUBLE: 's\nt',
      BACK: 'u v',
      COLON: 'w',
      EMPTY: '',
    });
  });

  test('a double-quoted value spans lines; the lines after it are still read with their numbers', () => {
    const entries = parseDotenv('A="one\ntwo"\r\nB=three\r\n');
    assert.deepStrictEqual(entries.map(e => [e.key, e.value, e.line]), [['A', 'one\ntwo', 0], ['B', 'three', 2]]);
  });

  test('offsets point at the key and at the value as written (quotes included)', () => {
    const text = 'X=1\nexport ATTIO_API_KEY="abc"\n';
    const e = dotenvValue(parseDotenv(text), 'ATTIO_API_KEY')!;
    assert.strictEqual(text.slice(e.keyStart, e.keyStart + 13), 'ATTIO_API_KEY');
    assert.strictEqual(text.slice(e.valueStart, e.valueEnd), '"abc"');
    assert.strictEqual(e.line, 1);
  });

  test('the last assignment of a key wins; an unclosed quote reads the rest of its line', () => {
    assert.strictEqual(dotenvValue(parseDotenv('K=1\nK=2\n'), 'K')?.value, '2');
    assert.deepStrictEqual(values("K='abc\nL=d"), { K: "'abc", L: 'd' });
  });

  test('which files hold secrets and which are templates', () => {
    for (const f of ['.env', '.env.local', '.env.production.local']) assert.ok(isEnvFile(f), f);
    for (const f of ['.env.example', '.env.sample', '.env.template', 'env', '.envrc.txt/']) assert.ok(!isEnvFile(f), f);
    assert.ok(isEnvTemplate('.env.example'));
  });

  test('hostile input is read in linear time (unclosed quotes, endless keys, long comments)', () => {
    const cases: Record<string, string> = {
      'unclosed double quotes on every line': 'A="x\n'.repeat(100_000),
      'one endless key': 'K'.repeat(1_000_000),
      'a long comment': `# ${'x'.repeat(1_000_000)}`,
      'escapes without an end': `A="${'\\'.repeat(1_000_000)}`,
      'many exports': 'export '.repeat(100_000),
    };
    for (const [name, text] of Object.entries(cases)) {
      const ms = leastCpuMs(() => parseDotenv(text));
      assert.ok(ms <= 500, `${name}: ${ms.toFixed(1)} ms`);
    }
  });
});
