/**
 * The real pieces an end-to-end test runs against: the simulator on loopback, the built
 * `headcount serve` (dist/headcount.js, built by the global setup) polling it with the simulator's
 * credentials and a settings file of the test's choosing (or playing the demo show, with no
 * credentials at all), and Debian's Chromium to open the dashboard in.
 */
import { writeFileSync } from 'node:fs';
import type { Browser } from 'playwright-core';
import { vi } from 'vitest';
import type { RoomSpec, RunningSimulator } from '../../../main/simulator';
import { startSimulator } from '../../../main/simulator';
import { type ServeRun, startServe } from '../../node/serve/serve-run';
import { cliEnv, simulatorEnv } from '../../support/cli';
import { type DashboardPage, launchChromium, type OpenOptions, openDashboard } from './dashboard';

/** A simulator, a `headcount serve` and the browser that opens its dashboard. */
export interface Stage {
  sim: RunningSimulator;
  run: ServeRun;
  /** The settings file the server reads (HEADCOUNT_CONFIG). */
  configPath: string;
  browser: Browser;
  /** Opens the dashboard in a fresh browser context, closed by {@link Stage.stop}. */
  open(options?: OpenOptions): Promise<DashboardPage>;
  /**
   * Closes the pages and the browser, stops the server (SIGTERM) and the simulator, and restores
   * vitest's waits; resolves with the server's exit code.
   */
  stop(): Promise<number | null>;
}

/** What to stage. */
export interface StageOptions {
  /** The simulator's rooms. */
  rooms: RoomSpec[];
  /** The rooms `headcount serve` is told to watch, polled every second. */
  watched?: string[];
  /** The settings file's content; profile "Events" unless given. */
  settings?: Record<string, unknown>;
  /**
   * Serve with `--demo` and no credentials: the built-in show plays, and the simulator is there
   * for the test to point an app profile at from the page.
   */
  demo?: boolean;
  /** More environment for `headcount serve`, e.g. HEADCOUNT_OVERLAY_TOKEN. */
  env?: Record<string, string>;
}

/**
 * Starts the simulator with `rooms`, writes `settings`, starts `headcount serve` on a free port
 * (polling `watched` every second, or playing the demo), and launches Chromium. Call it from
 * `beforeAll`: it also gives the file's `expect.poll` calls a longer default wait.
 */
export async function startStage(options: StageOptions): Promise<Stage> {
  // The engine, the server and Chromium share this machine with other jobs: what a test waits for
  // in the page gets up to 10 s to show, not the 1 s vitest gives `expect.poll` by default.
  vi.setConfig({ expect: { poll: { timeout: 10_000 } } });
  const sim = await startSimulator({ rooms: options.rooms });
  const env = options.demo ? cliEnv(options.env) : simulatorEnv(sim, options.env);
  const configPath = env.HEADCOUNT_CONFIG as string;
  writeFileSync(configPath, JSON.stringify({ profile: { label: 'Events' }, ...options.settings }));
  const args = options.demo ? ['--demo'] : [...(options.watched ?? []), '--interval', '1'];
  let run: ServeRun;
  let browser: Browser;
  try {
    run = await startServe(args, env);
  } catch (error) {
    await sim.close();
    throw error;
  }
  try {
    browser = await launchChromium();
  } catch (error) {
    await run.stop();
    await sim.close();
    throw error;
  }
  const pages: DashboardPage[] = [];
  return {
    sim,
    run,
    configPath,
    browser,
    async open(openOptions) {
      const opened = await openDashboard(browser, run.link, openOptions);
      pages.push(opened);
      return opened;
    },
    async stop() {
      for (const { context } of pages) await context.close();
      await browser.close();
      const result = await run.stop();
      await sim.close();
      vi.resetConfig();
      return result.code;
    },
  };
}
