import { afterEach, describe, expect, it, vi } from 'vitest';
import { MAX_TIMER_MS } from '../../main/common/duration';
import { systemClock } from '../../main/core/clock';

afterEach(() => {
  vi.useRealTimers();
});

describe('systemClock timers', () => {
  it('fires a wait one timer holds once, when due, and not once cleared', () => {
    vi.useFakeTimers();
    let fired = 0;
    systemClock.setTimer(() => fired++, 250);
    vi.advanceTimersByTime(249);
    expect(fired).toBe(0);
    vi.advanceTimersByTime(1);
    expect(fired).toBe(1);
    const cleared = systemClock.setTimer(() => fired++, 250);
    systemClock.clearTimer(cleared);
    vi.advanceTimersByTime(1_000);
    expect(fired).toBe(1);
  });

  it('fires a wait of zero or less on the next turn, as setTimeout would', () => {
    vi.useFakeTimers();
    let fired = 0;
    systemClock.setTimer(() => fired++, -5);
    systemClock.setTimer(() => fired++, 0);
    expect(fired).toBe(0);
    vi.advanceTimersByTime(1);
    expect(fired).toBe(2);
  });

  it('chains a wait longer than one timer holds, and clears it midway', () => {
    vi.useFakeTimers();
    const thirtyDays = 30 * 86_400_000;
    let fired = 0;
    systemClock.setTimer(() => fired++, thirtyDays);
    vi.advanceTimersByTime(MAX_TIMER_MS + 1);
    expect(fired).toBe(0);
    vi.advanceTimersByTime(thirtyDays - MAX_TIMER_MS - 1);
    expect(fired).toBe(1);
    const cleared = systemClock.setTimer(() => fired++, thirtyDays);
    vi.advanceTimersByTime(MAX_TIMER_MS + 5);
    systemClock.clearTimer(cleared);
    vi.advanceTimersByTime(thirtyDays);
    expect(fired).toBe(1);
  });

  it('clears nothing, without failing, for a handle already gone', () => {
    expect(() => systemClock.clearTimer(undefined)).not.toThrow();
  });
});
