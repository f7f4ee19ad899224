/**
 * Runs the integration tests (out/test/integration) in a real VS Code extension host through @vscode/test-electron.
 * Here VS Code desktop cannot be downloaded, so test-electron launches our stand-in executable (code-stand-in →
 * standIn.js), which runs the same tests in code-server's Node extension host. With ATTIO_DESKTOP_VSCODE=1,
 * test-electron downloads and runs desktop VS Code as usual; the tests are the same either way.
 *
 * Two windows, side by side (one after the other with desktop VS Code): every suite in a window without workspace
 * trust, and the "Restricted Mode" suite in a window with workspace trust on, on a folder nobody trusted and whose
 * .vscode/settings.json names another API server (restrictedFolder.ts). ATTIO_TEST_GREP runs only the matching tests,
 * in the second window when the pattern matches "Restricted Mode" and in the first otherwise; ATTIO_WORKSPACE_TRUST=1
 * runs only the second.
 *
 * Usage: npx tsc -p . && node esbuild.js && node out/test/harness/runIntegration.js
 */
import { runTests } from '@vscode/test-electron';
import * as path from 'path';
import { createLogger, elapsed } from './log';
import { makeTempDir, removeDir, repoRoot } from './paths';
import { prepareRestrictedFolder, RESTRICTED_SUITE } from './restrictedFolder';
import { mergeOutcomes } from './results';

const log = createLogger('integration');

interface Pass {
  name: string;
  /** Variables for the extension host (the stand-in forwards ATTIO_* and the names in ATTIO_TEST_ENV_KEYS). */
  env: Record<string, string>;
  /** Fills the folder the window opens. */
  prepare?(folder: string): Promise<Record<string, string>>;
}

async function run(pass: Pass, desktop: boolean): Promise<boolean> {
  const t0 = Date.now();
  const workspace = makeTempDir('workspace');
  try {
    const extensionTestsEnv: Record<string, string> = { ATTIO_TEST_MODE: 'integration', ...pass.env, ...(await pass.prepare?.(workspace)) };
    extensionTestsEnv.ATTIO_TEST_ENV_KEYS = Object.keys(extensionTestsEnv).join(',');
    await runTests({
      extensionDevelopmentPath: repoRoot,
      extensionTestsPath: path.join(repoRoot, 'out', 'test', 'integration', 'index'),
      extensionTestsEnv,
      launchArgs: [workspace, '--disable-extensions'],
      ...(desktop ? {} : { vscodeExecutablePath: path.join(repoRoot, 'test', 'harness', 'code-stand-in') }),
    });
    log.info(`${pass.name}: passed in ${elapsed(t0)}`);
    return true;
  } catch (e) {
    log.error(`${pass.name}: failed after ${elapsed(t0)}: ${e instanceof Error ? e.message : String(e)}`);
    return false;
  } finally {
    removeDir(workspace);
  }
}

async function main(): Promise<number> {
  const desktop = process.env.ATTIO_DESKTOP_VSCODE === '1';
  const grep = process.env.ATTIO_TEST_GREP;
  const onlyRestricted = process.env.ATTIO_WORKSPACE_TRUST === '1' || (!!grep && new RegExp(grep).test(RESTRICTED_SUITE));
  const passes: Pass[] = [];
  if (!onlyRestricted) passes.push({ name: 'every suite (workspace trust off)', env: {} });
  if (onlyRestricted || !grep) {
    passes.push({
      name: `${RESTRICTED_SUITE} (workspace trust on, untrusted folder)`,
      env: { ATTIO_WORKSPACE_TRUST: '1', ATTIO_TEST_GREP: grep ?? RESTRICTED_SUITE },
      prepare: prepareRestrictedFolder,
    });
  }
  // In code-server each window has its own server and profile: the passes run side by side. Desktop VS Code shares
  // test-electron's user data between instances: one after the other.
  // The flake finder's results file (ATTIO_RESULTS_FILE): each window records into a file of its own (two windows
  // writing one file side by side would each overwrite the other's), merged when both have ended.
  const resultsFile = process.env.ATTIO_RESULTS_FILE;
  passes.forEach((pass, i) => resultsFile && (pass.env.ATTIO_RESULTS_FILE = `${resultsFile}.window${i}`));
  const results = desktop ? [] : await Promise.all(passes.map(pass => run(pass, desktop)));
  if (desktop) for (const pass of passes) results.push(await run(pass, desktop));
  if (resultsFile) mergeOutcomes(resultsFile, passes.map(pass => pass.env.ATTIO_RESULTS_FILE));
  return results.every(Boolean) ? 0 : 1;
}

main().then(code => process.exit(code));
