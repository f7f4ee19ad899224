/** Packages the extension the way it ships: `vsce package --no-dependencies` (runs `vscode:prepublish`, which bundles). */
import { execFile } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { createLogger, elapsed } from './log';
import { repoRoot } from './paths';

const log = createLogger('vsix');

export function packageVsix(outFile: string): Promise<string> {
  const t0 = Date.now();
  const vsce = path.join(repoRoot, 'node_modules', '.bin', 'vsce');
  fs.mkdirSync(path.dirname(outFile), { recursive: true });
  return new Promise((resolve, reject) => {
    execFile(
      vsce,
      ['package', '--no-dependencies', '-o', outFile],
      { cwd: repoRoot, timeout: 180_000, maxBuffer: 8 * 1024 * 1024 },
      (err, stdout, stderr) => {
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
