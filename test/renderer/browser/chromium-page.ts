/** Opening the synthetic popover in Debian's Chromium, for the renderer tests. */
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { watchProblems } from '../../support/chromium';

export { launchChromium, seriousFindings } from '../../support/chromium';

/** Opens `url` in a fresh context; `errors` collects what the page threw or logged as an error. */
export async function openPage(
  browser: Browser,
  url: string,
  options: {
    locale?: string;
    colorScheme?: 'light' | 'dark';
    height?: number;
    acceptDownloads?: boolean;
  } = {},
): Promise<{ context: BrowserContext; page: Page; errors: string[] }> {
  const context = await browser.newContext({
    viewport: { width: 380, height: options.height ?? 560 },
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
