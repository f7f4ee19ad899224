/**
 * Sign-in as a person does it: Command Palette → "Attio: Sign In" → "Paste an access token" → paste → Enter;
 * then "Attio: Verify Connection" shows the report; "Attio: Sign Out" returns the views to the welcome state.
 */
import * as assert from 'assert';
import type { Page } from 'playwright-core';
import { fixture, notification, openAttioContainer, page, quickInput, runCommand, screenshot, server, welcomeView } from './fixture';

const statusBarItem = (p: Page = page()) => p.locator('.part.statusbar .statusbar-item', { hasText: /Northwind Labs|Attio: Signed out/ }).first();

suite('UI: sign in with a pasted token, verify, sign out', () => {
  /** A second window on the same workbench: it must follow sign-in and sign-out without a reload. */
  let second: Page | undefined;
  suiteTeardown(async () => {
    await second?.close().catch(() => undefined);
  });

  test('an inactive token is refused with a clear message', async () => {
    await openAttioContainer();
    await runCommand('Attio: Sign In');
    await quickInput.pick('Paste an access token');
    await quickInput.fill(server().tokens.inactive, true);
    const toast = await notification(/not active/);
    assert.match(await toast.innerText(), /Nothing was stored/);
    await screenshot('sign-in-inactive');
    await page().keyboard.press('Escape');
  });

  test('a pasted token signs in: the workspace is named and the views leave the welcome state', async () => {
    await runCommand('Attio: Sign In');
    await quickInput.pick('Paste an access token');
    assert.match(await quickInput.text(), /access token/i);
    await quickInput.fill(`  ${server().tokens.full}  `, true);
    await notification(/Signed in to Attio workspace "Northwind Labs"/);
    await statusBarItem().waitFor({ state: 'visible' });
    assert.match(await statusBarItem().innerText(), /Northwind Labs/);
    await welcomeView('Objects').waitFor({ state: 'hidden', timeout: 20_000 });
    await screenshot('signed-in');
  });

  test('Verify Connection shows workspace, scopes and what works', async () => {
    await runCommand('Attio: Verify Connection');
    const frame = page().frameLocator('iframe.webview.ready').frameLocator('iframe#active-frame');
    const heading = frame.locator('h1', { hasText: 'Attio connection' });
    await heading.waitFor({ state: 'visible', timeout: 30_000 });
    const text = await frame.locator('body').innerText();
    assert.match(text, /Northwind Labs/);
    assert.match(text, /northwind-labs/);
    assert.match(text, /task:read-write/);
    assert.match(text, /Every feature of Attio Explorer works/);
    await screenshot('verify-connection');
  });

  test('a second window opened on the same workbench shares the session', async () => {
    const f = fixture();
    second = await f.browser.context.newPage();
    await second.goto(f.codeServer.workbenchUrl(f.workspaceFolder), { timeout: 60_000 });
    await second.locator('.part.activitybar').waitFor({ timeout: 60_000 });
    await second.locator('.part.activitybar [aria-label^="Attio"]').first().click();
    await statusBarItem(second).filter({ hasText: 'Northwind Labs' }).waitFor({ state: 'visible', timeout: 30_000 });
    await second.close();
    second = undefined;
    await page().bringToFront();
  });

  test('Sign Out returns the views to the welcome state', async () => {
    await runCommand('Attio: Sign Out');
    // a full-access token session has no OAuth client secret, so there is nothing else to ask
    await welcomeView('Objects').waitFor({ state: 'visible', timeout: 20_000 });
    assert.match(await statusBarItem().innerText(), /Signed out/);
    await screenshot('signed-out');
  });
});
