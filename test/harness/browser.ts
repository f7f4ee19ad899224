/**
 * Headless Debian Chromium through playwright-core, with a fresh profile. Pages the workbench opens itself
 * (window.open from `vscode.env.openExternal`, e.g. an OAuth authorize page) are allowed to load (Playwright starts
 * Chromium with popup blocking off) and are logged at debug level.
 */
import { BrowserContext, chromium, Page } from 'playwright-core';
import { createLogger } from './log';
import { chromiumPath, makeTempDir, removeDir } from './paths';

const log = createLogger('browser');

export const chromiumArgs = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export interface Browser {
  readonly context: BrowserContext;
  /** The first tab. */
  readonly page: Page;
  /** Every page opened after the first one (popups, new tabs), in order. */
  readonly openedPages: Page[];
  close(): Promise<void>;
}

export interface BrowserOptions {
  viewport?: { width: number; height: number };
}

export async function launchBrowser(options: BrowserOptions = {}): Promise<Browser> {
  const profile = makeTempDir('chromium-profile');
  let context: BrowserContext;
  try {
    context = await chromium.launchPersistentContext(profile, {
      executablePath: chromiumPath,
      headless: true,
      viewport: options.viewport ?? { width: 1400, height: 900 },
      // keep crash reports and dconf out of $HOME
      env: { ...process.env, XDG_CONFIG_HOME: profile, XDG_CACHE_HOME: profile },
      args: chromiumArgs,
      // the team sign-in broker of the web suite serves https on [::1] with a certificate made for the run
      // (test/harness/brokerScenery.ts); no other suite uses https
      ignoreHTTPSErrors: true,
      timeout: 60_000,
    });
  } catch (e) {
    removeDir(profile);
    throw e;
  }
  const page = context.pages()[0] ?? (await context.newPage());
  const openedPages: Page[] = [];
  context.on('page', p => {
    openedPages.push(p);
    log.debug(`page opened: ${p.url() || '(blank)'}`);
    p.on('framenavigated', f => {
      if (f === p.mainFrame()) log.debug(`opened page navigated: ${f.url()}`);
    });
    p.on('close', () => log.debug(`opened page closed: ${p.url()}`));
  });
  let closing: Promise<void> | undefined;
  return {
    context,
    page,
    openedPages,
    close() {
      closing ??= (async () => {
        const timer = new Promise<void>(r => setTimeout(r, 10_000).unref());
        await Promise.race([context.close().catch(() => undefined), timer]);
        removeDir(profile);
      })();
      return closing;
    },
  };
}

/** Waits until the workbench has rendered its activity bar. */
export async function waitForWorkbench(page: Page, timeoutMs = 90_000): Promise<void> {
  await page.waitForSelector('.monaco-workbench', { timeout: timeoutMs });
  await page.waitForSelector('.part.activitybar', { timeout: timeoutMs });
}
