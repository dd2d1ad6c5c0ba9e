/**
 * What the end-to-end tests share: Debian's Chromium, a page on the dashboard link that
 * `headcount serve` printed (collecting page errors, failed requests and console errors), the axe
 * scan, and the folder the screenshots go to.
 */
import { mkdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { launchChromium as launchShared } from '../../support/chromium';

/** Screenshots of the main views, for people to look at (test-artifacts/ is not committed). */
export const SHOTS = resolve(import.meta.dirname, '../../../test-artifacts/e2e');

/** Starts Debian's Chromium, headless, with nothing running in the background. */
export function launchChromium(): Promise<Browser> {
  mkdirSync(SHOTS, { recursive: true });
  return launchShared();
}

/** A page on the dashboard and what went wrong in it. */
export interface DashboardPage {
  context: BrowserContext;
  page: Page;
  /** Page errors, HTTP answers of 400 and above, and console errors, in order. */
  problems: string[];
}

/** How to open the dashboard: English and light unless told. */
export interface OpenOptions {
  locale?: string;
  colorScheme?: 'light' | 'dark';
  /** 420×640 unless told. */
  viewport?: { width: number; height: number };
  /** Runs on the new page before it loads the dashboard, e.g. to record what the page receives. */
  beforeLoad?: (page: Page) => Promise<void>;
}

/** Opens the dashboard link in a fresh context and waits until the first room row is shown. */
export async function openDashboard(
  browser: Browser,
  link: string,
  options: OpenOptions = {},
): Promise<DashboardPage> {
  const context = await browser.newContext({
    viewport: options.viewport ?? { width: 420, height: 640 },
    locale: options.locale ?? 'en-US',
    colorScheme: options.colorScheme ?? 'light',
    reducedMotion: 'reduce',
    acceptDownloads: true,
  });
  const page = await context.newPage();
  // A step that never happens fails by its own name, before the test's 30 s run out.
  page.setDefaultTimeout(20_000);
  const problems: string[] = [];
  page.on('pageerror', (error) => problems.push(error.message));
  page.on('response', (response) => {
    if (response.status() >= 400) problems.push(`${response.status()} ${response.url()}`);
  });
  page.on('console', (message) => {
    // The page's <meta> CSP repeats frame-ancestors, which only the header (sent too) can carry.
    if (message.type() === 'error' && !message.text().includes("'frame-ancestors' is ignored"))
      problems.push(message.text());
  });
  await options.beforeLoad?.(page);
  await page.goto(link);
  await page.getByRole('list').getByRole('listitem').first().waitFor();
  return { context, page, problems };
}

/** The list item of the room whose row button is named `name`. */
export function roomRow(page: Page, name: string | RegExp): Locator {
  return page
    .getByRole('listitem')
    .filter({ has: page.getByRole('button', { name, exact: typeof name === 'string' }) });
}

/** The text of a room's row, or '' while it is not shown. */
export async function rowText(page: Page, name: string | RegExp): Promise<string> {
  const row = roomRow(page, name);
  return (await row.count()) === 0 ? '' : ((await row.first().textContent()) ?? '');
}

const axeSource = readFileSync(
  resolve(import.meta.dirname, '../../../node_modules/axe-core/axe.min.js'),
  'utf8',
);

/** Axe findings on the page as it is now that are serious or critical, as "rule: target" lines. */
export async function seriousFindings(page: Page): Promise<string[]> {
  await page.evaluate(axeSource);
  const violations = (await page.evaluate('axe.run().then((result) => result.violations)')) as Array<{
    id: string;
    impact: string | null;
    nodes: Array<{ target: string[] }>;
  }>;
  return violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .flatMap((v) => v.nodes.map((node) => `${v.id}: ${node.target.join(' ')}`));
}

/** Saves a screenshot of the page as test-artifacts/e2e/<name>.png. */
export function screenshot(page: Page, name: string): Promise<Buffer> {
  return page.screenshot({ path: resolve(SHOTS, `${name}.png`) });
}
