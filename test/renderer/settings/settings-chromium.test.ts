/**
 * The settings and the alert log of the built popover in Debian Chromium, over the synthetic
 * MonitorApi: the budget meter and its stretched interval, polling applied, webhooks shown masked
 * with errors tied to their fields, a webhook's filters, quiet hours' let-through, the global
 * shortcut, finding live rooms page by page, the alert log's deliveries, filters and
 * acknowledgement, in English and Chinese, light and dark, without serious axe findings.
 * Screenshots go to test-artifacts/ui/settings-*.png and alerts-*.png.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import type { SettingsPatch } from '../../../main/contract/monitor-api';
import { type PageOptions, SHOTS, seriousFindings, syntheticPopover } from '../browser/chromium-page';
import type { SyntheticSettingsRecord } from '../browser/synthetic-settings';

/** Tall enough that a screenshot holds the whole settings view. */
const TALL = 5000;

const popover = syntheticPopover();

async function openView(view: 'settings' | 'alerts', options: PageOptions = {}, query = '?tray=1') {
  // A tab kept for the tests of the same language and theme, on empty storage: none of them needs
  // more of a new context (chromium-page.ts).
  const opened = await popover.openShared(query, options);
  await opened.page.waitForSelector('.room');
  await opened.page.click(view === 'settings' ? '.to-settings' : '.to-alerts');
  // The general settings (with the tray's section, where there is a tray) come after a call.
  await opened.page.waitForSelector(view === 'settings' ? '#h-general' : '.alert-entry');
  return opened;
}

const text = (page: Page, selector: string) => page.textContent(selector).then((t) => t ?? '');

/** The patches the synthetic monitor has received so far. */
const patches = (page: Page): Promise<SettingsPatch[]> =>
  page.evaluate(
    () => (globalThis as unknown as { syntheticSettings: SyntheticSettingsRecord }).syntheticSettings.patches,
  );

/** The next patch to reach the monitor, once there are `count` in all. */
async function patchNumber(page: Page, count: number): Promise<SettingsPatch | undefined> {
  await page.waitForFunction(
    (n) =>
      (globalThis as unknown as { syntheticSettings: SyntheticSettingsRecord }).syntheticSettings.patches
        .length >= n,
    count,
  );
  return (await patches(page))[count - 1];
}

const focusedId = (page: Page) => page.evaluate(() => document.activeElement?.id ?? '');

describe('the settings in Chromium', () => {
  it('shows the budget meter, stretches it when over, and applies polling', async () => {
    const { page, errors } = await openView('settings');
    expect(await text(page, '.polling-form .meter')).toBe('1,200 rooms at 10 s use 120 of 200 calls/s.');
    await page.fill('#p-events-interval', '5');
    expect(await text(page, '.polling-form .meter')).toBe(
      '1,200 rooms at 5 s would need 240 of 200 calls/s: each room is polled every 6.3 s instead.',
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
  });

  it('shows webhooks masked, ties a bad URL to its field, and saves a new one', async () => {
    const { page } = await openView('settings');
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
  });

  it("edits a webhook's rules and lowest severity from the keyboard, and refuses sending nothing", async () => {
    const { page, errors } = await openView('settings');
    expect(await text(page, '#w0-filters summary')).toBe('Sends every alert, any severity');
    await page.focus('#w0-filters summary');
    await page.keyboard.press('Enter');
    expect(await page.isVisible('#w0-rule-above')).toBe(true);
    expect(await page.isChecked('#w0-rule-session')).toBe(true);
    for (const rule of [
      'above',
      'below',
      'spike',
      'drop',
      'peak',
      'milestone',
      'stale',
      'account',
      'session',
      'push-failing',
    ]) {
      await page.uncheck(`#w0-rule-${rule}`);
    }
    await page.selectOption('#w0-severity', 'warning');
    expect(await text(page, '#w0-filters summary')).toBe(
      'Sends Polling failing, Room closed, Credentials rejected, warning and above',
    );
    await page.focus('#w0-save');
    await page.keyboard.press('Enter');
    expect(await patchNumber(page, 1)).toEqual({
      webhooks: [
        {
          id: '0',
          format: 'wecom',
          name: 'ops',
          rules: ['failing', 'closed', 'auth'],
          minSeverity: 'warning',
        },
      ],
    });
    // Drawn again from the monitor's answer, open where it was, with focus on the same button.
    await page.waitForSelector('.settings > .answer:has-text("Saved")');
    expect(await page.getAttribute('#w0-filters', 'open')).toBe('');
    expect(await focusedId(page)).toBe('w0-save');
    expect(await page.isChecked('#w0-rule-above')).toBe(false);
    expect(await page.inputValue('#w0-severity')).toBe('warning');

    for (const rule of ['failing', 'closed', 'auth']) await page.uncheck(`#w0-rule-${rule}`);
    await page.click('#w0-save');
    expect(await text(page, '#w0-rule-error')).toBe(
      'Tick at least one kind of alert, or remove the webhook.',
    );
    expect(await page.getAttribute('#w0-rule', 'aria-describedby')).toContain('w0-rule-error');
    expect(await patches(page)).toHaveLength(1);

    await page.check('#w0-rule-closed');
    await page.selectOption('#w0-severity', '');
    await page.click('#w0-save');
    expect(await patchNumber(page, 2)).toEqual({
      webhooks: [{ id: '0', format: 'wecom', name: 'ops', rules: ['closed'] }],
    });
    expect(errors).toEqual([]);
  });

  it('adds a webhook with its filters', async () => {
    const { page } = await openView('settings');
    await page.fill('#w-url', 'https://open.feishu.cn/open-apis/bot/v2/hook/abc');
    await page.selectOption('#w-format', 'feishu');
    await page.click('#w-new-filters summary');
    await page.uncheck('#w-new-rule-milestone');
    await page.selectOption('#w-new-severity', 'critical');
    await page.click('.webhooks-form button[type=submit]');
    const added = (await patchNumber(page, 1))?.webhooks?.[1];
    expect(added).toEqual({
      format: 'feishu',
      url: 'https://open.feishu.cn/open-apis/bot/v2/hook/abc',
      rules: [
        'above',
        'below',
        'spike',
        'drop',
        'peak',
        'failing',
        'stale',
        'closed',
        'auth',
        'account',
        'session',
        'push-failing',
      ],
      minSeverity: 'critical',
    });
    await page.waitForSelector('#w1-filters');
    expect(await text(page, '#w1-filters summary')).toBe('Sends 12 kinds of alert, critical only');
  });

  it('lets the chosen alerts through quiet hours, keeping the time zone', async () => {
    const { page } = await openView('settings');
    // Nothing named in the settings: the engine's default is what the boxes show.
    for (const rule of ['closed', 'auth', 'account'])
      expect(await page.isChecked(`#q-through-${rule}`)).toBe(true);
    expect(await page.isChecked('#q-through-above')).toBe(false);
    await page.check('#q-through-above');
    await page.focus('#q-through-account');
    await page.keyboard.press('Space');
    await page.click('.quiet-form button[type=submit]');
    expect(await patchNumber(page, 1)).toEqual({
      quietHours: {
        start: '23:00',
        end: '07:30',
        letThrough: ['above', 'closed', 'auth'],
        timeZone: 'Asia/Shanghai',
      },
    });
    await page.waitForSelector('.settings > .answer:has-text("Saved")');
    expect(await page.isChecked('#q-through-above')).toBe(true);
    expect(await page.isChecked('#q-through-account')).toBe(false);
  });

  it('checks the global shortcut in words before saving it, and saves none when empty', async () => {
    const { page, errors } = await openView('settings');
    expect(await page.inputValue('#a-shortcut')).toBe('CommandOrControl+Alt+H');
    await page.fill('#a-shortcut', 'H');
    await page.press('#a-shortcut', 'Tab');
    expect(await text(page, '#a-shortcut-error')).toBe(
      'Add a modifier, as in CmdOrCtrl+Shift+H: "H" alone would stop working in every other app.',
    );
    expect(await page.getAttribute('#a-shortcut', 'aria-invalid')).toBe('true');
    await page.fill('#a-shortcut', 'Ctrl+Hyper+K');
    await page.press('#a-shortcut', 'Enter');
    expect(await text(page, '#a-shortcut-error')).toBe(
      '"Hyper" is not a modifier: use CmdOrCtrl, Alt, Shift or Super.',
    );
    expect(await text(page, '.app-form .answer')).toBe('Some fields need a fix; see the notes under them.');
    expect(await focusedId(page)).toBe('a-shortcut');
    expect(await patches(page)).toEqual([]);

    await page.fill('#a-shortcut', ' Alt+Shift+F5 ');
    await page.press('#a-shortcut', 'Enter');
    expect(await patchNumber(page, 1)).toEqual({
      app: {
        launchAtLogin: false,
        trayNumber: 'sum',
        shortcut: 'Alt+Shift+F5',
      },
    });
    await page.waitForSelector('.settings > .answer:has-text("Saved")');
    expect(await page.inputValue('#a-shortcut')).toBe('Alt+Shift+F5');
    expect(await page.getAttribute('#a-shortcut', 'aria-invalid')).toBeNull();

    await page.fill('#a-shortcut', '');
    await page.click('.app-form button[type=submit]');
    expect((await patchNumber(page, 2))?.app?.shortcut).toBeNull();
    expect(errors).toEqual([]);
  });

  it('says when the system refused a saved shortcut, and which one still works', async () => {
    const { page, errors } = await openView('settings');
    expect(await page.locator('#a-shortcut-error').isVisible()).toBe(false);
    await page.fill('#a-shortcut', 'Ctrl+Alt+T');
    await page.press('#a-shortcut', 'Enter');
    await page.waitForSelector('.settings > .answer:has-text("Saved")');
    expect(await text(page, '#a-shortcut-error')).toBe(
      '"Ctrl+Alt+T" is held by another app or by the system: pick another. CommandOrControl+Alt+H still opens Headcount.',
    );
    await page.fill('#a-shortcut', 'Alt+Shift+F6');
    await page.press('#a-shortcut', 'Enter');
    await expect.poll(() => page.getAttribute('#a-shortcut', 'aria-invalid'), { timeout: 10_000 }).toBeNull();
    expect(errors).toEqual([]);
  });

  it('says what is wrong with a shortcut in Chinese', async () => {
    const { page } = await openView('settings', { locale: 'zh-CN' });
    await page.fill('#a-shortcut', 'Ctrl+Shift');
    await page.press('#a-shortcut', 'Tab');
    expect(await text(page, '#a-shortcut-error')).toBe(
      '“Ctrl+Shift”缺少按键：请以一个按键结尾，例如 CmdOrCtrl+Shift+H。',
    );
  });

  it('has no tray section where there is no tray (headcount serve), and keeps the look in the browser', async () => {
    const { page } = await openView('settings', {}, '');
    expect(await page.locator('.app-form').count()).toBe(0);
    expect(await page.locator('#a-shortcut').count()).toBe(0);
    expect(await text(page, '.look-form')).toContain('Applied at once and kept by this browser.');
  });

  it('finds live rooms page by page with the watched ones marked', async () => {
    const { page } = await openView('settings');
    await page.click('.find-rooms button:has-text("Find live rooms")');
    await page.waitForSelector('.found-rooms li:nth-child(100)');
    expect(await page.isChecked('#found-0')).toBe(true);
    expect(await page.isDisabled('#found-0')).toBe(true);
    expect(await text(page, 'label[for=found-1]')).toBe('Tonight 1 · @TGS#live1');
    await page.click('.find-rooms button:has-text("Show more rooms")');
    await page.waitForSelector('.found-rooms li:nth-child(130)');
    expect(await text(page, '.find-rooms .answer')).toBe('Showing 130 of 130 live rooms.');
    expect(await page.isHidden('.find-rooms button:has-text("Show more rooms")')).toBe(true);
  });

  it.each([
    { name: 'en-light', locale: 'en-US', colorScheme: 'light' as const },
    { name: 'zh-dark', locale: 'zh-CN', colorScheme: 'dark' as const },
  ])('reads well in $name with no serious axe findings', async ({ name, locale, colorScheme }) => {
    const { page, errors } = await openView('settings', { locale, colorScheme, height: TALL });
    // Open, so the filters are scanned and seen too.
    await page.click('#w0-filters summary');
    await page.click('#w-new-filters summary');
    // The engine's English region names, in the page's language.
    expect(await page.locator('#f-region option').allTextContents()).toEqual(
      locale === 'zh-CN' ? ['中国', '新加坡', '自定义接入地址…'] : ['China', 'Singapore', 'Custom endpoint…'],
    );
    expect(await seriousFindings(page)).toEqual([]);
    await page.screenshot({ path: `${SHOTS}/settings-${name}.png` });
    expect(errors).toEqual([]);
  });
});

describe('the alert log in Chromium', () => {
  it('says where each alert went, filters, and acknowledges', async () => {
    const { page, errors } = await openView('alerts');
    const first = page.locator('.alert-entry').first();
    expect(await first.textContent()).toContain(
      'Delivered to desktop (held: snoozed until 14:30), webhook ops: sent',
    );
    expect(await text(page, '.alert-entry:nth-child(2)')).toContain(
      'webhook ops: failed (HTTP 502 from qyapi.weixin.qq.com)',
    );
    expect(await text(page, '.alert-entry:nth-child(3)')).toContain('Not delivered anywhere');
    // One line per alert; a short Acknowledge whose accessible name says which alert.
    const acknowledge = first.locator('.acknowledge');
    expect(await acknowledge.textContent()).toBe('Acknowledge');
    expect(await acknowledge.getAttribute('aria-label')).toMatch(/^Acknowledge: .+/);
    await acknowledge.click();
    await page.waitForSelector('.alert-entry:first-child .acked');
    expect(await first.textContent()).toContain('Acknowledged at');
    // The filters wait behind one button.
    expect(await page.isVisible('#af-open')).toBe(false);
    await page.click('.filters-toggle');
    await page.check('#af-open');
    await page.waitForFunction(() => document.querySelectorAll('.alert-entry').length === 2);
    await page.selectOption('#af-severity', 'critical');
    await page.waitForFunction(() => document.querySelectorAll('.alert-entry').length === 1);
    expect(await text(page, '.log-status')).toBe('1 alert');
    expect(await text(page, '.filters-toggle')).toBe('Filters (2)');
    expect(errors).toEqual([]);
  });

  it.each([
    { name: 'en-light', locale: 'en-US', colorScheme: 'light' as const },
    { name: 'zh-dark', locale: 'zh-CN', colorScheme: 'dark' as const },
  ])('reads well in $name with no serious axe findings', async ({ name, locale, colorScheme }) => {
    const { page } = await openView('alerts', { locale, colorScheme, height: 900 });
    expect(await seriousFindings(page)).toEqual([]);
    await page.screenshot({ path: `${SHOTS}/alerts-${name}.png` });
  });
});

declare const document: {
  querySelectorAll(selector: string): { length: number };
  activeElement: { id: string } | null;
};
