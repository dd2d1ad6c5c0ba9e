import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ROLL_MS, rollValue } from '../../../renderer/overlay/count-roll';

describe('rolling the count', () => {
  it('starts at the old count, settles on the new one, and moves fast first', () => {
    expect(rollValue(1000, 2000, 0)).toBe(1000);
    expect(rollValue(1000, 2000, ROLL_MS / 2)).toBeGreaterThan(1500);
    expect(rollValue(1000, 2000, ROLL_MS)).toBe(2000);
    expect(rollValue(2000, 1000, ROLL_MS * 3)).toBe(1000);
  });

  it('only ever shows whole numbers between the two counts, never below the lower', () => {
    fc.assert(
      fc.property(fc.nat(1e7), fc.nat(1e7), fc.integer({ min: -50, max: 2 * ROLL_MS }), (from, to, t) => {
        const value = rollValue(from, to, t);
        expect(Number.isInteger(value)).toBe(true);
        expect(value).toBeGreaterThanOrEqual(Math.min(from, to));
        expect(value).toBeLessThanOrEqual(Math.max(from, to));
      }),
    );
  });
});
