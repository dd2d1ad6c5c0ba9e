import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { RateBudget } from '../../main/core/rate-budget';
import { maxInAnyWindow } from '../support/call-windows';
import { FakeClock } from '../support/fake-clock';

describe('RateBudget', () => {
  it('lets the cap through at once, then makes the next caller wait for the window to move', async () => {
    const clock = new FakeClock();
    const budget = new RateBudget(clock, 5);
    const taken: number[] = [];
    for (let i = 0; i < 8; i++) void budget.acquire().then(() => taken.push(clock.monotonic()));
    await clock.advance(0);
    expect(taken).toHaveLength(5);
    expect(budget.waitMs()).toBeGreaterThan(0);
    // One second and the margin for network jitter later, the window has room again.
    await clock.advance(1024);
    expect(taken).toHaveLength(5);
    await clock.advance(1);
    expect(taken).toHaveLength(8);
    expect(maxInAnyWindow(taken)).toBe(5);
  });

  it('after a stall, lets waiting calls go a few per turn, so each is dated close to when it leaves', async () => {
    // A clock whose timers run only when the test says: the event loop was busy for five seconds.
    let now = 0;
    const timers: Array<() => void> = [];
    const clock = {
      monotonic: () => now,
      setTimer: (fn: () => void) => timers.push(fn),
      clearTimer: () => {},
    };
    const budget = new RateBudget(clock, 200);
    for (let i = 0; i < 200; i++) await budget.acquire();
    const sent: number[] = [];
    // Each call takes a millisecond to send once it may go.
    for (let i = 0; i < 50; i++) void budget.acquire().then(() => sent.push(now++));
    now += 5000;
    const perTurn: number[] = [];
    while (timers.length > 0) {
      const before = sent.length;
      timers.shift()?.();
      await Promise.resolve();
      perTurn.push(sent.length - before);
    }
    expect(sent).toHaveLength(50);
    expect(Math.max(...perTurn)).toBeLessThanOrEqual(8);
  });

  it('slows down after a rate-limited answer and grows back to the cap by itself', async () => {
    const clock = new FakeClock();
    const budget = new RateBudget(clock, 200);
    budget.slowDown(60007);
    expect(budget.isSlowed()).toBe(true);
    expect(budget.waitMs()).toBe(1000);
    expect(budget.limit()).toBe(150);
    await clock.advance(1000);
    expect(budget.limit()).toBe(160);
    await clock.advance(5000);
    expect(budget.limit()).toBe(200);
    expect(budget.isSlowed()).toBe(false);
  });

  it('pauses a full minute when the server locked the app (70050)', () => {
    const clock = new FakeClock();
    const budget = new RateBudget(clock, 200);
    budget.slowDown(70050);
    expect(budget.waitMs()).toBe(60_000);
  });

  it('never lets more calls than the cap into any one-second window, whatever the callers do', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 1, max: 50 }),
        fc.array(
          fc.record({ gapMs: fc.integer({ min: 0, max: 400 }), calls: fc.integer({ min: 1, max: 60 }) }),
          {
            minLength: 1,
            maxLength: 25,
          },
        ),
        fc.array(fc.integer({ min: 0, max: 40 }), { maxLength: 4 }),
        async (cap, bursts, rateLimitedAt) => {
          const clock = new FakeClock();
          const budget = new RateBudget(clock, cap);
          const taken: number[] = [];
          for (const [i, burst] of bursts.entries()) {
            await clock.advance(burst.gapMs);
            if (rateLimitedAt.includes(i)) budget.slowDown(60007);
            for (let c = 0; c < burst.calls; c++) {
              if (c % 2 === 0 && budget.waitMs() === 0) {
                budget.take();
                taken.push(clock.monotonic());
              } else {
                void budget.acquire().then(() => taken.push(clock.monotonic()));
              }
            }
          }
          const asked = bursts.reduce((sum, burst) => sum + burst.calls, 0);
          for (let second = 0; taken.length < asked && second < 2 * asked; second++)
            await clock.advance(1000);
          expect(taken).toHaveLength(asked);
          expect(maxInAnyWindow(taken)).toBeLessThanOrEqual(cap);
        },
      ),
      { numRuns: 60 },
    );
  });
});
