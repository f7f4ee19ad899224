// Bundles src/extension.ts into dist/extension.js (CommonJS, `vscode` external), and each part loaded on first use
// into a bundle of its own (LAZY_PARTS below): activation parses only what it runs. One build serves both extension
// hosts (package.json `main` and `browser`); in a browser's web worker the platform seam (src/platform/) reads and
// evaluates the lazy bundles.
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
 * The lazy parts: each a bundle of its own (dist/<part>.js) made of the files named here, loaded on first use.
 * Anywhere in src/, `lazy<typeof import('./x')>(() => require('./x'))` (src/platform) of one of these files stays a
 * run-time require of its part's bundle: the module object is the part's, which exports what each of its files
 * does (test/unit/bundles.test.ts checks that no name is exported twice). A part shares no state with the main
 * bundle: it gets its collaborators as arguments (the same test checks).
 */
const LAZY_PARTS = {
  schemas: ['src/attio/schemas.ts'],
  common: ['src/common/errorWording.ts', 'src/common/valueWording.ts', 'src/common/folderScan.ts'],
  signIn: ['src/signIn/controller.ts'],
  account: ['src/account/accountCommands.ts'],
  detail: ['src/detail/render.ts'],
  sidebar: [
    'src/views/sidebarHandlers.ts',
    'src/views/listHandlers.ts',
    'src/views/nodes/tooltips.ts',
    'src/views/nodes/schemaText.ts',
    'src/views/filterText.ts',
    'src/data/recordFilter.ts',
  ],
  records: ['src/views/recordHandlers.ts'],
  editor: ['src/editor/parts.ts'],
  chat: ['src/chat/toolRunner.ts'],
  developer: ['src/developer/impl.ts'],
  typedCode: ['src/typedCode/impl.ts'],
  project: ['src/project/impl.ts'],
};

/** A part's entry: every export of its files (a module esbuild reads from here, not a file of src/). */
const lazyEntries = {
  name: 'lazy-entries',
  setup(build) {
    build.onResolve({ filter: /^lazy-part:/ }, args => ({ path: args.path.slice('lazy-part:'.length), namespace: 'lazy-part' }));
    build.onLoad({ filter: /.*/, namespace: 'lazy-part' }, args => ({
      contents: LAZY_PARTS[args.path].map(f => `export * from ${JSON.stringify(path.resolve(__dirname, f))};`).join('\n'),
      resolveDir: __dirname,
      loader: 'ts',
    }));
  },
};

/** `require()`s of a lazy part's files stay run-time requires of `dist/<part>.js`. */
const lazyRequires = {
  name: 'lazy-requires',
  setup(build) {
    const partOf = new Map(Object.entries(LAZY_PARTS).flatMap(([part, files]) => files.map(f => [path.resolve(__dirname, f), part])));
    build.onResolve({ filter: /^\./ }, args => {
      if (args.kind !== 'require-call') return undefined;
      const base = path.resolve(args.resolveDir, args.path);
      const part = partOf.get(`${base}.ts`) ?? partOf.get(path.join(base, 'index.ts'));
      return part ? { path: `./${part}.js`, external: true } : undefined;
    });
  },
};

/**
 * One namespace object for the `vscode` module per bundle: esbuild would otherwise turn each file's
 * `import * as vscode from 'vscode'` into a copy of the API object's properties, made when the bundle loads (one per
 * importing file, dozens in the main bundle); here every file reads the one copy.
 */
const vscodeOnce = {
  name: 'vscode-once',
  setup(build) {
    build.onResolve({ filter: /^vscode$/ }, args => (args.namespace === 'vscode-once' ? { path: 'vscode', external: true } : { path: 'vscode', namespace: 'vscode-once' }));
    build.onLoad({ filter: /.*/, namespace: 'vscode-once' }, () => ({ contents: "export * from 'vscode';", loader: 'js' }));
  },
};

/**
 * The build of the extension, shared by this script and the tests that inspect the bundles. One build for both
 * extension hosts (package.json `main` and `browser` are the same file): platform `browser`, so an import of a Node
 * built-in fails the build (a web worker has none), and `require` stays only for 'vscode' and the lazy bundles (the
 * platform seam, src/platform/, picks Node's require or the web's reader when the bundle loads).
 */
function buildOptions({ minify = false } = {}) {
  return {
    ...commonOptions(minify),
    entryPoints: { extension: 'src/extension.ts', ...Object.fromEntries(Object.keys(LAZY_PARTS).map(part => [part, `lazy-part:${part}`])) },
    platform: 'browser',
    target: 'es2022',
    external: ['vscode'],
    plugins: [lazyEntries, lazyRequires, vscodeOnce],
  };
}

/** What every build of this script shares: one CommonJS bundle per entry into dist/, sourcemaps unless minified. */
function commonOptions(minify) {
  return {
    bundle: true,
    format: 'cjs',
    outdir: 'dist',
    minify,
    sourcemap: !minify,
    sourcesContent: false,
    legalComments: 'none',
    charset: 'utf8',
    metafile: true,
    logLevel: 'warning',
  };
}

/**
 * The types CLI (`node dist/attio-types.js --out src/attio.gen.ts`, src/typegen/cli.ts): a Node program of its own,
 * built beside the extension's bundles and sharing none of them (the generator, data layer and client are bundled in).
 */
function cliBuildOptions({ minify = false } = {}) {
  return { ...commonOptions(minify), entryPoints: { 'attio-types': 'src/typegen/cli.ts' }, platform: 'node', target: 'node20', banner: { js: '#!/usr/bin/env node' } };
}

async function main() {
  const builds = [buildOptions({ minify: production }), cliBuildOptions({ minify: production })];
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

module.exports = { buildOptions, cliBuildOptions, LAZY_PARTS };

if (require.main === module) {
  main().catch(e => {
    console.error(e);
    process.exit(1);
  });
}
