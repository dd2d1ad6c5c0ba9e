/**
 * The room view's OBS overlay section as the tray app shows it, in Debian Chromium against the
 * synthetic in-page MonitorApi: the overlay off, turned on onto a port another program holds (and
 * said so), moved to a free port and served with a link and a preview, "Make a new link" asked
 * twice before it revokes, the section in Chinese, light and dark, and no serious axe finding.
 * Screenshots go to test-artifacts/ui/overlay-*.png.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import type { OverlayChange } from '../../../main/contract/monitor-api';
import { SHOTS, seriousFindings, syntheticPopover } from '../browser/chromium-page';

const ROOM = 'Launch Day 0';

const popover = syntheticPopover();

/** Opens the room's view and scrolls to its overlay section. */
async function openSection(options: { locale?: string; colorScheme?: 'light' | 'dark' } = {}) {
  const opened = await popover.open('', { ...options, height: 720 });
  const { page } = opened;
  await page.waitForSelector('.room');
  await page.fill('#room-query', ROOM);
  const row = page.locator('.room', { hasText: ROOM }).first();
  await row.locator('.room-main').focus();
  await page.keyboard.press('Enter');
  await row.locator('.detail-open').click();
  await page.locator('.overlay-section').scrollIntoViewIfNeeded();
  return opened;
}

const statusOf = (page: Page) => page.locator('.overlay-section > [role="status"]').textContent();
const changesOf = (page: Page) =>
  page.evaluate('globalThis.syntheticOverlay.changes') as Promise<OverlayChange[]>;

describe('the OBS overlay section of the tray app', () => {
  it('turns the overlay on, says the port is taken, moves it, and makes a new link only when confirmed', async () => {
    const { context, page, errors } = await openSection();
    const section = page.getByRole('region', { name: 'OBS overlay' });
    const serve = section.getByRole('checkbox', { name: 'Serve the overlay on this computer' });
    expect(await serve.isChecked()).toBe(false);
    await expect.poll(() => statusOf(page)).toBe('Turn the overlay on to get a link for OBS.');
    expect(await section.locator('.overlay-link').isVisible()).toBe(false);

    await serve.check();
    await expect
      .poll(() => statusOf(page))
      .toBe('Port 9421 is in use by another program: choose another port.');
    expect(await page.evaluate('document.activeElement.id')).toBe('overlay-on');
    await section.getByRole('spinbutton', { name: 'Port' }).fill('80');
    await section.getByRole('spinbutton', { name: 'Port' }).press('Tab');
    expect(await section.locator('#overlay-port-error').textContent()).toBe(
      'The port is a whole number from 1024 to 65535.',
    );
    await section.getByRole('spinbutton', { name: 'Port' }).fill('9422');
    await section.getByRole('spinbutton', { name: 'Port' }).press('Tab');
    await section.locator('.overlay-link').waitFor();
    const link = await section.locator('.overlay-link').inputValue();
    expect(link).toMatch(
      new RegExp(`^${popover.url}overlay\\?room=%40TGS%23[0-9A-Z]+&token=synthetic-token-1-`),
    );
    expect(await page.locator('.overlay-frame').getAttribute('src')).toBe(link);
    expect(await statusOf(page)).toBe('');
    await page.screenshot({ path: `${SHOTS}/overlay-on.png`, fullPage: true });

    await section.getByRole('button', { name: 'Make a new link' }).click();
    expect(await section.locator('.overlay-confirm p').textContent()).toBe(
      'Links made before stop working in OBS. Make a new link?',
    );
    await section.getByRole('button', { name: 'Keep this link' }).click();
    expect(await section.locator('.overlay-confirm').isHidden()).toBe(true);
    expect(await section.locator('.overlay-link').inputValue()).toBe(link);
    await section.getByRole('button', { name: 'Make a new link' }).click();
    await section.locator('.overlay-confirm').getByRole('button', { name: 'Make a new link' }).click();
    await expect.poll(() => statusOf(page)).toBe('New link made: copy it into OBS again.');
    const fresh = await section.locator('.overlay-link').inputValue();
    expect(fresh).not.toBe(link);
    expect(fresh).toContain('token=synthetic-token-3-');
    expect(await changesOf(page)).toEqual([{ on: true }, { port: 9422 }, { newLink: true }]);

    // The tray app refuses the clipboard permission: the link is copied from its selected field.
    await context.grantPermissions(['clipboard-read']);
    await page.evaluate("navigator.clipboard.writeText = () => Promise.reject(new Error('denied'))");
    await section.getByRole('button', { name: 'Copy link for OBS' }).click();
    await expect.poll(() => statusOf(page)).toBe('Copied: paste it into the Browser Source’s URL.');
    expect(await page.evaluate('navigator.clipboard.readText()')).toBe(fresh);
    expect(await seriousFindings(page)).toEqual([]);
    expect(errors).toEqual([]);
    await context.close();
  });

  for (const look of [
    { name: 'dark', locale: 'en-US', colorScheme: 'dark' as const, heading: 'OBS overlay' },
    { name: 'zh-CN', locale: 'zh-CN', colorScheme: 'light' as const, heading: 'OBS 直播叠加层' },
  ]) {
    it(`reads in ${look.name}`, async () => {
      const { context, page, errors } = await openSection(look);
      const section = page.getByRole('region', { name: look.heading });
      await section.getByRole('checkbox').first().check();
      await section.getByRole('spinbutton').first().fill('9500');
      await section.getByRole('spinbutton').first().press('Tab');
      await section.locator('.overlay-link').waitFor();
      await section.screenshot({ path: `${SHOTS}/overlay-${look.name}.png` });
      expect(await seriousFindings(page)).toEqual([]);
      expect(errors).toEqual([]);
      await context.close();
    });
  }
});
