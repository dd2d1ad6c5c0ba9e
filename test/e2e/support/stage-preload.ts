/**
 * The tray app's path for the end-to-end tests (stage.ts): the built preload bundle in the page over
 * the real IPC handlers (main/electron/ipc.ts) on the fake ipcMain, with the service in this process.
 * Imported only by the runs that take this path.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { MonitorApi, MonitorMethod } from '../../../main/contract/monitor-api';
import { pushTo, registerMonitorApi } from '../../../main/electron/ipc';
import { SERVE_DEMO_SETTINGS } from '../../../main/node/serve/demo-settings';
import { createHeadlessService } from '../../../main/node/serve/headless-service';
import { createServeMetrics } from '../../../main/node/serve/serve-metrics';
import { credentialProfile } from '../../../main/node/serve/serve-profile';
import { openSettingsStore } from '../../../main/node/settings-store';
import { serveBuiltPage } from '../../support/page-server';
import { bridgePreload } from '../../support/preload-bridge';
import type { StagedService, StageOptions } from './stage-options';

export async function stagePreload(options: StageOptions, env: NodeJS.ProcessEnv): Promise<StagedService> {
  // serve --demo keeps the demo's snoozes and alerts in a folder of their own; so does this.
  const store = openSettingsStore(
    options.demo
      ? join(mkdtempSync(join(tmpdir(), 'headcount-stage-demo-')), 'config.json')
      : (env.HEADCOUNT_CONFIG as string),
  );
  const settings = options.demo ? SERVE_DEMO_SETTINGS : store.read();
  const seed = options.demo
    ? null
    : credentialProfile({
        flags: {},
        env,
        settings,
        groupIds: options.watched ?? [],
        intervalMs: 1000,
        maxRate: 200,
      });
  const headless = await createHeadlessService({
    store,
    settings,
    seed,
    ca: seed?.ca,
    notify: false,
    metrics: createServeMetrics(),
  });
  await headless.service.start();
  const pages = await serveBuiltPage();
  // The frame check of the tray app, for this page's origin rather than app://headcount.
  const unregister = registerMonitorApi(headless.service, (url) => url.startsWith(pages.url));
  const stopPushes: Array<() => void> = [];
  const api: MonitorApi = headless.service;
  return {
    link: `${pages.url}index.html`,
    async prepare(page) {
      const { contents, received } = await bridgePreload(page);
      stopPushes.push(headless.service.onPush((push) => pushTo(contents as never, push)));
      return { received: async () => received };
    },
    async call<T>(method: MonitorMethod, args: unknown[]) {
      const run = api[method] as (...values: unknown[]) => Promise<T>;
      return run.apply(api, args);
    },
    output: () => '',
    async stop() {
      for (const stop of stopPushes) stop();
      unregister();
      await headless.close();
      store.close();
      await pages.close();
      return 0;
    },
  };
}
