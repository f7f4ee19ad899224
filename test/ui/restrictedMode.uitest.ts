/**
 * Restricted Mode with the packaged extension as a person installs it (extensions under development are exempt from
 * workspace trust, so only an installed .vsix shows what the manifest's `capabilities` do): a second code-server with
 * workspace trust on opens a folder nobody trusted, whose .vscode/settings.json names another Attio-compatible server.
 * The workbench says Restricted Mode, the Attio views are there and work with the user's settings, and the folder's
 * server receives nothing.
 */
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import type { Page } from 'playwright-core';
import { closeAttioServer, extensionSettings, startAttioServer, type AttioServer } from '../harness/attioServer';
import { waitForWorkbench } from '../harness/browser';
import { startCodeServer, type CodeServer } from '../harness/codeServer';
import { debugEnabled } from '../harness/log';
import { makeTempDir, removeDir } from '../harness/paths';
import { folderSettings } from '../harness/restrictedFolder';
import { fixture, openAttioContainer, resetWorkbench, runCommand, screenshot, setFixture, signInWithToken, treeRow, type UiFixture } from './fixture';

suite('UI: Restricted Mode with the installed extension', () => {
  let main: UiFixture | undefined;
  let codeServer: CodeServer | undefined;
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
    codeServer = await startCodeServer({ installExtensions: [main.vsix], settings: extensionSettings(main.server), workspaceTrust: true, verbose: debugEnabled });
    main.server.allowRelayOrigin(codeServer.url);
    page = await main.browser.context.newPage();
    await page.goto(codeServer.workbenchUrl(folder), { timeout: 60_000 });
    await waitForWorkbench(page);
    // the fixture's helpers (runCommand, treeRow, …) drive this window until the suite ends
    setFixture({ ...main, page, codeServer, workspaceFolder: folder });
  });

  suiteTeardown(async () => {
    if (page && !page.isClosed()) await resetWorkbench().catch(() => undefined);
    if (main) setFixture(main);
    await page?.close().catch(() => undefined);
    await codeServer?.stop();
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
    await new Promise(r => setTimeout(r, 500));
    assert.deepStrictEqual(folderServer!.requests.map(r => `${r.method} ${r.path}`), [], "the folder's server received no request");
  });
});
