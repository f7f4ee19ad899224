/**
 * Runs the integration tests (out/test/integration) in a real VS Code extension host through @vscode/test-electron.
 * Here VS Code desktop cannot be downloaded, so test-electron launches our stand-in executable (code-stand-in →
 * standIn.js), which runs the same tests in code-server's Node extension host. With ATTIO_DESKTOP_VSCODE=1,
 * test-electron downloads and runs desktop VS Code as usual; the tests are the same either way.
 *
 * Usage: npx tsc -p . && node esbuild.js && node out/test/harness/runIntegration.js
 */
import { runTests } from '@vscode/test-electron';
import * as path from 'path';
import { createLogger, elapsed } from './log';
import { makeTempDir, removeDir, repoRoot } from './paths';

const log = createLogger('integration');

async function main(): Promise<number> {
  const t0 = Date.now();
  const desktop = process.env.ATTIO_DESKTOP_VSCODE === '1';
  const workspace = makeTempDir('workspace');
  // Variables for the extension host. The stand-in forwards ATTIO_* and the names in ATTIO_TEST_ENV_KEYS.
  const extensionTestsEnv: Record<string, string> = {
    ATTIO_TEST_MODE: 'integration',
  };
  extensionTestsEnv.ATTIO_TEST_ENV_KEYS = Object.keys(extensionTestsEnv).join(',');
  try {
    await runTests({
      extensionDevelopmentPath: repoRoot,
      extensionTestsPath: path.join(repoRoot, 'out', 'test', 'integration', 'index'),
      extensionTestsEnv,
      launchArgs: [workspace, '--disable-extensions'],
      ...(desktop ? {} : { vscodeExecutablePath: path.join(repoRoot, 'test', 'harness', 'code-stand-in') }),
    });
    log.info(`passed in ${elapsed(t0)}`);
    return 0;
  } catch (e) {
    log.error(`failed after ${elapsed(t0)}: ${e instanceof Error ? e.message : String(e)}`);
    return 1;
  } finally {
    removeDir(workspace);
  }
}

main().then(code => process.exit(code));
