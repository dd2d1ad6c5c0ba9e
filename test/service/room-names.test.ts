import { describe, expect, it } from 'vitest';
import { systemClock } from '../../main/core/clock';
import { HistoryStore } from '../../main/core/history/history-store';
import { profileEngineFactory } from '../../main/node/profile-engine';
import { ProfileRuntimes, type Runtime } from '../../main/service/profile-runtimes';
import { NAMES_PER_CALL, nameUnlabelledRooms } from '../../main/service/room-names';
import type { ProfileRecord } from '../../main/service/service-ports';
import { type RunningSimulator, startSimulator } from '../../main/simulator';
import { eventually } from '../support/eventually';
import { MemoryKeys, simulatorProfile } from './memory-ports';
import { stopAfterEach } from './stop-after-each';

const started = stopAfterEach();

const ids = (count: number) => Array.from({ length: count }, (_, i) => `room-${i}`);

/** A simulator with `count` named rooms and the runtimes of one profile watching them all. */
async function watching(count: number, options: { paused?: boolean } = {}) {
  const sim = started(
    await startSimulator({
      rooms: ids(count).map((groupId, i) => ({
        groupId,
        name: `Stage ${i}`,
        audience: { kind: 'fixed', online: 100 + i },
      })),
    }),
  );
  const keys = new MemoryKeys();
  await keys.saveKey('app-1', sim.credentials.secretKey);
  const runtimes = started(
    new ProfileRuntimes({
      keys,
      openEngine: profileEngineFactory(),
      history: HistoryStore.inMemory(systemClock),
      onEvent: () => {},
      onAlert: () => {},
      paused: () => options.paused === true,
    }),
  );
  const profile = simulatorProfile(sim, ids(count));
  // One room already has the label its user gave it.
  profile.rooms[0] = { groupId: 'room-0', label: 'Main stage' };
  await runtimes.start(profile);
  const saved: ProfileRecord[] = [];
  const named: string[] = [];
  const naming = {
    runtimes,
    save: (runtime: Runtime, next: ProfileRecord) => {
      runtime.profile = next;
      saved.push(next);
    },
    named: (profileId: string, groupId: string) => named.push(`${profileId}/${groupId}`),
  };
  return { sim, runtimes, naming, saved, named };
}

const groupInfoCalls = (sim: RunningSimulator) =>
  sim.control.requests().filter((request) => request.command === 'get_group_info');

const labels = (runtime: Runtime | undefined) =>
  Object.fromEntries((runtime?.profile.rooms ?? []).map((room) => [room.groupId, room.label]));

describe('nameUnlabelledRooms', () => {
  it('names every room without a label, 50 rooms a call, and keeps the labels users gave', async () => {
    const { sim, runtimes, naming, saved, named } = await watching(120);
    await nameUnlabelledRooms(naming);

    // 119 unlabelled rooms: three calls of at most 50.
    expect(groupInfoCalls(sim)).toHaveLength(Math.ceil(119 / NAMES_PER_CALL));
    const now = labels(runtimes.get('app-1'));
    expect(now['room-0']).toBe('Main stage');
    expect(now['room-1']).toBe('Stage 1');
    expect(now['room-119']).toBe('Stage 119');
    expect(Object.values(now).filter((label) => !label)).toEqual([]);
    // Saved as each answer came, every room announced once.
    expect(saved).toHaveLength(3);
    expect(saved.at(-1)).toEqual(runtimes.get('app-1')?.profile);
    expect(new Set(named).size).toBe(119);
    expect(named).not.toContain('app-1/room-0');

    // Named rooms are not asked again.
    await nameUnlabelledRooms(naming);
    expect(groupInfoCalls(sim)).toHaveLength(3);
  });

  it('leaves the rooms of a failed call unlabelled, names the others, and the counts go on', async () => {
    const { sim, runtimes, naming } = await watching(70, { paused: true });
    sim.control.injectFault({ kind: 'http-502', times: 1 });
    await nameUnlabelledRooms(naming);

    const now = labels(runtimes.get('app-1'));
    // The first call (rooms 1 to 50) failed; the second (51 to 69) was still asked.
    expect(groupInfoCalls(sim)).toHaveLength(2);
    expect(now['room-1']).toBeUndefined();
    expect(now['room-50']).toBeUndefined();
    expect(now['room-51']).toBe('Stage 51');
    expect(now['room-69']).toBe('Stage 69');

    const monitor = runtimes.get('app-1')?.engine?.monitor;
    monitor?.resume();
    await eventually(
      () => monitor?.snapshot().find((room) => room.groupId === 'room-1')?.online === 101,
      'a count for an unnamed room',
      10_000,
    );
  });

  it('does not hold up the first counts, and drops names for a profile saved again meanwhile', async () => {
    const { sim, runtimes, naming, saved } = await watching(3);
    // The one get_group_info call (and room-1's polls) answer after two seconds.
    sim.control.injectFault({ kind: 'slow', delayMs: 2_000, groupId: 'room-1' });
    let done = false;
    const naming$ = nameUnlabelledRooms(naming).then(() => {
      done = true;
    });
    const monitor = runtimes.get('app-1')?.engine?.monitor;
    await eventually(
      () => monitor?.snapshot().find((room) => room.groupId === 'room-2')?.online === 102,
      'the first count',
      10_000,
    );
    expect(done).toBe(false);

    // Saved from the page while the names were asked: a new runtime takes the profile's place
    // (the old engine is closed only afterwards, so that its call is answered with the names).
    const old = runtimes.get('app-1') as Runtime;
    await runtimes.start({ ...old.profile, label: 'Renamed' });
    await naming$;
    old.engine?.close();
    expect(groupInfoCalls(sim)[0]?.errorCode).toBe(0);
    expect(saved).toEqual([]);
    expect(labels(runtimes.get('app-1'))['room-2']).toBeUndefined();
  });

  it('keeps a label given while the names were asked, and saves nothing when every room of the answer has one', async () => {
    const { runtimes, naming, saved, named } = await watching(3, { paused: true });
    const runtime = runtimes.get('app-1') as Runtime;
    const asked = nameUnlabelledRooms(naming);
    // Labelled from the page before the answer comes.
    runtime.profile = {
      ...runtime.profile,
      rooms: runtime.profile.rooms.map((room) => ({ ...room, label: room.label ?? `Mine ${room.groupId}` })),
    };
    await asked;
    expect(saved).toEqual([]);
    expect(named).toEqual([]);
    expect(labels(runtime)).toEqual({
      'room-0': 'Main stage',
      'room-1': 'Mine room-1',
      'room-2': 'Mine room-2',
    });
  });

  it('names only the rooms the answer names: a room the server does not know stays as it was', async () => {
    const { runtimes, naming, saved, named } = await watching(2, { paused: true });
    const runtime = runtimes.get('app-1') as Runtime;
    runtime.profile = { ...runtime.profile, rooms: [...runtime.profile.rooms, { groupId: 'room-gone' }] };
    await nameUnlabelledRooms(naming);
    expect(named).toEqual(['app-1/room-1']);
    expect(saved).toHaveLength(1);
    expect(saved[0]?.rooms).toEqual([
      { groupId: 'room-0', label: 'Main stage' },
      { groupId: 'room-1', label: 'Stage 1' },
      { groupId: 'room-gone' },
    ]);
  });
});
