/**
 * Entry point the extension host calls for `--extensionTestsPath` (desktop VS Code or code-server alike): runs every
 * out/test/integration/**\/*.test.js with mocha (TDD) and ends with a plain `N passed, N failed` line for CI.
 * ATTIO_TEST_GREP=pattern runs only the matching tests.
 */
import Mocha from 'mocha';
import { findFiles } from '../harness/findFiles';
import { printSuiteTimes, recordOutcomes } from '../harness/results';

export function run(): Promise<void> {
  // ATTIO_TEST_GREP (forwarded to the extension host like every ATTIO_* variable) runs only matching tests.
  const mocha = new Mocha({ ui: 'tdd', timeout: 180_000, color: false, grep: process.env.ATTIO_TEST_GREP || undefined });
  for (const file of findFiles(__dirname, '.test.js')) mocha.addFile(file);
  return new Promise((resolve, reject) => {
    try {
      const runner = mocha.run(failures => {
        const stats = runner.stats;
        console.log(`${stats?.passes ?? 0} passed, ${stats?.failures ?? failures} failed`);
        if (failures > 0) reject(new Error(`${failures} integration test(s) failed`));
        else resolve();
      });
      recordOutcomes(runner);
      printSuiteTimes(runner);
    } catch (e) {
      console.log('0 passed, 1 failed');
      reject(e instanceof Error ? e : new Error(String(e)));
    }
  });
}
