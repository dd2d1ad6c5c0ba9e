/**
 * The room view of the built popover in Debian Chromium, against the synthetic in-page MonitorApi:
 * opened from a row and from a notification's focus push, ranges switched, alerts marked and
 * listed, sessions and the summary shown, a live count appended, snooze, CSV and PNG downloads,
 * back to the row, the rows' sparklines, no CSP complaint, and an axe scan without serious or
 * critical findings. Screenshots go to test-artifacts/ui/room-*.png.
 */
import { readFile } from 'node:fs/promises';
import type { BrowserContext, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { SHOTS, seriousFindings, syntheticPopover } from '../browser/chromium-page';

// The page globals the callbacks given to page.evaluate touch (the tests' program has no DOM library).
interface PageElement {
  dataset: Record<string, string | undefined>;
  closest(selector: string): PageElement | null;
  getAttribute(name: string): string | null;
}
declare const document: { activeElement: PageElement | null };

interface Synthetic {
  syntheticMonitor: {
    update(key: string, change: object): void;
    focus(key: string): void;
    sparklineRequests: string[][];
    snoozed: string[];
    roomRules: Map<string, unknown>;
    holdAnswers(method: 'getRoomRules' | 'getRoomPush'): void;
    releaseAnswers(method: 'getRoomRules' | 'getRoomPush'): void;
  };
}

const NOW = Date.UTC(2025, 5, 1, 12, 0, 0);
const ROOM = 'Launch Day 0';

const popover = syntheticPopover();

async function open(
  options: { locale?: string; colorScheme?: 'light' | 'dark' } = {},
): Promise<{ context: BrowserContext; page: Page; errors: string[] }> {
  const opened = await popover.open('', { ...options, height: 640, acceptDownloads: true });
  await opened.page.waitForSelector('.room');
  return opened;
}

/** Filters the list to the one room and opens its view from the detail line, by keyboard. */
async function openRoom(page: Page): Promise<string> {
  await page.fill('#room-query', ROOM);
  const row = page.locator('.room', { hasText: ROOM }).first();
  const key = (await row.getAttribute('data-key')) as string;
  await row.locator('.room-main').focus();
  await page.keyboard.press('Enter');
  await row.locator('.detail-open').click();
  await page.waitForSelector('.room-view .uplot canvas');
  return key;
}

describe('the room view in Chromium', () => {
  it('shows the chart, marks and lists alerts, sums up the range and the sessions', async () => {
    const { context, page, errors } = await open();
    await openRoom(page);
    expect(await page.evaluate(() => document.activeElement?.getAttribute('id'))).toBe('room-view-title');
    expect(await page.textContent('.room-view h2')).toBe(ROOM);
    expect(await page.isHidden('.room-scroll')).toBe(true);
    expect(await page.getAttribute('[data-range="live"]', 'aria-pressed')).toBe('true');
    expect(await page.textContent('.chart-summary')).toMatch(
      /^Peak [\d,]+ at \d\d:\d\d · Min [\d,]+ · Average [\d,.]+$/,
    );
    expect(await page.getAttribute('.chart-plot', 'aria-label')).toMatch(
      /^Online count over the last 10 minutes\. Peak/,
    );

    expect(await page.locator('.chart-mark').count()).toBe(2);
    expect(await page.locator('.alert-list li').allTextContents()).toEqual([
      expect.stringMatching(/^\d\d:\d\d Launch Day 0: 1,240 online$/),
      expect.stringMatching(/^\d\d:\d\d Launch Day 0: new peak 1,300$/),
    ]);
    await page.locator('.chart-mark').first().focus();
    expect(await page.isVisible('.chart-tip')).toBe(true);
    expect(await page.textContent('.chart-tip')).toContain('Launch Day 0: 1,240 online');
    await page.screenshot({ path: `${SHOTS}/room-live.png`, fullPage: true });

    expect(await page.textContent('.session-current')).toMatch(/^Live since \d\d:\d\d: 800 online$/);
    expect(await page.locator('.session-list li').allTextContents()).toEqual([
      expect.stringMatching(
        /^\d\d:\d\d Launch Day 0: stream ended after 2 h 5 min: peak 2,400 at \d\d:\d\d, average 1,800$/,
      ),
    ]);

    await page.click('[data-range="24h"]');
    await page.waitForFunction(() =>
      (globalThis as unknown as { document: { querySelector(s: string): PageElement | null } }).document
        .querySelector('.chart-plot')
        ?.getAttribute('aria-label')
        ?.includes('the last 24 hours'),
    );
    expect(await page.getAttribute('[data-range="24h"]', 'aria-pressed')).toBe('true');
    expect(await page.getAttribute('[data-range="live"]', 'aria-pressed')).toBe('false');
    expect(await page.locator('.chart-mark').count()).toBe(2);
    await page.screenshot({ path: `${SHOTS}/room-24h.png`, fullPage: true });
    expect(await seriousFindings(page)).toEqual([]);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('appends a pushed count to the live chart without reloading it', async () => {
    const { context, page, errors } = await open();
    const key = await openRoom(page);
    const canvas = await page.$('.room-view canvas');
    await page.evaluate(
      ([k, at]) =>
        (globalThis as unknown as Synthetic).syntheticMonitor.update(k as string, {
          online: 98_765,
          measuredAt: at,
        }),
      [key, NOW + 10_000],
    );
    await page.waitForFunction(() =>
      (
        globalThis as unknown as { document: { querySelector(s: string): { textContent: string } | null } }
      ).document
        .querySelector('.chart-summary')
        ?.textContent.startsWith('Peak 98,765'),
    );
    // The same canvas: the point was appended, the chart not rebuilt.
    expect(await page.evaluate((node) => node?.isConnected, canvas)).toBe(true);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('exports CSV and PNG as downloads and snoozes the room', async () => {
    const { context, page, errors } = await open();
    const key = await openRoom(page);
    await page.click('[data-range="1h"]');
    await page.waitForSelector('[data-range="1h"][aria-pressed="true"]');
    const [csv] = await Promise.all([page.waitForEvent('download'), page.click('.export-csv')]);
    expect(csv.suggestedFilename()).toMatch(/^headcount-Launch-Day-0-1h-\d{8}-\d{4}\.csv$/);
    const lines = (await readFile((await csv.path()) as string, 'utf8')).trim().split('\n');
    expect(lines[0]).toBe('time,online,min,max');
    expect(lines.length).toBeGreaterThan(300);
    expect(await page.textContent('.action-status:not(:empty)')).toContain(
      'Saved headcount-Launch-Day-0-1h-',
    );

    const [png] = await Promise.all([page.waitForEvent('download'), page.click('.export-png')]);
    expect(png.suggestedFilename()).toMatch(/\.png$/);
    const bytes = await readFile((await png.path()) as string);
    expect([...bytes.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

    await page.click('[data-snooze="1h"]');
    await page.waitForSelector('.unsnooze');
    expect(await page.evaluate(() => (globalThis as unknown as Synthetic).syntheticMonitor.snoozed)).toEqual([
      `${key} 1h`,
    ]);
    expect(await page.textContent('.room-view')).toMatch(/Alerts snoozed until \d\d:\d\d\./);
    expect(errors).toEqual([]);
    await context.close();
  });

  it("edits the room's rules: shows the saved ones, refuses a wrong field, saves and resets", async () => {
    const { context, page, errors } = await open();
    const key = await openRoom(page);
    const field = (name: string) => page.locator(`.rules-form input[data-field="${name}"]`);
    await page.waitForFunction(
      () =>
        (
          globalThis as unknown as { document: { querySelector(s: string): { value: string } | null } }
        ).document.querySelector('.rules-form input[data-field="above"]')?.value === '2000',
    );
    expect(await page.textContent('label[for^="rule-above"]')).toBe('Alert above (people)');
    await field('spikePercent').fill('30');
    await page.click('.rules-save');
    expect(await field('spikePeople').getAttribute('aria-invalid')).toBe('true');
    expect(await page.evaluate(() => document.activeElement?.dataset.field)).toBe('spikePeople');
    await field('spikePeople').fill('50');
    await field('below').fill('100');
    await page.click('.rules-save');
    await page.waitForSelector('.rules-form .action-status:has-text("Saved")');
    const saved = () =>
      page.evaluate(
        (k) => (globalThis as unknown as Synthetic).syntheticMonitor.roomRules.get(k) ?? null,
        key,
      );
    expect(await saved()).toEqual({
      above: { threshold: 2000 },
      below: { threshold: 100 },
      spike: { percent: 30, people: 50, windowSeconds: 120 },
    });
    await page.locator('.rules-form').scrollIntoViewIfNeeded();
    await page.screenshot({ path: `${SHOTS}/room-rules.png` });
    await page.click('.rules-reset');
    await page.waitForSelector('.rules-form .action-status:has-text("defaults again")');
    expect(await saved()).toBeNull();
    expect(await field('above').inputValue()).toBe('');
    expect(errors).toEqual([]);
    await context.close();
  });

  it('takes typing in the rules only once the saved ones are in the fields, so none is lost', async () => {
    const { context, page, errors } = await open();
    await page.evaluate(() =>
      (globalThis as unknown as Synthetic).syntheticMonitor.holdAnswers('getRoomRules'),
    );
    await openRoom(page);
    const above = page.locator('.rules-form input[data-field="above"]');
    await above.waitFor();
    expect(await above.isDisabled()).toBe(true);
    expect(await page.locator('.rules-save').isDisabled()).toBe(true);
    // A person types while the saved rules are on their way: the field takes it once they are in.
    const typed = above.fill('300');
    await page.evaluate(() =>
      (globalThis as unknown as Synthetic).syntheticMonitor.releaseAnswers('getRoomRules'),
    );
    await typed;
    await page.click('.rules-save');
    await page.waitForSelector('.rules-form .action-status:has-text("Saved")');
    expect(await above.inputValue()).toBe('300');
    expect(errors).toEqual([]);
    await context.close();
  });

  it('goes back to the list with the room focused, and opens from a focus push', async () => {
    const { context, page } = await open({ locale: 'zh-CN', colorScheme: 'dark' });
    const key = await openRoom(page);
    expect(await page.textContent('.room-view .back')).toBe('← 返回房间列表');
    // The engine's alerts and sessions, worded in Chinese from their facts rather than shown in English.
    await page.waitForSelector('.session-current');
    expect(await page.locator('.alert-list li').allTextContents()).toEqual([
      expect.stringMatching(/^\d\d:\d\d：直播间「Launch Day 0」人数 1,240$/),
      expect.stringMatching(/^\d\d:\d\d：直播间「Launch Day 0」人数创新高 1,300$/),
    ]);
    await page.locator('.chart-mark').first().focus();
    expect(await page.textContent('.chart-tip')).toContain('直播间「Launch Day 0」人数 1,240');
    expect(await page.textContent('.session-current')).toMatch(/^自 \d\d:\d\d 起直播中：800 人在线$/);
    expect(await page.locator('.session-list li').allTextContents()).toEqual([
      expect.stringMatching(
        /^\d\d:\d\d 直播间「Launch Day 0」直播结束，时长 2 小时 5 分钟：峰值 2,400（\d\d:\d\d），平均 1,800$/,
      ),
    ]);
    await page.screenshot({ path: `${SHOTS}/room-zh-CN-dark.png`, fullPage: true });
    expect(await seriousFindings(page)).toEqual([]);
    await page.keyboard.press('Escape');
    await page.waitForSelector('.room-scroll:not([hidden])');
    expect(await page.evaluate(() => document.activeElement?.closest('.room')?.dataset.key)).toBe(key);

    await page.fill('#room-query', '');
    await page.evaluate((k) => (globalThis as unknown as Synthetic).syntheticMonitor.focus(k), key);
    await page.waitForSelector('.room-view h2');
    expect(await page.textContent('.room-view h2')).toBe(ROOM);
    await page.click('.room-view .back');
    expect(await page.evaluate(() => document.activeElement?.closest('.room')?.dataset.key)).toBe(key);
    await context.close();
  });

  it('draws each row a sparkline of the last 30 minutes, fetched in batches for the rows in view', async () => {
    const { context, page, errors } = await open();
    await page.waitForSelector('.room .spark path[d^="M"]');
    const rows = await page.locator('.room').count();
    const drawn = await page.locator('.room .spark path[d^="M"]').count();
    // Rooms without a count yet (waiting, stopped) have a line too: the fixture answers for every key.
    expect(drawn).toBe(rows);
    expect(await page.getAttribute('.room .spark svg', 'aria-hidden')).toBe('true');
    await page.$eval('.room-scroll', (scroller) => {
      scroller.scrollTop = 30_000;
    });
    await page.waitForTimeout(400);
    const requests = await page.evaluate(
      () => (globalThis as unknown as Synthetic).syntheticMonitor.sparklineRequests,
    );
    const asked = requests.flat();
    expect(requests.every((keys) => keys.length > 0 && keys.length <= 200)).toBe(true);
    expect(new Set(asked).size).toBe(asked.length);
    expect(asked.length).toBeLessThan(100);
    await page.screenshot({ path: `${SHOTS}/room-sparklines.png` });
    expect(errors).toEqual([]);
    await context.close();
  });
});
