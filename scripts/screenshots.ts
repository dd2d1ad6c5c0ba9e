/**
 * `npm run screenshots`: the real page, served by the built `headcount serve` watching the
 * simulator, in Debian's Chromium, at popover size (400×600) and on a desktop screen (1280×800),
 * light and dark, English and Chinese, with 6 rooms and with 2,000. Writes docs/screenshots/*.png;
 * the README shows the best of them. Chinese needs a CJK font (Debian's fonts-noto-cjk, installed
 * by .ci/run). Run after `npm run build` (the script does both).
 */
import { mkdirSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { launchChromium } from '../test/support/chromium';
import { type ServedScene, serveScene } from './scene/serve-scene';

const OUT = 'docs/screenshots';

type Look = { locale: 'en-US' | 'zh-CN'; scheme: 'light' | 'dark' };
const LOOKS: Look[] = [
  { locale: 'en-US', scheme: 'light' },
  { locale: 'en-US', scheme: 'dark' },
  { locale: 'zh-CN', scheme: 'light' },
  { locale: 'zh-CN', scheme: 'dark' },
];
const tag = (look: Look) => `${look.locale === 'en-US' ? 'en' : 'zh'}-${look.scheme}`;

async function open(
  browser: Browser,
  link: string,
  look: Look,
  width: number,
  height: number,
): Promise<Page> {
  const context = await browser.newContext({
    viewport: { width, height },
    locale: look.locale,
    colorScheme: look.scheme,
    reducedMotion: 'reduce',
  });
  const page = await context.newPage();
  await page.goto(link);
  await page.locator('.room:visible, .table-body .table-line:visible').first().waitFor();
  // The sparklines and every row's texts are in once the page has been up for a moment.
  await page
    .waitForFunction('document.querySelectorAll(\'.spark path[d^="M"]\').length > 0', null, {
      timeout: 10_000,
    })
    .catch(() => {});
  return page;
}

async function shoot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: `${OUT}/${name}.png` });
  process.stdout.write(`${OUT}/${name}.png\n`);
}

async function popoverShots(browser: Browser, served: ServedScene, rooms: number): Promise<void> {
  for (const look of LOOKS) {
    const page = await open(browser, served.link, look, 400, 600);
    await shoot(page, `popover-${rooms}-${tag(look)}`);
    if (rooms === 6) {
      await page.locator('.to-alerts').click();
      await page.locator('.alert-entry').nth(4).waitFor();
      await shoot(page, `alerts-${tag(look)}`);
    }
    await page.context().close();
  }
}

async function wideShots(browser: Browser, served: ServedScene, rooms: number): Promise<void> {
  for (const look of LOOKS) {
    const page = await open(browser, served.link, look, 1280, 800);
    await shoot(page, `table-${rooms}-${tag(look)}`);
    await page.locator('.view-switch [data-view="wall"]').click();
    await page.locator('.wall-tile').first().waitFor();
    await shoot(page, `wall-${rooms}-${tag(look)}`);
    // The choice is the page's: back to the table for the next look.
    await page.locator('.view-switch [data-view="table"]').click();
    await page.context().close();
  }
}

mkdirSync(OUT, { recursive: true });
const browser = await launchChromium();
try {
  for (const rooms of [6, 2000]) {
    const served = await serveScene(rooms, rooms > 200 ? 10 : 2);
    try {
      await served.settled();
      await popoverShots(browser, served, rooms);
      await wideShots(browser, served, rooms);
    } finally {
      await served.stop();
    }
  }
} finally {
  await browser.close();
}
