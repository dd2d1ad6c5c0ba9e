/**
 * The built popover in Debian Chromium with 2000 synthetic rooms: virtualised rows, scrolling,
 * a pushed count changing one row in place, keyboard moves, the switch to Chinese, and an axe scan
 * without serious or critical findings. Screenshots go to test-artifacts/ui/ for a person to judge.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { SHOTS, seriousFindings, syntheticPopover } from './browser/chromium-page';

// The callbacks given to page.evaluate run in the page. The tests' program has no DOM library, so
// the few page globals they touch are declared here, for this module only.
interface PageElement {
  dataset: Record<string, string | undefined>;
  className: string;
  id: string;
  textContent: string | null;
  previousElementSibling: PageElement | null;
  classList: { contains(name: string): boolean };
  closest(selector: string): PageElement | null;
  querySelector(selector: string): PageElement | null;
  getAttribute(name: string): string | null;
}
declare const document: {
  body: unknown;
  activeElement: PageElement | null;
  querySelector(selector: string): PageElement | null;
  querySelectorAll(selector: string): Iterable<PageElement> & { length: number };
};
declare const requestAnimationFrame: (callback: () => void) => number;
declare const CSS: { escape(text: string): string };
declare const getComputedStyle: (element: unknown) => { backgroundColor: string };

interface Retried {
  syntheticMonitor: { retried: string[] };
}

const PANEL = '.status-panel:not([hidden])';

const popover = syntheticPopover();

async function open(
  options: { locale?: string; colorScheme?: 'light' | 'dark'; query?: string; waitFor?: string } = {},
): Promise<{ page: Page }> {
  // A tab kept for the tests of the same language and theme, on empty storage: none of them needs
  // more of a new context (chromium-page.ts).
  const { page, errors } = await popover.openShared(options.query ?? '', options);
  await page.waitForSelector(options.waitFor ?? '.room');
  expect(errors).toEqual([]);
  return { page };
}

const renderedKeys = (page: Page) =>
  page.$$eval('.room', (rows) => rows.map((row) => (row as unknown as PageElement).dataset.key ?? ''));

/** Waits two frames, so a scroll has been drawn. */
const frames = (page: Page) =>
  page.evaluate(
    () => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(() => resolve(null)))),
  );

/**
 * Whether the rendered rooms of each group are in the order of their shown window change: biggest
 * swing first, unknown last. Reads the digits the rows show; a heading, or a gap in the positions
 * (the focused row kept rendered far away), starts a new run.
 */
const windowOrderHolds = (page: Page) =>
  page.evaluate(() => {
    const groups: number[][] = [];
    let last = -1;
    for (const entry of document.querySelectorAll('.entry')) {
      const position = Number(entry.getAttribute('aria-posinset'));
      if (entry.classList.contains('heading') || position !== last + 1) groups.push([]);
      last = position;
      if (!entry.classList.contains('heading')) {
        const text = entry.querySelector('.window-value')?.textContent ?? '';
        const size = text === '' ? -1 : Number(text.replace(/[^\d]/g, ''));
        groups.at(-1)?.push(size);
      }
    }
    return groups.every((sizes) => sizes.every((size, i) => i === 0 || size <= (sizes[i - 1] as number)));
  });

describe('the popover in Chromium, with 2000 rooms', () => {
  it('keeps only a window of rows in the DOM and shows other rooms when scrolled', async () => {
    const { page } = await open();
    const first = await renderedKeys(page);
    expect(first.length).toBeGreaterThan(5);
    expect(first.length).toBeLessThan(40);
    expect(await page.getAttribute('.room', 'aria-setsize')).toMatch(/^20\d\d$/);
    expect(await page.textContent('h1')).toMatch(/^[\d,]+ online$/);

    await page.$eval('.room-scroll', (scroller) => {
      scroller.scrollTop = 40_000;
    });
    await frames(page);
    const later = await renderedKeys(page);
    expect(later.length).toBeLessThan(40);
    // The first rows' active one stays rendered for focus; every other row is new.
    expect(later.filter((key) => first.includes(key)).length).toBeLessThanOrEqual(1);
  });

  it('applies a pushed count to its row in place, then re-sorts within a moment', async () => {
    const { page } = await open();
    await page.selectOption('#room-sort', 'count');
    const result = await page.evaluate(() => {
      const rows = [...document.querySelectorAll('.room')];
      const target = rows[5] as PageElement;
      const key = target.dataset.key as string;
      const before = rows.map((row) => row.querySelector('.count')?.textContent);
      (
        globalThis as unknown as { syntheticMonitor: { update(k: string, c: object): void } }
      ).syntheticMonitor.update(key, { online: 987_654, change1m: 1500 });
      const now = [...document.querySelectorAll('.room')];
      return {
        key,
        sameElements: rows.every((row, i) => row === now[i]),
        count: target.querySelector('.count')?.textContent,
        says: target.querySelector('[id^="room-says-"]')?.textContent,
        others: now.every(
          (row, i) => row === target || row.querySelector('.count')?.textContent === before[i],
        ),
      };
    });
    expect(result).toMatchObject({ sameElements: true, count: '987,654', others: true });
    expect(result.says).toContain('up 1,500 in the last minute');
    // Sorted by count, the room moves up to the first place after its group's pinned rooms.
    await page.waitForFunction(
      (key) => {
        const row = document.querySelector(`.room[data-key="${CSS.escape(key)}"]`);
        return row?.previousElementSibling?.classList.contains('heading') ?? false;
      },
      result.key,
      { timeout: 3000 },
    );
  });

  it('shows the change over the chosen window, sorts by it, and keeps the choice', async () => {
    const { page } = await open();
    expect(await page.inputValue('#room-window')).toBe('15m');
    // Sorted by count, the first rows are rooms with a current count (a change to tell).
    await page.selectOption('#room-sort', 'count');
    // A room on screen gets a big rise over 5 minutes and a small one over 15.
    const key = await page.$$eval('.room', (rows) => (rows[5] as unknown as PageElement).dataset.key ?? '');
    await page.evaluate(
      (k) =>
        (
          globalThis as unknown as { syntheticMonitor: { update(k: string, c: object): void } }
        ).syntheticMonitor.update(k, { changes: { '5m': 99_999, '15m': 2, '30m': null, '1h': null } }),
      key,
    );
    const row = (part: string) => page.textContent(`.room[data-key="${key}"] ${part}`);
    expect([await row('.window-value'), await row('.window-name')]).toEqual(['+2', '/ 15 min']);
    expect(await row('[id^="room-says-"]')).toContain('+2 in 15 min');

    await page.selectOption('#room-window', '5m');
    expect([await row('.window-value'), await row('.window-name')]).toEqual(['+99,999', '/ 5 min']);
    expect(await row('[id^="room-says-"]')).toContain('+99,999 in 5 min');

    // By change over 5 minutes the room leads its group; over 15 it does not.
    const leads = () =>
      page.evaluate((k) => {
        const el = document.querySelector(`.room[data-key="${CSS.escape(k)}"]`);
        return el?.previousElementSibling?.classList.contains('heading') ?? false;
      }, key);
    await page.selectOption('#room-sort', 'change');
    expect(await leads()).toBe(true);
    expect(await windowOrderHolds(page)).toBe(true);
    await page.selectOption('#room-window', '15m');
    expect(await leads()).toBe(false);
    expect(await windowOrderHolds(page)).toBe(true);

    await page.selectOption('#room-window', '1h');
    await page.reload();
    await page.waitForSelector('.room');
    expect(await page.inputValue('#room-window')).toBe('1h');
    expect(await page.inputValue('#room-sort')).toBe('change');
  });

  it('moves focus with the arrow keys, opens a detail line with Enter, and keeps a sane Tab order', async () => {
    const { page } = await open();
    const focusedKey = () => page.evaluate(() => document.activeElement?.closest('.room')?.dataset.key);
    await page.focus('#room-query');
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('room-sort');
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('room-window');
    await page.keyboard.press('Tab');
    const start = await focusedKey();
    expect(start).toBeTruthy();
    expect(await page.evaluate(() => document.activeElement?.className)).toBe('room-main');

    await page.keyboard.press('ArrowDown');
    const next = await focusedKey();
    expect(next).toBeTruthy();
    expect(next).not.toBe(start);
    await page.keyboard.press('ArrowUp');
    expect(await focusedKey()).toBe(start);

    await page.keyboard.press('Enter');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('aria-expanded'))).toBe('true');
    await page.screenshot({ path: `${SHOTS}/detail-open.png` });
    await page.keyboard.press('Escape');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('aria-expanded'))).toBe('false');

    await page.keyboard.press('End');
    const last = await focusedKey();
    expect(await page.$eval('.room-scroll', (scroller) => scroller.scrollTop)).toBeGreaterThan(50_000);
    await page.keyboard.press('ArrowRight');
    expect(await page.evaluate(() => document.activeElement?.className)).toBe('pin');
    expect(await focusedKey()).toBe(last);
  });

  it('switches to Chinese from the settings at once and keeps the choice', async () => {
    const { page } = await open();
    await page.click('.to-settings');
    await page.focus('#l-language');
    await page.selectOption('#l-language', 'zh-CN');
    // The settings are drawn again in Chinese with the language control still focused.
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('l-language');
    await page.click('.to-settings');
    expect(await page.getAttribute('html', 'lang')).toBe('zh-CN');
    expect(await page.textContent('label[for="room-query"]')).toBe('筛选房间');
    expect(await page.textContent('h1')).toMatch(/人在线$/);
    expect(await page.textContent('.heading')).toContain('个房间');
    await page.reload();
    await page.waitForSelector('.room');
    expect(await page.getAttribute('html', 'lang')).toBe('zh-CN');
  });

  it.each([
    { name: 'light', locale: 'en-US', colorScheme: 'light' as const },
    { name: 'dark', locale: 'en-US', colorScheme: 'dark' as const },
    { name: 'zh-CN', locale: 'zh-CN', colorScheme: 'light' as const },
    { name: 'zh-CN-dark', locale: 'zh-CN', colorScheme: 'dark' as const },
  ])('follows the system language and theme ($name) with no serious axe findings', async (look) => {
    const { page } = await open(look);
    expect(await page.getAttribute('html', 'lang')).toBe(look.locale === 'zh-CN' ? 'zh-CN' : 'en');
    const background = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
    expect(background).toBe(look.colorScheme === 'dark' ? 'rgb(27, 28, 31)' : 'rgb(255, 255, 255)');
    await page.screenshot({ path: `${SHOTS}/${look.name}.png` });
    expect(await seriousFindings(page)).toEqual([]);
  });

  it('lets the theme control override the system', async () => {
    const { page } = await open({ colorScheme: 'light' });
    await page.click('.to-settings');
    await page.selectOption('#l-theme', 'dark');
    expect(await page.getAttribute('html', 'data-theme')).toBe('dark');
    expect(await page.evaluate(() => getComputedStyle(document.body).backgroundColor)).toBe(
      'rgb(27, 28, 31)',
    );
  });

  it('filters by text, says when nothing matches, and pins a room to the top', async () => {
    const { page } = await open();
    await page.fill('#room-query', 'morning yoga 1');
    await page.waitForFunction(() => document.querySelectorAll('.room').length < 40);
    const names = await page.$$eval('.room .name', (nodes) => nodes.map((node) => node.textContent ?? ''));
    expect(names.length).toBeGreaterThan(0);
    expect(names.every((name) => name.toLowerCase().includes('morning yoga 1'))).toBe(true);
    expect(await page.textContent('.state-chips .filtered')).toMatch(/rooms? match/);

    await page.fill('#room-query', 'no such room');
    expect(await page.textContent('.status-panel')).toContain('No room matches “no such room”.');
    await page.click('.status-panel button');
    expect(await page.inputValue('#room-query')).toBe('');

    const key = await page.$eval('.room:not([data-pinned]) .name', (node) =>
      node.closest('.room')?.getAttribute('data-key'),
    );
    await page.hover(`.room[data-key="${key}"]`);
    await page.click(`.room[data-key="${key}"] .pin`);
    const pinnedKeys = await page.$$eval('.room[data-pinned]', (rows) =>
      rows.map((row) => row.getAttribute('data-key')),
    );
    expect(pinnedKeys).toContain(key);
    expect(await page.getAttribute(`.room[data-key="${key}"] .pin`, 'aria-pressed')).toBe('true');
  });

  it('explains a failing room in its detail line and retries it on request', async () => {
    const { page } = await open();
    await page.fill('#room-query', '周末音乐会 3');
    const failing = page.locator('.room[data-state="failing"] .room-main').first();
    await failing.focus();
    await page.keyboard.press('Enter');
    const detail = page.locator('.room[data-state="failing"] .detail').first();
    expect(await detail.textContent()).toContain('The server or the network failed for a moment');
    expect(await page.textContent('.heading')).toMatch(/^Events SG · [1-9] rooms?, /);
    await page.keyboard.press('Tab');
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.className)).toBe('detail-retry');
    await page.keyboard.press('Enter');
    const key = await page.getAttribute('.room[data-state="failing"]', 'data-key');
    expect(await page.evaluate(() => (globalThis as unknown as Retried).syntheticMonitor.retried)).toEqual([
      key,
    ]);
    await page.screenshot({ path: `${SHOTS}/detail-failing.png` });
  });

  it('designs the loading state', async () => {
    const { page } = await open({ query: '?state=loading', waitFor: PANEL });
    expect(await page.textContent('.status-panel')).toContain('Loading rooms…');
    expect(await page.textContent('h1')).toBe('— online');
    await page.screenshot({ path: `${SHOTS}/loading.png` });
    expect(await seriousFindings(page)).toEqual([]);
  });

  it('designs the empty state, which leads to the settings (also axe-clean)', async () => {
    const { page } = await open({ query: '?state=empty', waitFor: PANEL });
    expect(await page.textContent('.status-panel')).toContain('No rooms yet');
    await page.screenshot({ path: `${SHOTS}/empty.png` });
    expect(await seriousFindings(page)).toEqual([]);
    await page.click('.status-panel button');
    await page.waitForSelector('.settings');
    expect(await page.getAttribute('.to-settings', 'aria-label')).toBe('Back to rooms');
    await page.screenshot({ path: `${SHOTS}/settings.png` });
    expect(await seriousFindings(page)).toEqual([]);
  });

  it('designs the unreachable and demo states', async () => {
    const down = await open({ query: '?state=unreachable', waitFor: PANEL });
    expect(await down.page.textContent('.status-panel')).toContain('Could not reach the engine: retrying…');
    await down.page.screenshot({ path: `${SHOTS}/unreachable.png` });
    expect(await seriousFindings(down.page)).toEqual([]);

    const demo = await open({ query: '?state=demo', colorScheme: 'dark' });
    expect(await demo.page.textContent('.banners')).toContain('Demo mode');
    expect(await demo.page.textContent('.to-settings')).toBe('Add your app');
    await demo.page.screenshot({ path: `${SHOTS}/demo-dark.png` });
  });
});
