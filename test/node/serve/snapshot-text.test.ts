import { afterEach, describe, expect, it } from 'vitest';
import type { MonitorApi, MonitorPush, MonitorSnapshot } from '../../../main/contract/monitor-api';
import { SNAPSHOT_TEXT_MAX_AGE_MS, SnapshotText } from '../../../main/node/serve/snapshot-text';
import type { MonitorService } from '../../../main/service/monitor-service';
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
});
