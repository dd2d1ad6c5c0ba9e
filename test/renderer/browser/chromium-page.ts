/** Opening the synthetic popover in Debian's Chromium, for the renderer tests. */
import { mkdir } from 'node:fs/promises';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll } from 'vitest';
import { launchChromium, watchProblems } from '../../support/chromium';
import { type PageServer, servePopover } from './page-server';

export { seriousFindings } from '../../support/chromium';

/** How a context shows the page: its system language and theme, and the window's size. */
export interface PageOptions {
  locale?: string;
  colorScheme?: 'light' | 'dark';
  height?: number;
  /** 380 px unless told. */
  width?: number;
  acceptDownloads?: boolean;
}

function newContext(browser: Browser, options: PageOptions): Promise<BrowserContext> {
  return browser.newContext({
    viewport: { width: options.width ?? 380, height: options.height ?? 560 },
    deviceScaleFactor: 2,
    locale: options.locale ?? 'en-US',
    colorScheme: options.colorScheme ?? 'light',
    reducedMotion: 'reduce',
    acceptDownloads: options.acceptDownloads ?? false,
  });
}

/** Opens `url` in a fresh context; `errors` collects what the page threw or logged as an error. */
export async function openPage(
  browser: Browser,
  url: string,
  options: PageOptions = {},
): Promise<{ context: BrowserContext; page: Page; errors: string[] }> {
  const context = await newContext(browser, options);
  const page = await context.newPage();
  const errors = watchProblems(page);
  await page.goto(url);
  return { context, page, errors };
}

/** Where the renderer tests keep their screenshots, for people to look at (not committed). */
export const SHOTS = 'test-artifacts/ui';

/** A tab kept for the tests of one look, and what its page threw or logged as an error. */
interface SharedTab {
  page: Page;
  errors: string[];
}

/**
 * The synthetic popover served on loopback and Chromium launched before the file's tests, both
 * stopped after them. Call it at the top of a test file; `open` opens the page (with `query`, e.g.
 * `?tray=1`) in a fresh context, `openShared` in a tab kept for the file's tests of the same look.
 */
export function syntheticPopover() {
  let browser: Browser | undefined;
  let server: PageServer | undefined;
  /** One tab, in a context of its own, per look (system language and theme). */
  const tabs = new Map<string, SharedTab>();
  /** The tabs the running test has used. */
  const used = new Set<SharedTab>();
  beforeAll(async () => {
    await mkdir(SHOTS, { recursive: true });
    server = await servePopover();
    browser = await launchChromium();
  });
  // After each test, every tab it used forgets what the page kept (its local and session storage)
  // and goes to about:blank, which ends the page, its timers and its calls.
  afterEach(async () => {
    for (const tab of used) await forget(tab.page, (server as PageServer).url);
    used.clear();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });
  return {
    /** The page's folder, e.g. http://127.0.0.1:PORT/. */
    get url(): string {
      return (server as PageServer).url;
    },
    open: (query: string, options?: PageOptions) =>
      openPage(browser as Browser, `${(server as PageServer).url}${query}`, options),
    /**
     * Opens the page (with `query`) in the tab kept for `options`' language and theme, at its
     * size, as a fresh document on empty storage; `errors` holds only what this page threw or logged. For tests that need nothing
     * else of a fresh context (no clock, no downloads, no storage of their own set up before).
     */
    openShared: async (query: string, options: PageOptions = {}): Promise<SharedTab> => {
      const key = JSON.stringify([options.locale ?? 'en-US', options.colorScheme ?? 'light']);
      let tab = tabs.get(key);
      if (!tab) {
        const context = await newContext(browser as Browser, { ...options, acceptDownloads: false });
        const page = await context.newPage();
        tab = { page, errors: watchProblems(page) };
        tabs.set(key, tab);
      }
      used.add(tab);
      tab.errors.length = 0;
      // The size is the tab's, set before each page as a new context would have it.
      await tab.page.setViewportSize({ width: options.width ?? 380, height: options.height ?? 560 });
      await tab.page.goto(`${(server as PageServer).url}${query}`);
      return tab;
    },
  };
}

/**
 * Empties the local and session storage `page` has on `origin` and sends it to about:blank, with
 * the mouse off the page, so the next document there starts as in a new context.
 */
async function forget(page: Page, origin: string): Promise<void> {
  if (page.url().startsWith(origin))
    await page.evaluate(() => {
      localStorage.clear();
      sessionStorage.clear();
    });
  await page.goto('about:blank');
  // Anything written while the page was leaving.
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Storage.clearDataForOrigin', {
    origin: new URL(origin).origin,
    storageTypes: 'local_storage',
  });
  await cdp.detach();
  await page.mouse.move(-1, -1);
}

declare const localStorage: { clear(): void };
declare const sessionStorage: { clear(): void };
