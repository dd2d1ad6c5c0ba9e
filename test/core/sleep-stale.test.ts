import { describe, expect, it } from 'vitest';
import type { Alert } from '../../main/core/alerts/alert';
import { AlertEngine } from '../../main/core/alerts/alert-engine';
import { AppMonitor, type OnlineCountSource } from '../../main/core/app-monitor';
import type { ApiResult } from '../../main/core/im-client';
import { RateBudget } from '../../main/core/rate-budget';
import { FakeClock } from '../support/fake-clock';

/**
 * A gap in the process's own time (a laptop asleep, SIGSTOP, a debugger, a starved machine) is a
 * sleep whatever its length: it raises no stale alert, and no recovery after it, until each room's
 * first poll after the gap. Staleness that is not a gap's doing still fires.
 */
function watch(options: {
  rooms: number;
  intervalMs: number;
  /** How long an answer takes, as over a network. */
  latencyMs?: number;
  hang?: (groupId: string) => boolean;
}) {
  const clock = new FakeClock();
  const budget = new RateBudget(clock, 200);
  const source: OnlineCountSource = {
    async getOnlineMemberNum(groupId: string): Promise<ApiResult<number>> {
      await budget.acquire();
      if (options.latencyMs)
        await new Promise((resolve) => clock.setTimer(() => resolve(null), options.latencyMs ?? 0));
      return options.hang?.(groupId) ? new Promise(() => {}) : { ok: true, value: 500 };
    },
  };
  const monitor = new AppMonitor({
    source,
    budget,
    clock,
    intervalMs: options.intervalMs,
    random: () => 0.5,
  });
  const engine = new AlertEngine({ profile: 'Events', rules: { stale: true } });
  const alerts: Alert[] = [];
  monitor.on((event) => alerts.push(...engine.handle(event)));
  monitor.addRooms(Array.from({ length: options.rooms }, (_, i) => `room-${i}`));
  monitor.start();
  const staleAlerts = () =>
    alerts.filter((alert) => alert.rule === 'stale').map((a) => `${a.groupId}:${a.phase}`);
  return { clock, monitor, staleAlerts };
}

describe('a gap in the process own time is a sleep', () => {
  it('raises no stale alert and no recovery after the process stood still for 40 s', async () => {
    const { clock, monitor, staleAlerts } = watch({ rooms: 5, intervalMs: 10_000 });
    await clock.advance(60_000);
    expect(monitor.snapshot().every((room) => room.status === 'live')).toBe(true);
    clock.stall(40_000);
    await clock.advance(30_000);
    expect(staleAlerts()).toEqual([]);
    expect(monitor.snapshot().every((room) => room.status === 'live')).toBe(true);
  });

  it('raises none either for a gap shorter than a sleep, when the interval is short', async () => {
    const { clock, staleAlerts } = watch({ rooms: 3, intervalMs: 1_000, latencyMs: 300 });
    await clock.advance(10_000);
    clock.stall(4_000);
    await clock.advance(10_000);
    expect(staleAlerts()).toEqual([]);
  });

  it('raises none while the machine is asleep and the wall clock alone moves on', async () => {
    const { clock, staleAlerts } = watch({ rooms: 3, intervalMs: 10_000 });
    await clock.advance(30_000);
    clock.sleepMachine(3_600_000);
    await clock.advance(30_000);
    expect(staleAlerts()).toEqual([]);
  });

  it('still says a room is stale when its polls stop coming back, gap or no gap', async () => {
    let hanging = false;
    const { clock, staleAlerts } = watch({
      rooms: 2,
      intervalMs: 10_000,
      hang: (groupId) => hanging && groupId === 'room-0',
    });
    await clock.advance(30_000);
    hanging = true;
    await clock.advance(60_000);
    expect(staleAlerts()).toEqual(['room-0:firing']);
  });
});
