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
import { writeFileSync } from 'node:fs';
import type { Browser } from 'playwright-core';
import { vi } from 'vitest';
import type { MonitorMethod } from '../../../main/contract/monitor-api';
import type { RunningSimulator } from '../../../main/simulator';
import { startSimulator } from '../../../main/simulator';
import { type ServeRun, startServe } from '../../node/serve/serve-run';
import { cliEnv, simulatorEnv } from '../../support/cli';
import { type DashboardPage, launchChromium, type OpenOptions, openDashboard } from './dashboard';
import { recordTraffic } from './page-traffic';
import type { StagedService, StageOptions, StageTransport } from './stage-options';

export type { StageOptions, StageTransport } from './stage-options';

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
    // The tray app's path loads the service and the IPC handlers into this process: only its runs
    // import them (a second or more per file on a busy machine).
    service =
      transport === 'serve'
        ? await stageServe(options, env)
        : await (await import('./stage-preload')).stagePreload(options, env);
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
