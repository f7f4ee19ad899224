/**
 * The bundles esbuild.js makes: the lazy parts (esbuild.js `LAZY_PARTS`) are bundles of their own, so they must hold
 * no state the main bundle owns (a second cache, client, limiter or connection would silently split the extension in
 * two), and activation must not load them. The same bundles run in a browser's web worker (package.json `browser` is
 * dist/extension.js too), so they require nothing but 'vscode' and the lazy bundles, and every `lazy(() => require(…))`
 * names its part's bundle in its text (the web reads that name). A part's module object carries what each of its
 * files exports, so no two of them may export the same name.
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
  const esbuild = require(require.resolve('esbuild', { paths: [ROOT] })) as typeof import('esbuild');
  const { buildOptions, LAZY_PARTS } = require(path.join(ROOT, 'esbuild.js')) as {
    buildOptions(o: { minify: boolean }): import('esbuild').BuildOptions;
    LAZY_PARTS: Record<string, string[]>;
  };

  suiteSetup(async () => {
    const result = await esbuild.build({ ...buildOptions({ minify: false }), absWorkingDir: ROOT, write: false, sourcemap: false });
    outputs = (result.outputFiles ?? []).map(f => ({ path: path.relative(ROOT, f.path), text: f.text }));
  });

  test('every lazy part (the schemas and the surfaces) is a bundle of its own, required at run time (by the main bundle or another lazy one), never at load', () => {
    assert.deepStrictEqual(outputs.filter(o => o.path !== MAIN).map(o => path.basename(o.path, '.js')).sort(), Object.keys(LAZY_PARTS).sort());
    lazyBundlesAreRequiredAtRunTime(outputs, MAIN);
  });

  test("the files of a lazy part export no name twice (the part's module would silently lose it)", async () => {
    const files = Object.values(LAZY_PARTS).flat();
    // each file on its own, as ES modules: esbuild lists what each exports (types excepted)
    const result = await esbuild.build({ entryPoints: files, bundle: true, format: 'esm', platform: 'browser', external: ['vscode', 'zod', 'zod/*'], absWorkingDir: ROOT, outdir: 'out/parts', write: false, metafile: true, logLevel: 'silent' });
    const exportsOf = new Map(Object.values(result.metafile.outputs).map(o => [o.entryPoint, o.exports] as const));
    for (const [part, partFiles] of Object.entries(LAZY_PARTS)) {
      const seen = new Map<string, string>();
      for (const f of partFiles) {
        const names = exportsOf.get(f);
        assert.ok(names, `${f} (lazy part ${part}) was built`);
        for (const n of names) {
          assert.ok(!seen.has(n), `lazy part ${part}: ${n} is exported by both ${seen.get(n)} and ${f}`);
          seen.set(n, f);
        }
      }
    }
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
      for (const m of o.text.matchAll(/\blazy\d*\(\(\) => require\("\.\/([^"]+)\.js"\)\)/g)) {
        assert.ok(lazyNames.includes(m[1]), `${o.path}: lazy(() => require("./${m[1]}.js")) names no lazy bundle`);
        named.add(m[1]);
      }
      // a require of a lazy bundle anywhere else would fail on the web, which only reads the name lazy() is given
      const requires = [...o.text.matchAll(/\brequire\("\.\/([^"]+)\.js"\)/g)].length;
      const viaLazy = [...o.text.matchAll(/\blazy\d*\(\(\) => require\("\.\/[^"]+\.js"\)\)/g)].length;
      assert.strictEqual(requires, viaLazy, `${o.path}: every require of a lazy bundle is a lazy(() => require(...))`);
    }
    assert.deepStrictEqual([...named].sort(), [...lazyNames].sort(), 'every lazy bundle is loaded through lazy(() => require(...))');
    const main = outputs.find(o => o.path === MAIN)!.text;
    assert.ok(/HOST_KIND\d* = "web"/.test(main) && /HOST_KIND\d* = "node"/.test(main), 'the main bundle holds both halves of the platform seam');
  });
});

function lazyBundlesAreRequiredAtRunTime(outputs: Output[], mainPath: string): void {
  const main = outputs.find(o => o.path === mainPath);
  assert.ok(main, `outputs: ${outputs.map(o => o.path).join(', ')}`);
  const lazy = outputs.filter(o => o !== main);
  assert.ok(lazy.some(o => o.path.endsWith('schemas.js')) && lazy.length > 1, 'schemas and at least one surface are lazy');
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
