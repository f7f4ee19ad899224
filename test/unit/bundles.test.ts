/**
 * The bundles esbuild.js makes: surfaces loaded on first use are bundles of their own, so they must hold no state
 * the main bundle owns (a second cache, client, limiter or connection would silently split the extension in two),
 * and activation must not load them. The same holds for the web build (dist/web/), which in addition requires nothing
 * but 'vscode' (the worker host's `require` knows nothing else) and reads each lazy bundle by the name it is built as.
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
  let webOutputs: Output[] = [];

  suiteSetup(async () => {
    const esbuild = require(require.resolve('esbuild', { paths: [ROOT] })) as typeof import('esbuild');
    const { buildOptions } = require(path.join(ROOT, 'esbuild.js')) as { buildOptions(o: { minify: boolean; web?: boolean }): import('esbuild').BuildOptions };
    const build = async (web: boolean): Promise<Output[]> => {
      const result = await esbuild.build({ ...buildOptions({ minify: false, web }), absWorkingDir: ROOT, write: false, sourcemap: false });
      return (result.outputFiles ?? []).map(f => ({ path: path.relative(ROOT, f.path), text: f.text }));
    };
    [outputs, webOutputs] = await Promise.all([build(false), build(true)]);
  });

  for (const [build, dir, all] of [['Node', 'dist', () => outputs], ['web', path.join('dist', 'web'), () => webOutputs]] as const) {
    test(`${build}: every *.lazy.ts and the schemas are bundles of their own, required at run time (by the main bundle or another lazy one), never at load`, () => {
      lazyBundlesAreRequiredAtRunTime(all(), path.join(dir, 'extension.js'));
    });
    test(`${build}: a lazy bundle defines none of the classes whose one instance the main bundle owns`, () => {
      noOwnedClassesOutsideMain(all(), path.join(dir, 'extension.js'));
    });
  }

  test('the web build requires nothing but vscode at load, holds no Node-only code, and names each lazy bundle as it is built', () => {
    const lazyNames = webOutputs.filter(o => !o.path.endsWith(`${path.sep}extension.js`)).map(o => path.basename(o.path, '.js'));
    const named = new Set<string>();
    for (const o of webOutputs) {
      for (const m of o.text.matchAll(/\brequire\("([^"]+)"\)/g)) assert.ok(m[1] === 'vscode' || lazyNames.includes(m[1].replace(/^\.\/(.*)\.js$/, '$1')), `${o.path} requires "${m[1]}"`);
      // (the fetch snippet of the developer's view writes `process.env.${ENV_API_KEY}` as text; that is no use of it)
      assert.ok(!/\bprocess\.env\b(?!\.\$\{)|\bBuffer\.|\b__dirname\b/.test(o.text), `${o.path} uses process.env, Buffer or __dirname`);
      for (const m of o.text.matchAll(/lazyModule\("([^"]+)", \(\) => require\("\.\/([^"]+)\.js"\)\)/g)) {
        assert.strictEqual(m[1], m[2], `${o.path}: lazyModule("${m[1]}") must name the bundle it requires (${m[2]})`);
        named.add(m[1]);
      }
    }
    assert.deepStrictEqual([...named].sort(), [...lazyNames].sort(), 'every lazy bundle is loaded through lazyModule(name, ...)');
    assert.ok(/HOST_KIND = "web"/.test(webOutputs.find(o => o.path === path.join('dist', 'web', 'extension.js'))!.text), 'the web build uses src/platform/web.ts');
    assert.ok(/HOST_KIND = "node"/.test(outputs.find(o => o.path === path.join('dist', 'extension.js'))!.text), 'the Node build uses src/platform/node.ts');
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
