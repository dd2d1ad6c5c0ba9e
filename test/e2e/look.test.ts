/**
 * The dashboard's words and accessibility end to end: switching to 中文 from the page rewrites the
 * labels the engine's data sits in, and axe finds nothing serious or critical in the main views,
 * light and dark, as served by `headcount serve` with live counts.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type DashboardPage,
  type OpenOptions,
  rowText,
  screenshot,
  seriousFindings,
} from './support/dashboard';
import { type Stage, startStage } from './support/stage';

let stage: Stage;

beforeAll(async () => {
  stage = await startStage({
    rooms: [
      { groupId: '@TGS#aLive', audience: { kind: 'fixed', online: 12_345 } },
      { groupId: '@TGS#aSmall', audience: { kind: 'fixed', online: 67 } },
    ],
    watched: ['@TGS#aLive', '@TGS#aSmall'],
    settings: { rooms: { '@TGS#aLive': { label: 'Launch Day' }, '@TGS#aSmall': { label: '读书会' } } },
  });
});

afterAll(async () => {
  const code = await stage?.stop();
  expect(code).toBe(0);
});

async function open(options: OpenOptions = {}): Promise<DashboardPage> {
  const opened = await stage.open(options);
  await expect.poll(() => rowText(opened.page, 'Launch Day')).toContain('12,345');
  return opened;
}

describe('the dashboard in English and Chinese, for every reader', () => {
  it('switches to 中文 from the settings: the total, states, controls and settings change language', async () => {
    const { page, problems } = await open();
    await page.getByRole('button', { name: 'Settings' }).click();
    await page.getByRole('combobox', { name: 'Language' }).selectOption('zh-CN');
    await expect.poll(() => page.getAttribute('html', 'lang')).toBe('zh-CN');
    expect(await page.getByRole('combobox', { name: '语言' }).count()).toBe(1);
    await page.getByRole('button', { name: '返回房间列表' }).first().click();
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('12,412 人在线');
    expect(await rowText(page, 'Launch Day')).toContain('实时');
    expect(await page.getByRole('searchbox', { name: '筛选房间' }).count()).toBe(1);
    await screenshot(page, 'rooms-zh-CN');

    await page.getByRole('button', { name: '设置' }).click();
    const settings = page.getByRole('region', { name: '设置' });
    await settings.getByRole('group', { name: '所有房间的告警规则' }).waitFor();
    expect(await settings.getByRole('group', { name: '粘贴房间 ID' }).getByRole('textbox').count()).toBe(1);
    expect(await settings.getByRole('textbox', { name: '高于（人）时告警' }).count()).toBe(1);
    expect(await page.getByRole('button', { name: '添加房间', exact: true }).count()).toBe(1);
    await screenshot(page, 'settings-zh-CN');
    // The choice is the page's own: it survives a reload.
    await page.reload();
    await expect.poll(() => page.getAttribute('html', 'lang')).toBe('zh-CN');
    expect(problems).toEqual([]);
  });

  it.each(['light', 'dark'] as const)(
    'has no serious or critical axe findings in the rooms, a room, the settings and the alert log (%s)',
    async (colorScheme) => {
      const { page, problems } = await open({ colorScheme });
      await screenshot(page, `rooms-${colorScheme}`);
      expect(await seriousFindings(page)).toEqual([]);

      await page.getByRole('button', { name: 'Launch Day', exact: true }).click();
      await page.getByRole('button', { name: 'Chart and details' }).click();
      const room = page.getByRole('region', { name: 'Launch Day' });
      await room.getByRole('img', { name: /Peak 12,345/ }).waitFor();
      await screenshot(page, `room-${colorScheme}`);
      expect(await seriousFindings(page)).toEqual([]);
      await room.getByRole('button', { name: /Back to rooms/ }).click();

      await page.getByRole('button', { name: 'Settings' }).click();
      await page.getByRole('group', { name: 'Alert rules for every room' }).waitFor();
      await screenshot(page, `settings-${colorScheme}`);
      expect(await seriousFindings(page)).toEqual([]);

      await page.getByRole('button', { name: 'Alert log' }).click();
      const log = page.getByRole('region', { name: 'Alert log' });
      await expect.poll(() => log.getByRole('status').textContent()).not.toBe('Loading alerts…');
      await screenshot(page, `alert-log-${colorScheme}`);
      expect(await seriousFindings(page)).toEqual([]);
      expect(problems).toEqual([]);
    },
  );
});
