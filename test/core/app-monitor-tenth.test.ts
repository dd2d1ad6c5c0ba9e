import { describe, expect, it } from 'vitest';
import { AppMonitor } from '../../main/core/app-monitor';
import { imErrorFromCode } from '../../main/core/error-kind';
import type { ApiResult } from '../../main/core/im-client';
import type { MonitorEvent } from '../../main/core/monitor-events';
import { RateBudget } from '../../main/core/rate-budget';
import { maxInAnyWindow } from '../support/call-windows';
import { FakeClock } from '../support/fake-clock';

// A tenth of the 2,000 rooms at 200 calls/s of test/core/app-monitor.test.ts: 200 rooms at 20 calls/s
// run the same sums (the plan stretches the interval to 10,250 ms, as 2,000 rooms stretch it to 10,512)
// in a tenth of the time. The mutation run uses these in place of the full-size ones
// (test/support/mutation-setup.ts), which stay in `npm test`.
const ROOMS = 200;
const CAP = 20;

/** A started monitor of ROOMS rooms whose every call `answer` answers, with the calls' times. */
function tenth(answer: () => ApiResult<number>) {
  const clock = new FakeClock();
  const budget = new RateBudget(clock, CAP);
  const calls: number[] = [];
  const source = {
    async getOnlineMemberNum(): Promise<ApiResult<number>> {
      await budget.acquire();
      calls.push(clock.monotonic());
      return answer();
    },
  };
  const monitor = new AppMonitor({ source, budget, clock, intervalMs: 10_000, random: () => 0.5 });
  const events: MonitorEvent[] = [];
  monitor.on((event) => events.push(event));
  monitor.addRooms(Array.from({ length: ROOMS }, (_, i) => `room-${i}`));
  monitor.start();
  const states = () => events.flatMap((e) => (e.type === 'status' ? [e.status.state] : []));
  return { clock, monitor, events, calls, states };
}

describe('AppMonitor at a tenth of a full app', () => {
  it('slows the whole app down on rate-limited answers, then recovers at the full rate', async () => {
    let limited = true;
    let answered = 0;
    const { clock, monitor, calls, states } = tenth(() =>
      limited && ++answered % 50 === 0
        ? { ok: false, error: imErrorFromCode(60007, 'from the test') }
        : { ok: true, value: 1 },
    );
    await clock.advance(5_000);
    expect(states()).toContain('rate-limited');
    expect(monitor.status().state).toBe('rate-limited');
    limited = false;
    await clock.advance(30_000);
    expect(monitor.status().state).toBe('running');
    expect(states().at(-1)).toBe('running');
    const recovered = calls.length;
    await clock.advance(10_000);
    expect(calls.length - recovered).toBeGreaterThan(190);
    expect(maxInAnyWindow(calls)).toBeLessThanOrEqual(CAP);
  });

  it('marks every count stale after a sleep, counts the sleep in ages, and polls again without a burst', async () => {
    const { clock, monitor, events, calls } = tenth(() => ({ ok: true, value: 100 }));
    await clock.advance(20_000);
    const before = calls.length;
    clock.sleepMachine(3_600_000);
    await clock.advance(1_000);
    expect(events.some((e) => e.type === 'resumed')).toBe(true);
    const stale = monitor.snapshot().filter((room) => room.status === 'stale');
    expect(stale.length).toBeGreaterThan(170);
    expect(Math.min(...stale.map((room) => room.ageMs ?? 0))).toBeGreaterThan(3_600_000);
    expect(monitor.status().plan.effectiveIntervalMs).toBe(10_250);
    await clock.advance(monitor.status().plan.effectiveIntervalMs);
    expect(monitor.snapshot().every((room) => room.status === 'live')).toBe(true);
    expect(calls.length - before).toBeGreaterThanOrEqual(ROOMS);
    expect(maxInAnyWindow(calls)).toBeLessThanOrEqual(CAP);
  });
});
