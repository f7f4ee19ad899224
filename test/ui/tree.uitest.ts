/**
 * The trees in the real workbench: sign in with a pasted token, expand an object, load more, open a record's
 * details, search a record, complete a task; screenshots of each view in test-results/screenshots/tree-*.png.
 * Signs out at the end so the signed-out suites that follow see the welcome view.
 */
import * as assert from 'assert';
import { page, quickInput, runCommand, screenshot, treeRow, treeRows, signInWithToken, resetWorkbench, setViewsExpanded, until } from './fixture';


/**
 * Opens "Attio: Search Records" and types `text` (then Enter if asked). A Markdown preview that has just opened can
 * take the focus and so close the picker as it appears; then open it again, as a person would.
 */
async function searchFor(text: string, accept = false): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    await runCommand('Attio: Search Records');
    try {
      await page().locator('.quick-input-widget', { hasText: 'Search Attio Records' }).waitFor({ state: 'visible', timeout: 10_000 });
      const input = page().locator('.quick-input-widget input');
      await input.fill(text, { timeout: 5_000 });
      if (accept) await input.press('Enter', { timeout: 5_000 });
      return;
    } catch (e) {
      if (attempt >= 3) throw e;
    }
  }
}

/** Collapses the other views' bodies so the one under test has room. */
async function focusView(title: string): Promise<void> {
  await setViewsExpanded(['Objects', 'Lists', 'Tasks'].filter(v => v !== title), false);
  await setViewsExpanded([title], true);
}

suite('UI: Objects, Lists and Tasks trees', () => {
  suiteSetup(async () => {
    await signInWithToken();
  });

  suiteTeardown(resetWorkbench);

  test('Objects: expand People, load more, expand a record', async () => {
    await focusView('Objects');
    const rows = await treeRows('Objects');
    for (const name of ['People', 'Companies', 'Deals']) assert.ok(rows.some(r => r.startsWith(name)), `${name} in ${rows.join(' | ')}`);
    await (await treeRow(/^People/, 'Objects')).click();
    await treeRow('Ada Lovelace', 'Objects');
    await screenshot('tree-objects');
    // "Load more" is the last row (virtualised off screen): focus the list, go to the end, press Enter.
    await page().keyboard.press('End');
    const more = await treeRow('Load more', 'Objects');
    await more.click();
    await treeRow(/^(?!.*Load more)/, 'Objects');
    await page().keyboard.press('End');
    await until('all people loaded (no "Load more" row at the end)', async () => !(await treeRows('Objects')).some(r => r.startsWith('Load more')));
    await screenshot('tree-objects-load-more');
    await page().keyboard.press('Home');
    // Collapse People and expand a company with its values.
    await (await treeRow(/^People/, 'Objects')).click();
    await (await treeRow(/^Companies/, 'Objects')).click();
    const acme = await treeRow('Acme Robotics', 'Objects');
    await acme.locator('.monaco-tl-twistie').click();
    await treeRow(/Domains?/, 'Objects');
    await treeRow('List entries', 'Objects');
    await screenshot('tree-record-values');
  });

  test('double-click opens a record\'s detail document', async () => {
    const acme = await treeRow('Acme Robotics', 'Objects');
    await acme.dblclick();
    const preview = page().locator('.tab', { hasText: /Acme Robotics/ }).first();
    await preview.waitFor({ state: 'visible', timeout: 30_000 });
    await page().frameLocator('iframe.webview.ready >> visible=true').frameLocator('iframe#active-frame').locator('h1', { hasText: 'Acme Robotics' }).waitFor({ timeout: 30_000 });
    await screenshot('tree-record-detail');
  });

  test('Attio: Search Records finds a record as you type and opens it', async () => {
    // let the detail preview opened by the previous test finish loading: while it loads it can take the focus
    await page().frameLocator('iframe.webview.ready >> visible=true').frameLocator('iframe#active-frame').locator('h1').first().waitFor({ timeout: 20_000 });
    await searchFor('Grace');
    await quickInput.item(/Grace/).waitFor({ state: 'visible', timeout: 30_000 });
    const items = await quickInput.items();
    assert.ok(items.some(i => /Grace/.test(i) && /Person/.test(i)), items.join(' | '));
    await screenshot('tree-search');
    await page().keyboard.press('Enter');
    await page().locator('.tab', { hasText: /Grace/ }).first().waitFor({ state: 'visible', timeout: 30_000 });
  });

  test('Enter pressed before the results arrive opens the first match', async () => {
    await searchFor('Lamport', true);
    await page().locator('.tab', { hasText: /Lamport/ }).first().waitFor({ state: 'visible', timeout: 30_000 });
    // the preview shows the page, not the one before it (the next test follows a link on it)
    await page().frameLocator('iframe.webview.ready >> visible=true').frameLocator('iframe#active-frame').locator('h1', { hasText: /Lamport/ }).waitFor({ timeout: 30_000 });
  });

  test('a link in a detail document opens the related record\'s document', async () => {
    const frame = page().frameLocator('iframe.webview.ready >> visible=true').frameLocator('iframe#active-frame');
    // a link to a company record (not an Edit link, whose path is the page's own); clicked by its name, so a render
    // in between cannot put another link under the click
    const link = frame.locator('a[href*="companies"]:not([href*="/edit/"])').first();
    await link.waitFor({ state: 'visible', timeout: 20_000 });
    const company = (await link.innerText()).trim();
    await frame.getByRole('link', { name: company, exact: true }).first().click();
    await page().locator('.tab', { hasText: company }).first().waitFor({ state: 'visible', timeout: 30_000 });
    await frame.locator('h1', { hasText: company }).waitFor({ timeout: 30_000 });
    await screenshot('tree-detail-link');
  });

  test('Lists: a list with its entries', async () => {
    await focusView('Lists');
    await (await treeRow(/^Sales Pipeline/, 'Lists')).click();
    await treeRow(/–/, 'Lists');
    await screenshot('tree-lists');
  });

  test('Tasks: groups, overdue highlighted, complete a task from its inline action', async () => {
    await focusView('Tasks');
    await treeRow(/^My open tasks/, 'Tasks');
    const allOpen = await treeRow(/^All open/, 'Tasks');
    await allOpen.click();
    const task = await treeRow(/overdue|due /, 'Tasks');
    await screenshot('tree-tasks');
    const label = (await task.locator('.label-name').first().innerText()).trim();
    await task.hover();
    const complete = task.locator('.actions .action-label[aria-label*="Complete Task"]').first();
    await complete.waitFor({ state: 'visible', timeout: 10_000 });
    await complete.click();
    await until(`"${label}" to leave the open tasks`, async () => !(await treeRows('Tasks')).some(r => r.includes(label)));
    await (await treeRow(/^My open tasks/, 'Tasks')).click();
    await (await treeRow(/^All open/, 'Tasks')).click();
    await (await treeRow(/^Completed/, 'Tasks')).click();
    await until(`"${label}" under Completed`, async () => {
      const rows = await treeRows('Tasks');
      return rows.slice(rows.findIndex(r => r.startsWith('Completed')) + 1).some(r => r.includes(label));
    });
    await screenshot('tree-tasks-completed');
  });
});
