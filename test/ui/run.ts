/**
 * UI tests against the real workbench: packages the extension (vsce), starts the local Attio server when it is built,
 * installs the .vsix into a fresh code-server whose user settings point the extension at that server, opens the
 * workbench in headless Chromium, then runs mocha (TDD) over out/test/ui/**\/*.uitest.js with the shared fixture.
 * Ends with a plain `N passed, N failed` line and exits non-zero on any failure.
 *
 * Env: ATTIO_UI_TIMEOUT_MS (whole run, default 900000), ATTIO_HARNESS_DEBUG=1, ATTIO_UI_GREP (mocha grep).
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
import { packageVsix } from '../harness/vsix';
import { screenshot, setFixture } from './fixture';

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

async function main(): Promise<number> {
  assertToolsInstalled();
  tmp = makeTempDir('ui');
  const workspaceFolder = path.join(tmp, 'workspace');
  fs.mkdirSync(workspaceFolder);

  const vsix = await packageVsix(path.join(tmp, 'attio-explorer.vsix'));

  server = await startAttioServer({ port: 0, workspace: 'demo', rateLimit: false });
  log.info(`local Attio server on ${server.url}`);

  codeServer = await startCodeServer({
    installExtensions: [vsix],
    settings: extensionSettings(server),
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
  await page.goto(codeServer.workbenchUrl(workspaceFolder), { timeout: 60_000 });
  await waitForWorkbench(page);
  log.info(`workbench up after ${elapsed(T0)}`);
  setFixture({ page, browser, codeServer, server, workspaceFolder, vsix });

  const mocha = new Mocha({
    ui: 'tdd',
    timeout: 90_000,
    color: false,
    grep: process.env.ATTIO_UI_GREP,
    rootHooks: {
      async afterEach(this: Mocha.Context) {
        const t = this.currentTest;
        if (t?.state === 'failed') {
          const file = await screenshot(`FAILED-${t.fullTitle()}`).catch(() => undefined);
          if (file) log.info(`failure screenshot: ${path.relative(process.cwd(), file)}`);
        }
      },
    },
  });
  for (const file of findFiles(__dirname, '.uitest.js')) mocha.addFile(file);
  const stats = await new Promise<Mocha.Stats | undefined>(resolve => {
    const runner = mocha.run(() => resolve(runner.stats));
  });
  const passed = stats?.passes ?? 0;
  const failed = stats?.failures ?? 1;
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
