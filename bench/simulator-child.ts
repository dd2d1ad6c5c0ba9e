/**
 * Starts the simulator in a process of its own (bench/simulator-process.ts) for a benchmark, so the
 * benchmark's process measures the engine alone.
 */
import { spawn } from 'node:child_process';
import { createInterface } from 'node:readline';

/** One request as the simulator logged it. */
export interface LoggedRequest {
  at: number;
  command: string;
  errorCode: number;
}

/** Spawns the simulator with `rooms` rooms (`@TGS#bench<i>`) and waits for its endpoint. */
export async function spawnSimulator(rooms: number) {
  const child = spawn(
    process.execPath,
    [new URL('./simulator-process.js', import.meta.url).pathname, String(rooms)],
    { stdio: ['pipe', 'pipe', 'inherit'] },
  );
  const first = await new Promise<string>((resolve) =>
    createInterface({ input: child.stdout }).once('line', resolve),
  );
  const simulator = JSON.parse(first) as {
    baseUrl: string;
    credentials: { sdkAppId: number; identifier: string; secretKey: string };
  };
  return {
    ...simulator,
    /** Everything it received, then it stops. */
    async finish(): Promise<LoggedRequest[]> {
      const log = (await (await fetch(`${simulator.baseUrl}/_sim/requests`)).json()) as LoggedRequest[];
      child.stdin.end();
      return log;
    },
  };
}

/** The environment that points a `headcount` process at a simulator with its credentials. */
export function simulatorEnv(simulator: {
  baseUrl: string;
  credentials: { sdkAppId: number; identifier: string; secretKey: string };
}): Record<string, string> {
  return {
    HEADCOUNT_ENDPOINT: simulator.baseUrl,
    HEADCOUNT_SDKAPPID: String(simulator.credentials.sdkAppId),
    HEADCOUNT_IDENTIFIER: simulator.credentials.identifier,
    HEADCOUNT_SECRET_KEY: simulator.credentials.secretKey,
  };
}
