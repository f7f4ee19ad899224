/**
 * "Sign in with your team's Attio app" in the web build (ATTIO_UI_HOST=web; skipped in the node phase): the extension
 * runs in the browser's web-worker extension host; the real broker (broker/dist/node.js) stands in front of the local
 * Attio server's OAuth endpoints, with this code-server's origin configured as an allowed origin. A person clicks the
 * welcome view's button, types the broker's address the first time, approves on Attio's consent page in the tab
 * VS Code opened, and the callback comes back through code-server's callback page (the relay path of `asExternalUri`)
 * to the worker, which exchanges the code at the broker from the browser (CORS). After the first time it costs at most
 * two clicks. Then a leak scan: the broker's client secret is nowhere on the extension's side.
 */
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import type { Locator, Page } from 'playwright-core';
import { startBroker, type BrokerScenery } from '../harness/brokerScenery';
import { readBrowserStorage } from './browserStorage';
import { EXTENSION_ID, fixture, nextOpenedPage, openAttioContainer, page, quickInput, resetWorkbench, screenshot, server, treeRow, until, welcomeView } from './fixture';

const BROKER_SETTING = 'attio.oauth.brokerUrl';
const WORKSPACE = 'Northwind Labs';

/** Every file under `dir` (the code-server profile: user data, installed extensions, logs), with its bytes as text. */
function filesUnder(dir: string): { file: string; text: string }[] {
  if (!fs.existsSync(dir)) return [];
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap(e => {
    const full = path.join(dir, e.name);
    if (e.isDirectory()) return filesUnder(full);
    if (!e.isFile()) return [];
    // latin1 keeps every byte as one character: a secret of ASCII letters and digits is found in any file format
    return [{ file: full, text: fs.readFileSync(full).toString('latin1') }];
  });
}

suite('UI: sign in with your team\'s Attio app in the web worker (broker)', function () {
  let broker: BrokerScenery;
  /** The browser tabs VS Code opened for the consent, closed after the suite. */
  const tabs: Page[] = [];
  const timings: string[] = [];

  suiteSetup(async function () {
    if (fixture().host !== 'web') this.skip();
    broker = await startBroker(server(), new URL(fixture().codeServer.url).origin, { https: true });
    fixture().codeServer.updateSettings({ [BROKER_SETTING]: undefined });
    await resetWorkbench();
  });
  suiteTeardown(async () => {
    if (fixture().host !== 'web') return;
    for (const tab of tabs) await tab.close().catch(() => undefined);
    server().setOAuthAutoDecision(undefined);
    await resetWorkbench();
    fixture().codeServer.updateSettings({ [BROKER_SETTING]: undefined });
    await broker?.close();
    if (timings.length) console.log(`    team-app sign-in timings: ${timings.join(', ')}`);
  });

  /** The broker's requests that came from the browser (the workbench's origin: the web worker or a tab it opened). */
  const fromWorkbench = () => broker.requests.filter(r => (JSON.parse(r.headers) as Record<string, string>).origin === fixture().codeServer.url);

  /**
   * Signs in as a person does, from the signed-out welcome view, and returns what was clicked. `address`: typed into
   * the question VS Code asks the first time (typing is not a click).
   */
  async function signInWithTeamApp(address?: string): Promise<string[]> {
    const clicks: string[] = [];
    const click = async (what: string, target: Locator): Promise<void> => {
      clicks.push(what);
      await target.click();
    };
    server().setOAuthAutoDecision(undefined); // Attio's consent page waits for the person
    const started = Date.now();
    await openAttioContainer();
    const button = welcomeView('Objects').locator('.monaco-button', { hasText: /team's Attio app/i }).first();
    await button.waitFor({ state: 'visible', timeout: 60_000 });
    const tabOpened = nextOpenedPage(60_000);
    tabOpened.catch(() => undefined); // awaited below, after the address and VS Code's question
    await click('the welcome view\'s "Sign In with Your Team\'s Attio App"', button);
    if (address !== undefined) {
      await until('the question for the sign-in address', async () => /sign-in address/i.test(await quickInput.text().catch(() => '')));
      await quickInput.fill(address, true);
    }
    // VS Code may ask before it opens an external site: whichever comes first, the question or the tab
    const openButton = page().locator('.monaco-dialog-box .monaco-button', { hasText: /^Open$/ }).first();
    // (a failure says itself in a notification: then fail with its words and what reached the broker)
    const failure = page().locator('.notifications-toasts .notification-toast', { hasText: /Attio/ }).filter({ has: page().locator('.codicon-error, .codicon-warning') }).first();
    const first = await Promise.race([
      tabOpened.then(() => 'tab' as const),
      openButton.waitFor({ state: 'visible', timeout: 60_000 }).then(() => 'question' as const),
      failure.waitFor({ state: 'visible', timeout: 60_000 }).then(() => 'failure' as const),
    ]);
    if (first === 'failure') assert.fail(`the sign-in failed: ${(await failure.innerText()).replace(/\s+/g, ' ')}; the broker saw ${broker.requests.map(r => `${r.method} ${r.url.split('?')[0]}`).join(', ') || 'nothing'}`);
    if (first === 'question') await click('VS Code\'s "Open" (external website)', openButton);
    const tab = await tabOpened;
    tabs.push(tab);
    const approve = tab.locator('button#approve');
    await approve.waitFor({ state: 'visible', timeout: 60_000 });
    assert.match(await tab.locator('h1').innerText(), /wants to access Northwind Labs/, 'Attio\'s consent page names the app and the workspace');
    await click('"Approve" on Attio\'s consent page', approve);
    // signed in: the status bar names the workspace (a notification toast says so too, but a toast hides itself after
    // a while, and on a loaded machine that can be before this looks) and the Objects view fills
    const status = page().locator('.part.statusbar .statusbar-item', { hasText: WORKSPACE }).first();
    await status.waitFor({ state: 'visible', timeout: 60_000 });
    await treeRow(/^People/, 'Objects', 60_000);
    timings.push(`${address !== undefined ? 'first' : 'again'} ${((Date.now() - started) / 1000).toFixed(1)} s`);
    return clicks;
  }

  test('the first time: the address is asked once, the consent is approved in the tab, and the worker signs in through the broker', async () => {
    server().clearRequests();
    const clicks = await signInWithTeamApp(` ${broker.url}/ `);
    await screenshot('web-broker-signed-in');

    // the address is kept, normalised, in the user's settings
    const settings = JSON.parse(fs.readFileSync(path.join(fixture().codeServer.userDataDir, 'User', 'settings.json'), 'utf8')) as Record<string, unknown>;
    assert.strictEqual(settings[BROKER_SETTING], broker.url);

    // the callback went through code-server's callback page (asExternalUri in a web window), which the broker allows
    const authorize = broker.requests.find(r => r.url.startsWith('/authorize?'));
    assert.ok(authorize, 'the tab went to the broker\'s authorize endpoint');
    const callback = new URL(new URL(authorize.url, broker.url).searchParams.get('callback') ?? '');
    assert.strictEqual(callback.origin, new URL(fixture().codeServer.url).origin, 'the callback is this code-server\'s page');
    assert.strictEqual(callback.searchParams.get('vscode-authority'), EXTENSION_ID);
    assert.ok(broker.requests.some(r => r.url.startsWith('/callback?')), 'Attio sent the browser back to the broker');

    // the worker read the metadata and exchanged the code itself, from the browser: the workbench's origin, CORS
    const browser = fromWorkbench().map(r => `${r.method} ${r.url.split('?')[0]}`);
    assert.ok(browser.includes('GET /.well-known/attio-explorer'), `metadata from the browser: ${browser.join(', ')}`);
    assert.ok(browser.includes('POST /token'), `the exchange from the browser: ${browser.join(', ')}`);
    assert.strictEqual(server().requests.filter(r => r.path === '/oauth/token').length, 1, 'one exchange at Attio, by the broker');
    const selfChecks = server().requests.filter(r => r.path === '/v2/self' && r.status === 200);
    assert.ok(selfChecks.length >= 1 && selfChecks.every(r => r.origin === fixture().codeServer.url), 'the token was verified from the browser');
    assert.ok(clicks.length <= 3, `the first time: ${clicks.join(', ')}`);
  });

  test('after the first time: at most two clicks (the button and Approve), no question', async () => {
    await resetWorkbench(); // signs out
    const metadataBefore = broker.requests.filter(r => r.url === '/.well-known/attio-explorer').length;
    const clicks = await signInWithTeamApp();
    assert.ok(clicks.length <= 2, `${clicks.length} clicks: ${clicks.join(', ')}`);
    assert.strictEqual(broker.requests.filter(r => r.url === '/.well-known/attio-explorer').length, metadataBefore + 1, 'the stored address was used');
    console.log(`    clicks after the first time: ${clicks.length} (${clicks.join(', ')})`);
  });

  test('leak scan: the broker\'s client secret is nowhere on the extension\'s side', async () => {
    const secret = server().oauth.clientSecret;
    assert.ok(secret.length >= 16 && broker.output.length > 0, 'the broker runs with the secret');
    const f = fixture();
    const hits = (where: string, text: string): string[] => (text.includes(secret) ? [where] : []);

    // the page's storage: the worker's log files, its global storage and the workbench's state and secret storage
    const stored = await readBrowserStorage(page());
    const attioLog = stored.filter(e => e.contents.includes(`broker: ${new URL(broker.url).host} serves app "${broker.appName}"`));
    assert.ok(attioLog.length > 0, `the scan reads the extension's log (${stored.length} entries read)`);
    // the code-server side: user settings, the installed extension's bundles, logs, global storage, state databases
    const files = [...filesUnder(f.codeServer.profileDir), ...filesUnder(path.resolve(__dirname, '..', '..', '..', 'dist')).map(x => ({ ...x, file: `(worktree) ${x.file}` }))];
    const installedBundle = files.find(x => x.file.includes(f.codeServer.extensionsDir) && x.file.endsWith(`${path.sep}dist${path.sep}extension.js`));
    assert.ok(installedBundle?.text.includes('attio.signInWithTeamApp'), 'the scan reads the installed extension\'s bundle');
    assert.ok(files.some(x => x.file.endsWith(path.join('User', 'settings.json')) && x.text.includes(broker.url)), 'the scan reads the user settings');
    // what the browser sent to the broker and to Attio
    const requests = [
      ...fromWorkbench().map(r => ({ where: `broker ${r.method} ${r.url.split('?')[0]}`, text: `${r.url} ${r.headers} ${r.body}` })),
      ...server().requests.filter(r => r.origin === f.codeServer.url).map(r => ({ where: `Attio ${r.method} ${r.path}`, text: `${r.query} ${JSON.stringify(r.body ?? '')}` })),
    ];
    assert.ok(requests.some(r => r.where === 'broker POST /token'), 'the scan reads the exchange');

    const leaks = [...stored.flatMap(e => hits(`page: ${e.where}`, e.contents)), ...files.flatMap(x => hits(x.file, x.text)), ...requests.flatMap(r => hits(r.where, r.text))];
    assert.deepStrictEqual(leaks, [], 'the client secret was found here');
    console.log(`    leak scan: ${stored.length} page entries, ${files.length} files, ${requests.length} requests; no client secret`);
  });
});
