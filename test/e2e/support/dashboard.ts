/**
 * What the end-to-end tests share: Debian's Chromium, a page on the dashboard link that
 * `headcount serve` printed (collecting page errors, failed requests and console errors), the axe
 * scan, and the folder the screenshots go to.
 */
import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { launchChromium as launchShared, watchProblems } from '../../support/chromium';

export { seriousFindings } from '../../support/chromium';

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
  /** With the stage's recorder: everything the page was given (answers, pushes), as text. */
  received?: () => Promise<string[]>;
}

/** How to open the dashboard: English and light unless told. */
export interface OpenOptions {
  locale?: string;
  colorScheme?: 'light' | 'dark';
  /** 420×640 unless told. */
  viewport?: { width: number; height: number };
  /** Runs on the new page before it loads the dashboard, e.g. to watch what the page asks for. */
  beforeLoad?: (page: Page) => Promise<void>;
  /** Keep everything the page is given, for {@link DashboardPage.received}. */
  record?: boolean;
  /** Runs on the new page before it loads the dashboard: the stage readies its transport there. */
  prepare?: (page: Page) => Promise<Pick<DashboardPage, 'received'>>;
}

/** Opens the dashboard link in a fresh context and waits until the first room is shown (a row, or a table line when wide). */
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
  const problems = watchProblems(page, { httpErrors: true });
  const prepared = await options.prepare?.(page);
  await options.beforeLoad?.(page);
  await page.goto(link);
  await page
    .getByRole('list')
    .getByRole('listitem')
    .or(page.getByRole('table').getByRole('row').nth(1))
    .first()
    .waitFor();
  return { context, page, problems, ...prepared };
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

/** Saves a screenshot of the page as test-artifacts/e2e/<name>.png. */
export function screenshot(page: Page, name: string): Promise<Buffer> {
  return page.screenshot({ path: resolve(SHOTS, `${name}.png`) });
}
