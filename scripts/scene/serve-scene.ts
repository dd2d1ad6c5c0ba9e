/**
 * The scene running: the simulator in this process with the scene's rooms, the built `headcount
 * serve` (dist/headcount.js) watching them from a settings file of its own, and a way to ask it
 * for its snapshot. Used by `npm run screenshots` and the benchmark of the wide views.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { createInterface } from 'node:readline';
import type { MonitorSnapshot } from '../../main/contract/monitor-api';
import { type RunningSimulator, startSimulator } from '../../main/simulator';
import { makeTrouble, type RoomsScene, roomsScene, sceneSettings } from './rooms-scene';

/** A running scene. */
export interface ServedScene {
  scene: RoomsScene;
  sim: RunningSimulator;
  /** The dashboard link serve printed, with its token. */
  link: string;
  snapshot(): Promise<MonitorSnapshot>;
  /** Resolves once every room is in the state the scene makes (trouble included), or throws after `ms`. */
  settled(ms?: number): Promise<MonitorSnapshot>;
  stop(): Promise<void>;
}

/** Starts `count` rooms, serve watching them every `intervalS` seconds, and puts the scene in trouble once they answered. */
export async function serveScene(
  count: number,
  intervalS: number,
  cli = 'dist/headcount.js',
): Promise<ServedScene> {
  const scene = roomsScene(count);
  const sim = await startSimulator({ rooms: scene.rooms });
  const folder = mkdtempSync(join(tmpdir(), 'headcount-scene-'));
  writeFileSync(join(folder, 'config.json'), JSON.stringify(sceneSettings(scene)));
  const env = Object.fromEntries(
    Object.entries(process.env).filter(([key]) => !key.startsWith('HEADCOUNT_')),
  );
  const serve: ChildProcess = spawn(
    process.execPath,
    [resolve(cli), 'serve', '--port', '0', '--interval', String(intervalS)],
    {
      env: {
        ...env,
        HEADCOUNT_CONFIG: join(folder, 'config.json'),
        HEADCOUNT_ENDPOINT: sim.baseUrl,
        HEADCOUNT_SDKAPPID: String(sim.credentials.sdkAppId),
        HEADCOUNT_IDENTIFIER: sim.credentials.identifier,
        HEADCOUNT_SECRET_KEY: sim.credentials.secretKey,
      },
      stdio: ['ignore', 'pipe', 'inherit'],
    },
  );
  const link = await new Promise<string>((done, fail) => {
    createInterface({ input: serve.stdout as NodeJS.ReadableStream }).on('line', (line) => {
      if (line.startsWith('Dashboard: ')) done(line.slice('Dashboard: '.length));
    });
    serve.once('exit', (code) => fail(new Error(`headcount serve exited with ${code}`)));
  });
  const url = new URL(link);
  const token = url.searchParams.get('token') ?? '';
  const snapshot = async () => {
    const answer = await fetch(new URL('/api/getSnapshot', url), {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json', origin: url.origin },
      body: '[]',
    });
    const body = (await answer.json()) as { ok: boolean; value: MonitorSnapshot };
    return body.value;
  };
  const waitFor = async (ms: number, done: (s: MonitorSnapshot) => boolean) => {
    const until = Date.now() + ms;
    for (;;) {
      const now = await snapshot();
      if (done(now)) return now;
      if (Date.now() > until)
        throw new Error(`the scene did not settle: ${JSON.stringify(now.summary.states)}`);
      await new Promise((wake) => setTimeout(wake, 500));
    }
  };
  let troubled = false;
  return {
    scene,
    sim,
    link,
    snapshot,
    async settled(ms = 90_000) {
      const { trouble } = scene;
      // Every room answered once (the closed ones must have been live to be closed, not not-found).
      await waitFor(ms, (s) => s.summary.states.waiting === 0 && s.summary.states.live >= count - 1);
      if (!troubled) makeTrouble(sim.control, scene);
      troubled = true;
      return waitFor(
        ms,
        (s) =>
          s.summary.states.closed === trouble.closed.length &&
          s.summary.states.failing === trouble.failing.length &&
          s.summary.states['not-found'] === trouble.notFound.length,
      );
    },
    async stop() {
      serve.kill('SIGTERM');
      await new Promise((done) => serve.once('exit', done));
      await sim.close();
    },
  };
}
