/**
 * The real pieces an end-to-end test runs against: the simulator on loopback, the service polling
 * it with the simulator's credentials and a settings file of the test's choosing (or playing the
 * demo show, with no credentials at all), and Debian's Chromium with the built page. The page
 * reaches the service one of two ways, as people's pages do (HEADCOUNT_STAGE picks; vitest.config.ts
 * runs the end-to-end tests through both):
 * - `serve`: the built `headcount serve` (dist/headcount.js) in its own process, over HTTP and SSE;
 * - `preload`: the tray app's path, the built preload bundle in the page over the real IPC handlers
 *   (main/electron/ipc.ts) on the fake ipcMain, with the same service in this process.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { vi } from 'vitest';
import type { MonitorApi, MonitorMethod } from '../../../main/contract/monitor-api';
import { pushTo, registerMonitorApi } from '../../../main/electron/ipc';
import { SERVE_DEMO_SETTINGS } from '../../../main/node/cli/serve';
import { createHeadlessService } from '../../../main/node/serve/headless-service';
import { createServeMetrics } from '../../../main/node/serve/serve-metrics';
import { credentialProfile } from '../../../main/node/serve/serve-profile';
import { openSettingsStore } from '../../../main/node/settings-store';
import type { RoomSpec, RunningSimulator } from '../../../main/simulator';
import { startSimulator } from '../../../main/simulator';
import { type ServeRun, startServe } from '../../node/serve/serve-run';
import { cliEnv, simulatorEnv } from '../../support/cli';
import { serveBuiltPage } from '../../support/page-server';
import { bridgePreload } from '../../support/preload-bridge';
import { type DashboardPage, launchChromium, type OpenOptions, openDashboard } from './dashboard';
import { recordTraffic } from './page-traffic';

/** How the page reaches the service. */
export type StageTransport = 'serve' | 'preload';

/** A simulator, the service polling it, and the browser that opens the page on it. */
export interface Stage {
  transport: StageTransport;
  sim: RunningSimulator;
  /** The settings file the service reads (HEADCOUNT_CONFIG). */
  configPath: string;
  browser: Browser;
  /** The page's address: serve's dashboard link with its token, or the built page's. */
  link: string;
  /** Opens the page in a fresh browser context, closed by {@link Stage.stop}. */
  open(options?: OpenOptions): Promise<DashboardPage>;
  /** Calls a MonitorApi method as a script would: serve's HTTP API, or the service itself. */
  call<T>(method: MonitorMethod, args: unknown[]): Promise<T>;
  /** What the service printed: serve's stdout and stderr (nothing for the service in this process). */
  output(): string;
  /** The `headcount serve` process, for a test about serve itself (its overlay, its HTTP); serve only. */
  readonly run: ServeRun;
  /** Closes the pages and the browser, stops the service and the simulator; resolves with serve's exit code (0 in process). */
  stop(): Promise<number | null>;
}

/** What to stage. */
export interface StageOptions {
  /** The simulator's rooms. */
  rooms: RoomSpec[];
  /** The rooms the service is told to watch, polled every second. */
  watched?: string[];
  /** The settings file's content; profile "Events" unless given. */
  settings?: Record<string, unknown>;
  /**
   * Play the demo (`--demo`) with no credentials: the built-in show plays, and the simulator is
   * there for the test to point an app profile at from the page.
   */
  demo?: boolean;
  /** More environment for `headcount serve`, e.g. HEADCOUNT_OVERLAY_TOKEN. */
  env?: Record<string, string>;
  /** The transport, where a test is about one (serve's HTTP caching, say); else the run's. */
  transport?: StageTransport;
  /** How long serve may take to print its link (thousands of rooms on a busy machine take longer); 15 s unless told. */
  readyMs?: number;
}

/** The transport of this run: HEADCOUNT_STAGE, set per project in vitest.config.ts; serve by default. */
function transportOfRun(): StageTransport {
  return process.env.HEADCOUNT_STAGE === 'preload' ? 'preload' : 'serve';
}

/**
 * Starts the simulator with `rooms`, writes `settings`, starts the service (polling `watched`
 * every second, or playing the demo) behind the run's transport, and launches Chromium. Call it
 * from `beforeAll`: it also gives the file's `expect.poll` calls a longer default wait.
 */
export async function startStage(options: StageOptions): Promise<Stage> {
  // The engine, the server and Chromium share this machine with other jobs: what a test waits for
  // in the page gets up to 10 s to show, not the 1 s vitest gives `expect.poll` by default.
  vi.setConfig({ expect: { poll: { timeout: 10_000 } } });
  const sim = await startSimulator({ rooms: options.rooms });
  const env = options.demo ? cliEnv(options.env) : simulatorEnv(sim, options.env);
  const configPath = env.HEADCOUNT_CONFIG as string;
  writeFileSync(configPath, JSON.stringify({ profile: { label: 'Events' }, ...options.settings }));
  const transport = options.transport ?? transportOfRun();
  let service: StagedService;
  let browser: Browser;
  try {
    service = transport === 'serve' ? await stageServe(options, env) : await stagePreload(options, env);
  } catch (error) {
    await sim.close();
    throw error;
  }
  try {
    browser = await launchChromium();
  } catch (error) {
    await service.stop();
    await sim.close();
    throw error;
  }
  const pages: DashboardPage[] = [];
  return {
    transport,
    sim,
    configPath,
    browser,
    link: service.link,
    async open(openOptions = {}) {
      const opened = await openDashboard(browser, service.link, {
        ...openOptions,
        prepare: (page) => service.prepare(page, openOptions.record === true),
      });
      pages.push(opened);
      return opened;
    },
    call: (method, args) => service.call(method, args),
    output: () => service.output(),
    get run() {
      if (!service.run)
        throw new Error('This test is about headcount serve: start its stage with transport "serve".');
      return service.run;
    },
    async stop() {
      for (const { context } of pages) await context.close();
      await browser.close();
      const code = await service.stop();
      await sim.close();
      vi.resetConfig();
      return code;
    },
  };
}

/** The service behind one transport, as the stage drives it. */
interface StagedService {
  /** The `headcount serve` process, when the transport is serve. */
  run?: ServeRun;
  /** The page's address. */
  link: string;
  /** Readies a page before it loads: the preload, or serve's traffic recorder when asked to record. */
  prepare(page: Page, record: boolean): Promise<Pick<DashboardPage, 'received'>>;
  call<T>(method: MonitorMethod, args: unknown[]): Promise<T>;
  output(): string;
  stop(): Promise<number | null>;
}

async function stageServe(options: StageOptions, env: NodeJS.ProcessEnv): Promise<StagedService> {
  const args = options.demo ? ['--demo'] : [...(options.watched ?? []), '--interval', '1'];
  const run: ServeRun = await startServe(args, env, options.readyMs);
  return {
    run,
    link: run.link,
    async prepare(page, record) {
      if (!record) return {};
      const traffic = await recordTraffic(page);
      return {
        received: async () => {
          const texts = await traffic.texts();
          if (traffic.unread.length > 0) throw new Error(`Unread answers: ${traffic.unread.join(', ')}`);
          return texts;
        },
      };
    },
    async call<T>(method: MonitorMethod, args: unknown[]) {
      const { status, body } = await run.call<T>(method, args);
      if (!body.ok) throw new Error(`${method} answered ${status}: ${body.error}`);
      return body.value;
    },
    output: () => `${run.stdout()}${run.stderr()}`,
    async stop() {
      return (await run.stop()).code;
    },
  };
}

async function stagePreload(options: StageOptions, env: NodeJS.ProcessEnv): Promise<StagedService> {
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
