import { writeFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import type { MonitorSnapshot } from '../../../main/contract/monitor-api';
import { type RunningSimulator, startSimulator } from '../../../main/simulator';
import { simulatorEnv } from '../../support/cli';
import { eventually } from '../../support/eventually';
import { type ServeRun, startServe } from './serve-run';

let sim: RunningSimulator | null = null;
let run: ServeRun | null = null;
afterEach(async () => {
  await run?.stop();
  await sim?.close();
  run = null;
  sim = null;
});

describe('serve while the server rejects its key', () => {
  it('says when it tries again, and a room retried tries at once once the key is fixed on the server', async () => {
    sim = await startSimulator({
      rooms: [{ groupId: '@TGS#aLive', audience: { kind: 'fixed', online: 321 } }],
    });
    const badKey = 'f'.repeat(64);
    const env = simulatorEnv(sim, { HEADCOUNT_SECRET_KEY: badKey });
    writeFileSync(env.HEADCOUNT_CONFIG as string, '{}');
    const serving = await startServe(['@TGS#aLive', '--interval', '1'], env);
    run = serving;
    const snapshot = async () => (await serving.call<MonitorSnapshot>('getSnapshot', [])).body.value;
    const rejected = await eventually(async () => {
      const profile = (await snapshot()).profiles[0];
      return profile?.state === 'auth-failed' ? profile : undefined;
    }, 'auth-failed');
    expect(rejected.reason).toMatch(/Trying again at \d\d:\d\d:\d\d\./);
    expect(rejected.retryAt).toBeGreaterThan(Date.now() + 20_000);

    // The key is fixed where it was wrong: on the server. No profile saved again, no restart.
    sim.control.setSecretKey(badKey);
    sim.control.resetLog();
    expect((await serving.call('retryRoom', ['main/@TGS#aLive'])).status).toBe(200);
    let callsBy = 0;
    const room = await eventually(
      async () => {
        const found = (await snapshot()).rooms[0];
        callsBy = sim?.control.requests().length ?? 0;
        return found?.status === 'live' ? found : undefined;
      },
      'the room live again',
      5_000,
    );
    expect(room.online).toBe(321);
    expect((await snapshot()).profiles[0]?.state).toBe('running');
    // One call found the key good: no storm of calls before the room was live again.
    expect(callsBy).toBeLessThanOrEqual(2);
  });
});
