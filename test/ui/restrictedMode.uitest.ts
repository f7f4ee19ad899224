/**
 * Restricted Mode with the packaged extension as a person installs it (extensions under development are exempt from
 * workspace trust, so only an installed .vsix shows what the manifest's `capabilities` do): the shared code-server's
 * user settings turn workspace trust on, and a second window opens a folder nobody trusted, whose
 * .vscode/settings.json names another Attio-compatible server. Afterwards trust is off again and the first window is
 * reloaded (a window that saw the trust setting change may offer to restart).
 * The workbench says Restricted Mode, the Attio views are there and work with the user's settings, and the folder's
 * server receives nothing.
 */
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import type { Page } from 'playwright-core';
import { closeAttioServer, startAttioServer, type AttioServer } from '../harness/attioServer';
import { waitForWorkbench } from '../harness/browser';
import { workspaceTrustSettings } from '../harness/codeServer';
import { makeTempDir, removeDir } from '../harness/paths';
import { folderSettings } from '../harness/restrictedFolder';
import { fixture, openAttioContainer, resetWorkbench, runCommand, screenshot, setFixture, signInWithToken, treeRow, type UiFixture } from './fixture';

suite('UI: Restricted Mode with the installed extension', () => {
  let main: UiFixture | undefined;
  let page: Page | undefined;
  let folderServer: AttioServer | undefined;
  let tmp: string | undefined;

  suiteSetup(async function () {
    this.timeout(180_000);
    main = fixture();
    tmp = makeTempDir('restricted');
    const folder = path.join(tmp, 'cloned-repo');
    folderServer = await startAttioServer({ port: 0, rateLimit: false });
    fs.mkdirSync(path.join(folder, '.vscode'), { recursive: true });
    fs.writeFileSync(path.join(folder, '.vscode', 'settings.json'), JSON.stringify(folderSettings(folderServer.url), null, 2));
    main.codeServer.updateSettings(workspaceTrustSettings);
    page = await main.browser.context.newPage();
    await page.goto(main.codeServer.workbenchUrl(folder), { timeout: 120_000 });
    await waitForWorkbench(page);
    // the fixture's helpers (runCommand, treeRow, …) drive this window until the suite ends
    setFixture({ ...main, page, workspaceFolder: folder });
  });

  suiteTeardown(async () => {
    if (page && !page.isClosed()) await resetWorkbench().catch(() => undefined);
    await page?.close().catch(() => undefined);
    if (main) {
      main.codeServer.updateSettings({ 'security.workspace.trust.enabled': false });
      setFixture(main);
      await main.page.reload({ timeout: 120_000 });
      await waitForWorkbench(main.page);
    }
    await closeAttioServer(folderServer);
    if (tmp) removeDir(tmp);
  });

  test("the workbench is in Restricted Mode; the Attio views work with the user's server and the folder's server receives nothing", async function () {
    this.timeout(150_000);
    const p = page!;
    const indicator = p.locator('.part.statusbar .statusbar-item', { hasText: 'Restricted Mode' }).first();
    await indicator.waitFor({ state: 'visible', timeout: 30_000 });

    // the extension is enabled in Restricted Mode: its container is there, and signing in fills the Objects view
    await openAttioContainer();
    await signInWithToken(main!.server.tokens.full, 'People');
    await treeRow('Sales Pipeline', 'Lists', 30_000);
    await runCommand('Attio: Verify Connection');
    await p.locator('.tabs-container .tab', { hasText: /Attio/ }).first().waitFor({ state: 'visible', timeout: 30_000 });
    await screenshot('restricted-mode');

    assert.ok(main!.server.requests.some(r => r.path === '/v2/objects'), "the user's server served the views");
    assert.deepStrictEqual(folderServer!.requests.map(r => `${r.method} ${r.path}`), [], "the folder's server received no request");
  });
});
