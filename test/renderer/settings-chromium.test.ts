/**
 * The settings and the alert log of the built popover in Debian Chromium, over the synthetic
 * MonitorApi: the budget meter and its stretched interval, polling applied, webhooks shown masked
 * with errors tied to their fields, finding live rooms page by page, the alert log's deliveries,
 * filters and acknowledgement, in English and Chinese, light and dark, without serious axe findings.
 * Screenshots go to test-artifacts/ui/settings-*.png and alerts-*.png.
 */
import { mkdir } from 'node:fs/promises';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium, openPage, seriousFindings } from './browser/chromium-page';
import { type PageServer, servePopover } from './browser/page-server';

const SHOTS = 'test-artifacts/ui';
/** Tall enough that a screenshot holds the whole settings view. */
const TALL = 3800;

let browser: Browser;
let server: PageServer;

beforeAll(async () => {
  await mkdir(SHOTS, { recursive: true });
  server = await servePopover();
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

async function openView(view: 'settings' | 'alerts', options: Parameters<typeof openPage>[2] = {}) {
  const opened = await openPage(browser, `${server.url}?tray=1`, options);
  await opened.page.waitForSelector('.room');
  await opened.page.click(view === 'settings' ? '.to-settings' : '.to-alerts');
  await opened.page.waitForSelector(view === 'settings' ? '.app-form' : '.alert-entry');
  return opened;
}

const text = (page: Page, selector: string) => page.textContent(selector).then((t) => t ?? '');

describe('the settings in Chromium', () => {
  it('shows the budget meter, stretches it when over, and applies polling', async () => {
    const { context, page, errors } = await openView('settings');
    expect(await text(page, '.polling-form .meter')).toBe('1,200 rooms at 10 s use 120 of 200 calls/s.');
    await page.fill('#p-events-interval', '5');
    expect(await text(page, '.polling-form .meter')).toBe(
      '1,200 rooms at 5 s would need 240 of 200 calls/s: each room is polled every 6.2 s instead.',
    );
    await page.fill('#p-events-cap', '500');
    expect(await page.getAttribute('#p-events-cap', 'aria-invalid')).toBe('true');
    expect(await text(page, '#p-events-cap-error')).toMatch(/1 to 200/);
    await page.fill('#p-events-cap', '150');
    await page.click('.polling-form >> nth=0 >> button[type=submit]');
    await page.waitForFunction(
      () =>
        (globalThis as unknown as { syntheticSettings: { polled: string[] } }).syntheticSettings.polled
          .length > 0,
    );
    expect(
      await page.evaluate(
        () => (globalThis as unknown as { syntheticSettings: { polled: string[] } }).syntheticSettings.polled,
      ),
    ).toEqual(['events 5 150']);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('shows webhooks masked, ties a bad URL to its field, and saves a new one', async () => {
    const { context, page } = await openView('settings');
    expect(await text(page, '.webhook-list')).toContain(
      'https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=***',
    );
    await page.fill('#w-url', 'not a url');
    await page.click('.webhooks-form button[type=submit]');
    expect(await page.getAttribute('#w-url', 'aria-invalid')).toBe('true');
    expect(await page.getAttribute('#w-url', 'aria-describedby')).toContain('w-url-error');
    await page.fill('#w-name', 'events');
    await page.selectOption('#w-format', 'dingtalk');
    await page.fill('#w-url', 'https://oapi.dingtalk.com/robot/send?access_token=0123456789abcdef');
    await page.focus('.webhooks-form button[type=submit]');
    await page.keyboard.press('Enter');
    await page.waitForSelector('.webhook-list li:nth-child(2)');
    const list = await text(page, '.webhook-list');
    expect(list).toContain('events · DingTalk');
    expect(list).not.toContain('0123456789abcdef');
    expect(await text(page, '.settings > .answer')).toBe('Saved; it applies now.');
    await context.close();
  });

  it('finds live rooms page by page with the watched ones marked', async () => {
    const { context, page } = await openView('settings');
    await page.click('.find-rooms button:has-text("Find live rooms")');
    await page.waitForSelector('.found-rooms li:nth-child(100)');
    expect(await page.isChecked('#found-0')).toBe(true);
    expect(await page.isDisabled('#found-0')).toBe(true);
    expect(await text(page, 'label[for=found-1]')).toBe('Tonight 1 · @TGS#live1');
    await page.click('.find-rooms button:has-text("Show more rooms")');
    await page.waitForSelector('.found-rooms li:nth-child(130)');
    expect(await text(page, '.find-rooms .answer')).toBe('Showing 130 of 130 live rooms.');
    expect(await page.isHidden('.find-rooms button:has-text("Show more rooms")')).toBe(true);
    await context.close();
  });

  it.each([
    { name: 'en-light', locale: 'en-US', colorScheme: 'light' as const },
    { name: 'zh-dark', locale: 'zh-CN', colorScheme: 'dark' as const },
  ])('reads well in $name with no serious axe findings', async ({ name, locale, colorScheme }) => {
    const { context, page, errors } = await openView('settings', { locale, colorScheme, height: TALL });
    expect(await seriousFindings(page)).toEqual([]);
    await page.screenshot({ path: `${SHOTS}/settings-${name}.png` });
    expect(errors).toEqual([]);
    await context.close();
  });
});

describe('the alert log in Chromium', () => {
  it('says where each alert went, filters, and acknowledges', async () => {
    const { context, page, errors } = await openView('alerts');
    const first = page.locator('.alert-entry').first();
    expect(await first.textContent()).toContain(
      'Delivered to desktop (held: snoozed until 14:30), webhook ops: sent',
    );
    expect(await text(page, '.alert-entry:nth-child(2)')).toContain(
      'webhook ops: failed (HTTP 502 from qyapi.weixin.qq.com)',
    );
    expect(await text(page, '.alert-entry:nth-child(3)')).toContain('Not delivered anywhere');
    await first.locator('button').click();
    await page.waitForSelector('.alert-entry:first-child >> text=Acknowledged at');
    await page.check('#af-open');
    await page.waitForFunction(() => document.querySelectorAll('.alert-entry').length === 2);
    await page.selectOption('#af-severity', 'critical');
    await page.waitForFunction(() => document.querySelectorAll('.alert-entry').length === 1);
    expect(await text(page, '.alert-log > .answer')).toBe('1 alert');
    expect(errors).toEqual([]);
    await context.close();
  });

  it.each([
    { name: 'en-light', locale: 'en-US', colorScheme: 'light' as const },
    { name: 'zh-dark', locale: 'zh-CN', colorScheme: 'dark' as const },
  ])('reads well in $name with no serious axe findings', async ({ name, locale, colorScheme }) => {
    const { context, page } = await openView('alerts', { locale, colorScheme, height: 900 });
    expect(await seriousFindings(page)).toEqual([]);
    await page.screenshot({ path: `${SHOTS}/alerts-${name}.png` });
    await context.close();
  });
});

declare const document: { querySelectorAll(selector: string): { length: number } };
