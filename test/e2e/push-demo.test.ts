/**
 * The demo shows one room's count to its viewers, end to end: with no account, the room view of
 * "Cooking with Lin" says it writes the count as a group attribute, what it wrote, and what the
 * room's viewers read now from the simulator, the same count; in Chinese and dark too.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { roomRow, rowText, screenshot } from './support/dashboard';
import { type Stage, startStage } from './support/stage';

let stage: Stage;

beforeAll(async () => {
  stage = await startStage({ rooms: [], demo: true });
});

afterAll(async () => {
  const code = await stage?.stop();
  expect(code).toBe(0);
});

/** The count in the section's "Written: N" line, and the one in what viewers see, once both show. */
async function writtenAndSeen(page: Page, viewersSee: RegExp): Promise<[number, number]> {
  const section = page.locator('.push-section');
  let found: [number, number] | null = null;
  await expect
    .poll(async () => {
      const written = /([\d,]+)/.exec((await section.locator('.push-state').textContent()) ?? '');
      const seen = viewersSee.exec((await section.locator('.push-viewers').textContent()) ?? '');
      found = written?.[1] && seen?.[1] ? [Number(written[1].replace(/,/g, '')), Number(seen[1])] : null;
      return found !== null && found[0] === found[1];
    })
    .toBe(true);
  return found as unknown as [number, number];
}

describe('the demo’s room shown to its viewers', () => {
  it('says how the count is written and what the viewers read now, in both languages', async () => {
    for (const [locale, colorScheme, heading, viewersSee] of [
      ['en-US', 'light', 'Show the count to viewers', /^Viewers see: \{"online":(\d+),"at":\d+\}$/],
      ['zh-CN', 'dark', '向观众显示人数', /^观众看到：\{"online":(\d+),"at":\d+\}$/],
    ] as const) {
      const { page, problems } = await stage.open({ locale, colorScheme });
      await expect.poll(() => rowText(page, 'Cooking with Lin'), { timeout: 15_000 }).toMatch(/\d/);
      await page.getByRole('button', { name: 'Cooking with Lin', exact: true }).click();
      await roomRow(page, 'Cooking with Lin').locator('.detail-open').click();
      const section = page.getByRole('region', { name: heading });
      await section.scrollIntoViewIfNeeded();
      // The section shows the room's push once the service has answered for it: "off" until then.
      await expect.poll(() => section.locator('select').inputValue()).toBe('group-attr');
      expect(await section.locator('input[data-field="key"]').inputValue()).toBe('online_member_num');
      const [written, seen] = await writtenAndSeen(page, viewersSee);
      expect(seen).toBe(written);
      // The service reads the same value from the demo's simulator.
      const setup = await stage.call<{ viewers: { value: string } | null }>('getRoomPush', [
        'demo/cooking-with-lin',
      ]);
      expect(JSON.parse(String(setup.viewers?.value)).online).toBeGreaterThanOrEqual(0);
      await screenshot(page, `push-demo-${locale}-${colorScheme}`);
      expect(problems).toEqual([]);
    }
  });
});
