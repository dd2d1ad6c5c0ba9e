import { describe, expect, it } from 'vitest';
import { AppMonitor } from '../../main/core/app-monitor';
import type { ApiResult } from '../../main/core/im-client';
import type { MonitorEvent } from '../../main/core/monitor-events';
import { RateBudget } from '../../main/core/rate-budget';
import { maxInAnyWindow } from '../support/call-windows';
import { FakeClock } from '../support/fake-clock';

/**
 * The pace a budget says it sustains is the pace it lets calls go at: a reserved call holds its
 * place from its grant until a second after its answer, so slow answers slow the pace, and the plan
 * (the interval the status shows) follows them.
 */

/** Calls one after another through `budget`, each answered `answerMs` after its grant, for `forMs`. */
async function callsAnswering(clock: FakeClock, budget: RateBudget, answerMs: () => number, forMs: number) {
  const sent: number[] = [];
  let running = true;
  const caller = async () => {
    while (running) {
      const slot = await budget.reserve();
      if (!running) {
        slot.done();
        return;
      }
      slot.sent();
      sent.push(clock.monotonic());
      const answerIn = answerMs();
      void new Promise<void>((resolve) => clock.setTimer(resolve, answerIn)).then(() => slot.done());
    }
  };
  // More callers than the cap: the budget alone decides the pace. Once stopped, the callers still
  // waiting give their slots back as they get them; the last answers come in meanwhile.
  for (let i = 0; i < budget.cap * 2; i++) void caller();
  await clock.advance(forMs);
  running = false;
  await clock.advance(3_000);
  return sent;
}

const capLessHeadroom = 195;

/**
 * Calls per second between the first and the last call of `times`, leaving out those of its last
 * instant: calls let go together (a budget filled by many callers at once lets them go in bursts)
 * are counted once per burst whatever the window cuts.
 */
function callsPerSecond(times: readonly number[]): number {
  const first = times[0] as number;
  const last = times.at(-1) as number;
  return (times.filter((at) => at < last).length * 1000) / (last - first);
}

describe('RateBudget pace', () => {
  it('sustains the cap less its headroom over a second and its margin while answers are quick', async () => {
    const clock = new FakeClock();
    const budget = new RateBudget(clock, 200);
    expect(budget.sustainableRate()).toBeCloseTo((capLessHeadroom * 1000) / 1025, 6);
    await callsAnswering(clock, budget, () => 5, 5_000);
    expect(budget.sustainableRate()).toBeCloseTo((capLessHeadroom * 1000) / 1025, 6);
    expect(budget.answerMs()).toBeNull();
  });

  it('says answers of 150 ms slow its pace, and lets calls go at exactly the pace it says', async () => {
    const clock = new FakeClock();
    const budget = new RateBudget(clock, 200);
    const sent = await callsAnswering(clock, budget, () => 150, 30_000);
    expect(budget.answerMs()).toBe(150);
    expect(budget.sustainableRate()).toBeCloseTo((capLessHeadroom * 1000) / 1150, 6);
    // The calls of the last 20 s (the first seconds fill the window): the pace it says, within 1 %.
    const pace = callsPerSecond(sent.filter((at) => at >= 10_000 && at < 30_000));
    expect(pace / budget.sustainableRate()).toBeGreaterThan(0.99);
    expect(pace / budget.sustainableRate()).toBeLessThan(1.01);
    // Each call holds its place 1,150 ms: no such span ever holds more than the cap less its headroom.
    expect(maxInAnyWindow(sent, 1150)).toBe(capLessHeadroom);
  });

  it('keeps its pace through answers that wobble, and counts a hung call as a second at most', async () => {
    const clock = new FakeClock();
    const budget = new RateBudget(clock, 200);
    const answerIn = async (ms: number) => {
      const slot = await budget.reserve();
      slot.sent();
      await clock.advance(ms);
      slot.done();
    };
    for (let call = 0; call < 100; call++) await answerIn(150);
    expect(budget.answerMs()).toBe(150);
    // Between 140 and 160 ms: the same pace, not a new plan at every answer.
    for (let call = 0; call < 100; call++) await answerIn(140 + (call % 21));
    expect(budget.answerMs()).toBe(150);
    // One call of the last hundred hung for 10 s: counted as 1 s, the mean is 158.5 ms, within a step.
    await answerIn(10_000);
    expect(budget.answerMs()).toBe(150);
  });

  it('goes back to its quick pace once answers are quick again', async () => {
    const clock = new FakeClock();
    const budget = new RateBudget(clock, 200);
    let answerMs = 300;
    await callsAnswering(clock, budget, () => answerMs, 5_000);
    expect(budget.answerMs()).toBe(300);
    answerMs = 5;
    await callsAnswering(clock, budget, () => answerMs, 5_000);
    expect(budget.answerMs()).toBeNull();
    expect(budget.sustainableRate()).toBeCloseTo((capLessHeadroom * 1000) / 1025, 6);
  });

  it('says nothing of a pace before twenty calls were answered', async () => {
    const clock = new FakeClock();
    const budget = new RateBudget(clock, 200);
    for (let i = 0; i < 19; i++) {
      const slot = await budget.reserve();
      slot.sent();
      await clock.advance(400);
      slot.done();
    }
    expect(budget.answerMs()).toBeNull();
    const slot = await budget.reserve();
    slot.sent();
    await clock.advance(400);
    slot.done();
    expect(budget.answerMs()).toBe(400);
  });
});

describe('AppMonitor with slow answers', () => {
  it('polls 2,000 rooms at the interval its status says when answers take 150 ms, and says why', async () => {
    const clock = new FakeClock();
    const budget = new RateBudget(clock, 200);
    const polled = new Map<string, number[]>();
    const source = {
      async getOnlineMemberNum(groupId: string): Promise<ApiResult<number>> {
        const slot = await budget.reserve();
        slot.sent();
        polled.set(groupId, [...(polled.get(groupId) ?? []), clock.monotonic()]);
        await new Promise<void>((resolve) => clock.setTimer(resolve, 150));
        slot.done();
        return { ok: true, value: 100 };
      },
    };
    const monitor = new AppMonitor({ source, budget, clock, intervalMs: 10_000, random: () => 0.5 });
    const statuses: number[] = [];
    monitor.on((event: MonitorEvent) => {
      if (event.type === 'status') statuses.push(event.status.plan.effectiveIntervalMs);
    });
    monitor.addRooms(Array.from({ length: 2000 }, (_, i) => `room-${i}`));
    monitor.start();
    await clock.advance(60_000);
    const status = monitor.status();
    // 195 calls a window, each holding its place 1,150 ms: 169.6 calls/s, 2,000 rooms every 11.8 s.
    expect(status.answerMs).toBe(150);
    expect(status.plan.effectiveIntervalMs).toBeCloseTo((2000 * 1150) / capLessHeadroom, 0);
    // Every room's polls of the last 30 s are that far apart, within 2 %.
    const gaps = [...polled.values()].flatMap((times) =>
      times
        .filter((at) => at > 30_000)
        .flatMap((at, i, all) => (i === 0 ? [] : [at - (all[i - 1] as number)])),
    );
    expect(gaps.length).toBeGreaterThan(2000);
    for (const gap of gaps) expect(Math.abs(gap / status.plan.effectiveIntervalMs - 1)).toBeLessThan(0.02);
    // The status said the new interval when the answers were first timed, not only the planned one.
    expect(statuses[0]).toBeCloseTo((2000 * 1025) / capLessHeadroom, 0);
    expect(statuses.at(-1)).toBe(status.plan.effectiveIntervalMs);
    monitor.stop();
  });
});
