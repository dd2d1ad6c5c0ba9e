import { afterEach, describe, expect, it } from 'vitest';
import type { MonitorApi, MonitorPush, MonitorSnapshot } from '../../../main/contract/monitor-api';
import { SNAPSHOT_TEXT_MAX_AGE_MS, SnapshotText } from '../../../main/node/serve/snapshot-text';
import type { MonitorService, SnapshotParts } from '../../../main/service/monitor-service';
import { startDemoService } from './demo-service';

let service: MonitorService | null = null;
afterEach(async () => {
  await service?.stop();
  service = null;
});

/** The demo's service, counting the snapshots it makes; `push` sends a push as the engine would. */
async function counted() {
  service = await startDemoService();
  const running = service;
  const listeners = new Set<(push: MonitorPush) => void>();
  const made = { snapshots: 0 };
  const api: Pick<MonitorApi, 'getSnapshot' | 'onPush'> = {
    getSnapshot: () => {
      made.snapshots++;
      return running.getSnapshot();
    },
    onPush: (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
  const push = (message: MonitorPush) => {
    for (const listener of listeners) listener(message);
  };
  return { api, made, push, listeners };
}

describe("the snapshot's text", () => {
  it('is made once for readers that come together, and again after a change or a quarter of a second', async () => {
    const { api, made, push } = await counted();
    let now = 0;
    const texts = new SnapshotText(api, () => now);
    const [first, second] = await Promise.all([texts.read(), texts.read()]);
    expect(made.snapshots).toBe(1);
    expect(second).toBe(first);
    expect((JSON.parse(first) as MonitorSnapshot).demo).toBe(true);

    // An alert does not change the snapshot; changed rooms do.
    push({ type: 'focus', key: 'demo/x' });
    await texts.read();
    expect(made.snapshots).toBe(1);
    push({ type: 'rooms', rooms: [] });
    await texts.read();
    expect(made.snapshots).toBe(2);

    // Ages in it grow old: past the limit it is made again, even with nothing pushed.
    now += SNAPSHOT_TEXT_MAX_AGE_MS;
    await texts.read();
    expect(made.snapshots).toBe(2);
    now += 1;
    await texts.read();
    expect(made.snapshots).toBe(3);

    // A call that changed something is read back at once, before its push.
    texts.invalidate();
    await texts.read();
    expect(made.snapshots).toBe(4);
  });

  it('asks again after a snapshot failed, and lets go of the pushes when closed', async () => {
    const { api, made, listeners } = await counted();
    let fail = true;
    const failing = {
      ...api,
      getSnapshot: () => (fail ? Promise.reject(new Error('engine stopping')) : api.getSnapshot()),
    };
    const texts = new SnapshotText(failing, () => 0);
    await expect(texts.read()).rejects.toThrow('engine stopping');
    fail = false;
    expect((JSON.parse(await texts.read()) as MonitorSnapshot).demo).toBe(true);
    expect(made.snapshots).toBe(1);
    texts.close();
    expect(listeners.size).toBe(0);
  });

  it('made in parts, reads as the whole snapshot, and lets what came meanwhile run between two parts', async () => {
    const { api } = await counted();
    const running = service as MonitorService;
    const taken: number[] = [];
    const ranAfter: number[] = [];
    // Two rooms a part, counted; after each part, work that arrives then (an immediate, as a request's
    // callback would be) notes how many parts were taken before it ran.
    function* counting(): SnapshotParts {
      const parts = running.snapshotInParts(2);
      for (;;) {
        const step = parts.next();
        if (step.done) return step.value;
        taken.push(step.value.length);
        setImmediate(() => ranAfter.push(taken.length));
        yield step.value;
      }
    }
    const texts = new SnapshotText(
      api,
      () => 0,
      null,
      () => counting(),
    );
    const read = JSON.parse(await texts.read()) as MonitorSnapshot;
    const whole = await running.getSnapshot();

    expect(taken.length).toBeGreaterThan(1);
    expect(ranAfter).toEqual(taken.map((_, at) => at + 1));
    // The same snapshot, the demo's counts moving on meanwhile: the same rooms in the same order,
    // each with every field, and the same rest.
    expect(read.rooms.map((room) => room.key)).toEqual(whole.rooms.map((room) => room.key));
    expect(read.rooms.map((room) => Object.keys(room).sort())).toEqual(
      whole.rooms.map((room) => Object.keys(room).sort()),
    );
    const rest = ({ demo, paused, notices, regions, profiles, summary }: MonitorSnapshot) => ({
      demo,
      paused,
      notices,
      regions,
      profiles: profiles.map((profile) => profile.id),
      rooms: summary.rooms,
    });
    expect(rest(read)).toEqual(rest(whole));
    expect(Object.keys(read).sort()).toEqual(Object.keys(whole).sort());
  });
});
