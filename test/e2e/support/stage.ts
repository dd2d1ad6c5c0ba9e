/**
 * The real pieces an end-to-end test runs against: the simulator on loopback, and the built
 * `headcount serve` (dist/headcount.js, built by the global setup) polling it with the simulator's
 * credentials and a settings file of the test's choosing.
 */
import { writeFileSync } from 'node:fs';
import type { RoomSpec, RunningSimulator } from '../../../main/simulator';
import { startSimulator } from '../../../main/simulator';
import { type ServeRun, startServe } from '../../node/serve/serve-run';
import { simulatorEnv } from '../../support/cli';

/** A simulator and a `headcount serve` watching some of its rooms. */
export interface Stage {
  sim: RunningSimulator;
  run: ServeRun;
  /** The settings file the server reads (HEADCOUNT_CONFIG). */
  configPath: string;
  /** Stops the server (SIGTERM) and the simulator; resolves with the server's exit code. */
  stop(): Promise<number | null>;
}

/**
 * Starts the simulator with `rooms`, writes `settings` (profile "Events" unless given), and starts
 * `headcount serve` on a free port polling `watched` every second.
 */
export async function startStage(options: {
  rooms: RoomSpec[];
  watched: string[];
  settings?: Record<string, unknown>;
}): Promise<Stage> {
  const sim = await startSimulator({ rooms: options.rooms });
  const env = simulatorEnv(sim);
  const configPath = env.HEADCOUNT_CONFIG as string;
  writeFileSync(configPath, JSON.stringify({ profile: { label: 'Events' }, ...options.settings }));
  let run: ServeRun;
  try {
    run = await startServe([...options.watched, '--interval', '1'], env);
  } catch (error) {
    await sim.close();
    throw error;
  }
  return {
    sim,
    run,
    configPath,
    async stop() {
      const result = await run.stop();
      await sim.close();
      return result.code;
    },
  };
}
