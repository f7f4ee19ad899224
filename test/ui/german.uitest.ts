/**
 * A German VS Code shows Attio Explorer in German. The shared code-server is switched to German the way a person
 * does it (and back to English afterwards, for the suites after this one): install a German language pack
 * (Extensions: Install from VSIX…), Configure Display Language → Deutsch → Restart. Then view names, the welcome
 * button and a command title must come from package.nls.de.json, and the status bar, a quick pick and a
 * notification from l10n/bundle.l10n.de.json; the expected German is read from those files (test/ui/german.ts).
 * The language pack is a stand-in without core translations (none can be downloaded here): VS Code's own texts
 * stay English, ours must not.
 */
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { waitForWorkbench } from '../harness/browser';
import type { CodeServer } from '../harness/codeServer';
import { makeTempDir, removeDir } from '../harness/paths';
import { answerFileDialog, fixture, notification, page, quickInput, resetWorkbench, runCommand, screenshot, server, until, viewPane, welcomeView } from './fixture';
import { germanCommand, germanMessage, germanViewName, germanWelcomeButton, packageStandInLanguagePack } from './german';

suite('UI: German display language', () => {
  let tmp: string | undefined;

  suiteSetup(async function () {
    this.timeout(300_000);
    tmp = makeTempDir('german');
    const pack = await packageStandInLanguagePack(tmp);
    try {
      await switchToGerman(fixture().codeServer, pack, fixture().workspaceFolder);
    } catch (e) {
      await screenshot('FAILED-german-setup').catch(() => undefined);
      throw e;
    }
  });

  /** As a person does it: install the language pack, Configure Display Language → Deutsch → Restart. */
  async function switchToGerman(cs: CodeServer, pack: string, folder: string): Promise<void> {
    await resetWorkbench();
    // the Extensions contribution registers its commands a moment after the workbench shows: the palette may not
    // list the command yet, so the action is tried again (the assertion below is not)
    for (let attempt = 0; ; attempt++) {
      try {
        await runCommand('Extensions: Install from VSIX...');
        break;
      } catch (e) {
        if (attempt >= 3) throw e;
        await quickInput.dismiss();
      }
    }
    // the file dialog replaces the palette in the same widget: the pack chosen by its path
    await answerFileDialog(pack);
    await notification(/Completed installing extension/, 120_000);
    await runCommand('Configure Display Language');
    await quickInput.pick('Deutsch');
    // Restart stores the language, then reloads the window itself: wait for that load (a navigation of ours at the
    // same moment would abort it, or be aborted)
    const reloaded = page().waitForEvent('load', { timeout: 120_000 });
    await page().locator('.monaco-dialog-box .monaco-button', { hasText: 'Restart' }).first().click();
    const argv = path.join(cs.userDataDir, 'User', 'argv.json');
    await until('code-server to store the display language', () => fs.existsSync(argv) && /"locale"\s*:\s*"de"/.test(fs.readFileSync(argv, 'utf8')), 60_000);
    await reloaded;
    await waitForWorkbench(page());
    const language = () => page().evaluate(() => (globalThis as { _VSCODE_NLS_LANGUAGE?: string })._VSCODE_NLS_LANGUAGE);
    // a reload that raced the write of argv.json shows English: load the window once more, as a person would
    if ((await language()) !== 'de') {
      await page().goto(cs.workbenchUrl(folder), { timeout: 120_000 });
      await waitForWorkbench(page());
    }
  }

  suiteTeardown(async () => {
    // back to English for the suites after this one (the language pack may stay installed)
    const f = fixture();
    f.codeServer.setLocale('en');
    await f.page.goto(f.codeServer.workbenchUrl(f.workspaceFolder), { timeout: 120_000 });
    await waitForWorkbench(f.page);
    if (tmp) removeDir(tmp);
  });

  test('the workbench runs in German', async () => {
    assert.strictEqual(await page().evaluate(() => (globalThis as { _VSCODE_NLS_LANGUAGE?: string })._VSCODE_NLS_LANGUAGE), 'de');
  });

  test('view names and the welcome button come from package.nls.de.json, the status bar from bundle.l10n.de.json', async () => {
    const objects = germanViewName('attio.objects');
    // the reloaded window restores the side bar as it was: open the Attio container only if it is not showing (a
    // click on its activity-bar item would close it)
    const restored = await viewPane(objects).locator('.pane-header').waitFor({ state: 'visible', timeout: 15_000 }).then(() => true, () => false);
    if (!restored) await page().locator('.part.activitybar [aria-label^="Attio"]').first().click();
    for (const name of [objects, germanViewName('attio.lists'), germanViewName('attio.tasks')]) {
      await viewPane(name).locator('.pane-header').waitFor({ state: 'visible', timeout: 30_000 });
    }
    const button = welcomeView(objects).locator('.monaco-button', { hasText: germanWelcomeButton('attio.objects', 'attio.signIn') });
    await button.first().waitFor({ state: 'visible', timeout: 30_000 });
    const signedOut = germanMessage(/signed out$/i);
    const status = page().locator('.part.statusbar .statusbar-item', { hasText: signedOut }).first();
    await status.waitFor({ state: 'visible', timeout: 30_000 }).catch(async e => {
      const shown = await page().locator('.part.statusbar').innerText().catch(() => '?');
      throw new Error(`no status bar item matches ${signedOut}; the status bar shows: ${shown.replace(/\s+/g, ' ')}\n${String(e)}`);
    });
    await screenshot('german-sidebar');
  });

  test('the German command title signs in through German choices and a German message', async () => {
    await runCommand(germanCommand('attio.signIn'));
    await quickInput.item(germanMessage(/paste an access token$/i)).waitFor({ state: 'visible', timeout: 15_000 });
    await screenshot('german-sign-in');
    await quickInput.pick(germanMessage(/paste an access token$/i));
    await quickInput.fill(server().tokens.full, true);
    const toast = await notification(germanMessage(/^Signed in to /));
    assert.match(await toast.innerText(), /Northwind Labs/);
    await screenshot('german-signed-in');
    await runCommand(germanCommand('attio.signOut'));
    await welcomeView(germanViewName('attio.objects')).waitFor({ state: 'visible', timeout: 20_000 });
  });
});
