import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { entryAt, layoutOffsets, scrollToReveal, visibleRange } from '../../../renderer/rooms/virtual-window';

describe('the virtual window', () => {
  const offsets = layoutOffsets([32, 52, 52, 140, 52, 32, 52]);

  it('lays entries end to end, with the total height last', () => {
    expect([...offsets]).toEqual([0, 32, 84, 136, 276, 328, 360, 412]);
  });

  it('finds the entry at a position, clamped to the list', () => {
    expect(entryAt(offsets, 0)).toBe(0);
    expect(entryAt(offsets, 31.9)).toBe(0);
    expect(entryAt(offsets, 32)).toBe(1);
    expect(entryAt(offsets, 200)).toBe(3);
    expect(entryAt(offsets, -10)).toBe(0);
    expect(entryAt(offsets, 10_000)).toBe(6);
    expect(entryAt(layoutOffsets([]), 10)).toBe(0);
  });

  it('takes the entries in view plus a margin', () => {
    expect(visibleRange(offsets, 100, 100, 0)).toEqual({ start: 2, end: 4 });
    expect(visibleRange(offsets, 100, 100, 60)).toEqual({ start: 1, end: 4 });
    expect(visibleRange(offsets, 100, 100, 180)).toEqual({ start: 0, end: 7 });
    expect(visibleRange(layoutOffsets([]), 0, 500, 100)).toEqual({ start: 0, end: 0 });
  });

  it('renders a small window of 2000 rows wherever the list is scrolled', () => {
    const rows = layoutOffsets(new Array(2000).fill(52));
    const { start, end } = visibleRange(rows, 52 * 1000 + 10, 480, 312);
    expect(start).toBe(994);
    expect(end - start).toBeLessThan(25);
  });

  it('covers every entry that intersects the viewport (property)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 1, max: 200 }), { minLength: 1, maxLength: 300 }),
        fc.nat(60_000),
        fc.integer({ min: 1, max: 2000 }),
        fc.nat(500),
        (heights, scroll, viewport, margin) => {
          const layout = layoutOffsets(heights);
          const { start, end } = visibleRange(layout, scroll, viewport, margin);
          for (let i = 0; i < heights.length; i++) {
            const top = layout[i] as number;
            const bottom = layout[i + 1] as number;
            const intersects = bottom > scroll && top < scroll + viewport;
            if (intersects && (i < start || i >= end)) return false;
          }
          return start <= end && end <= heights.length;
        },
      ),
    );
  });

  it('scrolls as little as needed to reveal an entry', () => {
    expect(scrollToReveal(offsets, 2, 0, 200)).toBe(0);
    expect(scrollToReveal(offsets, 3, 0, 200)).toBe(76);
    expect(scrollToReveal(offsets, 1, 200, 200)).toBe(32);
    expect(scrollToReveal(offsets, 6, 0, 20)).toBe(392);
  });
});
