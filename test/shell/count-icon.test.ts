import { describe, expect, it } from 'vitest';
import { renderCountIcon } from '../../main/shell/count-icon';
import { MARK_COLOUR, STATE_COLOURS } from '../../main/shell/icon-palette';
import { TRAY_STATES } from '../../main/shell/tray-state';
import { pixel } from './decode-png';

const WHITE = [...MARK_COLOUR];

/** The text as rows of '#' (white) and '.' (anything else). */
function whiteRows(image: { width: number; height: number; data: Uint8Array }): string[] {
  return Array.from({ length: image.height }, (_, y) =>
    Array.from({ length: image.width }, (_, x) =>
      pixel(image, x, y).join() === WHITE.join() ? '#' : '.',
    ).join(''),
  );
}

describe('renderCountIcon', () => {
  it('draws the number in white, centred, on the state’s colour', () => {
    const image = renderCountIcon({ text: '12k', state: 'normal', size: 16, scale: 1 });
    expect(image.width).toBe(16);
    expect(image.height).toBe(16);
    expect(whiteRows(image).slice(4, 11)).toEqual([
      '................',
      '...#..###.#.....',
      '..##....#.#.#...',
      '...#..###.##....',
      '...#..#...#.#...',
      '..###.###.#.#...',
      '................',
    ]);
    expect(pixel(image, 8, 1)).toEqual([...STATE_COLOURS.normal]);
  });

  it('tells the states apart by colour', () => {
    const colours = TRAY_STATES.map((state) =>
      pixel(renderCountIcon({ text: '5', state, size: 16, scale: 1 }), 8, 1).join(),
    );
    expect(new Set(colours).size).toBe(TRAY_STATES.length);
  });

  it('doubles every font dot at scale 2', () => {
    const one = renderCountIcon({ text: '1.2M', state: 'alerting', size: 16, scale: 1 });
    const two = renderCountIcon({ text: '1.2M', state: 'alerting', size: 16, scale: 2 });
    expect(two.width).toBe(32);
    const rows1 = whiteRows(one);
    const rows2 = whiteRows(two);
    for (let y = 0; y < 16; y++) {
      const doubled = [...(rows1[y] as string)].map((c) => c + c).join('');
      expect(rows2[2 * y]).toBe(doubled);
      expect(rows2[2 * y + 1]).toBe(doubled);
    }
  });

  it('draws the mark when there is no number', () => {
    const image = renderCountIcon({ text: '', state: 'demo', size: 16, scale: 1 });
    const rows = whiteRows(image);
    expect(rows.join('').includes('#')).toBe(true);
    expect(pixel(image, 8, 5)).toEqual(WHITE);
  });

  it('refuses text that does not fit or that the font lacks', () => {
    expect(() => renderCountIcon({ text: '12.3k', state: 'normal', size: 16, scale: 1 })).toThrow(RangeError);
    expect(() => renderCountIcon({ text: '1x', state: 'normal', size: 16, scale: 1 })).toThrow(/no glyph/);
  });

  it('gives the same pixels for the same request', () => {
    const a = renderCountIcon({ text: '999k', state: 'error', size: 16, scale: 2 });
    const b = renderCountIcon({ text: '999k', state: 'error', size: 16, scale: 2 });
    expect(Buffer.from(a.data).equals(Buffer.from(b.data))).toBe(true);
  });
});
