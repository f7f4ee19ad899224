/**
 * The bundles esbuild.js makes: surfaces loaded on first use are bundles of their own, so they must hold no state
 * the main bundle owns (a second cache, client, limiter or connection would silently split the extension in two),
 * and activation must not load them.
 */
import * as assert from 'assert';
import * as path from 'path';

const ROOT = path.resolve(__dirname, '..', '..', '..');

interface Output {
  text: string;
  path: string;
}

/** Classes whose one instance is the extension's (state), and the errors recognised by class identity. */
const OWNED_BY_MAIN = ['WorkspaceData', 'DataContext', 'LoadCache', 'AttioClient', 'Transport', 'RateLimiter', 'Connection', 'Configuration', 'ErrorReporter', 'ClientFactory', 'TokenStore', 'AttioAuthProvider', 'SidebarViews', 'DetailDocuments'];

suite('Bundles: the main bundle and the modules loaded on first use', function () {
  this.timeout(60_000);
  let outputs: Output[] = [];

  suiteSetup(async () => {
    const esbuild = require(require.resolve('esbuild', { paths: [ROOT] })) as typeof import('esbuild');
    const { buildOptions } = require(path.join(ROOT, 'esbuild.js')) as { buildOptions(o: { minify: boolean }): import('esbuild').BuildOptions };
    const result = await esbuild.build({ ...buildOptions({ minify: false }), absWorkingDir: ROOT, write: false, sourcemap: false });
    outputs = (result.outputFiles ?? []).map(f => ({ path: path.relative(ROOT, f.path), text: f.text }));
  });

  test('every *.lazy.ts and the schemas are bundles of their own, required at run time (by the main bundle or another lazy one), never at load', () => {
    const main = outputs.find(o => o.path === path.join('dist', 'extension.js'));
    assert.ok(main, `outputs: ${outputs.map(o => o.path).join(', ')}`);
    const lazy = outputs.filter(o => o !== main);
    assert.ok(lazy.some(o => o.path.endsWith('schemas.js')) && lazy.some(o => o.path.endsWith('.lazy.js')), 'schemas and at least one surface are lazy');
    for (const o of lazy) {
      const name = path.basename(o.path);
      const requirers = outputs.filter(x => x !== o && x.text.includes(`require("./${name}")`));
      assert.ok(requirers.length > 0, `${name} is required by name at run time`);
      for (const r of requirers) {
        assert.ok(!new RegExp(`^\\s*(var|const|let) \\w+ = require\\("\\./${name.replace(/\./g, '\\.')}"\\);`, 'm').test(r.text), `${r.path} does not require ${name} when it loads`);
      }
    }
  });

  test('a lazy bundle defines none of the classes whose one instance the main bundle owns', () => {
    for (const o of outputs.filter(x => x.path !== path.join('dist', 'extension.js'))) {
      const defined = OWNED_BY_MAIN.filter(c => new RegExp(`\\b(class ${c}\\b|${c} = class\\b)`).test(o.text));
      assert.deepStrictEqual(defined, [], `${o.path} defines ${defined.join(', ')}: pass the instance in instead of importing its module`);
    }
  });
});
