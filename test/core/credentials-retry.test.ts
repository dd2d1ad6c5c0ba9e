import { describe, expect, it } from 'vitest';
import { AppMonitor, type OnlineCountSource } from '../../main/core/app-monitor';
import { CredentialsRetry } from '../../main/core/credentials-retry';
import { imErrorFromCode } from '../../main/core/error-kind';
import type { ApiResult } from '../../main/core/im-client';
import type { MonitorEvent } from '../../main/core/monitor-events';
import { RateBudget } from '../../main/core/rate-budget';
import { FakeClock } from '../support/fake-clock';

/** A server whose verdict on the key the test changes, as a key fixed in the console would. */
function setup(rooms = 5) {
  const clock = new FakeClock();
  const budget = new RateBudget(clock, 200);
  const server = { rejects: true, calls: [] as number[] };
  const source: OnlineCountSource = {
    async getOnlineMemberNum(): Promise<ApiResult<number>> {
      await budget.acquire();
      server.calls.push(clock.monotonic());
      return server.rejects
        ? { ok: false, error: imErrorFromCode(70009, 'bad sig') }
        : { ok: true, value: 10 };
    },
  };
  const monitor = new AppMonitor({ source, budget, clock, intervalMs: 10_000, random: () => 1 });
  const events: MonitorEvent[] = [];
  monitor.on((event) => events.push(event));
  monitor.addRooms(Array.from({ length: rooms }, (_, i) => `room-${i}`));
  monitor.start();
  return { clock, monitor, server, events };
}

describe('rejected credentials are tried again', () => {
  it('one call at a time, later each time, saying when the next is', async () => {
    const { clock, monitor, server, events } = setup();
    await clock.advance(1_000);
    expect(server.calls).toHaveLength(1);
    const status = monitor.status();
    const rejectedAt = clock.wall() - (clock.monotonic() - (server.calls[0] as number));
    expect(status.state).toBe('auth-failed');
    expect(status.retryAt).toBe(rejectedAt + 60_000);
    expect(status.reason).toMatch(/Trying again at \d\d:\d\d:\d\d\.$/);
    // Nothing until the minute is up, then one call; the next wait is twice as long.
    await clock.advance(60_000 - 1_000 - 1);
    expect(server.calls).toHaveLength(1);
    await clock.advance(2);
    expect(server.calls).toHaveLength(2);
    await clock.advance(120_000 - 2);
    expect(server.calls).toHaveLength(2);
    await clock.advance(2);
    expect(server.calls).toHaveLength(3);
    // The ceiling: never more than a call every 15 minutes, however long it lasts.
    await clock.advance(6 * 3_600_000);
    const gaps = server.calls.slice(1).map((at, i) => at - (server.calls[i] as number));
    expect(Math.max(...gaps)).toBeLessThanOrEqual(15 * 60_000);
    expect(server.calls.length).toBeLessThan(35);
    expect(events.filter((e) => e.type === 'error')).toHaveLength(1);
  });

  it('polls again, spread out, once the server takes the key', async () => {
    const { clock, monitor, server } = setup(50);
    await clock.advance(1_000);
    server.rejects = false;
    await clock.advance(60_000);
    expect(monitor.status().state).toBe('running');
    const since = server.calls.length;
    await clock.advance(10_000);
    expect(server.calls.length - since).toBeGreaterThanOrEqual(49);
    expect(monitor.snapshot().every((room) => room.status === 'live')).toBe(true);
  });

  it('tries at once when a room is retried or polling resumes', async () => {
    const { clock, monitor, server } = setup();
    await clock.advance(1_000);
    monitor.retryRoom('room-3');
    await clock.advance(1);
    expect(server.calls).toHaveLength(2);
    monitor.pause();
    server.rejects = false;
    monitor.resume();
    await clock.advance(1);
    expect(monitor.status().state).toBe('running');
    // The try, then the rooms spread over the interval from now: not all five at once.
    expect(server.calls.filter((at) => at === server.calls[2])).toHaveLength(2);
  });
});

describe('CredentialsRetry after the credentials work again', () => {
  it('starts over at a minute for the next rejection, and drops the try it had planned', async () => {
    const clock = new FakeClock();
    let tries = 0;
    const retry = new CredentialsRetry(
      clock,
      () => 1,
      () => tries++,
    );
    retry.schedule();
    await clock.advance(60_000);
    retry.schedule();
    expect(retry.retryAt).toBe(clock.wall() + 120_000);
    retry.reset();
    expect(retry.retryAt).toBeNull();
    expect(clock.pendingTimers).toBe(0);
    retry.schedule();
    expect(retry.retryAt).toBe(clock.wall() + 60_000);
    await clock.advance(60_000);
    expect(tries).toBe(2);
  });
});
