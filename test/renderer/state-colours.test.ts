/**
 * The state colours pass WCAG AA in both themes: as text on the page and on a chip (4.5:1), and as
 * tiles behind their own text (the wall's names and counts, 4.5:1). Read from popover.css itself.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const css = readFileSync(resolve(import.meta.dirname, '../../renderer/popover.css'), 'utf8');

/** The custom properties of the first block whose selector is exactly `selector`. */
function theme(selector: string): Record<string, string> {
  const start = css.indexOf(`${selector} {`);
  const block = css.slice(start, css.indexOf('}', start));
  return Object.fromEntries([...block.matchAll(/--([\w-]+):\s*(#[0-9a-f]{6})/gi)].map((m) => [m[1], m[2]]));
}

function luminance(hex: string): number {
  const [r, g, b] = [1, 3, 5].map((i) => {
    const c = Number.parseInt(hex.slice(i, i + 2), 16) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * (r as number) + 0.7152 * (g as number) + 0.0722 * (b as number);
}

/** The contrast ratio of two colours, 1 to 21. */
function contrast(a: string, b: string): number {
  const [light, dark] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (light + 0.05) / (dark + 0.05);
}

const THEMES = { light: theme(':root'), dark: theme(':root[data-theme="dark"]') };

describe('the state colours', () => {
  it.each(Object.entries(THEMES))(
    'read at 4.5:1 or more as text on the page and on chips (%s)',
    (_, colours) => {
      for (const state of ['ok', 'warn', 'bad', 'muted', 'fg'])
        for (const ground of ['bg', 'raised', 'hover', 'warn-bg', 'info-bg']) {
          const ratio = contrast(colours[state] as string, colours[ground] as string);
          expect(ratio, `--${state} on --${ground}`).toBeGreaterThanOrEqual(4.5);
        }
    },
  );

  it.each(Object.entries(THEMES))('carry their tile text at 4.5:1 or more on the wall (%s)', (_, colours) => {
    for (const tile of ['ok', 'warn', 'bad', 'tile-muted', 'accent']) {
      const ratio = contrast(colours['on-tone'] as string, colours[tile] as string);
      expect(ratio, `--on-tone on --${tile}`).toBeGreaterThanOrEqual(4.5);
    }
  });

  it('are the same in the dark theme chosen by the system as by the page', () => {
    const start = css.indexOf('@media (prefers-color-scheme: dark)');
    const block = css.slice(start, css.indexOf('}\n}', start));
    const system = Object.fromEntries(
      [...block.matchAll(/--([\w-]+):\s*(#[0-9a-f]{6})/gi)].map((m) => [m[1], m[2]]),
    );
    expect(system).toEqual(THEMES.dark);
  });
});
