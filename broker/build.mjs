// Bundles the broker with esbuild: dist/worker.js (Workers, ESM) and dist/node.js (Node, ESM);
// with --tests, also every broker/test/**/*.test.ts into dist/test/ (the local Attio server bundled in).
import { build } from 'esbuild';
import { readdirSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';

const common = { bundle: true, format: 'esm', target: 'es2022', logLevel: 'warning', legalComments: 'none' };

if (process.argv.includes('--tests')) {
  rmSync('dist/test', { recursive: true, force: true });
  const tests = [];
  const walk = dir => {
    for (const name of readdirSync(dir)) {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) walk(path);
      else if (name.endsWith('.test.ts')) tests.push(path);
    }
  };
  walk('test');
  await build({ ...common, entryPoints: tests, outdir: 'dist/test', outbase: 'test', platform: 'node', packages: 'external', sourcemap: 'inline' });
} else {
  await build({ ...common, entryPoints: ['src/worker.ts'], outfile: 'dist/worker.js', platform: 'neutral' });
  await build({ ...common, entryPoints: ['src/nodeMain.ts'], outfile: 'dist/node.js', platform: 'node' });
}
