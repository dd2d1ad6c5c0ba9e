import { describe, expect, it } from 'vitest';
import { AppMonitor, type OnlineCountSource } from '../../main/core/app-monitor';
import { imErrorFromCode } from '../../main/core/error-kind';
import type { ApiResult } from '../../main/core/im-client';
import { LOOK_HOLDS_MS } from '../../main/core/poll-scheduler';
import { MAX_POLL_GAP_MS, QUIET_AFTER_MS } from '../../main/core/poll-tiers';
import { RateBudget } from '../../main/core/rate-budget';
import { maxInAnyWindow } from '../support/call-windows';
import { FakeClock } from '../support/fake-clock';

/**
 * Rooms whose counts the test sets, answered through the app's rate budget like the real client;
 * ids listed in `gone` answer 10010, and `rejected` answers every room 70001 (credentials).
 */
class Audience implements OnlineCountSource {
  readonly counts = new Map<string, number>();
  readonly gone = new Set<string>();
  rejected = false;
  readonly polls: Array<{ groupId: string; at: number }> = [];

  constructor(
    private readonly clock: FakeClock,
    private readonly budget: RateBudget,
  ) {}

  async getOnlineMemberNum(groupId: string): Promise<ApiResult<number>> {
    await this.budget.acquire();
    this.polls.push({ groupId, at: this.clock.monotonic() });
    if (this.rejected) return { ok: false, error: imErrorFromCode(70001, 'rejected') };
    if (this.gone.has(groupId)) return { ok: false, error: imErrorFromCode(10010, 'gone') };
    return { ok: true, value: this.counts.get(groupId) ?? 100 };
  }

  /** When each room was polled, after `since`. */
  pollsOf(groupId: string, since = 0): number[] {
    return this.polls.filter((p) => p.groupId === groupId && p.at >= since).map((p) => p.at);
  }
}

/** The longest wait between two polls of the room, from `since` to `until` (both ends count as waits). */
function longestGap(times: readonly number[], since: number, until: number): number {
  const points = [since, ...times.filter((at) => at >= since && at <= until), until];
  return Math.max(...points.slice(1).map((at, i) => at - (points[i] as number)));
}

/**
 * A tenth of the 5,000 rooms at 200 calls/s: 500 rooms at 20 calls/s do not fit a 10 s
 * interval (an even spread would poll each every 25.6 s), so they are polled by tier.
 */
function setup(rooms = 500, cap = 20) {
  const clock = new FakeClock();
  const budget = new RateBudget(clock, cap);
  const audience = new Audience(clock, budget);
  const monitor = new AppMonitor({ source: audience, budget, clock, intervalMs: 10_000, random: () => 0.5 });
  const ids = Array.from({ length: rooms }, (_, i) => `room-${i}`);
  monitor.addRooms(ids);
  monitor.start();
  return { clock, budget, audience, monitor, ids };
}

describe('the adaptive scheduler, when the rooms do not fit the cap', () => {
  it('keeps alerting, pinned, open and moving rooms at 10 s, the others within a minute, never over the cap', async () => {
    const { clock, audience, monitor, ids } = setup();
    const alerting = ids.slice(0, 20);
    const pinned = ids.slice(20, 30);
    const open = ids.slice(30, 35);
    const moving = ids.slice(35, 50);
    monitor.hold('alert', alerting);
    monitor.hold('pinned', pinned);
    monitor.lookAt(open);
    await clock.advance(20_000);
    // The moving rooms' counts jump by a third, and keep moving.
    for (let step = 0; step < 12; step++) {
      for (const id of moving) audience.counts.set(id, step % 2 === 0 ? 150 : 100);
      if (step === 6) monitor.lookAt(open);
      await clock.advance(10_000);
    }
    const since = 60_000;
    const until = clock.monotonic();
    const hot = [...alerting, ...pinned, ...open, ...moving];
    for (const id of hot)
      expect({ id, gap: longestGap(audience.pollsOf(id), since, until) }).toMatchObject({ id });
    const hotGaps = hot.map((id) => longestGap(audience.pollsOf(id), since, until));
    expect(Math.max(...hotGaps)).toBeLessThanOrEqual(10_500);
    const otherGaps = ids
      .filter((id) => !hot.includes(id))
      .map((id) => longestGap(audience.pollsOf(id), since, until));
    expect(Math.min(...otherGaps)).toBeGreaterThan(20_000);
    expect(Math.max(...otherGaps)).toBeLessThan(MAX_POLL_GAP_MS);
    expect(maxInAnyWindow(audience.polls.map((p) => p.at))).toBeLessThanOrEqual(20);
    const { tiers } = monitor.status().plan;
    expect(tiers?.[0]).toMatchObject({
      tier: 'fast',
      rooms: 50,
      intervalMs: 10_000,
      reasons: { alert: 20, pinned: 10, open: 5, moving: 15 },
    });
    expect(tiers?.[1]).toMatchObject({ tier: 'normal', rooms: 450 });
  });

  it('brings a room back to 10 s as soon as an alert fires, and lets it go when it recovers', async () => {
    const { clock, audience, monitor } = setup();
    // Two fast rooms make the plan tiered; room-100 is normal, polled about every half minute.
    monitor.hold('alert', ['room-0', 'room-1']);
    await clock.advance(60_000);
    const [last] = audience.pollsOf('room-100').slice(-1);
    monitor.hold('alert', ['room-0', 'room-1', 'room-100']);
    await clock.advance(40_000);
    const fast = audience.pollsOf('room-100', (last as number) + 1);
    // Due one fast interval after its last poll, then every 10 s.
    expect((fast[0] as number) - (last as number)).toBeLessThanOrEqual(10_500);
    expect(longestGap(fast, fast[0] as number, clock.monotonic())).toBeLessThanOrEqual(10_500);
    monitor.hold('alert', ['room-0', 'room-1']);
    const from = clock.monotonic();
    await clock.advance(60_000);
    const gaps = audience.pollsOf('room-100', from);
    expect(gaps.length).toBeLessThanOrEqual(3);
  });

  it('keeps a room someone opened fast while the view says so, and lets it slow down after', async () => {
    const { clock, audience, monitor } = setup();
    monitor.hold('pinned', ['room-0']);
    await clock.advance(60_000);
    const opened = clock.monotonic();
    monitor.lookAt(['room-200']);
    await clock.advance(1_000);
    const [last] = audience
      .pollsOf('room-200', 0)
      .filter((at) => at < opened)
      .slice(-1);
    // Polled again within one fast interval of its last poll, at once if that is past.
    const [next] = audience.pollsOf('room-200', opened);
    expect(next as number).toBeLessThanOrEqual(Math.max(opened + 1_000, (last as number) + 10_500));
    await clock.advance(LOOK_HOLDS_MS - 1_000);
    expect(
      longestGap(audience.pollsOf('room-200', opened), next as number, clock.monotonic()),
    ).toBeLessThanOrEqual(10_500);
    // Nobody said it again: the hold ends, and the room goes back to the others' pace.
    await clock.advance(15_000);
    const after = clock.monotonic();
    await clock.advance(60_000);
    expect(audience.pollsOf('room-200', after).length).toBeLessThanOrEqual(3);
    expect(monitor.status().plan.tiers?.[0]).toMatchObject({ rooms: 1, reasons: { pinned: 1 } });
  });

  it('polls rooms at zero for half an hour less, and brings one back when people come', {
    timeout: 60_000,
  }, async () => {
    // 100 rooms at 5 calls/s: an even spread would be 20.5 s; half of them are empty.
    const { clock, audience, monitor, ids } = setup(100, 5);
    const empty = ids.slice(0, 50);
    for (const id of empty) audience.counts.set(id, 0);
    monitor.hold('pinned', ['room-99']);
    await clock.advance(QUIET_AFTER_MS + 30_000);
    const plan = monitor.status().plan;
    expect(plan.tiers?.at(-1)).toMatchObject({ tier: 'slow', rooms: 50, reasons: { quiet: 50 } });
    const quietSince = clock.monotonic();
    await clock.advance(120_000);
    const quietGaps = empty.map((id) => longestGap(audience.pollsOf(id), quietSince, clock.monotonic()));
    const busyGaps = ids
      .slice(50, 99)
      .map((id) => longestGap(audience.pollsOf(id), quietSince, clock.monotonic()));
    expect(Math.min(...quietGaps)).toBeGreaterThan(Math.max(...busyGaps));
    expect(Math.max(...quietGaps)).toBeLessThan(MAX_POLL_GAP_MS);
    // A stream starts in one empty room: its next poll sees it move, and it is fast from then on.
    audience.counts.set('room-0', 400);
    const started = clock.monotonic();
    await clock.advance(120_000);
    const polls = audience.pollsOf('room-0', started);
    expect((polls[0] as number) - started).toBeLessThan(MAX_POLL_GAP_MS);
    expect(longestGap(polls, polls[0] as number, clock.monotonic())).toBeLessThanOrEqual(10_500);
  });

  it('gives rooms that stopped (closed, not found) no share of the rate', async () => {
    // 195 rooms fit 20 calls/s at 10 s; three wrong ids must not stretch them.
    const { clock, audience, monitor } = setup(198, 20);
    for (const id of ['room-0', 'room-1', 'room-2']) audience.gone.add(id);
    await clock.advance(20_000);
    const { plan } = monitor.status();
    expect(plan.rooms).toBe(195);
    expect(plan.effectiveIntervalMs).toBe(10_000);
    expect(audience.pollsOf('room-0')).toHaveLength(1);
  });

  it('polls each room once, not twice, when rejected credentials are accepted again', async () => {
    const { clock, audience, monitor, ids } = setup(50, 20);
    await clock.advance(5_000);
    audience.rejected = true;
    await clock.advance(10_000);
    expect(monitor.status().state).toBe('auth-failed');
    audience.rejected = false;
    // The next try of the credentials (a minute or so later) finds them accepted.
    const tried = audience.polls.length;
    await clock.advance(5 * 60_000);
    expect(monitor.status().state).toBe('running');
    const accepted = audience.polls[tried]?.at as number;
    const firstRound = audience.polls.filter((p) => p.at >= accepted && p.at < accepted + 10_000);
    const perRoom = new Map<string, number>();
    for (const p of firstRound) perRoom.set(p.groupId, (perRoom.get(p.groupId) ?? 0) + 1);
    expect(Math.max(...perRoom.values())).toBe(1);
    expect(perRoom.size).toBe(ids.length);
  });
});
