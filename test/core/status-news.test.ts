import { describe, expect, it } from 'vitest';
import { AppMonitor, PACE_COUNTS_NEWS_MS } from '../../main/core/app-monitor';
import type { AppStatus, MonitorEvent } from '../../main/core/monitor-events';
import { RateBudget } from '../../main/core/rate-budget';
import { FakeClock } from '../support/fake-clock';

/** 100 rooms at 10 s against 5 calls/s: they do not fit, so pinned rooms get a pace of their own. */
function setup() {
  const clock = new FakeClock();
  const budget = new RateBudget(clock, 5);
  const source = {
    getOnlineMemberNum: async () => {
      await budget.acquire();
      return { ok: true as const, value: 100 };
    },
  };
  const monitor = new AppMonitor({ source, budget, clock, intervalMs: 10_000, random: () => 0.5 });
  const statuses: AppStatus[] = [];
  monitor.on((event: MonitorEvent) => {
    if (event.type === 'status') statuses.push(event.status);
  });
  const ids = Array.from({ length: 100 }, (_, i) => `room-${i}`);
  monitor.addRooms(ids);
  monitor.start();
  return { clock, monitor, statuses, ids };
}

const pinnedRooms = (status: AppStatus | undefined) =>
  status?.plan.tiers?.find((tier) => tier.reasons.pinned !== undefined)?.rooms;

describe('the app status as news', () => {
  it('says a new pace at once, and how many rooms each pace holds at most every ten seconds', async () => {
    const { clock, monitor, statuses, ids } = setup();
    await clock.advance(1_000);
    const before = statuses.length;
    monitor.hold('pinned', ids.slice(0, 1));
    expect(statuses).toHaveLength(before + 1);
    expect(pinnedRooms(statuses.at(-1))).toBe(1);
    // Nine more pinned one by one within a second: one status later, not nine now.
    for (let n = 2; n <= 10; n++) {
      await clock.advance(100);
      monitor.hold('pinned', ids.slice(0, n));
    }
    expect(statuses).toHaveLength(before + 1);
    await clock.advance(PACE_COUNTS_NEWS_MS);
    expect(statuses).toHaveLength(before + 2);
    expect(pinnedRooms(statuses.at(-1))).toBe(10);
    expect(pinnedRooms(monitor.status())).toBe(10);
  });

  it('says a pause at once, even right after a change of counts', async () => {
    const { clock, monitor, statuses, ids } = setup();
    await clock.advance(1_000);
    monitor.hold('pinned', ids.slice(0, 1));
    monitor.hold('pinned', ids.slice(0, 2));
    const before = statuses.length;
    monitor.pause();
    expect(statuses).toHaveLength(before + 1);
    expect(statuses.at(-1)?.state).toBe('paused');
    expect(pinnedRooms(statuses.at(-1))).toBe(2);
  });
});
