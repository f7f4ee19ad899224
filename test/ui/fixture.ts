/**
 * Shared state and helpers for the UI tests (*.uitest.ts). run.ts starts everything (local Attio server, code-server
 * with the packaged extension, Chromium on the workbench) and calls setFixture() before mocha loads the tests.
 */
import * as fs from 'fs';
import * as path from 'path';
import type { Locator, Page } from 'playwright-core';
import type { AttioServer } from '../harness/attioServer';
import type { Browser } from '../harness/browser';
import type { CodeServer } from '../harness/codeServer';
import { screenshotDir } from '../harness/paths';

export interface UiFixture {
  page: Page;
  browser: Browser;
  codeServer: CodeServer;
  /** The local Attio-compatible server. */
  server: AttioServer;
  workspaceFolder: string;
  /** The packaged extension the workbench runs (for suites that start a workbench of their own). */
  vsix: string;
  /** Where the workbench runs the extension: code-server's Node extension host or the browser's web worker (ATTIO_UI_HOST=web). */
  host: 'node' | 'web';
}

export { EXTENSION_ID } from '../../src/constants';

let current: UiFixture | undefined;

export function setFixture(f: UiFixture | undefined): void {
  current = f;
}

export function fixture(): UiFixture {
  if (!current) throw new Error('UI fixture not set up: run the UI tests through out/test/ui/run.js');
  return current;
}

/** The workbench tab. */
export function page(): Page {
  return fixture().page;
}

/** The local Attio server. */
export function server(): AttioServer {
  return fixture().server;
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

const QUICK_INPUT = '.quick-input-widget';

/** Runs a command from the Command Palette by its full title, e.g. `Attio: Sign In`. */
export async function runCommand(title: string): Promise<void> {
  const p = page();
  const input = p.locator(`${QUICK_INPUT} input`);
  // Opening the palette is retried: F1 can reach a window whose focus is elsewhere, and a picker or editor that is
  // just closing or opening can take the palette with it as it appears. Running the command is the action; what
  // the test asserts comes after it.
  for (let attempt = 0; ; attempt++) {
    await p.keyboard.press('F1');
    try {
      await input.waitFor({ state: 'visible', timeout: 5000 });
      await input.fill('>' + title, { timeout: 5000 });
      break;
    } catch (e) {
      if (attempt >= 3) throw e;
      await p.locator('.monaco-workbench').click({ position: { x: 700, y: 5 } }).catch(() => undefined);
    }
  }
  const row = p
    .locator(`${QUICK_INPUT} .quick-input-list .monaco-list-row`)
    .filter({ has: p.locator('.label-name', { hasText: new RegExp(`^\\s*${escapeRegExp(title)}\\s*$`) }) })
    .first();
  await row.waitFor({ state: 'visible', timeout: 30_000 });
  await row.click();
}

/** The Attio activity-bar item. */
export function attioActivityItem(): Locator {
  return page().locator('.part.activitybar [aria-label^="Attio"]').first();
}

/** Shows the Attio container in the side bar (without toggling it closed when it is already showing). */
export async function openAttioContainer(): Promise<void> {
  const p = page();
  const objectsHeader = p.locator('.part.sidebar .pane-header', { hasText: 'Objects' });
  if (await objectsHeader.isVisible().catch(() => false)) return;
  const item = attioActivityItem();
  await item.waitFor({ state: 'visible', timeout: 30_000 });
  await item.click();
  await objectsHeader.waitFor({ state: 'visible', timeout: 30_000 });
}

/** A view's pane in the side bar, found by its title (`Objects`, `Lists`, `Tasks`). */
export function viewPane(viewTitle: string): Locator {
  const p = page();
  return p
    .locator('.part.sidebar .pane')
    .filter({ has: p.locator('.pane-header', { hasText: new RegExp(`^\\s*${escapeRegExp(viewTitle)}`, 'i') }) })
    .first();
}

/** The welcome content (signed-out view) of a view. */
export function welcomeView(viewTitle: string): Locator {
  return viewPane(viewTitle).locator('.welcome-view-content');
}

/** Texts of the visible tree rows, in one view or across the whole side bar. */
export async function treeRows(viewTitle?: string): Promise<string[]> {
  const scope = viewTitle ? viewPane(viewTitle) : page().locator('.part.sidebar');
  const texts = await scope.locator('.monaco-list-row').allInnerTexts();
  return texts.map(t => t.replace(/\s+/g, ' ').trim());
}

/**
 * Waits until a tree row containing `text` is visible (in one view or anywhere in the side bar), with no hover left
 * open over the views: a row's tooltip stays while the pointer rests where the last click was, and covers the rows
 * below it (a click on one of them would land on the tooltip).
 */
export async function treeRow(text: string | RegExp, viewTitle?: string, timeoutMs = 30_000): Promise<Locator> {
  const scope = viewTitle ? viewPane(viewTitle) : page().locator('.part.sidebar');
  const row = scope.locator('.monaco-list-row', { hasText: text }).first();
  await row.waitFor({ state: 'visible', timeout: timeoutMs });
  await dismissHovers();
  return row;
}

/** Moves the pointer off anything it rests on and waits until no hover (tooltip or card) is showing. */
export async function dismissHovers(): Promise<void> {
  const hover = page().locator('.context-view:has(.monaco-hover), .workbench-hover-container').first();
  if (!(await hover.isVisible().catch(() => false))) return;
  await page().mouse.move(1, 1);
  await hover.waitFor({ state: 'hidden', timeout: 30_000 });
}

/**
 * Expands a tree row and waits until it is expanded. A row re-rendered by the extension (a filter applied, a refresh)
 * may still be settling when it is first clicked, and the click can land on a row that then expands by itself and
 * toggle it shut: the click (the action, never an assertion) is tried again after each look, until the deadline.
 */
export async function expandRow(row: Locator, timeoutMs = 30_000): Promise<void> {
  const until = Date.now() + timeoutMs;
  const expanded = row.and(page().locator('[aria-expanded="true"]'));
  while ((await row.getAttribute('aria-expanded')) !== 'true') {
    if (Date.now() > until) throw new Error(`timed out waiting for tree row "${(await row.innerText()).trim()}" to expand`);
    await row.locator('.monaco-tl-twistie').click();
    await expanded.waitFor({ state: 'visible', timeout: 3_000 }).catch(() => undefined);
  }
}

/**
 * Opens the context menu of `row` and runs its item `item`. The menu shows an item only when the row's context value
 * allows it (a list's row gains "Group by Stage" once its entries have loaded): a menu opened before that lacks it, so
 * it is closed and opened again. A click on an item that lands while the menu is still laying itself out is dropped
 * and the menu stays open: the click is then given again (the right-click and the click are the retried actions; what
 * the command does is asserted by the caller, and a menu that closed ran its item).
 */
export async function contextMenu(row: Locator, item: string | RegExp): Promise<void> {
  const p = page();
  const menu = p.locator('.context-view .monaco-menu').first();
  const entry = menu.locator('.action-item', { hasText: item }).first();
  await until(`"${String(item)}" in the context menu of "${(await row.innerText()).trim()}"`, async () => {
    await row.click({ button: 'right' });
    if (await entry.waitFor({ state: 'visible', timeout: 3_000 }).then(() => true, () => false)) return true;
    await closeMenus();
    return false;
  });
  await until(`the context menu to close after choosing "${String(item)}"`, async () => {
    if (await entry.isVisible().catch(() => false)) await entry.click({ timeout: 3_000 }).catch(() => undefined);
    return menu.waitFor({ state: 'hidden', timeout: 2_000 }).then(() => true, () => false);
  });
}

/** Closes an open context menu (Escape) and waits until it has gone. */
export async function closeMenus(): Promise<void> {
  const menu = page().locator('.context-view .monaco-menu').first();
  if (!(await menu.isVisible().catch(() => false))) return;
  await page().keyboard.press('Escape');
  await menu.waitFor({ state: 'hidden', timeout: 10_000 });
}

/** Waits until `check` holds, looking every 100 ms; the error names `what` was awaited. */
export async function until(what: string, check: () => boolean | Promise<boolean>, timeoutMs = 30_000): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > end) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise(r => setTimeout(r, 100));
  }
}

/** The Quick Pick / Input Box. */
export const quickInput = {
  widget(): Locator {
    return page().locator(QUICK_INPUT);
  },
  async waitFor(timeoutMs = 15_000): Promise<void> {
    await page().locator(QUICK_INPUT).waitFor({ state: 'visible', timeout: timeoutMs });
  },
  async isVisible(): Promise<boolean> {
    return page().locator(QUICK_INPUT).isVisible();
  },
  /** Texts of the visible items. */
  async items(): Promise<string[]> {
    const texts = await page().locator(`${QUICK_INPUT} .quick-input-list .monaco-list-row`).allInnerTexts();
    return texts.map(t => t.replace(/\s+/g, ' ').trim());
  },
  /** Waits for an item containing `label` and returns it. */
  item(label: string | RegExp): Locator {
    return page().locator(`${QUICK_INPUT} .quick-input-list .monaco-list-row`, { hasText: label }).first();
  },
  async pick(label: string | RegExp, timeoutMs = 15_000): Promise<void> {
    const row = quickInput.item(label);
    await row.waitFor({ state: 'visible', timeout: timeoutMs });
    await row.click();
  },
  /** Types into the input (replacing what is there) and optionally presses Enter. */
  async fill(text: string, accept = false): Promise<void> {
    const input = page().locator(`${QUICK_INPUT} input`);
    await input.waitFor({ state: 'visible', timeout: 15_000 });
    await input.fill(text);
    if (accept) await input.press('Enter');
  },
  /** The title / prompt / validation message text shown in the widget. */
  async text(): Promise<string> {
    return page().locator(QUICK_INPUT).innerText();
  },
  /**
   * Escape in the widget's input, then waits until the widget has gone (a command palette opened while it closes
   * would close with it). A key reaches the widget only while its input has the focus, which something opening
   * beside it can take: the focus and the key are given again while the widget shows (the action, not what is tested).
   */
  async dismiss(): Promise<void> {
    const widget = page().locator(QUICK_INPUT);
    const input = page().locator(`${QUICK_INPUT} input`);
    await until('the quick input to close', async () => {
      if (!(await widget.isVisible())) return true;
      await input.focus({ timeout: 3_000 }).catch(() => undefined);
      await page().keyboard.press('Escape');
      return widget.waitFor({ state: 'hidden', timeout: 3_000 }).then(() => true, () => false);
    });
  },
};

/**
 * Answers code-server's own file dialog (a quick input holding a path; titled `title` when given) with `file`, as a
 * person does: waits until the dialog has put its starting path in (it would replace what was typed before), types the
 * path, Enter. Serves the save dialog and the open dialog (a file that exists is chosen by its full path).
 */
export async function answerFileDialog(file: string, title?: string): Promise<void> {
  const p = page();
  await p.locator(QUICK_INPUT, title ? { hasText: title } : {}).waitFor({ state: 'visible', timeout: 15_000 });
  const input = p.locator(`${QUICK_INPUT} input`);
  await until(`the file dialog${title ? ` "${title}"` : ''} to show its starting path`, async () => (await input.inputValue()).startsWith('/'));
  // The simple file dialog may still rewrite its input as it reads the starting folder: the path is typed again
  // whenever it was replaced, until it has held for three checks in a row (typing is the action, not what is tested).
  let held = 0;
  await until(`the file dialog to hold ${file}`, async () => {
    if ((await input.inputValue()) === file) return ++held >= 3;
    held = 0;
    await input.fill(file);
    return false;
  });
  await input.press('Enter');
}

/** Waits for a notification toast containing `text` and returns it. */
export async function notification(text: string | RegExp, timeoutMs = 20_000): Promise<Locator> {
  const toast = page().locator('.notifications-toasts .notification-toast', { hasText: text }).first();
  await toast.waitFor({ state: 'visible', timeout: timeoutMs });
  return toast;
}

/** Pages the workbench opened (window.open from `vscode.env.openExternal`), oldest first. */
export function openedPages(): Page[] {
  return fixture().browser.openedPages;
}

/** Waits for the next page the workbench opens. Start waiting before triggering the action. */
export function nextOpenedPage(timeoutMs = 20_000): Promise<Page> {
  return fixture().browser.context.waitForEvent('page', { timeout: timeoutMs });
}

/** Saves a screenshot of the workbench to test-results/screenshots/NAME.png and returns its path. */
export async function screenshot(name: string): Promise<string> {
  fs.mkdirSync(screenshotDir, { recursive: true });
  const file = path.join(screenshotDir, `${name.replace(/[^\w.-]+/g, '-')}.png`);
  await page().screenshot({ path: file });
  return file;
}

/** Ctrl-clicks a link in an editor line as a person does: hold Ctrl, point at it (it underlines), click. */
export async function ctrlClickLine(line: Locator): Promise<void> {
  // the editor may re-render the line while it settles (a decoration, the layout): look until it has a box
  type Box = { x: number; y: number; width: number; height: number };
  let found: Box | null = null;
  await until('the line with the link on screen', async () => !!(found = await line.boundingBox().catch(() => null)));
  const box = found as unknown as Box;
  const p = page();
  await p.keyboard.down('Control');
  try {
    // With Ctrl held, the editor underlines the link under the pointer, but it looks for one only when the pointer
    // moves: if the link providers had not answered yet at the first move (a loaded machine), nothing happens until
    // the next. So the pointer moves by a pixel until the underline shows; the click is the action under test.
    const underline = line.locator('.detected-link-active, .goto-definition-link').first();
    let dx = 0;
    await until('the link under the pointer to be underlined (Ctrl held)', async () => {
      dx = dx === 80 ? 81 : 80;
      await p.mouse.move(box.x + dx, box.y + box.height / 2);
      return underline.isVisible();
    }, 60_000);
    await p.mouse.click(box.x + dx, box.y + box.height / 2);
  } finally {
    await p.keyboard.up('Control');
  }
}

/** Signs in as a person does (Attio: Sign In → Paste an access token) and waits for the Objects view to fill. */
export async function signInWithToken(token: string = server().tokens.full, firstRow: string | RegExp = 'People'): Promise<void> {
  await openAttioContainer();
  await runCommand('Attio: Sign In');
  await quickInput.pick('Paste an access token');
  await quickInput.fill(token, true);
  await treeRow(firstRow, 'Objects', 60_000);
}

/** Opens or collapses the Attio views named. */
export async function setViewsExpanded(titles: readonly string[], expanded: boolean): Promise<void> {
  for (const title of titles) {
    const header = viewPane(title).locator('.pane-header').first();
    if (((await header.getAttribute('aria-expanded')) === 'true') !== expanded) await header.click();
    await viewPane(title).locator(`.pane-header[aria-expanded="${expanded}"]`).waitFor({ state: 'visible', timeout: 30_000 });
  }
}

/**
 * After a suite: no open menu or prompt, signed out of every workspace, editors closed, every view
 * expanded (as the suites that follow expect). Waits for each of those to show, not for a fixed time.
 */
export async function resetWorkbench(): Promise<void> {
  await closeMenus().catch(() => undefined);
  await quickInput.dismiss().catch(() => undefined);
  await openAttioContainer();
  await setViewsExpanded(['Objects', 'Lists', 'Tasks'], true);
  const signedOut = welcomeView('Objects');
  // a window that has just loaded shows neither until the extension has activated: wait for one of them
  const shown = await Promise.race([
    signedOut.waitFor({ state: 'visible', timeout: 60_000 }).then(() => 'signed out', () => undefined),
    viewPane('Objects').locator('.monaco-list-row').first().waitFor({ state: 'visible', timeout: 60_000 }).then(() => 'signed in', () => undefined),
  ]);
  if (shown !== 'signed out') {
    await runCommand('Attio: Sign Out');
    // with more than one workspace signed in, the command asks which: all of them
    const asked = await Promise.race([
      signedOut.waitFor({ state: 'visible', timeout: 60_000 }).then(() => false, () => false),
      quickInput.item('All workspaces').waitFor({ state: 'visible', timeout: 60_000 }).then(() => true, () => false),
    ]);
    if (asked) await quickInput.pick('All workspaces');
    await signedOut.waitFor({ state: 'visible', timeout: 60_000 });
  }
  await runCommand('View: Close All Editors');
  await page().locator('.part.editor .tabs-container .tab').first().waitFor({ state: 'detached', timeout: 30_000 });
}
