/**
 * The room view's "OBS overlay" section in the dashboard of `headcount serve` with an overlay
 * token: a live preview of the real overlay in a frame, the form written into the link, "Copy link
 * for OBS" putting exactly that link on the clipboard, the suggested Browser Source size, the
 * choices kept for the next visit, and the section in both languages and themes, narrow and wide.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseOverlayOptions } from '../../main/common/overlay-options';
import { suggestedSourceSize } from '../../main/common/overlay-size';
import { type DashboardPage, type OpenOptions, rowText, SHOTS, seriousFindings } from './support/dashboard';
import { OVERLAY_TOKEN, startOverlayStage } from './support/overlay-page';
import type { Stage } from './support/stage';

let stage: Stage;

beforeAll(async () => {
  stage = await startOverlayStage(
    [
      { groupId: '@TGS#aLive', audience: { kind: 'fixed', online: 12_345 } },
      { groupId: '@TGS#aOther', audience: { kind: 'fixed', online: 67 } },
    ],
    { rooms: { '@TGS#aLive': { label: 'Launch Day' } } },
  );
});

afterAll(async () => {
  const code = await stage?.stop();
  expect(code).toBe(0);
});

/** The dashboard with Launch Day's room view open; the OBS overlay section scrolled into view. */
async function openSection(options: OpenOptions = {}): Promise<DashboardPage> {
  const opened = await stage.open(options);
  const { page } = opened;
  if ((options.viewport?.width ?? 0) >= 900) {
    // A wide window lists the rooms in the table: its name opens the room.
    const line = page.getByRole('table').getByRole('row').filter({ hasText: 'Launch Day' });
    await expect.poll(() => line.textContent()).toContain('12,345');
    await line.getByRole('button', { name: 'Launch Day', exact: true }).click();
  } else {
    await expect.poll(() => rowText(page, 'Launch Day')).toContain('12,345');
    await page.getByRole('button', { name: 'Launch Day', exact: true }).click();
    await page.locator('.room .detail-open').first().click();
  }
  await page.locator('.overlay-section').scrollIntoViewIfNeeded();
  await page.locator('.overlay-link').waitFor();
  return opened;
}

const linkOf = (page: Page) => page.locator('.overlay-link').inputValue();
const previewCount = (page: Page) => page.frameLocator('.overlay-frame').locator('.count').textContent();

describe('the room view’s OBS overlay section', () => {
  it('previews the room’s overlay, writes the form into the link, copies it, and suggests the size', async () => {
    const { page, context, problems } = await openSection();
    await context.grantPermissions(['clipboard-read', 'clipboard-write']);
    const section = page.getByRole('region', { name: 'OBS overlay' });
    expect(await linkOf(page)).toBe(`${stage.run.base}/overlay?room=%40TGS%23aLive&token=${OVERLAY_TOKEN}`);
    await expect.poll(() => previewCount(page)).toBe('12,345');
    // The preview is the real page: a frame of the very link, on a checkerboard.
    expect(await page.locator('.overlay-frame').getAttribute('src')).toBe(await linkOf(page));
    expect(await section.getByRole('button', { name: 'Make a new link' }).count()).toBe(0);

    await section.getByLabel('Size (px)').fill('96');
    await section.getByLabel('Goal (people)').fill('20000');
    await section.getByLabel('Label', { exact: true }).fill('fans <b>here</b>');
    await section.getByLabel('Align').selectOption('center');
    await section.getByLabel('Shadow under the text').uncheck();
    const link = await linkOf(page);
    expect(new URL(link).search).toBe(
      `?room=%40TGS%23aLive&token=${OVERLAY_TOKEN}&size=96&label=fans+%3Cb%3Ehere%3C%2Fb%3E&align=center&shadow=off&goal=20000`,
    );
    await expect.poll(() => page.locator('.overlay-frame').getAttribute('src')).toBe(link);
    const frame = page.frameLocator('.overlay-frame');
    await expect.poll(() => frame.locator('.goal-text').textContent()).toBe('Goal 20,000');
    expect(await frame.locator('.label').textContent()).toBe('fans <b>here</b>');
    const size = suggestedSourceSize(parseOverlayOptions(new URL(link).searchParams));
    expect(await section.locator('.overlay-size').textContent()).toBe(
      `Browser Source size: width ${size.width}, height ${size.height}.`,
    );
    expect(await page.locator('.overlay-frame').getAttribute('width')).toBe(String(size.width));

    await section.getByRole('button', { name: 'Copy link for OBS' }).click();
    await expect.poll(() => section.getByRole('status').first().textContent()).toMatch(/^Copied/);
    const copied = (await page.evaluate('navigator.clipboard.readText()')) as string;
    expect(copied).toBe(link);
    const opened = await fetch(copied);
    expect(opened.status).toBe(200);
    expect(await opened.text()).toContain('<span class="count">12,345</span>');

    // The choices stay with the room for the next visit; "No label" empties the label.
    await page.reload();
    await page.getByRole('button', { name: 'Launch Day', exact: true }).click();
    await page.locator('.room .detail-open').first().click();
    await page.locator('.overlay-link').waitFor();
    expect(await linkOf(page)).toBe(link);
    await page.getByRole('region', { name: 'OBS overlay' }).getByLabel('No label').check();
    expect(new URL(await linkOf(page)).searchParams.get('label')).toBe('');
    expect(await seriousFindings(page)).toEqual([]);
    expect(problems).toEqual([]);
  });

  it('reads well in both languages and themes, narrow and wide', async () => {
    for (const [locale, colorScheme, viewport] of [
      ['en-US', 'light', { width: 400, height: 600 }],
      ['en-US', 'dark', { width: 1280, height: 800 }],
      ['zh-CN', 'light', { width: 1280, height: 800 }],
      ['zh-CN', 'dark', { width: 400, height: 600 }],
    ] as const) {
      const { page, problems } = await openSection({ locale, colorScheme, viewport });
      if (locale === 'zh-CN') {
        await expect.poll(() => page.getByRole('region', { name: 'OBS 直播叠加层' }).count()).toBe(1);
        expect(await page.getByRole('button', { name: '复制 OBS 链接' }).count()).toBe(1);
      }
      await expect.poll(() => previewCount(page)).toBe('12,345');
      const name = `overlay-section-${locale}-${colorScheme}-${viewport.width}`;
      await page.locator('.overlay-section').screenshot({ path: `${SHOTS}/${name}.png` });
      expect(await seriousFindings(page)).toEqual([]);
      expect(problems).toEqual([]);
    }
  });
});
