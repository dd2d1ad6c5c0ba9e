import { writeFileSync } from 'node:fs';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { MonitorSnapshot } from '../../../main/contract/monitor-api';
import { decodeUserSig } from '../../../main/core/usersig';
import { type RunningSimulator, startSimulator } from '../../../main/simulator';
import { simulatorEnv } from '../../support/cli';
import { eventually } from '../../support/eventually';
import { type Stranger, startStranger } from '../../support/stranger';
import { type ServeRun, startServe } from './serve-run';

/**
 * The secret key `serve` holds is bound to the SDKAppID, identifier and endpoint it was given for:
 * a token holder who names another endpoint (or app, or admin) without the key gets 422, and the
 * stranger's server hears nothing, neither a test call nor the polling.
 */
let sim: RunningSimulator;
let stranger: Stranger;
const running = new Set<ServeRun>();

beforeAll(async () => {
  sim = await startSimulator({
    rooms: [{ groupId: '@TGS#aLive', audience: { kind: 'fixed', online: 1234 } }],
  });
});
afterAll(() => sim.close());
afterEach(async () => {
  await Promise.all([...running].map((run) => run.stop()));
  running.clear();
  await stranger?.close();
});

async function serve(args: string[], extra: Record<string, string> = {}): Promise<ServeRun> {
  stranger = await startStranger();
  const env = simulatorEnv(sim, extra);
  writeFileSync(env.HEADCOUNT_CONFIG as string, '{}');
  const run = await startServe(['@TGS#aLive', '--interval', '1', ...args], env);
  running.add(run);
  return run;
}

/** The saved profile `main`, as the browser would send it back with one thing changed. */
function savedProfile(change: Record<string, unknown>) {
  return {
    id: 'main',
    label: 'Headcount',
    sdkAppId: sim.credentials.sdkAppId,
    identifier: sim.credentials.identifier,
    endpoint: sim.baseUrl,
    ...change,
  };
}

async function pollsReachTheSimulator(): Promise<void> {
  sim.control.resetLog();
  await eventually(
    async () =>
      sim.control.requests().some((r) => r.command === 'get_online_member_num') ? true : undefined,
    'a poll at the simulator',
  );
}

describe('serve: the stored key signs only for where it was given', () => {
  it.each([
    ['another endpoint', () => ({ endpoint: stranger.baseUrl })],
    ['another SDKAppID', () => ({ sdkAppId: sim.credentials.sdkAppId + 1 })],
    ['another identifier', () => ({ identifier: 'someone-else' })],
  ])(
    'refuses testConnection and saveProfile for %s without the key, and sends nothing',
    async (_, change) => {
      const run = await serve([]);
      for (const method of ['testConnection', 'saveProfile']) {
        const answer = await run.call(method, [savedProfile(change())]);
        expect(answer).toMatchObject({
          status: 422,
          body: { ok: false, error: expect.stringMatching(/enter the secret key again/i) },
        });
      }
      await pollsReachTheSimulator();
      expect(stranger.received).toEqual([]);
      const snapshot = (await run.call<MonitorSnapshot>('getSnapshot', [])).body.value;
      expect(snapshot.profiles[0]).toMatchObject({
        endpoint: sim.baseUrl,
        sdkAppId: sim.credentials.sdkAppId,
      });
    },
  );

  it('refuses the same on a listener beyond loopback, where the key may not come in either', async () => {
    const run = await serve(['--host', '0.0.0.0'], {
      HEADCOUNT_SERVE_TOKEN: 'kG3v-Qx9Lm2Tz7Rp4Wb8Ny5Hc1Js6',
    });
    const bare = await run.call('testConnection', [savedProfile({ endpoint: stranger.baseUrl })]);
    expect(bare.status).toBe(422);
    const withKey = await run.call('saveProfile', [
      savedProfile({ endpoint: stranger.baseUrl, secretKey: sim.credentials.secretKey }),
    ]);
    expect(withKey.status).toBe(403);
    await pollsReachTheSimulator();
    expect(stranger.received).toEqual([]);
  });

  it('still tests and saves the profile where it is, and a label change needs no key', async () => {
    const run = await serve([]);
    const tested = await run.call('testConnection', [savedProfile({})]);
    expect(tested).toMatchObject({ status: 200, body: { ok: true, value: { ok: true } } });
    const saved = await run.call('saveProfile', [savedProfile({ label: 'Renamed' })]);
    expect(saved).toMatchObject({
      status: 200,
      body: { value: { label: 'Renamed', endpoint: sim.baseUrl } },
    });
    await pollsReachTheSimulator();
    expect(stranger.received).toEqual([]);
  });

  it('tests a new endpoint with the key given again, with a UserSig that lives minutes', async () => {
    const run = await serve([]);
    const answer = await run.call('testConnection', [
      savedProfile({ endpoint: stranger.baseUrl, secretKey: sim.credentials.secretKey }),
    ]);
    expect(answer.status).toBe(200);
    expect(stranger.received).toHaveLength(1);
    const query = new URL(stranger.received[0]?.url ?? '', 'http://x').searchParams;
    const sig = decodeUserSig(query.get('usersig') ?? '');
    expect(sig?.expire).toBeGreaterThan(0);
    expect(sig?.expire).toBeLessThanOrEqual(10 * 60);
  });
});
