/**
 * UI tests against the real workbench, in ONE code-server for the whole run: packages the extension (vsce), starts the
 * local Attio server, installs the .vsix into a fresh code-server whose user settings point the extension at that
 * server, opens the workbench in headless Chromium, then runs mocha (TDD) over out/test/ui/**\/*.uitest.js with the
 * shared fixture. Suites reset the workbench between them (signed out, editors closed, views expanded), not the
 * process; the suites that need another window state (Restricted Mode, German) change the shared code-server's user
 * settings or display language and put them back.
 *
 * Two phases in the same code-server and browser:
 *   node  every suite but the web suites, with the extension in code-server's Node extension host;
 *   web   the user setting `remote.extensionKind` makes the installed extension a web extension (as a person can:
 *         extensionManifestPropertiesService getExtensionKind; pickRunningLocation), the window reloads, and the web
 *         suites (web*.uitest.ts) run against the web build in the browser's web-worker extension host; the local
 *         server answers CORS for the workbench's origin.
 * ATTIO_UI_HOST=node or =web runs one phase only (default: both). Ends with a plain `N passed, N failed` line and
 * exits non-zero on any failure.
 *
 * Env: ATTIO_VSIX (a .vsix packaged already: installed instead of packaging one), ATTIO_UI_TIMEOUT_MS (whole run,
 * default 900000), ATTIO_HARNESS_DEBUG=1, ATTIO_UI_GREP (mocha grep),
 * ATTIO_RESULTS_FILE (each test's outcome as JSON, for the flake finder).
 */
import * as fs from 'fs';
import Mocha from 'mocha';
import * as path from 'path';
import { AttioServer, closeAttioServer, extensionSettings, startAttioServer } from '../harness/attioServer';
import { Browser, launchBrowser, waitForWorkbench } from '../harness/browser';
import { CodeServer, startCodeServer } from '../harness/codeServer';
import { createLogger, debugEnabled, elapsed } from '../harness/log';
import { assertToolsInstalled, makeTempDir, removeDir } from '../harness/paths';
import { findFiles } from '../harness/findFiles';
import { printSuiteTimes, recordOutcomes } from '../harness/results';
import { vsixForRun } from '../harness/vsix';
import { closeMenus, EXTENSION_ID, quickInput, screenshot, setFixture, type UiFixture } from './fixture';

const log = createLogger('ui');
const T0 = Date.now();

let server: AttioServer | undefined;
let codeServer: CodeServer | undefined;
let browser: Browser | undefined;
let tmp: string | undefined;

async function cleanup(): Promise<void> {
  setFixture(undefined);
  await browser?.close();
  await codeServer?.stop();
  await closeAttioServer(server);
  if (tmp) removeDir(tmp);
}

type Host = 'node' | 'web';

/** The suites that run with the extension in `host`: the web suites (web*.uitest.ts) in the web phase, every other in the node phase. */
function suiteFiles(host: Host): string[] {
  const all = findFiles(__dirname, '.uitest.js');
  const isWeb = (f: string) => /^web[A-Z.]/.test(path.basename(f));
  // the suites that change the shared window's state (a second window with workspace trust on, the display language)
  // run after the others
  const late = ['restrictedMode.uitest.js', 'german.uitest.js'];
  const rank = (f: string) => late.indexOf(path.basename(f));
  return all.filter(f => (host === 'web') === isWeb(f)).sort((a, b) => rank(a) - rank(b) || a.localeCompare(b));
}

async function runSuites(files: string[]): Promise<{ passed: number; failed: number }> {
  const mocha = new Mocha({
    ui: 'tdd',
    // generous: a loaded 2-core machine is slower, never wrong; each wait inside a test names what it waits for
    timeout: 180_000,
    color: false,
    grep: process.env.ATTIO_UI_GREP,
    rootHooks: {
      async afterEach(this: Mocha.Context) {
        const t = this.currentTest;
        if (t?.state === 'failed') {
          const file = await screenshot(`FAILED-${t.fullTitle()}`).catch(() => undefined);
          if (file) log.info(`failure screenshot: ${path.relative(process.cwd(), file)}`);
          // a menu or prompt the failed test left open would cover what the next tests click: it is closed (the
          // failure stands; the tests after it start from a window they can use)
          await closeMenus().catch(() => undefined);
          await quickInput.dismiss().catch(() => undefined);
        }
      },
    },
  });
  for (const file of files) mocha.addFile(file);
  const stats = await new Promise<Mocha.Stats | undefined>(resolve => {
    const runner = mocha.run(() => resolve(runner.stats));
    recordOutcomes(runner);
    printSuiteTimes(runner);
  });
  mocha.dispose();
  return { passed: stats?.passes ?? 0, failed: stats?.failures ?? 1 };
}

/** Makes the installed extension run in `host` and reloads the window so the workbench starts it there. */
async function switchHost(f: UiFixture, host: Host): Promise<void> {
  f.codeServer.updateSettings({ 'remote.extensionKind': host === 'web' ? { [EXTENSION_ID]: ['web'] } : undefined });
  // the worker runs in a same-origin iframe of the workbench: its requests carry the workbench's origin
  if (host === 'web') f.server.allowCorsOrigin(f.codeServer.url);
  await f.page.goto(f.codeServer.workbenchUrl(f.workspaceFolder), { timeout: 120_000 });
  await waitForWorkbench(f.page);
  setFixture({ ...f, host });
  log.info(`workbench reloaded with the extension in the ${host} extension host after ${elapsed(T0)}`);
}

async function main(): Promise<number> {
  assertToolsInstalled();
  const only = process.env.ATTIO_UI_HOST;
  const hosts: Host[] = only === 'web' ? ['web'] : only === 'node' ? ['node'] : ['node', 'web'];
  tmp = makeTempDir('ui');
  const workspaceFolder = path.join(tmp, 'workspace');
  fs.mkdirSync(workspaceFolder);

  const [vsix, attio] = await Promise.all([
    vsixForRun(path.join(tmp, 'attio-explorer.vsix')),
    startAttioServer({ port: 0, workspace: 'demo', rateLimit: false }),
  ]);
  server = attio;
  log.info(`local Attio server on ${server.url}`);

  codeServer = await startCodeServer({
    installExtensions: [vsix],
    settings: extensionSettings(server),
    workspaceTrustBySetting: true,
    verbose: debugEnabled,
  });
  // the relay forwards OAuth callbacks only to hosts it knows: this code-server is one of ours
  server.allowRelayOrigin(codeServer.url);
  log.info(`code-server on ${codeServer.url} after ${elapsed(T0)}`);

  browser = await launchBrowser();
  const page = browser.page;
  page.on('pageerror', e => log.debug(`page error: ${e.message}`));
  page.on('console', m => {
    if (m.type() === 'error') log.debug(`console error: ${m.text()}`);
  });
  let f: UiFixture = { page, browser, codeServer, server, workspaceFolder, vsix, host: 'node' };
  let passed = 0;
  let failed = 0;
  for (const host of hosts) {
    if (host === 'web') await switchHost(f, 'web');
    else {
      await page.goto(codeServer.workbenchUrl(workspaceFolder), { timeout: 120_000 });
      await waitForWorkbench(page);
      setFixture(f);
    }
    f = { ...f, host };
    log.info(`${host} phase: workbench up after ${elapsed(T0)}`);
    const result = await runSuites(suiteFiles(host));
    passed += result.passed;
    failed += result.failed;
  }
  console.log(`${passed} passed, ${failed} failed`);
  return failed > 0 || passed === 0 ? 1 : 0;
}

let exiting = false;
function exit(code: number): void {
  if (exiting) return;
  exiting = true;
  void cleanup().finally(() => {
    log.info(`exit ${code} after ${elapsed(T0)}`);
    process.exit(code);
  });
}

const overall = setTimeout(() => {
  log.error('TIMEOUT: UI run took too long');
  exit(124);
}, Number(process.env.ATTIO_UI_TIMEOUT_MS ?? 900_000));
overall.unref();
process.once('SIGINT', () => exit(130));
process.once('SIGTERM', () => exit(143));

main().then(exit, e => {
  log.error(String(e instanceof Error ? e.stack : e));
  console.log('0 passed, 1 failed');
  exit(1);
});
