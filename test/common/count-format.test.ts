import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compactCount, groupedCount, iconCount } from '../../main/common/count-format';
import { canDraw, textWidth } from '../../main/shell/pixel-font';

describe('groupedCount', () => {
  it('groups thousands with commas', () => {
    expect(groupedCount(0)).toBe('0');
    expect(groupedCount(999)).toBe('999');
    expect(groupedCount(12_345)).toBe('12,345');
    expect(groupedCount(1_234_567)).toBe('1,234,567');
  });
});

describe('compactCount', () => {
  it('is written in full below 10,000', () => {
    expect(compactCount(9_876)).toBe('9,876');
    expect(compactCount(42)).toBe('42');
  });

  it('keeps three significant digits above', () => {
    expect(compactCount(12_345)).toBe('12.3k');
    expect(compactCount(123_456)).toBe('123k');
    expect(compactCount(1_234_567)).toBe('1.23M');
    expect(compactCount(10_000)).toBe('10k');
  });

  it('moves to the next suffix when rounding reaches 1000', () => {
    expect(compactCount(999_999)).toBe('1M');
    expect(compactCount(999_950_000)).toBe('1B');
  });
});

describe('iconCount', () => {
  it('uses two significant digits and a suffix past 999', () => {
    expect(iconCount(0)).toBe('0');
    expect(iconCount(999)).toBe('999');
    expect(iconCount(1_000)).toBe('1k');
    expect(iconCount(1_234)).toBe('1.2k');
    expect(iconCount(12_345)).toBe('12k');
    expect(iconCount(123_456)).toBe('123k');
    expect(iconCount(999_999)).toBe('1M');
    expect(iconCount(1_250_000)).toBe('1.3M');
    expect(iconCount(2_400_000_000)).toBe('2.4B');
  });

  it('always fits a 16-pixel icon in the pixel font, for any count up to 100 billion', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 100_000_000_000 }), (n) => {
        const text = iconCount(n);
        expect(canDraw(text)).toBe(true);
        expect(textWidth(text)).toBeLessThanOrEqual(16);
      }),
    );
  });

  it('never shows a positive count as 0', () => {
    fc.assert(fc.property(fc.integer({ min: 1, max: 100_000_000_000 }), (n) => iconCount(n) !== '0'));
  });
});
