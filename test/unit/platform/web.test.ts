/**
 * The web build's platform seam (src/platform/web.ts), run here under Node with a stand-in for the workbench's file
 * service: a lazy bundle is read once, evaluated as CommonJS with a `require` that reaches the host's modules, and
 * before it is loaded calling it fails with a message that names it.
 */
import * as assert from 'assert';
import * as node from '../../../src/platform/node';
import * as web from '../../../src/platform/web';

/** Both builds export the same seam (a compile error here when they drift apart). */
const sameShape: Record<keyof typeof node, unknown> = web;

suite('Platform seam: the web build', () => {
  const reads: string[] = [];
  const files = new Map<string, string>([
    ['dist/answer.lazy.js', 'const os = require("os"); exports.answer = 42; exports.eol = os.EOL;'],
    ['dist/exported.lazy.js', 'module.exports = function hello(n) { return `hello ${n}`; };'],
  ]);
  let failNext = false;
  web.setExtensionFiles(async p => {
    reads.push(p);
    if (failNext) {
      failNext = false;
      throw new Error('network down');
    }
    const text = files.get(p);
    if (text === undefined) throw new Error(`no file ${p}`);
    return new TextEncoder().encode(text);
  });

  test('both builds export the same names, and say which host they are for', () => {
    assert.deepStrictEqual(Object.keys(sameShape).sort(), Object.keys(node).sort());
    assert.strictEqual(web.HOST_KIND, 'web');
    assert.strictEqual(node.HOST_KIND, 'node');
    assert.deepStrictEqual(web.hostEnvironment(), {}, 'a worker has no environment variables (no ATTIO_API_KEY)');
  });

  test('a lazy module is unusable before load(), then read once and evaluated with the host require', async () => {
    const m = web.lazy<{ answer: number; eol: string }>(() => assert.fail('the web build never requires') || require('./answer.lazy.js'));
    assert.strictEqual(m.ready, false);
    assert.throws(() => m(), /dist\/answer\.lazy\.js was used before it was loaded/);
    const [a, b] = await Promise.all([m.load(), m.load()]);
    assert.strictEqual(a, b);
    assert.strictEqual(a.answer, 42);
    assert.strictEqual(a.eol, require('os').EOL, "the bundle's require is the host's");
    assert.strictEqual(m.ready, true);
    assert.strictEqual(m().answer, 42);
    // another copy of the seam (a lazy bundle carries its own) sees the same module
    assert.strictEqual(web.lazy<{ answer: number }>(() => require('./answer.lazy.js'))(), a);
    assert.deepStrictEqual(reads.filter(r => r.includes('answer')), ['dist/answer.lazy.js']);
  });

  test('module.exports replaced by the bundle is what load() gives; a failed read is tried again', async () => {
    const m = web.lazy<(n: string) => string>(() => require('./exported.lazy.js'));
    failNext = true;
    await assert.rejects(m.load(), /network down/);
    assert.strictEqual(m.ready, false);
    assert.strictEqual((await m.load())('web'), 'hello web');
  });

  test('on Node a lazy module is the require, loaded on the first call', async () => {
    let required = 0;
    const m = node.lazy<{ x: number }>(() => ({ x: ++required }));
    assert.strictEqual(m.ready, true);
    assert.strictEqual(required, 0, 'nothing is required before first use');
    assert.strictEqual(m().x, 1);
    assert.strictEqual((await m.load()).x, 1);
    assert.strictEqual(required, 1);
  });
});
