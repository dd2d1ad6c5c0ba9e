import { afterEach, describe, expect, it, vi } from 'vitest';
import { MAX_TIMER_MS } from '../../main/common/duration';
import { systemClock, timerDelayMs } from '../../main/core/clock';

afterEach(() => {
  vi.useRealTimers();
});

describe('systemClock timers', () => {
  it('fires a wait one timer holds once, a millisecond after it is over, and not once cleared', () => {
    vi.useFakeTimers();
    let fired = 0;
    systemClock.setTimer(() => fired++, 250);
    vi.advanceTimersByTime(250);
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

  it('rounds a wait up to the millisecond, and one more: Node counts from the start of the current one', () => {
    expect(timerDelayMs(4.5)).toBe(6);
    expect(timerDelayMs(0.01)).toBe(2);
    expect(timerDelayMs(5)).toBe(6);
    expect(timerDelayMs(0)).toBe(0);
    expect(timerDelayMs(-3)).toBe(0);
    vi.useFakeTimers();
    let fired = 0;
    systemClock.setTimer(() => fired++, 4.26);
    vi.advanceTimersByTime(5);
    expect(fired).toBe(0);
    vi.advanceTimersByTime(1);
    expect(fired).toBe(1);
  });

  it('never fires a wait of a fraction of a millisecond before it is over by monotonic()', async () => {
    // Waits as the monitor asks for them (rooms 5.26 ms apart): Node's own timers, set for these
    // as they are, fire up to two milliseconds early.
    const early: number[] = [];
    await Promise.all(
      Array.from({ length: 40 }, (_, i) => {
        const wait = 0.3 + ((i * 5.26) % 7);
        const from = systemClock.monotonic();
        return new Promise<void>((done) => {
          systemClock.setTimer(() => {
            const waited = systemClock.monotonic() - from;
            if (waited < wait) early.push(wait - waited);
            done();
          }, wait);
        });
      }),
    );
    expect(early).toEqual([]);
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

  it('chains the longest wait one timer holds, which the millisecond added would overflow', () => {
    vi.useFakeTimers();
    let fired = 0;
    systemClock.setTimer(() => fired++, MAX_TIMER_MS);
    vi.advanceTimersByTime(10);
    expect(fired).toBe(0);
    vi.advanceTimersByTime(MAX_TIMER_MS);
    expect(fired).toBe(1);
  });

  it('clears nothing, without failing, for a handle already gone', () => {
    expect(() => systemClock.clearTimer(undefined)).not.toThrow();
  });
});
