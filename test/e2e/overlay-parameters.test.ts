/**
 * Every URL parameter of the OBS overlay as Chromium draws it, against `headcount serve` polling
 * the simulator: font, size, color, label, align, shadow, goal, anim (and reduced motion), lang and
 * closed, each as documented and back to its default when malformed; and the suggested Browser
 * Source size holding what the page draws.
 */
import type { Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { parseOverlayOptions } from '../../main/common/overlay-options';
import { suggestedSourceSize } from '../../main/common/overlay-size';
import {
  countsShown,
  countText,
  OVERLAY_TOKEN,
  type OverlayTabs,
  overlayTabs,
  overlayUrl,
  simulatorChange,
  startOverlayStage,
} from './support/overlay-page';
import type { Stage } from './support/stage';

let stage: Stage;
let tabs: OverlayTabs;

beforeAll(async () => {
  stage = await startOverlayStage([
    { groupId: '@TGS#aLook', audience: { kind: 'fixed', online: 2500 } },
    { groupId: '@TGS#aRoll', audience: { kind: 'fixed', online: 1000 } },
    { groupId: '@TGS#aWide', audience: { kind: 'fixed', online: 888_888 } },
    { groupId: '@TGS#aEnding', audience: { kind: 'fixed', online: 640 } },
  ]);
  tabs = await overlayTabs(stage.browser);
});

afterEach(async () => {
  for (const problems of await tabs.release()) expect(problems).toEqual([]);
});

afterAll(async () => {
  await tabs?.close();
  const code = await stage?.stop();
  expect(code).toBe(0);
});

/** Opens the room's overlay with `query` and waits for its count. */
async function look(query: string, groupId = '@TGS#aLook', reducedMotion?: 'reduce' | 'no-preference') {
  const opened = await tabs.open(overlayUrl(stage.run.base, groupId, OVERLAY_TOKEN, query), {
    ...(reducedMotion ? { reducedMotion } : {}),
  });
  await expect.poll(() => countText(opened.page)).not.toBe('—');
  return opened;
}

/** A computed style property of the first element matching `selector`. */
const styleOf = (page: Page, selector: string, property: string) =>
  page.evaluate(`getComputedStyle(document.querySelector(${JSON.stringify(selector)})).${property}`);

describe('the overlay’s parameters, drawn', () => {
  it('font: a keyword’s stack, an installed family first, else the default', async () => {
    expect(await styleOf((await look('font=mono')).page, '.overlay', 'fontFamily')).toMatch(/^ui-monospace,/);
    expect(await styleOf((await look('font=Bebas%20Neue')).page, '.overlay', 'fontFamily')).toMatch(
      /^"Bebas Neue", system-ui/,
    );
    expect(await styleOf((await look('font=x%22%3B%7D')).page, '.overlay', 'fontFamily')).toMatch(
      /^system-ui,/,
    );
  });

  it('size and color: as given, else 64 px white', async () => {
    const sized = await look('size=100&color=%23ff0000');
    expect(await styleOf(sized.page, '.overlay', 'fontSize')).toBe('100px');
    expect(await styleOf(sized.page, '.overlay', 'color')).toBe('rgb(255, 0, 0)');
    expect(await styleOf((await look('color=gold')).page, '.overlay', 'color')).toBe('rgb(255, 215, 0)');
    const bad = await look('size=huge&color=red%3Bbackground%3Ablue');
    expect(await styleOf(bad.page, '.overlay', 'fontSize')).toBe('64px');
    expect(await styleOf(bad.page, '.overlay', 'color')).toBe('rgb(255, 255, 255)');
    expect(await styleOf(bad.page, 'body', 'backgroundColor')).toBe('rgba(0, 0, 0, 0)');
  });

  it('label and lang: the language’s word, another, or none; numbers in the language’s way', async () => {
    expect(await (await look('')).page.locator('.label').textContent()).toBe('watching');
    const zh = await look('lang=zh-CN');
    expect(await zh.page.locator('.label').textContent()).toBe('人在看');
    expect(await zh.page.getAttribute('html', 'lang')).toBe('zh-CN');
    expect(await countText(zh.page)).toBe('2,500');
    expect(await (await look('label=fans%20here')).page.locator('.label').textContent()).toBe('fans here');
    expect(await (await look('label=')).page.locator('.label').count()).toBe(0);
    expect(await (await look('lang=fr')).page.locator('.label').textContent()).toBe('watching');
  });

  it('align: left, centre or right within the Browser Source', async () => {
    const placed = async (query: string) => {
      const { page } = await look(query);
      const box = await page.locator('.overlay').boundingBox();
      return box ? Math.round(box.x + box.width / 2) : -1;
    };
    expect(await placed('align=left')).toBeLessThan(300);
    expect(Math.abs((await placed('align=center')) - 400)).toBeLessThanOrEqual(1);
    expect(await placed('align=right')).toBeGreaterThan(500);
    expect(await placed('align=justify')).toBeLessThan(300);
  });

  it('shadow: on by default, off when asked', async () => {
    expect(await styleOf((await look('')).page, '.count', 'textShadow')).not.toBe('none');
    expect(await styleOf((await look('shadow=off')).page, '.count', 'textShadow')).toBe('none');
  });

  it('goal: a bar filled as far as the count has come, with the goal in words', async () => {
    const { page } = await look('goal=5000');
    expect(await page.locator('.goal-text').textContent()).toBe('Goal 5,000');
    const bar = await page.locator('.bar').boundingBox();
    const fill = await page.locator('.fill').boundingBox();
    expect((fill?.width ?? 0) / (bar?.width ?? 1)).toBeCloseTo(0.5, 2);
    expect(await (await look('goal=5000&lang=zh-CN')).page.locator('.goal-text').textContent()).toBe(
      '目标 5,000',
    );
    expect(await (await look('goal=lots')).page.locator('.goal').count()).toBe(0);
  });

  it('anim: rolls to a new count, jumps with anim=none or when reduced motion is asked for', async () => {
    const rolling = await look('', '@TGS#aRoll', 'no-preference');
    const jumping = await look('anim=none', '@TGS#aRoll', 'no-preference');
    const reduced = await look('', '@TGS#aRoll', 'reduce');
    const pages = [rolling.page, jumping.page, reduced.page];
    for (const page of pages) await expect.poll(() => countText(page)).toBe('1,000');
    await simulatorChange(stage.sim, 'set-online', { groupId: '@TGS#aRoll', online: 2000 });
    for (const page of pages) await expect.poll(() => countText(page)).toBe('2,000');
    const shown = async (page: Page) => (await countsShown(page)).map((count) => count.text);
    const rolled = await shown(rolling.page);
    expect(rolled.length).toBeGreaterThan(4);
    expect(rolled.every((text) => /^[12],\d{3}$/.test(text))).toBe(true);
    expect(await shown(jumping.page)).toEqual(['1,000', '2,000']);
    expect(await shown(reduced.page)).toEqual(['1,000', '2,000']);
  });

  it('closed: hides the overlay when the room closes, or shows its last count with “stream ended”', async () => {
    const hidden = await look('', '@TGS#aEnding');
    const shown = await look('closed=show&lang=zh-CN', '@TGS#aEnding');
    await simulatorChange(stage.sim, 'disband', { groupId: '@TGS#aEnding' });
    await expect.poll(() => styleOf(hidden.page, '.overlay', 'visibility')).toBe('hidden');
    await expect.poll(() => shown.page.locator('.ended').isVisible()).toBe(true);
    expect(await shown.page.locator('.ended').textContent()).toBe('直播已结束');
    expect(await countText(shown.page)).toBe('640');
    expect(await styleOf(shown.page, '.overlay', 'opacity')).toBe('0.45');
    // A page opened after the room closed says the same from its first paint.
    const later = await look('closed=show', '@TGS#aEnding');
    expect(await later.page.locator('.ended').textContent()).toBe('Stream ended');
    expect(await styleOf((await look('', '@TGS#aEnding')).page, '.overlay', 'visibility')).toBe('hidden');
  });

  it('fits in the suggested Browser Source size with a six-figure count', async () => {
    for (const query of [
      '',
      'size=120&goal=1000000&closed=show',
      'lang=zh-CN&font=heavy',
      'font=serif&label=followers',
    ]) {
      const { page } = await look(query, '@TGS#aWide');
      expect(await countText(page)).toBe('888,888');
      const suggested = suggestedSourceSize(parseOverlayOptions(new URLSearchParams(query)));
      // What the page draws: the overlay block, with the "stream ended" line where it would show.
      if (query.includes('closed=show'))
        await page.evaluate("document.querySelector('.ended').hidden = false");
      const box = await page.locator('.overlay').boundingBox();
      expect({ query, width: Math.ceil(box?.width ?? 0) <= suggested.width }).toEqual({ query, width: true });
      expect({ query, height: Math.ceil(box?.height ?? 0) <= suggested.height }).toEqual({
        query,
        height: true,
      });
    }
  });
});
