/**
 * The bundles esbuild.js makes: surfaces loaded on first use are bundles of their own, so they must hold no state
 * the main bundle owns (a second cache, client, limiter or connection would silently split the extension in two),
 * and activation must not load them. The same bundles run in a browser's web worker (package.json `browser` is
 * dist/extension.js too), so they require nothing but 'vscode' and the lazy bundles, and read each lazy bundle by the
 * name it is built as.
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
  const MAIN = path.join('dist', 'extension.js');

  suiteSetup(async () => {
    const esbuild = require(require.resolve('esbuild', { paths: [ROOT] })) as typeof import('esbuild');
    const { buildOptions } = require(path.join(ROOT, 'esbuild.js')) as { buildOptions(o: { minify: boolean }): import('esbuild').BuildOptions };
    const result = await esbuild.build({ ...buildOptions({ minify: false }), absWorkingDir: ROOT, write: false, sourcemap: false });
    outputs = (result.outputFiles ?? []).map(f => ({ path: path.relative(ROOT, f.path), text: f.text }));
  });

  test('every *.lazy.ts and the schemas are bundles of their own, required at run time (by the main bundle or another lazy one), never at load', () => {
    lazyBundlesAreRequiredAtRunTime(outputs, MAIN);
  });
  test('a lazy bundle defines none of the classes whose one instance the main bundle owns', () => {
    noOwnedClassesOutsideMain(outputs, MAIN);
  });

  test('the bundles require nothing but vscode and each other, touch Node only in the platform seam, and name each lazy bundle as it is built', () => {
    const lazyNames = outputs.filter(o => o.path !== MAIN).map(o => path.basename(o.path, '.js'));
    const named = new Set<string>();
    for (const o of outputs) {
      for (const m of o.text.matchAll(/\brequire\("([^"]+)"\)/g)) assert.ok(m[1] === 'vscode' || lazyNames.includes(m[1].replace(/^\.\/(.*)\.js$/, '$1')), `${o.path} requires "${m[1]}"`);
      assert.ok(!/\bBuffer\.|\brequire\("(node:)?(fs|path|os|crypto|http|https|child_process|url|util)"\)/.test(o.text), `${o.path} uses a Node built-in`);
      // Node's process.env and __dirname only in the platform seam's Node half, which runs where __dirname exists (the
      // fetch snippet of the developer's view writes `process.env.${ENV_API_KEY}` as text; that is no use of it)
      const nodeUses = [...o.text.matchAll(/\bprocess\.env\b(?!\.\$\{)|\b__dirname\b/g)].map(m => m[0]);
      const seam = /typeof __dirname === "string" \? /.test(o.text) ? ['process.env', '__dirname'] : [];
      assert.deepStrictEqual(nodeUses.sort(), seam.sort(), `${o.path}: process.env / __dirname outside the platform seam`);
      for (const m of o.text.matchAll(/lazyModule\d*\("([^"]+)", \(\) => require\("\.\/([^"]+)\.js"\)\)/g)) {
        assert.strictEqual(m[1], m[2], `${o.path}: lazyModule("${m[1]}") must name the bundle it requires (${m[2]})`);
        named.add(m[1]);
      }
    }
    assert.deepStrictEqual([...named].sort(), [...lazyNames].sort(), 'every lazy bundle is loaded through lazyModule(name, ...)');
    const main = outputs.find(o => o.path === MAIN)!.text;
    assert.ok(/HOST_KIND\d* = "web"/.test(main) && /HOST_KIND\d* = "node"/.test(main), 'the main bundle holds both halves of the platform seam');
  });
});

function lazyBundlesAreRequiredAtRunTime(outputs: Output[], mainPath: string): void {
  const main = outputs.find(o => o.path === mainPath);
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
}

function noOwnedClassesOutsideMain(outputs: Output[], mainPath: string): void {
  for (const o of outputs.filter(x => x.path !== mainPath)) {
    const defined = OWNED_BY_MAIN.filter(c => new RegExp(`\\b(class ${c}\\b|${c} = class\\b)`).test(o.text));
    assert.deepStrictEqual(defined, [], `${o.path} defines ${defined.join(', ')}: pass the instance in instead of importing its module`);
  }
}
