// Bundles src/extension.ts into dist/extension.js (CommonJS, Node, `vscode` external), and each module loaded on
// first use into a bundle of its own (see lazyModules below): activation parses only what it runs. The web build
// (package.json `browser`) is the same set for a browser's web worker in dist/web/, with src/platform/web.ts in place
// of src/platform/node.ts (no Node built-ins; the lazy bundles are read and evaluated by the platform seam).
// `--production` minifies; otherwise sourcemaps. `--watch` rebuilds on change. `--metafile=<path>` writes the metafile.
const esbuild = require('esbuild');
const fs = require('fs');
const path = require('path');

const production = process.argv.includes('--production');
const watch = process.argv.includes('--watch');
/** `--metafile=<path>` writes esbuild's metafile there (the benchmark reads what is in each bundle). */
const metafileOut = process.argv.find(a => a.startsWith('--metafile='))?.slice('--metafile='.length);

/** Prints errors in the shape of VS Code's `$esbuild-watch` problem matcher. */
const problemMatcher = {
  name: 'problem-matcher',
  setup(build) {
    build.onStart(() => console.log('[watch] build started'));
    build.onEnd(result => {
      for (const { text, location } of result.errors) {
        console.error(`✘ [ERROR] ${text}`);
        if (location) console.error(`    ${location.file}:${location.line}:${location.column}:`);
      }
      console.log('[watch] build finished');
    });
  },
};

/**
 * Modules loaded on first use, each a bundle of its own: the response schemas with zod (src/attio/lazySchemas.ts
 * requires them on the first response) and every `*.lazy.ts` under src/ (a surface's implementation, required when the
 * surface is first used). A `require()` of one of them stays a run-time require of `dist/<name>.js`. A lazy module
 * shares no state with the main bundle: it gets its collaborators as arguments (test/unit/bundles.test.ts checks).
 */
function lazyModules() {
  const found = { schemas: path.resolve('src/attio/schemas.ts') };
  const walk = dir => {
    for (const d of fs.readdirSync(dir, { withFileTypes: true })) {
      const p = path.join(dir, d.name);
      if (d.isDirectory()) walk(p);
      else if (d.name.endsWith('.lazy.ts')) found[d.name.slice(0, -3)] = path.resolve(p);
    }
  };
  walk('src');
  return found;
}

/** `require()`s of lazy modules stay run-time requires of `dist/<name>.js`. */
const lazyRequires = lazy => ({
  name: 'lazy-requires',
  setup(build) {
    const lazyByPath = new Map(Object.entries(lazy).map(([name, file]) => [file, name]));
    build.onResolve({ filter: /^\./ }, args => {
      if (args.kind !== 'require-call') return undefined;
      const name = lazyByPath.get(path.resolve(args.resolveDir, `${args.path}.ts`));
      return name ? { path: `./${name}.js`, external: true } : undefined;
    });
  },
});

/**
 * The build of the extension, shared by this script and the tests that inspect the bundles. One build for both
 * extension hosts (package.json `main` and `browser` are the same file): platform `browser`, so an import of a Node
 * built-in fails the build (a web worker has none), and `require` stays only for 'vscode' and the lazy bundles (the
 * platform seam, src/platform/, picks Node's require or the web's reader when the bundle loads).
 */
function buildOptions({ minify = false } = {}) {
  const lazy = lazyModules();
  return {
    entryPoints: { extension: 'src/extension.ts', ...lazy },
    bundle: true,
    format: 'cjs',
    platform: 'browser',
    target: 'es2022',
    outdir: 'dist',
    external: ['vscode'],
    minify,
    sourcemap: !minify,
    sourcesContent: false,
    legalComments: 'none',
    charset: 'utf8',
    metafile: true,
    logLevel: 'warning',
    plugins: [lazyRequires(lazy)],
  };
}

async function main() {
  const builds = [buildOptions({ minify: production })];
  if (watch) builds.forEach(o => o.plugins.push(problemMatcher));
  const contexts = await Promise.all(builds.map(o => esbuild.context(o)));
  if (watch) {
    await Promise.all(contexts.map(c => c.watch()));
    return;
  }
  const results = await Promise.all(contexts.map(c => c.rebuild()));
  await Promise.all(contexts.map(c => c.dispose()));
  const outputs = Object.assign({}, ...results.map(r => r.metafile.outputs));
  if (metafileOut) fs.writeFileSync(metafileOut, JSON.stringify({ inputs: Object.assign({}, ...results.map(r => r.metafile.inputs)), outputs }));
  const sizes = Object.entries(outputs)
    .filter(([file]) => file.endsWith('.js'))
    .map(([file, o]) => `${file}: ${(o.bytes / 1024).toFixed(1)} KB`);
  console.log(`${sizes.join(', ')}${production ? ' (minified)' : ''}`);
}

module.exports = { buildOptions };

if (require.main === module) {
  main().catch(e => {
    console.error(e);
    process.exit(1);
  });
}
