/** Opening the synthetic popover in Debian's Chromium, for the renderer tests. */
import { mkdir } from 'node:fs/promises';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { launchChromium, watchProblems } from '../../support/chromium';
import { type PageServer, servePopover } from './page-server';

export { seriousFindings } from '../../support/chromium';

/** Opens `url` in a fresh context; `errors` collects what the page threw or logged as an error. */
export async function openPage(
  browser: Browser,
  url: string,
  options: {
    locale?: string;
    colorScheme?: 'light' | 'dark';
    height?: number;
    /** 380 px unless told. */
    width?: number;
    acceptDownloads?: boolean;
  } = {},
): Promise<{ context: BrowserContext; page: Page; errors: string[] }> {
  const context = await browser.newContext({
    viewport: { width: options.width ?? 380, height: options.height ?? 560 },
    deviceScaleFactor: 2,
    locale: options.locale ?? 'en-US',
    colorScheme: options.colorScheme ?? 'light',
    reducedMotion: 'reduce',
    acceptDownloads: options.acceptDownloads ?? false,
  });
  const page = await context.newPage();
  const errors = watchProblems(page);
  await page.goto(url);
  return { context, page, errors };
}

/** Where the renderer tests keep their screenshots, for people to look at (not committed). */
export const SHOTS = 'test-artifacts/ui';

/**
 * The synthetic popover served on loopback and Chromium launched before the file's tests, both
 * stopped after them. Call it at the top of a test file; `open` opens the page (with `query`, e.g.
 * `?tray=1`) in a fresh context.
 */
export function syntheticPopover() {
  let browser: Browser | undefined;
  let server: PageServer | undefined;
  beforeAll(async () => {
    await mkdir(SHOTS, { recursive: true });
    server = await servePopover();
    browser = await launchChromium();
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
    open: (query: string, options?: Parameters<typeof openPage>[2]) =>
      openPage(browser as Browser, `${(server as PageServer).url}${query}`, options),
  };
}
