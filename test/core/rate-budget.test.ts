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
    while (budget.waitMs() === 0) await budget.acquire();
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

describe('RateBudget, edges a caller relies on', () => {
  it('refuses a cap under one call per second, in words, when made and when changed', () => {
    const clock = new FakeClock();
    for (const cap of [0, 0.5, -1, Number.NaN]) {
      expect(() => new RateBudget(clock, cap)).toThrow(/at least 1 call per second/);
    }
    const budget = new RateBudget(clock, 10);
    for (const cap of [0, Number.NaN]) {
      expect(() => budget.setCap(cap)).toThrow(/at least 1 call per second/);
    }
    expect(budget.cap).toBe(10);
    budget.setCap(1);
    expect(budget.cap).toBe(1);
  });

  it('makes a caller who asks directly wait behind calls already waiting, even when the window has room', async () => {
    let now = 0;
    const clock = { monotonic: () => now, setTimer: () => 0, clearTimer: () => {} };
    const budget = new RateBudget(clock, 1);
    await budget.acquire();
    let served = false;
    void budget.acquire().then(() => {
      served = true;
    });
    // The window has moved on, but the drain that serves the waiting call has not run yet.
    now = 5_000;
    expect(budget.used()).toBe(0);
    expect(budget.waitMs()).toBeGreaterThanOrEqual(1);
    expect(served).toBe(false);
  });

  it('takes a slot only for a caller it lets go', async () => {
    const clock = new FakeClock();
    const budget = new RateBudget(clock, 10);
    for (let i = 0; i < 10; i++) await budget.acquire();
    const served: number[] = [];
    for (let i = 0; i < 2; i++) void budget.acquire().then(() => served.push(clock.monotonic()));
    await clock.advance(1025);
    expect(served).toHaveLength(2);
    expect(budget.used()).toBe(2);
    expect(budget.waitMs()).toBe(0);
  });

  it('is slowed while paused even at a limit that cannot go lower, and not from the moment the pause ends', async () => {
    const clock = new FakeClock();
    const budget = new RateBudget(clock, 1);
    budget.slowDown(60007);
    expect(budget.limit()).toBe(1);
    expect(budget.isSlowed()).toBe(true);
    await clock.advance(999);
    expect(budget.isSlowed()).toBe(true);
    await clock.advance(1);
    expect(budget.isSlowed()).toBe(false);
    expect(budget.waitMs()).toBe(0);
  });

  it('is slowed after the pause while the limit grows back under the cap', async () => {
    const clock = new FakeClock();
    const budget = new RateBudget(clock, 200);
    budget.slowDown(60007);
    await clock.advance(1000);
    expect(budget.waitMs()).toBe(0);
    expect(budget.limit()).toBe(160);
    expect(budget.isSlowed()).toBe(true);
  });

  it('cuts the limit once per pause, however many answers of that pause say rate-limited', async () => {
    const clock = new FakeClock();
    const budget = new RateBudget(clock, 200);
    budget.slowDown(60007);
    await clock.advance(500);
    budget.slowDown(60007);
    budget.slowDown(10006);
    expect(budget.limit()).toBe(150);
    expect(budget.waitMs()).toBe(500);
    // From the moment the pause is over, an answer is news again.
    await clock.advance(500);
    budget.slowDown(60007);
    expect(budget.limit()).toBe(120);
    expect(budget.waitMs()).toBe(1000);
  });

  it('still cuts and pauses a whole minute when the app is locked (70050) during a pause', async () => {
    const clock = new FakeClock();
    const budget = new RateBudget(clock, 200);
    budget.slowDown(60007);
    await clock.advance(100);
    budget.slowDown(70050);
    expect(budget.limit()).toBe(112);
    expect(budget.waitMs()).toBe(60_000);
  });

  it('holds the limit at a cap lowered while recovering: raising the cap again grows back from there', () => {
    const clock = new FakeClock();
    const budget = new RateBudget(clock, 200);
    budget.slowDown(60007);
    budget.setCap(100);
    expect(budget.limit()).toBe(100);
    budget.setCap(200);
    expect(budget.limit()).toBe(100);
  });
});

describe('RateBudget, changes that take effect at once', () => {
  it('lets waiting calls go as soon as the cap is raised', async () => {
    const clock = new FakeClock();
    const budget = new RateBudget(clock, 1);
    await budget.acquire();
    const served: number[] = [];
    for (let i = 0; i < 2; i++) void budget.acquire().then(() => served.push(clock.monotonic()));
    await clock.advance(10);
    expect(served).toEqual([]);
    budget.setCap(3);
    await clock.advance(0);
    expect(served).toEqual([clock.monotonic(), clock.monotonic()]);
  });

  it('grows a small cap back by at least one call per quiet second', async () => {
    const clock = new FakeClock();
    const budget = new RateBudget(clock, 10);
    budget.slowDown(60007);
    expect(budget.limit()).toBe(7);
    await clock.advance(1_000);
    expect(budget.limit()).toBe(8);
    await clock.advance(2_000);
    expect(budget.limit()).toBe(10);
  });
});
