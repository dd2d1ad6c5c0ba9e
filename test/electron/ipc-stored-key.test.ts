import { ipcMain } from 'electron';
import { afterEach, describe, expect, it } from 'vitest';
import { channelOf } from '../../main/contract/monitor-api';
import { registerMonitorApi } from '../../main/electron/ipc';
import type { MonitorService } from '../../main/service/monitor-service';
import { type RunningSimulator, startSimulator } from '../../main/simulator';
import { MemoryKeys, MemoryProfiles, serviceOver, simulatorProfile } from '../service/memory-ports';
import { type Stranger, startStranger } from '../support/stranger';

const APP_PAGE = 'app://headcount/index.html';
const fakeIpc = ipcMain as unknown as {
  invokeAs(url: string, channel: string, ...args: unknown[]): Promise<unknown>;
  reset(): void;
};

let sim: RunningSimulator;
let stranger: Stranger;
let service: MonitorService;
let unregister = () => {};
afterEach(async () => {
  unregister();
  fakeIpc.reset();
  await service.stop();
  await Promise.all([sim.close(), stranger.close()]);
});

describe('the tray app: the saved key over IPC', () => {
  it('refuses to test or save another endpoint without the key, and the stranger hears nothing', async () => {
    sim = await startSimulator({ rooms: [{ groupId: '@TGS#a', audience: { kind: 'fixed', online: 5 } }] });
    stranger = await startStranger();
    const profiles = new MemoryProfiles();
    const keys = new MemoryKeys();
    const saved = simulatorProfile(sim, ['@TGS#a']);
    profiles.save(saved);
    await keys.saveKey(saved.id, sim.credentials.secretKey);
    service = serviceOver(profiles, keys);
    await service.start();
    unregister = registerMonitorApi(service, (url) => url === APP_PAGE);

    const { rooms: _, intervalSeconds: __, ...form } = saved;
    const elsewhere = { ...form, endpoint: stranger.baseUrl };
    for (const method of ['testConnection', 'saveProfile'] as const) {
      await expect(fakeIpc.invokeAs(APP_PAGE, channelOf(method), elsewhere)).rejects.toThrow(
        /enter the secret key again/,
      );
    }
    expect(profiles.saved.get(saved.id)?.endpoint).toBe(sim.baseUrl);
    expect(stranger.received).toEqual([]);
    // With the key typed in again, the same request is the user's own choice.
    await expect(
      fakeIpc.invokeAs(APP_PAGE, channelOf('testConnection'), {
        ...elsewhere,
        secretKey: sim.credentials.secretKey,
      }),
    ).resolves.toMatchObject({ ok: false });
    expect(stranger.received).toHaveLength(1);
  });
});
