import { describe, expect, it } from 'vitest';
import { sparkPath } from '../../../renderer/rooms/sparkline-path';

describe('sparkPath', () => {
  it('spans the width, puts the highest value at the top and the lowest at the bottom', () => {
    expect(sparkPath([10, 20, 15], 42, 22)).toBe('M2 20L21 2L40 11');
  });

  it('breaks the line at a gap and marks a lone point with a short dash', () => {
    expect(sparkPath([10, null, 20, 30, null], 42, 22)).toBe('M2 20h1M21 11L30.5 2');
  });

  it('draws equal values flat in the middle, and nothing without a value', () => {
    expect(sparkPath([7, 7], 10, 10)).toBe('M2 5L8 5');
    expect(sparkPath([null, null])).toBe('');
    expect(sparkPath([])).toBe('');
  });
});
