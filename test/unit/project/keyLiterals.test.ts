import * as assert from 'assert';
import { envReplacement, findKeyLiterals, looksLikeSecret } from '../../../src/project/keyLiterals';
import { leastCpuMs } from '../cpuTime';

// the local server's demo tokens come in several shapes on purpose: a key is found by where it is written
const HEX = '3f9a1c0b7d2e4f6a8b9c0d1e2f3a4b5c6d7e8f9a0b1c2d3e4f5a6b7c8d9e0f1a';
const BASE64URL = 'Zm9vYmFyLWJhei1xdXV4LTEyMzQ1Njc4OTAtYWJjZA';
const PREFIXED = 'nw_a8Fj3kLm9PqR2sTv5WxY7zB1cD4eG6hJ0nQ';

const found = (text: string): string[] => findKeyLiterals(text).map(l => `${l.kind}:${text.slice(l.valueStart, l.valueEnd)}`);

suite('project/keyLiterals', () => {
  test('a key assigned to a name that says it is an Attio key is found, whatever its shape', () => {
    assert.deepStrictEqual(found(`const ATTIO_API_KEY = "${HEX}";`), [`assignment:${HEX}`]);
    assert.deepStrictEqual(found(`const config = { attioToken: '${BASE64URL}' };`), [`assignment:${BASE64URL}`]);
    assert.deepStrictEqual(found(`{"attio_api_key": "${PREFIXED}"}`), [`assignment:${PREFIXED}`]);
    assert.deepStrictEqual(found(`ATTIO_SECRET := \`${HEX}\``), [`assignment:${HEX}`]);
  });

  test('a Bearer string counts in a file that talks to Attio, not elsewhere', () => {
    const attio = `fetch('https://api.attio.com/v2/self', { headers: { Authorization: 'Bearer ${HEX}' } })`;
    assert.deepStrictEqual(found(attio), [`bearer:${HEX}`]);
    assert.deepStrictEqual(found(attio.replace('api.attio.com', 'api.example.org')), []);
  });

  test('placeholders, words, environment reads and comparisons are no keys', () => {
    for (const text of [
      'const ATTIO_API_KEY = "your-attio-api-key-here-123";',
      'const ATTIO_API_KEY = "xxxxxxxxxxxxxxxxxxxxxxxx1";',
      'const ATTIO_API_KEY = process.env.ATTIO_API_KEY;',
      `if (ATTIO_API_KEY === "${HEX}") {}`,
      'const ATTIO_API_KEY = "short1";',
      `const ATTIO_API_KEY = "${'a'.repeat(40)}";`,
      `const ATTIO_API_KEY = \`\${process.env.X}${HEX}\`;`,
      `const OTHER_KEY = "${HEX}";`,
      `// attio: Authorization: Bearer \${token}`,
    ]) {
      assert.deepStrictEqual(found(text), [], text);
    }
    assert.ok(looksLikeSecret(HEX) && looksLikeSecret(BASE64URL) && looksLikeSecret(PREFIXED));
  });

  test('the replacement reads the key from process.env, keeping the rest of a Bearer string', () => {
    const replaced = (text: string): string => {
      const [l] = findKeyLiterals(text);
      return text.slice(0, l.start) + envReplacement(text, l, 'ATTIO_API_KEY') + text.slice(l.end);
    };
    assert.strictEqual(replaced(`const ATTIO_API_KEY = '${HEX}';`), 'const ATTIO_API_KEY = process.env.ATTIO_API_KEY;');
    assert.strictEqual(replaced(`// attio\nh = { Authorization: "Bearer ${HEX}" };`), '// attio\nh = { Authorization: `Bearer ${process.env.ATTIO_API_KEY}` };');
    assert.strictEqual(replaced(`// attio\nh = \`Bearer ${HEX}\`;`), '// attio\nh = `Bearer ${process.env.ATTIO_API_KEY}`;');
    assert.strictEqual(replaced(`// attio\ncurl = '-H "Authorization: Bearer ${HEX}'`), '// attio\ncurl = `-H "Authorization: Bearer ${process.env.ATTIO_API_KEY}`');
  });

  test('hostile input is scanned in linear time', () => {
    const cases: Record<string, string> = {
      'attio key names without values': 'ATTIO_API_KEY '.repeat(100_000),
      'unclosed key strings': `ATTIO_API_KEY="${HEX} `.repeat(20_000),
      'one endless value': `ATTIO_API_KEY="${'a1'.repeat(1_000_000)}`,
      'Bearer after Bearer': `attio ${'"Bearer '.repeat(200_000)}`,
      'an endless Bearer token': `attio "Bearer ${'a1'.repeat(1_000_000)}`,
      'a long line of spaces before a quote': `ATTIO_API_KEY${' '.repeat(1_000_000)}="${HEX}"`,
      'an endless identifier': `${'attio_key'.repeat(200_000)}`,
    };
    for (const [name, text] of Object.entries(cases)) {
      const ms = leastCpuMs(() => findKeyLiterals(text));
      assert.ok(ms <= 500, `${name}: ${ms.toFixed(1)} ms`);
    }
  });
});
