/**
 * The popover's header in Debian's Chromium with the synthetic 2000 rooms: each app condition of
 * the engine's summary said once as a banner (the rooms keeping their own states), in English and
 * Chinese, and the filter's and the sort's words whole at 400×600 and 1280×800 in both languages.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import type { AppConditionView } from '../../../main/contract/monitor-api';
import { SHOTS, syntheticPopover } from '../browser/chromium-page';

interface Fixture {
  syntheticMonitor: { conditions(conditions: AppConditionView[]): void };
}

const popover = syntheticPopover();

const open = async (options: { width: number; height: number; locale?: string }) => {
  const opened = await popover.open('', options);
  await opened.page.waitForSelector('.room:visible, .table-body .table-line:visible');
  return opened;
};

const pushConditions = (page: Page, conditions: AppConditionView[]) =>
  page.evaluate((given) => (globalThis as unknown as Fixture).syntheticMonitor.conditions(given), conditions);

const banners = (page: Page) => page.locator('.banner').allTextContents();

const THREE_CONDITIONS: AppConditionView[] = [
  { profileId: 'shop', label: 'Shop Live', condition: 'rate-limited', reason: null, error: null },
  {
    profileId: 'classroom',
    label: 'Classroom',
    condition: 'auth-failed',
    reason: 'The server rejected the credentials.',
    error: { kind: 'auth', code: 70001 },
  },
  { profileId: 'events', label: 'Events', condition: 'paused', reason: 'Paused from the tray.', error: null },
];

/** The rows drawn, each as its room's key and state. */
const rowStates = (page: Page) =>
  page
    .locator('.room')
    .evaluateAll((rows) =>
      rows.map((row) => `${row.getAttribute('data-key')} ${row.getAttribute('data-state')}`),
    );

describe("the app's conditions as banners", () => {
  it("says each condition of the engine's summary once, and follows the summary, not the rows", async () => {
    const { context, page, errors } = await open({ width: 400, height: 600 });
    // The snapshot's summary: the shop app slowed down after 60007.
    expect(await banners(page)).toEqual([
      'Shop Live: over the API rate limit, so polling slowed down; it recovers by itself.',
    ]);
    const before = await rowStates(page);
    // The summary says the slow-down is over while the last profile view still says rate-limited.
    await pushConditions(page, []);
    await expect.poll(() => banners(page)).toEqual([]);
    await pushConditions(page, [
      {
        profileId: 'classroom',
        label: 'Classroom',
        condition: 'auth-failed',
        reason: 'The server rejected the credentials.',
        error: { kind: 'auth', code: 70001 },
      },
      {
        profileId: 'shop',
        label: 'Shop Live',
        condition: 'rate-limited',
        reason: null,
        error: null,
      },
    ]);
    await expect.poll(() => banners(page)).toHaveLength(2);
    const [auth, slow] = await banners(page);
    expect(auth).toMatch(/^Classroom: .*\(code 70001\)$/);
    expect(slow).toBe('Shop Live: over the API rate limit, so polling slowed down; it recovers by itself.');
    // Each room keeps its own state: no row is painted with its app's condition. A second banner
    // takes a line from the list, so it may draw a row fewer; each row drawn is as it was.
    const after = await rowStates(page);
    expect(after.length).toBeGreaterThanOrEqual(before.length - 2);
    expect(after).toEqual(before.slice(0, after.length));
    expect(errors).toEqual([]);
    await context.close();
  });

  it('keeps the header within 160 px at 400×600 under three banners: the first, then "+2 more" to open the rest', async () => {
    const { context, page, errors } = await open({ width: 400, height: 600 });
    await pushConditions(page, THREE_CONDITIONS);
    await expect.poll(() => banners(page)).toHaveLength(3);
    const listTop = () => page.locator('.room-scroll').evaluate((list) => list.getBoundingClientRect().top);
    expect(await listTop()).toBeLessThanOrEqual(160);
    expect(await page.locator('.banner:visible').allTextContents()).toEqual([
      'Shop Live: over the API rate limit, so polling slowed down; it recovers by itself.',
    ]);
    await page.screenshot({ path: `${SHOTS}/banners-closed.png` });
    const more = page.locator('.banner-more');
    expect(await more.textContent()).toBe('+2 more');
    expect(await more.getAttribute('aria-label')).toBe('Show all 3 notices');
    await more.click();
    expect(await page.locator('.banner:visible').count()).toBe(3);
    expect(await more.getAttribute('aria-expanded')).toBe('true');
    expect(await more.textContent()).toBe('Fewer');
    await page.screenshot({ path: `${SHOTS}/banners-open.png` });
    await more.click();
    expect(await page.locator('.banner:visible').count()).toBe(1);
    expect(await listTop()).toBeLessThanOrEqual(160);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('shows every banner at 1280×800, with no button to open them', async () => {
    const { context, page, errors } = await open({ width: 1280, height: 800 });
    await pushConditions(page, THREE_CONDITIONS);
    await expect.poll(() => page.locator('.banner:visible').count()).toBe(3);
    expect(await page.locator('.banner-more:visible').count()).toBe(0);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('says them in Chinese', async () => {
    const { context, page, errors } = await open({ width: 400, height: 600, locale: 'zh-CN' });
    expect(await banners(page)).toEqual(['Shop Live：超出 API 频率限制，已放慢轮询，稍后会自动恢复。']);
    expect(errors).toEqual([]);
    await context.close();
  });
});

/**
 * The controls whose words do not show whole, as the page lays them out now. Runs in the page, as
 * text: the tests' program has no DOM library.
 */
const cutWords = (page: Page) =>
  page.evaluate<string[]>(`(() => {
    const cut = [];
    // A select is as wide as its widest option when nothing squeezes it.
    for (const select of document.querySelectorAll('.filters select')) {
      const free = select.cloneNode(true);
      free.style.cssText = 'position:absolute;width:auto;max-width:none;min-width:0';
      document.body.append(free);
      if (free.getBoundingClientRect().width > select.getBoundingClientRect().width + 0.5)
        cut.push(select.id + ': ' + select.selectedOptions[0]?.textContent);
      free.remove();
    }
    const input = document.querySelector('#room-query');
    const style = getComputedStyle(input);
    const span = document.createElement('span');
    span.style.cssText = 'position:absolute;white-space:pre;font:' + style.font;
    span.textContent = input.placeholder;
    document.body.append(span);
    const room = input.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight);
    if (span.getBoundingClientRect().width > room) cut.push('room-query: ' + input.placeholder);
    span.remove();
    return cut;
  })()`);

describe('the filter and the order controls', () => {
  it.each([
    { width: 400, height: 600, locale: 'en-US' },
    { width: 400, height: 600, locale: 'zh-CN' },
    { width: 1280, height: 800, locale: 'en-US' },
    { width: 1280, height: 800, locale: 'zh-CN' },
  ])('show their words whole at $width×$height ($locale)', async (size) => {
    const { context, page, errors } = await open(size);
    expect(await cutWords(page)).toEqual([]);
    expect(await page.inputValue('#room-sort')).toBe('attention');
    // The filter's whole hint stays in its tooltip where the field shows a shorter one.
    const hint = size.locale === 'en-US' ? 'Filter by name, id or state' : '按名称、ID 或状态筛选';
    expect(await page.getAttribute('#room-query', 'title')).toBe(hint);
    if (size.width >= 1280) expect(await page.getAttribute('#room-query', 'placeholder')).toBe(hint);
    await page.screenshot({ path: `${SHOTS}/filters-${size.width}-${size.locale}.png` });
    expect(errors).toEqual([]);
    await context.close();
  });
});
