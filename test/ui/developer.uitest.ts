/**
 * The developer's view in the real workbench: an object's Attributes section with api slugs, types and flags, a
 * select attribute's options, and a record opened as JSON; screenshots in test-results/screenshots/developer-*.png.
 * Signs out at the end so the signed-out suites that follow see the welcome view.
 */
import * as assert from 'assert';
import { contextMenu, page, screenshot, treeRow, treeRows, signInWithToken, setViewsExpanded, resetWorkbench } from './fixture';


suite('UI: developer view (Attributes, Open as JSON)', () => {
  suiteSetup(async () => {
    await signInWithToken();
    await setViewsExpanded(['Lists', 'Tasks'], false); // give the Objects view the room
  });

  suiteTeardown(resetWorkbench);

  test('Attributes of an object, with a select attribute\'s options', async () => {
    await (await treeRow(/^Partnerships/, 'Objects')).click();
    await (await treeRow(/^Attributes/, 'Objects')).click();
    await treeRow(/partner_company · record-reference/, 'Objects');
    await (await treeRow(/^Tier/, 'Objects')).click();
    await treeRow(/^Gold/, 'Objects');
    const rows = await treeRows('Objects');
    assert.ok(rows.some(r => /^Name\s*name · text · required/.test(r)), rows.join(' | '));
    await screenshot('developer-attributes');
  });

  test('a record opened as JSON', async () => {
    // collapse the Attributes section; the first partnership follows it
    await (await treeRow(/^Attributes/, 'Objects')).click();
    const row = await treeRow(/^Bluefin Analytics/, 'Objects');
    await contextMenu(row, 'Open as JSON');
    await page().locator('.monaco-editor .view-lines', { hasText: 'record_id' }).first().waitFor({ state: 'visible', timeout: 60_000 });
    await screenshot('developer-json');
  });
});
