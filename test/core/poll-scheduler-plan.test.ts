import { describe, expect, it } from 'vitest';
import { LOOK_HOLDS_MS, PollScheduler } from '../../main/core/poll-scheduler';
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

  it('changes its version at every change of plan, never back to an earlier number', () => {
    const { scheduler, watches } = scheduler500();
    const seen = [scheduler.version];
    scheduler.hold('tray', ['room-3'], 0);
    seen.push(scheduler.version);
    scheduler.setRequestedInterval(20_000);
    seen.push(scheduler.version);
    scheduler.leave(watches[7] as RoomWatch);
    seen.push(scheduler.version);
    expect(new Set(seen).size).toBe(seen.length);
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

  it('lets a room someone looked at slow down once the look is over', () => {
    const { scheduler, watches } = scheduler500();
    const room = watches[9] as RoomWatch;
    scheduler.lookAt([room.groupId], 0);
    expect(room.tier).toBe('fast');
    scheduler.reviewAll(LOOK_HOLDS_MS - 1);
    expect(room.tier).toBe('fast');
    scheduler.reviewAll(LOOK_HOLDS_MS);
    expect(room.tier).toBe('normal');
    expect(tierRooms(scheduler)).toBe(0);
  });
});

function scheduler500() {
  return polling(500, 20);
}
