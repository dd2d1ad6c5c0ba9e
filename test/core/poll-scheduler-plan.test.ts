import { describe, expect, it } from 'vitest';
import { LOOK_HOLDS_MS, PollScheduler } from '../../main/core/poll-scheduler';
import { QUIET_AFTER_MS } from '../../main/core/poll-tiers';
import { RoomWatch } from '../../main/core/room-watch';

/** 500 rooms at 20 calls/s with 10 s asked: they do not fit, so they are polled by tier. */
function polling(rooms = 500, rate = 20) {
  const scheduler = new PollScheduler(10_000, () => rate);
  const watches = Array.from({ length: rooms }, (_, i) => new RoomWatch(`room-${i}`));
  for (const [i, room] of watches.entries()) scheduler.enter(room, i * 20, 0);
  return { scheduler, watches };
}

/** The rooms the plan's tiers count, which must be the rooms polled. */
const tierRooms = (scheduler: PollScheduler) =>
  (scheduler.plan().tiers ?? []).reduce((sum, tier) => sum + tier.rooms, 0);

describe('the plan the status says, by tier', () => {
  it('says each tier, the slowest interval as the effective one, and the calls a second they add up to', () => {
    const { scheduler, watches } = scheduler500();
    scheduler.hold(
      'alert',
      watches.slice(0, 50).map((room) => room.groupId),
      0,
    );
    const plan = scheduler.plan();
    expect(plan.rooms).toBe(500);
    expect(plan.tiers).toEqual([
      { tier: 'fast', rooms: 50, intervalMs: 10_000, reasons: { alert: 50 } },
      { tier: 'normal', rooms: 450, intervalMs: expect.any(Number), reasons: {} },
    ]);
    const normal = plan.tiers?.[1]?.intervalMs ?? 0;
    // The fast rooms take 5 calls a second of the 20; the others share what is left.
    expect(normal).toBeGreaterThan(10_000);
    expect(plan.effectiveIntervalMs).toBe(normal);
    expect(plan.stretch).toBeCloseTo(normal / 10_000, 9);
    expect(plan.callsPerSecond).toBeCloseTo(5 + (450 * 1000) / normal, 9);
    expect(plan.callsPerSecond).toBeLessThanOrEqual(20);
  });

  it('says one even plan while every room is alike', () => {
    const { scheduler } = scheduler500();
    const plan = scheduler.plan();
    expect(plan.tiers).toBeUndefined();
    expect(plan.effectiveIntervalMs).toBe(25_000);
  });

  it('counts each room once, however often it enters, leaves or is reviewed', () => {
    const { scheduler, watches } = scheduler500();
    scheduler.hold('pinned', ['room-0'], 0);
    const [first, second] = watches as [RoomWatch, RoomWatch];
    scheduler.enter(first, 0, 0);
    scheduler.leave(second);
    scheduler.leave(second);
    expect(scheduler.size).toBe(499);
    expect(tierRooms(scheduler)).toBe(499);
    // A room that is not polled may be reviewed (its answer came after it stopped): it counts nowhere.
    second.movedAt = 1_000;
    scheduler.review(second, 1_000);
    expect(tierRooms(scheduler)).toBe(499);
    expect(scheduler.plan().tiers?.[0]).toEqual({
      tier: 'fast',
      rooms: 1,
      intervalMs: 10_000,
      reasons: { pinned: 1 },
    });
  });

  it('changes its version at every change of plan, only ever up, so a number never comes back', () => {
    const { scheduler, watches } = scheduler500();
    const seen = [scheduler.version];
    scheduler.hold('tray', ['room-3'], 0);
    seen.push(scheduler.version);
    scheduler.setRequestedInterval(20_000);
    seen.push(scheduler.version);
    scheduler.leave(watches[7] as RoomWatch);
    seen.push(scheduler.version);
    scheduler.hold('tray', [], 0);
    seen.push(scheduler.version);
    expect(seen).toEqual([...seen].sort((a, b) => a - b));
    expect(new Set(seen).size).toBe(seen.length);
  });

  it('says tiers at the same interval as one line, with their reasons added up', () => {
    // 250 normal and 250 quiet rooms at the slowest planned interval, 50 s, take 10 of the 20 calls
    // a second; 100 alerting rooms the rest, at about 10 s. The two slower tiers are one line.
    const { scheduler, watches } = polling(600, 20);
    for (const room of watches.slice(350)) room.zeroSince = -QUIET_AFTER_MS;
    scheduler.reviewAll(0);
    scheduler.hold(
      'alert',
      watches.slice(0, 100).map((room) => room.groupId),
      0,
    );
    expect(scheduler.plan().tiers).toEqual([
      { tier: 'fast', rooms: 100, intervalMs: expect.closeTo(10_638, 0), reasons: { alert: 100 } },
      { tier: 'normal', rooms: 500, intervalMs: 50_000, reasons: { quiet: 250 } },
    ]);
  });

  it("keeps each room's reasons current, and no reason that no room has any more", () => {
    const { scheduler, watches } = scheduler500();
    const [a, b] = watches as [RoomWatch, RoomWatch];
    scheduler.hold('alert', [a.groupId, b.groupId], 0);
    scheduler.hold('pinned', [a.groupId], 0);
    expect(scheduler.plan().tiers?.[0]?.reasons).toEqual({ alert: 2, pinned: 1 });
    scheduler.hold('alert', [a.groupId], 0);
    expect(scheduler.plan().tiers?.[0]).toMatchObject({ rooms: 1, reasons: { alert: 1, pinned: 1 } });
    scheduler.hold('alert', [], 0);
    expect(scheduler.plan().tiers?.[0]).toMatchObject({ rooms: 1, reasons: { pinned: 1 } });
    expect(scheduler.plan().tiers?.[0]?.reasons).toEqual({ pinned: 1 });
    // Fewer reasons in the same tier are told too.
    scheduler.hold('alert', [a.groupId], 0);
    scheduler.hold('pinned', [], 0);
    expect(scheduler.plan().tiers?.[0]?.reasons).toEqual({ alert: 1 });
  });

  it('says one line when every room fits, held or not', () => {
    const { scheduler } = polling(50, 20);
    scheduler.hold('alert', ['room-0'], 0);
    expect(scheduler.plan().tiers).toBeUndefined();
    expect(scheduler.plan().effectiveIntervalMs).toBe(10_000);
  });
});

describe('which room goes next', () => {
  it('takes a fast room due now before a normal room that is late, and before one due at the same time', () => {
    const { scheduler, watches } = polling(3);
    const [fast, late, same] = watches as [RoomWatch, RoomWatch, RoomWatch];
    scheduler.hold('alert', [fast.groupId], 0);
    scheduler.setDue(fast, 5_000);
    scheduler.setDue(late, 1_000);
    scheduler.setDue(same, 5_000);
    expect(scheduler.next(5_000)).toBe(fast);
    // Before the fast room is due, the room due first goes.
    expect(scheduler.next(4_000)).toBe(late);
    scheduler.take(late, 4_000);
    scheduler.requeue(late);
    // Both due later, at the same moment: the fast one.
    expect(scheduler.next(4_500)).toBe(fast);
  });

  it('keeps a room whose call is on its way out of the queue, whatever moves its due time', () => {
    const { scheduler, watches } = polling(2);
    const [flying, other] = watches as [RoomWatch, RoomWatch];
    scheduler.setDue(other, 50_000);
    scheduler.take(flying, 0);
    flying.inFlight = true;
    scheduler.setDue(flying, 0);
    expect(scheduler.next(0)).toBe(other);
    scheduler.requeue(flying);
    expect(scheduler.next(0)).toBe(other);
    flying.inFlight = false;
    scheduler.requeue(flying);
    expect(scheduler.next(0)).toBe(flying);
    // A room that stopped is not queued again when its call ends.
    scheduler.take(flying, 0);
    scheduler.leave(flying);
    scheduler.requeue(flying);
    expect(scheduler.next(100_000)).toBe(other);
  });

  it('keeps a late room current for a whole interval, not only until its next due time', () => {
    const { scheduler, watches } = polling(1, 200);
    const [room] = watches as [RoomWatch];
    // Due at 0, polled 3 s late: due again at 10 s, 7 s on, but its count holds for the 10 s interval.
    scheduler.take(room, 3_000);
    expect(room.dueAt).toBe(10_000);
    expect(room.intervalMs).toBe(10_000);
  });

  it('pulls a room that turns fast forward: due one fast interval after its last poll', () => {
    const { scheduler, watches } = scheduler500();
    const room = watches[4] as RoomWatch;
    // The plan the status asks for each second sets the tiers' intervals: 500 rooms at 25 s.
    scheduler.plan();
    scheduler.take(room, 0);
    scheduler.requeue(room);
    expect(room.dueAt).toBe(25_080);
    scheduler.hold('alert', [room.groupId], 2_000);
    expect(room.dueAt).toBe(10_000);
    // Slower again, it keeps the due time it has: a poll is never put off by a change of tier.
    scheduler.hold('alert', [], 3_000);
    expect(room.dueAt).toBe(10_000);
  });

  it('does not queue a room whose call is on its way when its tier changes', () => {
    const { scheduler, watches } = scheduler500();
    const room = watches[0] as RoomWatch;
    scheduler.take(room, 0);
    room.inFlight = true;
    scheduler.hold('alert', [room.groupId], 0);
    expect(scheduler.next(1_000_000)).not.toBe(room);
  });

  it('lets a room someone looked at slow down once the look is over', () => {
    const { scheduler, watches } = scheduler500();
    const room = watches[9] as RoomWatch;
    scheduler.lookAt([room.groupId], 0);
    expect(room.tier).toBe('fast');
    scheduler.reviewAll(LOOK_HOLDS_MS - 1);
    expect(room.tier).toBe('fast');
    scheduler.reviewAll(LOOK_HOLDS_MS);
    expect(room.tier).toBe('normal');
    // Reviewed alone at the very end of a look, too.
    const other = watches[10] as RoomWatch;
    scheduler.lookAt([other.groupId], 1_000);
    scheduler.review(other, 1_000 + LOOK_HOLDS_MS);
    expect(other.tier).toBe('normal');
    expect(tierRooms(scheduler)).toBe(0);
  });
});

function scheduler500() {
  return polling(500, 20);
}
