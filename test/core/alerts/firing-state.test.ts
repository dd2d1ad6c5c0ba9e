import { describe, expect, it } from 'vitest';
import { FiringState, type Transition } from '../../../main/core/alerts/firing-state';

/** Feeds one observation per 10 s from 0: `F` fire, `C` clear, `-` neither. */
function run(state: FiringState, pattern: string, forMs = 0, repeatMs = 0): Transition[] {
  return [...pattern].map((c, i) => state.update(i * 10_000, c === 'F', c === 'C', forMs, repeatMs));
}

describe('FiringState', () => {
  it('fires at once without a hold time, stays quiet while firing, and recovers on the first clear', () => {
    const state = new FiringState();
    expect(state.firing).toBe(false);
    expect(run(state, 'FFF-C')).toEqual(['fired', null, null, null, 'recovered']);
    expect(state.firing).toBe(false);
  });

  it('fires only once the condition held for the whole hold time, counted from its first sighting', () => {
    const state = new FiringState();
    // Held 0, 10, 20 s: fires at 30 s, the first observation at least 30 s after it began.
    expect(run(state, 'FFFF', 30_000)).toEqual([null, null, null, 'fired']);
  });

  it('starts the hold time again when the condition lapses while arming', () => {
    const state = new FiringState();
    expect(run(state, 'FF-FFFF', 30_000)).toEqual([null, null, null, null, null, null, 'fired']);
    expect(state.firing).toBe(true);
  });

  it('recovers only once the clear condition held for the hold time, and is still firing meanwhile', () => {
    const state = new FiringState();
    run(state, 'F');
    expect(state.update(10_000, false, true, 30_000)).toBeNull();
    expect(state.firing).toBe(true);
    expect(state.update(30_000, false, true, 30_000)).toBeNull();
    expect(state.update(40_000, false, true, 30_000)).toBe('recovered');
    expect(state.firing).toBe(false);
  });

  it('goes back to firing, without a new alert, when the clear condition lapses before the hold time', () => {
    const state = new FiringState();
    run(state, 'F');
    expect(state.update(10_000, false, true, 30_000)).toBeNull();
    expect(state.update(20_000, true, false, 30_000)).toBeNull();
    expect(state.firing).toBe(true);
    // The clear hold time starts again from the next clear observation.
    expect(state.update(30_000, false, true, 30_000)).toBeNull();
    expect(state.update(50_000, false, true, 30_000)).toBeNull();
    expect(state.update(60_000, false, true, 30_000)).toBe('recovered');
  });

  it('neither fires nor recovers on an observation where neither condition holds (hysteresis band)', () => {
    const state = new FiringState();
    expect(run(state, '--F---')).toEqual([null, null, 'fired', null, null, null]);
    expect(state.firing).toBe(true);
  });

  it('reminds every repeat interval while firing, counted from the last notice, and never when 0', () => {
    const reminding = new FiringState();
    expect(run(reminding, 'FFFFFFF', 0, 30_000)).toEqual([
      'fired',
      null,
      null,
      'reminder',
      null,
      null,
      'reminder',
    ]);
    const silent = new FiringState();
    expect(run(silent, 'FFFFFFF').filter((t) => t !== null)).toEqual(['fired']);
  });

  it('forgets a firing state on reset, so the next sighting fires anew', () => {
    const state = new FiringState();
    run(state, 'F');
    state.reset();
    expect(state.firing).toBe(false);
    expect(state.update(100_000, true, false)).toBe('fired');
  });
});
