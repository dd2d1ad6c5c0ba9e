import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { HEADROOM_SHARE } from '../../main/common/budget-pace';
import { type CallSlot, RateBudget } from '../../main/core/rate-budget';
import { maxInAnyWindow } from '../support/call-windows';
import { FakeClock } from '../support/fake-clock';

/** Reserves `n` slots and returns them once granted. */
async function reserveAll(budget: RateBudget, clock: FakeClock, n: number): Promise<CallSlot[]> {
  const slots: CallSlot[] = [];
  for (let i = 0; i < n; i++) void budget.reserve().then((slot) => slots.push(slot));
  await clock.advance(0);
  return slots;
}

describe('RateBudget.tryReserve', () => {
  it('gives a slot at once while one is free, and takes nothing when none is', async () => {
    const clock = new FakeClock();
    const budget = new RateBudget(clock, 10);
    const limit = 10 - Math.floor(10 * HEADROOM_SHARE);
    const slots: CallSlot[] = [];
    for (let i = 0; i < limit; i++) {
      const slot = budget.tryReserve();
      expect(slot).not.toBeNull();
      if (slot) slots.push(slot);
    }
    expect(budget.used()).toBe(limit);
    expect(budget.tryReserve()).toBeNull();
    expect(budget.used()).toBe(limit);
    for (const slot of slots) slot.done();
    await clock.advance(1_000);
    expect(budget.tryReserve()).not.toBeNull();
  });

  it('gives nothing while calls are waiting for a slot, so they keep their turn', async () => {
    const clock = new FakeClock();
    const budget = new RateBudget(clock, 1);
    const first = budget.tryReserve();
    const waiting = budget.reserve();
    first?.done();
    expect(budget.queued()).toBe(1);
    expect(budget.tryReserve()).toBeNull();
    await clock.advance(1_000);
    expect(await waiting).toBeDefined();
  });
});

describe('RateBudget slots dated when their answers come back', () => {
  it('holds a granted call in every window until it is answered, however long that takes', async () => {
    const clock = new FakeClock();
    const budget = new RateBudget(clock, 10);
    const first = await reserveAll(budget, clock, 10);
    expect(first).toHaveLength(10);
    const next = reserveAll(budget, clock, 1);
    // Three seconds on, none has been answered: the window they would have been dated in is long gone.
    await clock.advance(3_000);
    for (const slot of first) slot.sent();
    await clock.advance(500);
    expect(budget.used()).toBe(10);
    expect(budget.waitMs()).toBeGreaterThan(0);
    for (const slot of first) slot.done();
    const answeredAt = clock.monotonic();
    await clock.advance(999);
    expect(await Promise.race([next.then(() => 'granted'), Promise.resolve('waiting')])).toBe('waiting');
    await clock.advance(1);
    expect(await next).toHaveLength(1);
    expect(clock.monotonic() - answeredAt).toBe(1_000);
  });

  it('waits a second after the answer of a call the server was slow to take, not a second after it left', async () => {
    // The server, starved of CPU, reads a request sent at 0 only at 1,400 ms and answers it then: it
    // counts it in that second. Calls let go a second after it left would meet it there.
    const clock = new FakeClock();
    const budget = new RateBudget(clock, 10);
    const start = clock.monotonic();
    const slow = await reserveAll(budget, clock, 10);
    for (const slot of slow) slot.sent();
    const later = reserveAll(budget, clock, 10);
    await clock.advance(1_400);
    expect((await later).length).toBe(0);
    for (const slot of slow) slot.done();
    await clock.advance(999);
    expect((await later).length).toBe(0);
    await clock.advance(1);
    expect((await later).length).toBe(10);
    expect(clock.monotonic() - start).toBe(2_400);
  });

  it('never lets the server count more than the cap in one of its seconds, however late it reads or answers', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 1, max: 40 }),
        fc.array(
          fc.record({
            gapMs: fc.integer({ min: 0, max: 700 }),
            calls: fc.integer({ min: 1, max: 50 }),
            // When the server reads the request and when its answer is seen, after the grant.
            readMs: fc.integer({ min: 0, max: 1_500 }),
            answerMs: fc.integer({ min: 0, max: 800 }),
          }),
          { minLength: 1, maxLength: 20 },
        ),
        async (cap, bursts) => {
          const clock = new FakeClock();
          const budget = new RateBudget(clock, cap);
          const arrivals: number[] = [];
          const serve = (slot: CallSlot, readMs: number, answerMs: number): void => {
            slot.sent();
            clock.setTimer(() => {
              arrivals.push(clock.monotonic());
              clock.setTimer(() => slot.done(), answerMs);
            }, readMs);
          };
          for (const burst of bursts) {
            await clock.advance(burst.gapMs);
            for (let c = 0; c < burst.calls; c++)
              void budget.reserve().then((slot) => serve(slot, burst.readMs, burst.answerMs));
          }
          const asked = bursts.reduce((sum, burst) => sum + burst.calls, 0);
          for (let second = 0; arrivals.length < asked && second < 4 * asked; second++)
            await clock.advance(1000);
          expect(arrivals).toHaveLength(asked);
          expect(maxInAnyWindow(arrivals)).toBeLessThanOrEqual(cap);
        },
      ),
      { numRuns: 60 },
    );
  });

  it('counts a request sent again as one more call, and dates a call given up when it ends', async () => {
    const clock = new FakeClock();
    const budget = new RateBudget(clock, 10);
    const [resent, givenUp] = await reserveAll(budget, clock, 2);
    resent?.sent();
    resent?.sent();
    resent?.done();
    expect(budget.used()).toBe(3);
    givenUp?.done();
    givenUp?.done();
    expect(budget.used()).toBe(3);
    await clock.advance(1_025);
    expect(budget.used()).toBe(0);
  });

  it('ignores a send reported after the call ended', async () => {
    const clock = new FakeClock();
    const budget = new RateBudget(clock, 10);
    const [slot] = await reserveAll(budget, clock, 1);
    slot?.sent();
    slot?.done();
    slot?.sent();
    expect(budget.used()).toBe(1);
    await clock.advance(1_025);
    expect(budget.used()).toBe(0);
  });

  it('dates an answered call among calls taken later but dated earlier, so each leaves its window on time', async () => {
    const clock = new FakeClock();
    const budget = new RateBudget(clock, 10);
    const [slot] = await reserveAll(budget, clock, 1);
    await clock.advance(5_000);
    // A call taken directly is dated now; the answered one a little before now (its network spread).
    await budget.acquire();
    slot?.done();
    expect(budget.used()).toBe(2);
    // 1,025 ms after the answered call's date it has left the window; the other has not.
    await clock.advance(1_000);
    expect(budget.used()).toBe(1);
    await clock.advance(25);
    expect(budget.used()).toBe(0);
  });

  it('keeps a fortieth of the cap spare: 195 of 200, none of a cap of 1', async () => {
    expect(HEADROOM_SHARE).toBe(0.025);
    const clock = new FakeClock();
    const budget = new RateBudget(clock, 200);
    expect(await reserveAll(budget, clock, 250)).toHaveLength(195);
    expect(budget.sustainableRate()).toBeCloseTo((195 * 1000) / 1025, 9);
    const groupList = new RateBudget(clock, 1);
    expect(await reserveAll(groupList, clock, 2)).toHaveLength(1);
  });
});
