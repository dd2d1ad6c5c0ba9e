import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import type { MonitorPush } from '../../../main/contract/monitor-api';
import { createHeadlessService } from '../../../main/node/serve/headless-service';
import { createServeMetrics } from '../../../main/node/serve/serve-metrics';
import { openSettingsStore } from '../../../main/node/settings-store';
import { startSimulator } from '../../../main/simulator';
import { eventually } from '../../support/eventually';

it('names the rooms given on the command line, and pushes their rows again', async () => {
  const folder = await mkdtemp(join(tmpdir(), 'headcount-serve-names-'));
  const sim = await startSimulator({
    rooms: [
      { groupId: 'a', name: 'Launch Day', audience: { kind: 'fixed', online: 10 } },
      { groupId: 'b', name: 'Backstage', audience: { kind: 'fixed', online: 20 } },
    ],
  });
  const store = openSettingsStore(join(folder, 'config.json'));
  const headless = await createHeadlessService({
    store,
    settings: {},
    seed: {
      profile: {
        id: 'main',
        label: 'Headcount',
        sdkAppId: sim.credentials.sdkAppId,
        identifier: sim.credentials.identifier,
        endpoint: sim.baseUrl,
        intervalSeconds: 1,
        rooms: [{ groupId: 'a' }, { groupId: 'b', label: 'Mine' }],
      },
      secretKey: sim.credentials.secretKey,
    },
    notify: false,
    metrics: createServeMetrics(),
  });
  const pushed: string[] = [];
  headless.service.onPush((push: MonitorPush) => {
    if (push.type === 'rooms') for (const room of push.rooms) pushed.push(`${room.key}=${room.label}`);
  });
  await headless.service.start();
  await eventually(() => pushed.find((p) => p === 'main/a=Launch Day'), 'the name pushed');
  const rooms = (await headless.service.getSnapshot()).rooms.map((r) => [r.key, r.label]);
  expect(rooms).toEqual([
    ['main/a', 'Launch Day'],
    ['main/b', 'Mine'],
  ]);
  await headless.close();
  store.close();
  await sim.close();
  await rm(folder, { recursive: true, force: true });
});
