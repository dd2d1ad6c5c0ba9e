/** A cold page of a view, as the page benches open one. */
import type { Browser } from 'playwright-core';

export type WideView = 'table' | 'wall';

/** What the first line of each wide view is drawn as. */
export const WIDE_VIEW_FIRST: Record<WideView, string> = {
  table: '.table-body .table-line',
  wall: '.wall-tile',
};

/** How a view of the page opens: the window's size and the preferences stored before it loads. */
export interface PageLook {
  viewport: { width: number; height: number };
  preferences: Record<string, unknown>;
}

/**
 * The views the page benches open cold: the wide views at 1280×800 and the popover's list at
 * 380×560, each with its stored choice and what its first room is drawn as.
 */
export const PAGE_VIEWS = {
  table: {
    viewport: { width: 1280, height: 800 },
    preferences: { wideView: 'table' },
    first: WIDE_VIEW_FIRST.table,
  },
  wall: {
    viewport: { width: 1280, height: 800 },
    preferences: { wideView: 'wall' },
    first: WIDE_VIEW_FIRST.wall,
  },
  popover: { viewport: { width: 380, height: 560 }, preferences: {}, first: '.room' },
} as const satisfies Record<string, PageLook & { first: string }>;
export type PageView = keyof typeof PAGE_VIEWS;

/**
 * Run in the page before its own script: marks `first-room-in-dom` when the first `selector` enters
 * the page, then at the frame that draws it sets `window.__firstFrame` and logs `signal`
 * (console.debug), so that the bench is told rather than polling the page's main thread. With
 * `keepScreen`, it also keeps the page's `#app` as that frame drew it in `window.__firstScreen`.
 */
export const firstFrameProbe = (selector: string, signal: string, { keepScreen = false } = {}) => `(() => {
  window.__firstFrame = null;
  const seen = new MutationObserver(() => {
    if (window.__firstFrame !== null || !document.querySelector(${JSON.stringify(selector)})) return;
    seen.disconnect();
    performance.mark('first-room-in-dom');
    requestAnimationFrame(() => {
      window.__firstFrame = performance.now();
      ${keepScreen ? "window.__firstScreen = document.getElementById('app').outerHTML;" : ''}
      console.debug(${JSON.stringify(signal)});
    });
  });
  seen.observe(document, { childList: true, subtree: true });
})();`;

/**
 * A fresh context with `look`, with `probe` run before the page's own script, and a page in it not
 * yet navigated: `drawn` resolves when the probe logs `signal` (console.debug).
 */
export async function lookPage(browser: Browser, look: PageLook, probe: string, signal: string) {
  const context = await browser.newContext({ viewport: look.viewport, locale: 'en-US' });
  await context.addInitScript(
    `localStorage.setItem('headcount.preferences', ${JSON.stringify(JSON.stringify(look.preferences))});`,
  );
  await context.addInitScript(probe);
  const page = await context.newPage();
  page.setDefaultTimeout(120_000);
  const drawn = page.waitForEvent('console', {
    predicate: (message) => message.type() === 'debug' && message.text() === signal,
  });
  return { context, page, drawn };
}

/** A fresh 1280×800 context set to show `view`: see {@link lookPage}. */
export function wideViewPage(browser: Browser, view: WideView, probe: string, signal: string) {
  return lookPage(
    browser,
    { viewport: { width: 1280, height: 800 }, preferences: { wideView: view } },
    probe,
    signal,
  );
}
