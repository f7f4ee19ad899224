/**
 * The web build where it is meant to run (ATTIO_UI_HOST=web; skipped otherwise): the workbench runs it in the browser's
 * web-worker extension host, it signs in with a pasted token and through OAuth (the relay), browses, opens a detail
 * page and a hover card, and every request the local server sees came from the browser (the workbench's Origin), none
 * from a Node extension host. The other suites also run against the web build in this mode.
 */
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { readBrowserLogFiles } from './browserStorage';
import { fixture, nextOpenedPage, notification, openAttioContainer, page, quickInput, resetWorkbench, runCommand, screenshot, server, signInWithToken, treeRow, until } from './fixture';

suite('UI: the web build in the web worker', function () {
  suiteSetup(function () {
    if (fixture().host !== 'web') this.skip();
  });
  suiteTeardown(async () => {
    if (fixture().host === 'web') await resetWorkbench();
  });

  /** Requests to the API (not the OAuth pages a browser tab navigates) since the log was cleared. */
  const apiRequests = () => server().requests.filter(r => r.path.startsWith('/v2/') || r.path === '/oauth/token');

  test('the extension runs in the web-worker extension host', async () => {
    await openAttioContainer();
    // The window's log files: in a browser VS Code keeps them in IndexedDB (its logs store), where the web worker's
    // log channels write. Our "Attio" log says which host it activated in. Nothing rendered is read.
    type LogFile = { relativePath: string; contents: string };
    const readLogs = (): Promise<LogFile[]> => readBrowserLogFiles(page());
    let ours: LogFile | undefined;
    await until('the Attio log of the web-worker extension host', async () => {
      ours = (await readLogs()).find(f => f.contents.includes('activating in the web extension host'));
      return !!ours;
    }, 60_000);
    assert.match(ours!.relativePath, /exthost/i, `the log file is the extension host's: ${ours!.relativePath}`);
    const node = (await readLogs()).filter(f => f.contents.includes('activating in the node extension host'));
    assert.deepStrictEqual(node.map(f => f.relativePath), [], 'this window did not also start it in a Node extension host');
  });

  test('token sign-in, the tree, a detail page and a hover card: every request from the browser', async () => {
    // (this test's own look-up from Node, before the log is cleared)
    const url = (await (await fetch(`${server().url}/v2/objects/people/records/query`, { method: 'POST', headers: { authorization: `Bearer ${server().tokens.full}`, 'content-type': 'application/json' }, body: JSON.stringify({ filter: { name: 'Ada Lovelace' }, limit: 1 }) })).json()) as { data: { web_url: string }[] };
    server().clearRequests();
    await signInWithToken();
    await (await treeRow(/^People/, 'Objects')).click();
    const ada = await treeRow('Ada Lovelace', 'Objects');
    await ada.hover();
    await page().locator('.monaco-hover:not(.hidden), .custom-hover, .workbench-hover', { hasText: 'Ada Lovelace' }).first().waitFor({ state: 'visible', timeout: 15_000 }).catch(() => undefined);
    await ada.dblclick();
    await page().locator('.tab', { hasText: 'Ada Lovelace' }).first().waitFor({ state: 'visible', timeout: 30_000 });
    await page().frameLocator('iframe.webview.ready >> visible=true').frameLocator('iframe#active-frame').locator('h1', { hasText: 'Ada Lovelace' }).waitFor({ timeout: 30_000 });
    await screenshot('web-detail');

    // a hover card on a record URL in a file
    fs.writeFileSync(path.join(fixture().workspaceFolder, 'web-accounts.md'), `# Accounts\n\n${url.data[0].web_url}\n`);
    await page().keyboard.press('Control+P');
    await quickInput.fill('web-accounts.md');
    await quickInput.pick('web-accounts.md');
    const line = page().locator('.editor-group-container.active .monaco-editor .view-lines .view-line', { hasText: 'app.attio.com' }).first();
    await line.waitFor({ state: 'visible', timeout: 60_000 }); // a loaded machine took over 15 s to show the file
    const card = page().locator('.monaco-hover:not(.hidden)', { hasText: 'Ada Lovelace' }).first();
    for (let attempt = 1; ; attempt++) {
      await page().mouse.move(5, 5);
      await line.hover({ position: { x: 80, y: 8 } });
      if (await card.waitFor({ state: 'visible', timeout: 10_000 }).then(() => true, () => false)) break;
      assert.ok(attempt < 3, 'the hover card did not appear');
    }
    assert.match((await card.innerText()).replace(/\s+/g, ' '), /Person · Northwind Labs/);
    await screenshot('web-hover-card');
    await page().mouse.move(5, 5);
    await page().keyboard.press('Escape');

    const origin = fixture().codeServer.url;
    const api = apiRequests();
    assert.ok(api.length >= 4, `requests: ${api.map(r => `${r.method} ${r.path}`).join(', ')}`);
    const notBrowser = api.filter(r => r.origin !== origin).map(r => `${r.method} ${r.path} (origin ${r.origin ?? 'none'})`);
    assert.deepStrictEqual(notBrowser, [], 'every API request carries the workbench origin (Node sends none)');
    // (CORS preflights are not asserted: the browser caches them for Access-Control-Max-Age, so earlier suites may have sent them)
    assert.ok(api.some(r => r.method === 'POST' && r.path.endsWith('/records/query') && r.status === 200), 'records were queried');
    await runCommand('View: Close All Editors').catch(() => undefined);
  });

  test('OAuth through the relay: the authorize page in a browser tab, the callback back to the worker, the code exchanged from the browser', async () => {
    await resetWorkbench();
    server().setOAuthAutoDecision('approve');
    server().clearRequests();
    try {
      await runCommand('Attio: Sign In');
      await quickInput.pick('Sign in with OAuth');
      await quickInput.fill(server().oauth.clientSecret, true);
      const tab = nextOpenedPage(30_000);
      // VS Code asks before it opens an external site
      const open = page().locator('.monaco-dialog-box .monaco-button', { hasText: /^Open$/ }).first();
      if (await open.waitFor({ state: 'visible', timeout: 10_000 }).then(() => true, () => false)) await open.click();
      await (await tab).waitForLoadState('domcontentloaded').catch(() => undefined);
      await notification(/Signed in to Attio workspace "Northwind Labs"/, 60_000);
      await treeRow(/^People/, 'Objects', 60_000);
      const exchange = server().requests.filter(r => r.path === '/oauth/token');
      assert.ok(exchange.length >= 1, 'the code was exchanged');
      assert.deepStrictEqual(exchange.map(r => r.origin), exchange.map(() => fixture().codeServer.url), 'from the browser');
      await screenshot('web-oauth-signed-in');
    } finally {
      server().setOAuthAutoDecision(undefined);
    }
  });
});
