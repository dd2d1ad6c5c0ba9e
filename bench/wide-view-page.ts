/** A cold page of a wide view, as the wide-view benches open one. */
import type { Browser } from 'playwright-core';

export type WideView = 'table' | 'wall';

/** What the first line of each wide view is drawn as. */
export const WIDE_VIEW_FIRST: Record<WideView, string> = {
  table: '.table-body .table-line',
  wall: '.wall-tile',
};

/**
 * A fresh 1280×800 context set to show `view`, with `probe` run before the page's own script, and a
 * page in it not yet navigated: `drawn` resolves when the probe logs `signal` (console.debug).
 */
export async function wideViewPage(browser: Browser, view: WideView, probe: string, signal: string) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, locale: 'en-US' });
  await context.addInitScript(
    `localStorage.setItem('headcount.preferences', ${JSON.stringify(JSON.stringify({ wideView: view }))});`,
  );
  await context.addInitScript(probe);
  const page = await context.newPage();
  page.setDefaultTimeout(120_000);
  const drawn = page.waitForEvent('console', {
    predicate: (message) => message.type() === 'debug' && message.text() === signal,
  });
  return { context, page, drawn };
}
