/** Debian Chromium for the renderer tests: launching it, opening the synthetic popover, and axe. */
import { readFile } from 'node:fs/promises';
import type { Browser, BrowserContext, Page } from 'playwright-core';

export { launchChromium } from '../../support/chromium';

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
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  page.on('console', (message) => {
    // The page's <meta> CSP repeats frame-ancestors, which only a header (Electron sends it) can carry.
    if (message.type() === 'error' && !message.text().includes("'frame-ancestors' is ignored"))
      errors.push(message.text());
  });
  await page.goto(url);
  return { context, page, errors };
}

interface AxeViolation {
  id: string;
  impact: string | null;
  nodes: Array<{ target: string[] }>;
}

/** Axe findings that are serious or critical, as "rule: target" lines. */
export async function seriousFindings(page: Page): Promise<string[]> {
  await page.evaluate(await readFile('node_modules/axe-core/axe.min.js', 'utf8'));
  const violations = await page.evaluate(async () => {
    const axe = (globalThis as unknown as { axe: { run(): Promise<{ violations: AxeViolation[] }> } }).axe;
    return (await axe.run()).violations;
  });
  return violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .flatMap((v) => v.nodes.map((node) => `${v.id}: ${node.target.join(' ')}`));
}
