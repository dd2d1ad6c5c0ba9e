/**
 * Showing a room's count to its viewers, in the built popover in Debian Chromium against the
 * synthetic in-page MonitorApi: the room view's section (off, a group attribute, a message only with
 * the quota acknowledged, a key too long), what it says of the push and of what viewers see, a row
 * whose push fails saying so, the budgets per API in the settings, in English and Chinese, light and
 * dark, at the popover's size and a desktop browser's. Screenshots go to test-artifacts/ui/push-*.png.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { SHOTS, seriousFindings, syntheticPopover } from '../browser/chromium-page';

const ROOM = 'Launch Day 0';

const popover = syntheticPopover();

// The page globals the callbacks given to page.evaluate touch (the tests' program has no DOM library).
declare const document: { querySelector(selector: string): { textContent: string | null } | null };

interface Recorded {
  syntheticPush: { changes: Array<{ key: string; push: unknown; quotaAcknowledged: boolean }> };
  syntheticMonitor: { holdAnswers(method: 'getRoomPush'): void; releaseAnswers(method: 'getRoomPush'): void };
}

async function open(
  options: { locale?: string; colorScheme?: 'light' | 'dark'; width?: number; height?: number } = {},
) {
  const opened = await popover.open('', { ...options, height: options.height ?? 600 });
  if (options.width)
    await opened.page.setViewportSize({ width: options.width, height: options.height ?? 600 });
  // A wide window lists the rooms in the table, a narrow one in rows.
  await opened.page.locator('.room:visible, .table-body .table-line:visible').first().waitFor();
  return opened;
}

/** Opens the room view of the room named `name` (searching for it also finds "15" in "150"). */
async function openRoom(page: Page, name: string): Promise<void> {
  await page.fill('#room-query', name);
  const exactly = new RegExp(`^${name}$`);
  if (await page.locator('.table-body').isVisible()) {
    await page.locator('.table-body .table-open', { hasText: exactly }).click();
  } else {
    const row = page.locator('.room', { has: page.locator('.name', { hasText: exactly }) });
    await row.locator('.room-main').click();
    await row.locator('.detail-open').click();
  }
  await page.waitForSelector('.room-view .push-section select');
}

const changes = (page: Page) =>
  page.evaluate(() => (globalThis as unknown as Recorded).syntheticPush.changes);

describe('showing the count to viewers, in the room view', () => {
  it('turns a room on as a group attribute, asks for the quota before a message, and refuses a long key', async () => {
    const { context, page, errors } = await open();
    await openRoom(page, ROOM);
    const section = page.locator('.push-section');
    expect(await section.locator('h3').textContent()).toBe('Show the count to viewers');
    expect(await section.locator('select').inputValue()).toBe('off');
    expect(await section.locator('.quota-warning').isHidden()).toBe(true);

    await section.locator('select').selectOption('message');
    expect(await section.locator('.quota-warning').textContent()).toMatch(/1,000 messages a day/);
    await section.locator('.push-save').click();
    expect(await section.locator('.action-status').textContent()).toBe(
      'Confirm that you know the message quota first.',
    );
    expect(await changes(page)).toEqual([]);

    await section.locator('select').selectOption('group-attr');
    await section.locator('input[data-field="key"]').fill('k'.repeat(33));
    await section.locator('.push-save').click();
    expect(await section.locator('.field:has(input[data-field="key"]) .field-error').textContent()).toBe(
      'Enter a key of 1 to 32 bytes.',
    );
    expect(await section.locator('input[data-field="key"]').getAttribute('aria-invalid')).toBe('true');

    await section.locator('input[data-field="key"]').fill('online_member_num');
    await section.locator('.push-save').click();
    await page.waitForFunction(() =>
      document.querySelector('.push-section .push-state')?.textContent?.startsWith('Written'),
    );
    expect(await section.locator('.action-status').textContent()).toBe('Saved.');
    expect(await section.locator('.push-state').textContent()).toMatch(
      /^Written: [\d,]+ \(counted at \d\d:\d\d\)\.$/,
    );
    await page.waitForSelector('.push-section .push-viewers:not([hidden])');
    expect(await section.locator('.push-viewers').textContent()).toMatch(
      /^Viewers see: \{"online":\d+,"at":\d+\}$/,
    );
    const [change] = await changes(page);
    expect(change?.push).toEqual({ via: 'group-attr', key: 'online_member_num' });
    expect(await seriousFindings(page)).toEqual([]);
    await page.screenshot({ path: `${SHOTS}/push-room-view.png`, fullPage: true });
    expect(errors).toEqual([]);
    await context.close();
  });

  it('takes a choice only once the room’s push is in the form, so none is lost', async () => {
    const { context, page, errors } = await open();
    await page.evaluate(() =>
      (globalThis as unknown as Recorded).syntheticMonitor.holdAnswers('getRoomPush'),
    );
    await openRoom(page, ROOM);
    const via = page.locator('.room-view .push-section select');
    expect(await via.isDisabled()).toBe(true);
    // A person chooses while the room's push is on its way: the form takes it once that is in.
    const chosen = via.selectOption('group-attr');
    await page.evaluate(() =>
      (globalThis as unknown as Recorded).syntheticMonitor.releaseAnswers('getRoomPush'),
    );
    await chosen;
    expect(await via.inputValue()).toBe('group-attr');
    expect(errors).toEqual([]);
    await context.close();
  });

  it('says in the row and in the room view when a room’s count is not reaching its viewers', async () => {
    const { context, page, errors } = await open();
    // Room 1 of the fixture shows its count, and its writes fail.
    await page.fill('#room-query', '@TGS#2B9R');
    const failing = page.locator('.room').first();
    await failing.waitFor();
    expect(await failing.locator('.push-problem').textContent()).toMatch(
      /^ · push failing: The server or the network failed for a moment: Headcount retries with backoff\. \(code 502\)$/,
    );
    await failing.locator('.room-main').click();
    expect(await failing.locator('.problem').textContent()).toMatch(/push failing/);
    await page.screenshot({ path: `${SHOTS}/push-failing-row.png` });
    await failing.locator('.detail-open').click();
    await page.waitForSelector('.room-view .push-section .push-state');
    expect(await page.locator('.push-section .push-state').textContent()).toMatch(
      /^Push failing: The server/,
    );
    expect(errors).toEqual([]);
    await context.close();
  });

  for (const [locale, colorScheme, width, height] of [
    ['en-US', 'light', 400, 600],
    ['zh-CN', 'dark', 400, 600],
    ['en-US', 'dark', 1280, 800],
    ['zh-CN', 'light', 1280, 800],
  ] as const) {
    it(`reads in ${locale}, ${colorScheme}, at ${width}x${height}`, async () => {
      const { context, page, errors } = await open({ locale, colorScheme, width, height });
      await openRoom(page, '新品发布会 15');
      await page.waitForSelector('.room-view .push-section .push-viewers:not([hidden])');
      const viewers = await page.locator('.push-section .push-viewers').textContent();
      expect(viewers).toMatch(
        locale === 'zh-CN'
          ? /^观众看到：\{"online":\d+,"at":\d+\}$/
          : /^Viewers see: \{"online":\d+,"at":\d+\}$/,
      );
      expect(await page.locator('.push-section select').inputValue()).toBe('group-attr');
      await page.locator('.push-section').scrollIntoViewIfNeeded();
      await page.screenshot({ path: `${SHOTS}/push-${locale}-${colorScheme}-${width}.png` });
      expect(errors).toEqual([]);
      await context.close();
    });
  }
});

describe('the budget of each API, in the settings', () => {
  it('lists every command with its use and cap, and a slowed one with its limit', async () => {
    const { context, page, errors } = await open({ height: 800 });
    await page.click('[data-action="settings"], button:has-text("Settings")');
    const list = page.locator('.budget-list').first();
    await list.waitFor();
    const lines = await list.locator('li').allTextContents();
    expect(lines).toEqual([
      'get_online_member_num: 120 of 200',
      'get_group_info: 0 of 200',
      'get_appid_group_list: 0 of 1',
      'modify_group_attr: 3 of 200',
      'update_group_counter: 0 of 200',
      'send_group_msg: 1 of 200, slowed to 150',
    ]);
    await list.scrollIntoViewIfNeeded();
    await page.screenshot({ path: `${SHOTS}/push-budgets.png` });
    expect(errors).toEqual([]);
    await context.close();
  });
});
