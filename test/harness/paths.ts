/** Where things are: the repository, the harness's cached tools (see install.sh), and scratch space. */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';

/** Repository root (this file compiles to out/test/harness/paths.js). */
export const repoRoot = path.resolve(__dirname, '..', '..', '..');

/** Cache that install.sh fills: Node 24 and code-server. */
export const harnessHome = process.env.ATTIO_HARNESS_HOME ?? path.join(os.homedir(), '.cache', 'attio-explorer-harness');

/** Folder holding Node 24's `node` binary; code-server 4.139 refuses other Node majors, so it goes first on PATH. */
export const node24BinDir = path.join(harnessHome, 'node24', 'node_modules', 'node', 'bin');

export const codeServerBin = path.join(harnessHome, 'cs', 'node_modules', '.bin', 'code-server');

export const chromiumPath = process.env.ATTIO_CHROMIUM ?? '/usr/bin/chromium';

/** Compiled test output and where screenshots go. */
export const outDir = path.join(repoRoot, 'out');
export const screenshotDir = path.join(repoRoot, 'test-results', 'screenshots');

/** Fails early with a hint when install.sh has not run. */
export function assertToolsInstalled(): void {
  const missing = [path.join(node24BinDir, 'node'), codeServerBin, chromiumPath].filter(p => !fs.existsSync(p));
  if (missing.length) {
    throw new Error(`Harness tools missing (${missing.join(', ')}). Run: bash test/harness/install.sh`);
  }
}

/** A fresh temporary folder; callers remove it with removeDir(). */
export function makeTempDir(prefix: string): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), `attio-${prefix}-`));
}

export function removeDir(dir: string): void {
  try {
    fs.rmSync(dir, { recursive: true, force: true, maxRetries: 5, retryDelay: 200 });
  } catch {
    // best effort: a process that is still exiting may hold a file for a moment
  }
}
