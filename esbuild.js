// Bundles src/extension.ts into dist/extension.js (CommonJS, Node, `vscode` external), and the response schemas
// with zod into dist/schemas.js, which the extension requires on its first validation rather than at activation
// (src/attio/lazySchemas.ts): V8 then parses ~20 KB less when the extension activates. The schemas module holds no
// state shared with the rest, so a second bundle is safe for it.
// `--production` minifies; otherwise sourcemaps. `--watch` rebuilds on change. `--metafile=<path>` writes the metafile.
const esbuild = require('esbuild');

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

/** `require('./schemas')` in lazySchemas.ts stays a run-time require of dist/schemas.js. */
const lazySchemas = {
  name: 'lazy-schemas',
  setup(build) {
    build.onResolve({ filter: /^\.\/schemas$/ }, args => (/lazySchemas\.ts$/.test(args.importer) ? { path: './schemas.js', external: true } : undefined));
    // the filter module (query building and the builder's quick picks, used only once someone filters) likewise:
    // dist/filters.js; it holds no state shared with the rest (pure functions and prompts)
    // the detail renderer (dist/render.js), required when the first detail document opens
    build.onResolve({ filter: /^\.\/render$/ }, args => (/lazyRender\.ts$/.test(args.importer) ? { path: './render.js', external: true } : undefined));
    // the Verify Connection / scope-error report Markdown (dist/reports.js), pure
    build.onResolve({ filter: /^\.\/reports$/ }, args => (/lazyReports\.ts$/.test(args.importer) ? { path: './reports.js', external: true } : undefined));
    build.onResolve({ filter: /^\.\/filterModule$/ }, args => (/lazyFilters\.ts$/.test(args.importer) ? { path: './filters.js', external: true } : undefined));
  },
};

async function main() {
  const ctx = await esbuild.context({
    entryPoints: { extension: 'src/extension.ts', schemas: 'src/attio/schemas.ts', filters: 'src/views/filterModule.ts', render: 'src/detail/render.ts', reports: 'src/account/reports.ts' },
    bundle: true,
    format: 'cjs',
    platform: 'node',
    target: 'node20',
    outdir: 'dist',
    external: ['vscode'],
    minify: production,
    sourcemap: !production,
    sourcesContent: false,
    legalComments: 'none',
    charset: 'utf8',
    metafile: true,
    logLevel: 'warning',
    plugins: watch ? [lazySchemas, problemMatcher] : [lazySchemas],
  });
  if (watch) {
    await ctx.watch();
    return;
  }
  const result = await ctx.rebuild();
  await ctx.dispose();
  if (metafileOut) require('fs').writeFileSync(metafileOut, JSON.stringify(result.metafile));
  const sizes = Object.entries(result.metafile.outputs)
    .filter(([file]) => file.endsWith('.js'))
    .map(([file, o]) => `${file}: ${(o.bytes / 1024).toFixed(1)} KB`);
  console.log(`${sizes.join(', ')}${production ? ' (minified)' : ''}`);
}

main().catch(e => {
  console.error(e);
  process.exit(1);
});
