import { describe, expect, it } from 'vitest';
import { type CallSlot, HEADROOM_SHARE, RateBudget } from '../../main/core/rate-budget';
import { FakeClock } from '../support/fake-clock';

/** Reserves `n` slots and returns them once granted. */
async function reserveAll(budget: RateBudget, clock: FakeClock, n: number): Promise<CallSlot[]> {
  const slots: CallSlot[] = [];
  for (let i = 0; i < n; i++) void budget.reserve().then((slot) => slots.push(slot));
  await clock.advance(0);
  return slots;
}

describe('RateBudget slots dated when their calls leave', () => {
  it('holds a granted call in every window until it leaves, however long that takes', async () => {
    const clock = new FakeClock();
    const budget = new RateBudget(clock, 10);
    const first = await reserveAll(budget, clock, 10);
    expect(first).toHaveLength(10);
    const next = reserveAll(budget, clock, 1);
    // Three seconds on, none has left: the window they would have been dated in is long gone.
    await clock.advance(3_000);
    expect(budget.used()).toBe(10);
    expect(budget.waitMs()).toBeGreaterThan(0);
    for (const slot of first) slot.sent();
    const leftAt = clock.monotonic();
    await clock.advance(1_024);
    expect(await Promise.race([next.then(() => 'granted'), Promise.resolve('waiting')])).toBe('waiting');
    await clock.advance(1);
    expect(await next).toHaveLength(1);
    expect(clock.monotonic() - leftAt).toBe(1_025);
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
