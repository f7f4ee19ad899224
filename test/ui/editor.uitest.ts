/**
 * The editor surface in the real workbench: hover an Attio record URL in a Markdown file and see the card,
 * Ctrl-click it to open the record's detail page, the TODO quick fix in the lightbulb menu, and a task created from a
 * selection through the form (deadline, assignees, linked record) that then shows in the Tasks view. Screenshots in
 * test-results/screenshots/editor-*.png. Signs in at the start and out at the end (the suites after it expect that).
 */
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { AttioClient } from '../../src/attio';
import { ctrlClickLine, fixture, openAttioContainer, page, quickInput, resetWorkbench, screenshot, server, treeRow, signInWithToken, until, runCommand } from './fixture';

const TASK = 'Send Ada the renewal quote';

/** Opens a file of the workspace folder with Quick Open and waits for its tab. */
async function openFile(name: string): Promise<void> {
  const p = page();
  await p.keyboard.press('Control+P');
  await quickInput.fill(name);
  await quickInput.pick(name);
  await p.locator('.tab', { hasText: name }).first().waitFor({ state: 'visible', timeout: 30_000 });
  await p.locator('.editor-group-container.active .monaco-editor .view-lines .view-line').first().waitFor({ state: 'visible', timeout: 30_000 });
}

/** The editor line (a `.view-line`) that holds `text`. */
function editorLine(text: string) {
  return page().locator('.editor-group-container.active .monaco-editor .view-lines .view-line', { hasText: text }).first();
}

suite('UI: Attio in the editor', () => {
  let adaUrl = '';

  suiteSetup(async () => {
    const client = new AttioClient({ baseUrl: server().url, token: () => server().tokens.full, maxRetries: 0 });
    const ada = (await client.queryRecords('people', { filter: { name: 'Ada Lovelace' }, limit: 1 })).items[0];
    adaUrl = ada.web_url ?? '';
    assert.match(adaUrl, /^https:\/\/app\.attio\.com\/northwind-labs\/person\//);
    const folder = fixture().workspaceFolder;
    fs.writeFileSync(path.join(folder, 'accounts.md'), `# Accounts\n\n${adaUrl}\n\nRenewal owner above.\n`);
    fs.writeFileSync(path.join(folder, 'renewal.ts'), `export function renew(): void {\n  // TODO: ${TASK}\n}\n`);
    await signInWithToken();
  });

  suiteTeardown(resetWorkbench);

  test('hovering a record URL shows the record card', async () => {
    await openFile('accounts.md');
    const line = editorLine('app.attio.com');
    await line.waitFor({ state: 'visible', timeout: 15_000 });
    // the card, once its record has loaded (the hover shows a loading line first)
    const hover = page().locator('.monaco-hover:not(.hidden)', { hasText: 'Copy ID' }).filter({ hasText: 'Ada Lovelace' }).first();
    // A hover shows only while the pointer rests on the link: a workbench still laying out (a notification, the
    // sidebar filling) can move the text under it. The hover (the action) is tried again; the checks below are not.
    for (let attempt = 1; ; attempt++) {
      await page().mouse.move(5, 5);
      await line.hover({ position: { x: 80, y: 8 } });
      const shown = await hover.waitFor({ state: 'visible', timeout: 10_000 }).then(() => true, () => false);
      if (shown) break;
      assert.ok(attempt < 3, 'the hover card did not appear');
    }
    const text = (await hover.innerText()).replace(/\s+/g, ' ');
    assert.match(text, /Person · Northwind Labs/);
    assert.match(text, /Email: \S+@/);
    assert.match(text, /Company: Acme Robotics/);
    for (const action of ['Open Details', 'Open in Attio', 'Reveal in Sidebar', 'Copy ID']) assert.ok(text.includes(action), `${action} in ${text}`);
    await screenshot('editor-hover-card');
    await page().mouse.move(5, 5);
    await page().keyboard.press('Escape');
  });

  test('Ctrl-click on a record URL opens its detail page', async () => {
    const p = page();
    await ctrlClickLine(editorLine('app.attio.com'));
    await p.locator('.tab', { hasText: 'Ada Lovelace' }).first().waitFor({ state: 'visible', timeout: 30_000 });
    await p.frameLocator('iframe.webview.ready >> visible=true').frameLocator('iframe#active-frame').locator('h1', { hasText: 'Ada Lovelace' }).waitFor({ timeout: 30_000 });
    await screenshot('editor-ctrl-click-detail');
  });

  test('a TODO comment offers "Create Attio task" as a quick fix', async () => {
    await runCommand('View: Close All Editors');
    await openFile('renewal.ts');
    await editorLine('TODO').click();
    // the editor shows the light bulb once the code action providers (ours loads on first use) have answered
    await page().locator('.editor-group-container.active .lightBulbWidget').first().waitFor({ state: 'visible', timeout: 60_000 });
    await page().keyboard.press('Control+.');
    const fix = page().locator('.action-widget', { hasText: `Create Attio task: ${TASK}` }).first();
    await fix.waitFor({ state: 'visible', timeout: 30_000 });
    await screenshot('editor-todo-quick-fix');
    await page().keyboard.press('Escape');
  });

  test('Create Task from Selection: deadline, assignees, linked record; the task shows in the Tasks view', async () => {
    server().clearRequests();
    const line = editorLine('TODO');
    await line.click();
    // select the comment's text: from after "// TODO: " to the end of the line
    await page().keyboard.press('End');
    for (let i = 0; i < TASK.length; i++) await page().keyboard.press('Shift+ArrowLeft');
    await runCommand('Attio: Create Task from Selection');
    await page().locator('.quick-input-widget', { hasText: 'Create Attio Task (1/3): deadline' }).waitFor({ state: 'visible', timeout: 15_000 });
    await screenshot('editor-task-from-selection-form');
    await quickInput.pick('Tomorrow');
    await page().locator('.quick-input-widget', { hasText: '(2/3): assignees' }).waitFor({ state: 'visible', timeout: 15_000 });
    await page().keyboard.press('Enter');
    await page().locator('.quick-input-widget', { hasText: '(3/3): link a record' }).waitFor({ state: 'visible', timeout: 15_000 });
    await quickInput.fill('Acme');
    await quickInput.pick(/Acme Robotics/, 20_000);
    const isCreate = (r: { method: string; path: string; status?: number }) => r.method === 'POST' && r.path === '/v2/tasks' && r.status === 200;
    await until('POST /v2/tasks answered 200', () => server().requests.some(isCreate));
    const created = server().requests.find(isCreate)!;
    const data = (created.body as { data: { content: string; linked_records: unknown[]; deadline_at: string | null } }).data;
    assert.strictEqual(data.content, TASK);
    assert.strictEqual(data.linked_records.length, 1);
    assert.ok(data.deadline_at);
    await openAttioContainer();
    await treeRow(TASK, 'Tasks', 30_000);
    await screenshot('editor-task-from-selection');
  });
});
