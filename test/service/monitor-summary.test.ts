import { describe, expect, it } from 'vitest';
import type { MonitorPush, MonitorSummary, RoomView } from '../../main/contract/monitor-api';
import { startSimulator } from '../../main/simulator';
import { FakeClock } from '../support/fake-clock';
import { serviceOnFakeTime } from './memory-ports';
import { stopAfterEach } from './stop-after-each';

const started = stopAfterEach();

const INTERVAL = 1_000;

/**
 * The service over the simulator, both on one fake clock: rooms at 4,321, 1,000 and 500 (the last
 * to close mid-stream), and an id that never existed, polled every second.
 */
async function watched() {
  const clock = new FakeClock();
  const sim = started(
    await startSimulator({
      clock,
      rooms: [
        { groupId: '@TGS#launch', name: 'Launch Day', audience: { kind: 'fixed', online: 4_321 } },
        { groupId: '@TGS#second', name: 'Second Stage', audience: { kind: 'fixed', online: 1_000 } },
        { groupId: '@TGS#closing', name: 'Encore', audience: { kind: 'fixed', online: 500 } },
      ],
    }),
  );
  const groupIds = ['@TGS#launch', '@TGS#second', '@TGS#closing', '@TGS#typo'];
  const { service, advance } = serviceOnFakeTime(sim, clock, groupIds);
  started(service);
  const pushes: MonitorPush[] = [];
  service.onPush((push) => pushes.push(push));
  await service.start();
  const room = async (groupId: string): Promise<RoomView | undefined> =>
    (await service.getSnapshot()).rooms.find((r) => r.groupId === groupId);
  const pushedSummary = (): MonitorSummary | undefined =>
    pushes.flatMap((push) => (push.type === 'summary' ? [push.summary] : [])).at(-1);
  return { service, sim, advance, room, pushedSummary, pushes };
}

describe('the engine’s summary and each room’s state', () => {
  it('adds only current counts, and tells a closed room from an id that never existed', async () => {
    const { service, sim, advance, room, pushedSummary } = await watched();
    await advance(2 * INTERVAL);
    let summary = (await service.getSnapshot()).summary;
    expect(summary).toMatchObject({ online: 5_821, counted: 3, rooms: 4, conditions: [] });
    expect(summary.states).toMatchObject({ live: 3, 'not-found': 1, closed: 0 });
    expect(await room('@TGS#typo')).toMatchObject({ state: 'not-found', current: false, online: null });

    sim.control.disband('@TGS#closing');
    await advance(2 * INTERVAL);
    summary = (await service.getSnapshot()).summary;
    // The closed room keeps its last count in its row, as history, never in the sum.
    expect(summary).toMatchObject({ online: 5_321, counted: 2, rooms: 4 });
    expect(summary.states).toMatchObject({ live: 2, closed: 1, 'not-found': 1 });
    const closed = await room('@TGS#closing');
    expect(closed).toMatchObject({ state: 'closed', current: false, online: 500, status: 'stopped' });
    expect(closed?.stoppedAt).toEqual(expect.any(Number));
    expect((await room('@TGS#launch'))?.stoppedAt).toBeNull();
    // The same figures were pushed as they changed.
    expect(pushedSummary()).toEqual(summary);
  });

  it('keeps a 60007 slow-down apart: each room keeps its own state, the app’s condition is said once', async () => {
    const { service, sim, advance, room, pushedSummary } = await watched();
    await advance(2 * INTERVAL);
    sim.control.injectFault({ kind: 'error-code', code: 60007, groupId: '@TGS#launch', times: 1 });
    await advance(INTERVAL);
    const snapshot = await service.getSnapshot();
    expect(snapshot.profiles[0]?.state).toBe('rate-limited');
    expect(snapshot.summary.conditions).toEqual([
      expect.objectContaining({ profileId: 'app-1', label: 'Events', condition: 'rate-limited' }),
    ]);
    expect(pushedSummary()?.conditions.map((c) => c.condition)).toEqual(['rate-limited']);
    // No room is painted with the app's condition: the counts are still current, so they are live.
    expect(await room('@TGS#launch')).toMatchObject({ state: 'live', current: true, online: 4_321 });
    expect(await room('@TGS#second')).toMatchObject({ state: 'live', current: true });
    expect(await room('@TGS#typo')).toMatchObject({ state: 'not-found' });
    expect(snapshot.summary.online).toBe(5_821);
  });

  it('says a paused app once, and its rooms turn paused only once their counts are no longer current', async () => {
    const { service, advance, room, pushedSummary } = await watched();
    await advance(2 * INTERVAL);
    await service.setPaused(true);
    expect(pushedSummary()?.conditions).toEqual([
      expect.objectContaining({ profileId: 'app-1', condition: 'paused' }),
    ]);
    expect(await room('@TGS#launch')).toMatchObject({ state: 'live', current: true });
    await advance(3 * INTERVAL);
    const summary = (await service.getSnapshot()).summary;
    expect(summary).toMatchObject({ online: 0, counted: 0 });
    expect(summary.states).toMatchObject({ paused: 3, 'not-found': 1, live: 0 });
    expect(await room('@TGS#launch')).toMatchObject({ state: 'paused', current: false, online: 4_321 });
    expect(pushedSummary()).toEqual(summary);

    await service.setPaused(false);
    await advance(2 * INTERVAL);
    expect((await service.getSnapshot()).summary).toMatchObject({ online: 5_821, conditions: [] });
  });

  it('drops a room that stops answering from the total after two intervals, as stale', async () => {
    const { service, sim, advance, room } = await watched();
    await advance(2 * INTERVAL);
    // Every poll of the room is rate limited from now on: its last count ages in its own row.
    sim.control.injectFault({ kind: 'error-code', code: 60007, groupId: '@TGS#second' });
    await advance(3 * INTERVAL);
    const second = await room('@TGS#second');
    expect(second).toMatchObject({ state: 'stale', current: false, online: 1_000 });
    expect(second?.ageMs).toBeGreaterThan(2 * INTERVAL);
    const summary = (await service.getSnapshot()).summary;
    expect(summary.online).toBe(4_821);
    expect(summary.states).toMatchObject({ live: 2, stale: 1 });
  });
});
