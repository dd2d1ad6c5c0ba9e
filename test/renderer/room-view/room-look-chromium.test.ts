/**
 * The room view tells the engine a person is looking at the room, so that it stays at the
 * requested interval when the rooms do not fit the rate cap: when it opens, every minute while it
 * stays open, and no more once it closes. The built popover in Debian Chromium, against the
 * synthetic in-page MonitorApi, its timers on Playwright's clock.
 */
import { describe, expect, it } from 'vitest';
import { syntheticPopover } from '../browser/chromium-page';

interface Synthetic {
  syntheticMonitor: { looked: string[][] };
}

const popover = syntheticPopover();

describe('the room view in Chromium, and what it tells the engine', () => {
  it('says the open room is looked at when it opens and every minute, and stops when it closes', async () => {
    const { context, page } = await popover.open('', { height: 640 });
    try {
      await page.waitForSelector('.room');
      await page.clock.install();
      const looked = () => page.evaluate(() => (globalThis as unknown as Synthetic).syntheticMonitor.looked);
      const row = page.locator('.room').first();
      const key = (await row.getAttribute('data-key')) as string;
      await row.locator('.room-main').click();
      await row.locator('.detail-open').click();
      await page.waitForSelector('.room-view');
      expect(await looked()).toEqual([[key]]);
      await page.clock.fastForward(60_000);
      expect(await looked()).toEqual([[key], [key]]);
      await page.locator('.room-view .back').click();
      await page.waitForSelector('.room-view', { state: 'detached' });
      await page.clock.fastForward(180_000);
      expect(await looked()).toEqual([[key], [key]]);
    } finally {
      await context.close();
    }
  });
});
