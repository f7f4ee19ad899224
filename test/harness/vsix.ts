/**
 * Packages the extension the way it ships: `vsce package --no-dependencies` (runs `vscode:prepublish`, which bundles).
 * It packages a copy of the sources in a folder of its own, so its production build never rewrites the repository's
 * dist/ while another suite's extension host (the integration tests, side by side in CI) is reading it.
 *
 * `node out/test/harness/vsix.js <file.vsix>` packages from the command line (CI packages while the unit tests run and
 * hands the file to the UI run through ATTIO_VSIX).
 */
import { execFile } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { createLogger, elapsed } from './log';
import { makeTempDir, removeDir, repoRoot } from './paths';

/** What `vscode:prepublish` and vsce read (.vscodeignore decides what ships); node_modules is linked, not copied. */
const PACKAGE_SOURCES = ['src', 'media', 'l10n', 'esbuild.js', 'tsconfig.json', 'package.json', 'README.md', 'CHANGELOG.md', 'LICENSE', '.vscodeignore'];

function stageSources(): string {
  const dir = makeTempDir('vsix-src');
  for (const name of [...PACKAGE_SOURCES, ...fs.readdirSync(repoRoot).filter(n => /^package\.nls.*\.json$/.test(n))]) {
    fs.cpSync(path.join(repoRoot, name), path.join(dir, name), { recursive: true });
  }
  fs.symlinkSync(path.join(repoRoot, 'node_modules'), path.join(dir, 'node_modules'));
  return dir;
}

const log = createLogger('vsix');

export function packageVsix(outFile: string): Promise<string> {
  const t0 = Date.now();
  const vsce = path.join(repoRoot, 'node_modules', '.bin', 'vsce');
  fs.mkdirSync(path.dirname(outFile), { recursive: true });
  const staged = stageSources();
  return new Promise((resolve, reject) => {
    execFile(
      vsce,
      ['package', '--no-dependencies', '-o', outFile],
      { cwd: staged, timeout: 180_000, maxBuffer: 8 * 1024 * 1024 },
      (err, stdout, stderr) => {
        removeDir(staged);
        if (err) {
          reject(new Error(`vsce package failed: ${err.message}\n${stdout}\n${stderr}`));
          return;
        }
        log.info(`packaged ${path.basename(outFile)} (${(fs.statSync(outFile).size / 1024).toFixed(1)} KB) in ${elapsed(t0)}`);
        resolve(outFile);
      },
    );
  });
}

/** The .vsix a UI run installs: ATTIO_VSIX when it names one already packaged, else one packaged now at `outFile`. */
export function vsixForRun(outFile: string): Promise<string> {
  const given = process.env.ATTIO_VSIX;
  if (given && fs.existsSync(given)) {
    log.info(`using ${given} (ATTIO_VSIX)`);
    return Promise.resolve(given);
  }
  return packageVsix(outFile);
}

if (require.main === module) {
  const out = process.argv[2];
  if (!out) {
    console.error('usage: node out/test/harness/vsix.js <file.vsix>');
    process.exit(2);
  }
  packageVsix(path.resolve(out)).then(
    () => process.exit(0),
    e => {
      console.error(e instanceof Error ? e.message : String(e));
      process.exit(1);
    },
  );
}
