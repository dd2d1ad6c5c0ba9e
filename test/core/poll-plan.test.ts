import { describe, expect, it } from 'vitest';
import { backoffMs, nextDueAt, planPolling, spreadDueTimes } from '../../main/core/poll-plan';

describe('the poll plan', () => {
  it('keeps the requested interval while the rooms fit the rate, and stretches it when they do not', () => {
    expect(planPolling(100, 10_000, 200)).toMatchObject({
      effectiveIntervalMs: 10_000,
      stretch: 1,
      callsPerSecond: 10,
    });
    expect(planPolling(4000, 10_000, 200)).toMatchObject({
      effectiveIntervalMs: 20_000,
      stretch: 2,
      callsPerSecond: 200,
    });
    expect(planPolling(0, 10_000, 200)).toMatchObject({ effectiveIntervalMs: 10_000, callsPerSecond: 0 });
  });

  it('backs off doubling from the first delay up to the ceiling, with jitter between half and all of it', () => {
    const policy = { firstMs: 2_000, ceilingMs: 60_000 };
    expect([1, 2, 3, 6, 40].map((n) => backoffMs(n, policy, () => 1))).toEqual([
      2_000, 4_000, 8_000, 60_000, 60_000,
    ]);
    expect(backoffMs(3, policy, () => 0)).toBe(4_000);
  });

  it("keeps a room's phase, unless it fell more than half an interval behind", () => {
    expect(nextDueAt(1_000, 1_003, 10_000)).toBe(11_000);
    expect(nextDueAt(1_000, 7_000, 10_000)).toBe(17_000);
    expect(nextDueAt(1_000, 3_600_000, 10_000)).toBe(3_610_000);
  });

  it('gives up the phase from exactly half an interval behind', () => {
    expect(nextDueAt(1_000, 5_999, 10_000)).toBe(11_000);
    expect(nextDueAt(1_000, 6_000, 10_000)).toBe(16_000);
  });

  it('backs off the first delay after no failure or one, and half of it at the least jitter', () => {
    const policy = { firstMs: 2_000, ceilingMs: 60_000 };
    expect(backoffMs(0, policy, () => 1)).toBe(2_000);
    expect(backoffMs(1, policy, () => 0.5)).toBe(1_500);
  });

  it('spreads rooms evenly over one interval', () => {
    expect(spreadDueTimes(4, 100, 10_000)).toEqual([100, 2_600, 5_100, 7_600]);
    expect(spreadDueTimes(0, 100, 10_000)).toEqual([]);
  });
});
