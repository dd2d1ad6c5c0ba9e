import { describe, expect, it } from 'vitest';
import { type CountFacts, currentTotal, isCurrentCount } from '../../main/core/current-count';

const INTERVAL = 10_000;
const live = (online: number, ageMs: number): CountFacts => ({ status: 'live', online, ageMs });

describe('the totals rule', () => {
  it('counts a live count up to two effective intervals old, and not a millisecond older', () => {
    expect(isCurrentCount(live(500, 0), INTERVAL)).toBe(true);
    expect(isCurrentCount(live(500, 20_000), INTERVAL)).toBe(true);
    expect(isCurrentCount(live(500, 20_001), INTERVAL)).toBe(false);
    // A stretched interval stretches what counts as current with it.
    expect(isCurrentCount(live(500, 35_000), 20_000)).toBe(true);
  });

  it('never counts a room whose latest answer was not a count, whatever count it kept', () => {
    expect(isCurrentCount({ status: 'failing', online: 500, ageMs: 1_000 }, INTERVAL)).toBe(false);
    expect(isCurrentCount({ status: 'stopped', online: 500, ageMs: 1_000 }, INTERVAL)).toBe(false);
    expect(isCurrentCount({ status: 'stale', online: 500, ageMs: 1_000 }, INTERVAL)).toBe(false);
    expect(isCurrentCount({ status: 'waiting', online: null, ageMs: null }, INTERVAL)).toBe(false);
    // A snapshot said live without a count (built elsewhere than the engine) adds nothing to a total.
    expect(isCurrentCount({ status: 'live', online: null, ageMs: 0 }, INTERVAL)).toBe(false);
    expect(isCurrentCount({ status: 'live', online: 500, ageMs: null }, INTERVAL)).toBe(false);
  });

  it('adds only current counts: 4,321 and 1,000 live and one closed at 500 make 5,321', () => {
    const total = currentTotal(
      [live(4_321, 3_000), live(1_000, 9_000), { status: 'stopped', online: 500, ageMs: 60_000 }],
      INTERVAL,
    );
    expect(total).toEqual({ online: 5_321, counted: 2, left: 1 });
    expect(currentTotal([], INTERVAL)).toEqual({ online: 0, counted: 0, left: 0 });
  });
});
