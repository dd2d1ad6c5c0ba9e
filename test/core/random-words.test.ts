import { describe, expect, it } from 'vitest';
import { pooledRandomUint32 } from '../../main/core/random-words';

describe('pooled random words', () => {
  it('gives unsigned 32-bit integers that keep changing past the pool, with no run of repeats', () => {
    const next = pooledRandomUint32();
    // Three pools' worth: the refills must draw new bytes, not hand the first kilobyte out again.
    const words = Array.from({ length: 768 }, next);
    for (const word of words) {
      expect(Number.isInteger(word)).toBe(true);
      expect(word).toBeGreaterThanOrEqual(0);
      expect(word).toBeLessThan(2 ** 32);
    }
    expect(new Set(words).size).toBeGreaterThan(760);
    expect(words.slice(256, 512)).not.toEqual(words.slice(0, 256));
  });
});
