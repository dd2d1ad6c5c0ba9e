/**
 * OBS's view of the overlay, in Debian's Chromium: an 800×600 page (a Browser Source's default)
 * opened on the overlay link of `headcount serve`, with every text the count ever showed recorded
 * from the first parse on, and the simulator driven through its control API over HTTP, as another
 * process would.
 */
import type { Browser, BrowserContext, Page } from 'playwright-core';
import type { RoomSpec, RunningSimulator } from '../../../main/simulator';
import { type Stage, startStage } from './stage';

/** The overlay token the overlay's end-to-end tests start `headcount serve` with. */
export const OVERLAY_TOKEN = 'obs-overlay-token-for-tests';

/** A stage whose `headcount serve` has the overlay on and watches every one of `rooms`. */
export function startOverlayStage(rooms: RoomSpec[], settings?: Record<string, unknown>): Promise<Stage> {
  // The overlay page is served by headcount serve (and by the tray app's own loopback server,
  // tested in test/node/overlay), whatever carries the popover.
  return startStage({
    transport: 'serve',
    rooms,
    watched: rooms.map((room) => room.groupId),
    env: { HEADCOUNT_OVERLAY_TOKEN: OVERLAY_TOKEN },
    ...(settings ? { settings } : {}),
  });
}

/** An open overlay and what went wrong in it. */
export interface OverlayPage {
  context: BrowserContext;
  page: Page;
  /** Page errors, console errors (a CSP refusal among them) and HTTP answers of 400 and above. */
  problems: string[];
}

export interface OverlayOpenOptions {
  reducedMotion?: 'reduce' | 'no-preference';
  /** Runs on the new page before the overlay loads (routes, a fake clock). */
  beforeLoad?: (page: Page) => Promise<void>;
}

/**
 * Notes each text of `.count` (the one parsed with the page, then every change) with when it was
 * shown, in `window.__counts`, so a test can say that no 0 or blank ever showed.
 */
const RECORD_COUNTS = `(() => {
  const counts = [];
  window.__counts = counts;
  let watched = null;
  const note = () => {
    const node = document.querySelector('.count');
    if (!node) return;
    if (node !== watched) {
      watched = node;
      new MutationObserver(note).observe(node, { childList: true, characterData: true, subtree: true });
    }
    const text = node.textContent;
    if (counts.length === 0 || counts[counts.length - 1].text !== text)
      counts.push({ text, at: performance.timeOrigin + performance.now() });
  };
  new MutationObserver(note).observe(document, { childList: true, subtree: true });
})();`;

/** The link of a room's overlay with `query` added. */
export function overlayUrl(base: string, groupId: string, token: string, query = ''): string {
  const link = `${base}/overlay?${new URLSearchParams({ room: groupId, token })}`;
  return query === '' ? link : `${link}&${query}`;
}

/** A context as OBS's Browser Source is: 800×600, every count the page shows recorded. */
async function overlayContext(browser: Browser, reducedMotion: 'reduce' | 'no-preference') {
  const context = await browser.newContext({ viewport: { width: 800, height: 600 }, reducedMotion });
  await context.addInitScript(RECORD_COUNTS);
  return context;
}

/** A new page of `context` whose errors, refused requests and HTTP answers of 400 and above go to `problems`. */
async function watchedPage(context: BrowserContext, problems: string[]): Promise<Page> {
  const page = await context.newPage();
  page.setDefaultTimeout(20_000);
  page.on('pageerror', (error) => problems.push(error.message));
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(`${message.text()} (${message.location().url})`);
  });
  page.on('response', (response) => {
    if (response.status() >= 400) problems.push(`${response.status()} ${response.url()}`);
  });
  return page;
}

/** Opens `url` as OBS would show it: 800×600, transparent, in a fresh context. */
export async function openOverlay(
  browser: Browser,
  url: string,
  options: OverlayOpenOptions = {},
): Promise<OverlayPage> {
  const context = await overlayContext(browser, options.reducedMotion ?? 'reduce');
  const problems: string[] = [];
  const page = await watchedPage(context, problems);
  await options.beforeLoad?.(page);
  await page.goto(url);
  return { context, page, problems };
}

/**
 * Overlay pages for a file that opens many, each a fresh document as {@link openOverlay}'s, but
 * loaded in a tab a test before had used and given back, where a new tab costs Chromium a renderer
 * process (most of a look's time under load). A tab is given back on about:blank, so nothing of
 * its last overlay runs on and its event stream is closed: one context holds at most six streams
 * to one host at once (Chromium's limit per host), so a test opens at most six overlays.
 */
export interface OverlayTabs {
  /** Loads `url` in a free tab (a new one when none is free), as {@link openOverlay} does. */
  open(url: string, options?: Pick<OverlayOpenOptions, 'reducedMotion'>): Promise<OverlayPage>;
  /** Gives back every tab opened since the last call, each with the problems it saw there. */
  release(): Promise<string[][]>;
  close(): Promise<void>;
}

export async function overlayTabs(browser: Browser): Promise<OverlayTabs> {
  const context = await overlayContext(browser, 'reduce');
  const free: Array<{ page: Page; problems: string[] }> = [];
  const taken: Array<{ page: Page; problems: string[] }> = [];
  return {
    async open(url, options = {}) {
      if (taken.length >= 6)
        throw new Error('Six overlays open at once already: Chromium would queue a seventh.');
      const tab =
        free.shift() ??
        (await (async () => {
          const problems: string[] = [];
          return { page: await watchedPage(context, problems), problems };
        })());
      taken.push(tab);
      await tab.page.emulateMedia({ reducedMotion: options.reducedMotion ?? 'reduce' });
      await tab.page.goto(url);
      return { context, page: tab.page, problems: tab.problems };
    },
    async release() {
      const seen: string[][] = [];
      for (const tab of taken.splice(0)) {
        await tab.page.goto('about:blank');
        seen.push(tab.problems.splice(0));
        free.push(tab);
      }
      return seen;
    },
    close: () => context.close(),
  };
}

/** Every text the page's count showed, in order, with when (epoch ms). */
export function countsShown(page: Page): Promise<Array<{ text: string; at: number }>> {
  return page.evaluate('window.__counts') as Promise<Array<{ text: string; at: number }>>;
}

/** The text of the count now. */
export async function countText(page: Page): Promise<string> {
  return (await page.locator('.count').textContent()) ?? '';
}

/** POSTs a change to the simulator's control API (`/_sim/<name>`), as another process would. */
export async function simulatorChange(sim: RunningSimulator, name: string, body: object = {}): Promise<void> {
  const answer = await fetch(`${sim.baseUrl}/_sim/${name}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  if (!answer.ok) throw new Error(`The simulator refused ${name}: ${await answer.text()}`);
}

/** The times (epoch ms) the simulator was asked for a room's count, read through its control API. */
export async function pollsOf(sim: RunningSimulator, groupId: string): Promise<number[]> {
  const records = (await (await fetch(`${sim.baseUrl}/_sim/requests`)).json()) as Array<{
    at: number;
    command: string;
    groupId?: string;
  }>;
  return records
    .filter((record) => record.command === 'get_online_member_num' && record.groupId === groupId)
    .map((record) => record.at);
}
