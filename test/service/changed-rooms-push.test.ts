import { describe, expect, it } from 'vitest';
import type { MonitorPush, MonitorSnapshot, MonitorSummary, RoomView } from '../../main/contract/monitor-api';
import { startSimulator } from '../../main/simulator';
import { FakeClock } from '../support/fake-clock';
import { serviceOnFakeTime } from './memory-ports';
import { stopAfterEach } from './stop-after-each';

const started = stopAfterEach();

const ROOMS = Array.from({ length: 8 }, (_, i) => `@TGS#room${i}`);
/** Eight rooms at 10 s: one poll every 1.25 s, its push 250 ms later. */
const POLL_GAP_MS = 1_250;

/** What a page holds: its first snapshot, with every push since applied as the page applies it. */
class Page {
  readonly rooms = new Map<string, RoomView>();
  summary: MonitorSummary;

  constructor(snapshot: MonitorSnapshot) {
    this.summary = snapshot.summary;
    this.take(snapshot);
  }

  apply(push: MonitorPush): void {
    if (push.type === 'snapshot') this.take(push.snapshot);
    else if (push.type === 'summary') this.summary = push.summary;
    else if (push.type === 'rooms') for (const room of push.rooms) this.rooms.set(room.key, room);
    else if (push.type === 'rooms-removed') for (const key of push.keys) this.rooms.delete(key);
  }

  private take(snapshot: MonitorSnapshot): void {
    this.rooms.clear();
    for (const room of snapshot.rooms) this.rooms.set(room.key, room);
    this.summary = snapshot.summary;
  }
}

/** A room as the page compares it: all but its age, which is the age when the view was made. */
function shown(room: RoomView | undefined): string {
  if (!room) return 'absent';
  const { ageMs: _age, ...rest } = room;
  return JSON.stringify(rest);
}

/** The keys whose room reads differently in `after` than in `before`. */
function changedBetween(before: MonitorSnapshot, after: MonitorSnapshot): string[] {
  const old = new Map(before.rooms.map((room) => [room.key, room]));
  return after.rooms.filter((room) => shown(room) !== shown(old.get(room.key))).map((room) => room.key);
}

/**
 * The service over the simulator on one fake clock, eight rooms polled every 10 s; the clock stands
 * halfway between two polls, every push of the last one made, and the page has been open from the start.
 */
async function watching() {
  const clock = new FakeClock();
  const sim = started(
    await startSimulator({
      clock,
      rooms: ROOMS.map((groupId, i) => ({
        groupId,
        audience: { kind: 'fixed' as const, online: 100 * (i + 1) },
      })),
    }),
  );
  const { service, profiles, advance } = serviceOnFakeTime(sim, clock, ROOMS);
  const record = profiles.saved.get('app-1');
  if (record) profiles.save({ ...record, intervalSeconds: 10 });
  started(service);
  const pushes: MonitorPush[] = [];
  service.onPush((push) => pushes.push(push));
  await service.start();
  const page = new Page(await service.getSnapshot());
  for (const push of pushes.splice(0)) page.apply(push);
  // A round of polls, then to halfway between two: every room has a count and nothing is on its way.
  await advance(10 * POLL_GAP_MS + POLL_GAP_MS / 2);
  for (const push of pushes.splice(0)) page.apply(push);
  return { sim, service, advance, pushes, page };
}

describe('the rooms a push carries', () => {
  it('carries exactly the rooms that changed, and the page kept up to date by them shows the truth', async () => {
    const { sim, service, advance, pushes, page } = await watching();
    const truth = await service.getSnapshot();
    expect(truth.rooms.every((room) => room.state === 'live')).toBe(true);
    expect([...page.rooms.values()].map(shown)).toEqual(truth.rooms.map(shown));

    let before = truth;
    const pushedPerStep: string[][] = [];
    for (let step = 0; step < 12; step++) {
      // What changes between polls: a pin (two at once), a count, a room disbanded.
      if (step === 2) {
        await service.setPinned('app-1/@TGS#room3', true);
        await service.setPinned('app-1/@TGS#room6', true);
      }
      if (step === 4) for (const id of ROOMS) sim.control.setOnline(id, 5_000);
      if (step === 5) sim.control.disband('@TGS#room1');
      await advance(POLL_GAP_MS);
      const now = await service.getSnapshot();
      const steps = pushes.splice(0);
      for (const push of steps) page.apply(push);
      const pushed = steps.flatMap((push) =>
        push.type === 'rooms' ? push.rooms.map((room) => room.key) : [],
      );
      pushedPerStep.push(pushed);
      // Every room that changed, and only those, each once.
      expect(new Set(pushed).size).toBe(pushed.length);
      expect([...pushed].sort()).toEqual(changedBetween(before, now).sort());
      // The page shows every room, and the totals, as a fresh snapshot has them.
      expect(ROOMS.map((id) => shown(page.rooms.get(`app-1/${id}`)))).toEqual(now.rooms.map(shown));
      expect(page.summary).toEqual(now.summary);
      before = now;
    }
    // One poll between two steps: a push of one room, not of all eight; the pins in a push of their own.
    expect(pushedPerStep.every((keys) => keys.length <= 3)).toBe(true);
    expect(pushedPerStep[2]).toEqual(expect.arrayContaining(['app-1/@TGS#room3', 'app-1/@TGS#room6']));
    const last = await service.getSnapshot();
    const byKey = new Map(last.rooms.map((room) => [room.key, room]));
    expect(byKey.get('app-1/@TGS#room3')?.pinned).toBe(true);
    expect(byKey.get('app-1/@TGS#room1')?.state).toBe('closed');
    expect(last.summary.states.closed).toBe(1);
    expect(last.summary.online).toBe(7 * 5_000);
  });

  it('pushes a room that fails again for another reason, with the new reason, though its state stays failing', async () => {
    const { sim, service, advance, pushes, page } = await watching();
    const key = 'app-1/@TGS#room2';
    sim.control.injectFault({ kind: 'http-502', groupId: '@TGS#room2', times: 1 });
    sim.control.injectFault({ kind: 'error-code', code: 10002, groupId: '@TGS#room2', times: 1 });
    const failures = () =>
      sim.control.requests().filter((request) => request.groupId === '@TGS#room2' && request.errorCode !== 0);
    let first: string | undefined;
    // Step by step until the second failure is answered, the page kept up to date on the way.
    for (let step = 0; step < 100 && failures().length < 2; step++) {
      await advance(250);
      for (const push of pushes.splice(0)) page.apply(push);
      const error = page.rooms.get(key)?.error;
      first ??= error ? JSON.stringify(error) : undefined;
    }
    await advance(250);
    for (const push of pushes.splice(0)) page.apply(push);
    const truth = (await service.getSnapshot()).rooms.find((room) => room.key === key);
    expect(truth?.state).toBe('failing');
    expect(JSON.stringify(truth?.error)).not.toBe(first);
    expect(page.rooms.get(key)?.error).toEqual(truth?.error);
  });
});
