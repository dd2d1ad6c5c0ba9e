import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { type RunningSimulator, startSimulator } from '../../../main/simulator';
import { runCli, simulatorEnv, startCli } from '../../support/cli';
import { eventually } from '../../support/eventually';

let sim: RunningSimulator;

beforeAll(async () => {
  sim = await startSimulator({
    rooms: [
      { groupId: '@TGS#aLive', audience: { kind: 'fixed', online: 1234 } },
      { groupId: ' spaced ', audience: { kind: 'fixed', online: 7 } },
    ],
  });
});
afterAll(() => sim.close());
beforeEach(() => {
  sim.control.clearFaults();
  sim.control.resetLog();
});

type Line = Record<string, unknown> & { type: string };

function lines(stdout: string): Line[] {
  return stdout
    .split('\n')
    .filter(Boolean)
    .map((line) => JSON.parse(line) as Line);
}

/** Runs the CLI until `enough` holds for its output, then stops it with SIGTERM as a user would. */
async function runUntil(args: string[], env: NodeJS.ProcessEnv, enough: (stdout: string) => boolean) {
  const run = startCli(args, env);
  await eventually(() => enough(run.output()), `output of headcount ${args.join(' ')}`, 15_000);
  run.child.kill('SIGTERM');
  return run.done;
}

const count = (stdout: string, text: string) => stdout.split(text).length - 1;

describe('headcount watch --json', () => {
  it('emits status, sample and error lines with ISO times', async () => {
    const result = await runUntil(
      ['watch', '@TGS#aLive', '@TGS#gone', '--interval', '0.5', '--json'],
      simulatorEnv(sim),
      (out) => count(out, '"type":"sample"') >= 3,
    );
    expect(result.code).toBe(0);
    expect(result.stderr).toMatch(/refreshes online counts about every 10 s/);
    const events = lines(result.stdout);
    expect(events[0]).toMatchObject({ type: 'status', state: 'running', rooms: 2, intervalS: 0.5 });
    const samples = events.filter((e) => e.type === 'sample');
    expect(samples[0]).toEqual({
      type: 'sample',
      groupId: '@TGS#aLive',
      online: 1234,
      at: expect.any(String),
    });
    expect(new Date(samples[0]?.at as string).toISOString()).toBe(samples[0]?.at);
    const errors = events.filter((e) => e.type === 'error');
    // A gone room is reported once and then not polled again.
    expect(errors).toEqual([
      {
        type: 'error',
        groupId: '@TGS#gone',
        kind: 'group-gone',
        code: 10010,
        message: expect.any(String),
        at: expect.any(String),
      },
    ]);
  });

  it('writes a line for every count polled, in order, whether the duration ends the run or SIGTERM does', async () => {
    // Lines for a pipe are gathered for a moment and written together: none may be left behind.
    const byDuration = await runCli(
      ['watch', '@TGS#aLive', '--interval', '0.2', '--duration', '1.5', '--json'],
      simulatorEnv(sim),
    );
    const polled = () =>
      sim.control.requests().filter((r) => r.command === 'get_online_member_num' && r.errorCode === 0).length;
    const countedByDuration = polled();
    expect(byDuration.code).toBe(0);
    const samples = lines(byDuration.stdout).filter((e) => e.type === 'sample');
    expect(countedByDuration).toBeGreaterThanOrEqual(3);
    // A call still out when the run ends is answered to no one: one count at most has no line.
    expect(samples.length).toBeGreaterThanOrEqual(countedByDuration - 1);
    expect(samples.length).toBeLessThanOrEqual(countedByDuration);
    const times = samples.map((e) => Date.parse(e.at as string));
    expect(times).toEqual([...times].sort((a, b) => a - b));
    sim.control.resetLog();
    const byTerm = await runUntil(
      ['watch', '@TGS#aLive', '--interval', '0.2', '--json'],
      simulatorEnv(sim),
      (out) => count(out, '"type":"sample"') >= 2,
    );
    const countedByTerm = polled();
    const termSamples = lines(byTerm.stdout).filter((e) => e.type === 'sample');
    expect(termSamples.length).toBeGreaterThanOrEqual(countedByTerm - 1);
    expect(termSamples.length).toBeLessThanOrEqual(countedByTerm);
  });

  it('reads rooms from a groups file, including a quoted id with spaces', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'headcount-groups-')), 'rooms.txt');
    writeFileSync(file, '# tonight\n@TGS#aLive\n\n" spaced "\n');
    const result = await runUntil(
      ['watch', '--groups-file', file, '--interval', '0.5', '--json'],
      simulatorEnv(sim),
      (out) => out.includes('"groupId":" spaced "') && out.includes('"groupId":"@TGS#aLive"'),
    );
    const samples = lines(result.stdout).filter((e) => e.type === 'sample');
    expect(new Set(samples.map((s) => s.groupId))).toEqual(new Set([' spaced ', '@TGS#aLive']));
  });

  it('says so when the rooms do not fit the rate cap and the interval stretches, and stops after --duration', async () => {
    const ids = Array.from({ length: 30 }, (_, i) => `room-${i}`);
    const result = await runCli(
      ['watch', ...ids, '--max-rate', '2', '--duration', '0.5', '--json'],
      simulatorEnv(sim),
    );
    expect(result.code).toBe(0);
    const status = lines(result.stdout).find((e) => e.type === 'status');
    expect(status).toMatchObject({
      state: 'running',
      rooms: 30,
      intervalS: 10,
      effectiveIntervalS: 15.375,
      stretched: true,
    });
  });

  it('stops with exit 2 when the server rejects the credentials, after saying why', async () => {
    const result = await runCli(
      ['watch', '@TGS#aLive', '--json'],
      simulatorEnv(sim, { HEADCOUNT_SECRET_KEY: 'wrong' }),
    );
    expect(result.code).toBe(2);
    const status = lines(result.stdout)
      .filter((e) => e.type === 'status')
      .at(-1);
    expect(status).toMatchObject({ state: 'auth-failed', kind: 'auth' });
    expect(result.stdout + result.stderr).not.toContain(sim.credentials.secretKey);
  });

  it('refuses a rate above the API cap and a nonsense interval', async () => {
    const tooFast = await runCli(['watch', 'a', '--max-rate', '500'], simulatorEnv(sim));
    expect(tooFast.code).toBe(2);
    expect(tooFast.stderr).toMatch(/--max-rate takes a whole number of calls per second from 1 to 200/);
    const nonsense = await runCli(['watch', 'a', '--interval', 'soon'], simulatorEnv(sim));
    expect(nonsense.code).toBe(2);
    expect(nonsense.stderr).toMatch(/--interval takes a duration: a number of seconds, or one with a unit/);
  });
});

describe('headcount watch, for people', () => {
  it('prints one readable line per event when not on a terminal', async () => {
    const result = await runUntil(['watch', '@TGS#aLive', '--interval', '0.5'], simulatorEnv(sim), (out) =>
      out.includes('1,234 online'),
    );
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/running: 1 room every 0\.5 s/);
    expect(result.stdout).toMatch(/@TGS#aLive {2}1,234 online/);
  });
});

describe('headcount demo and simulate', () => {
  it('demo watches the scripted show with no account', async () => {
    const result = await runUntil(
      ['demo', '--json'],
      simulatorEnv(sim, { HEADCOUNT_SECRET_KEY: 'unused' }),
      (out) => count(out, '"type":"sample"') >= 4 && out.includes('"kind":"not-live-room"'),
    );
    expect(result.code).toBe(0);
    const events = lines(result.stdout);
    expect(
      new Set(events.filter((e) => e.type === 'sample').map((e) => e.groupId)).size,
    ).toBeGreaterThanOrEqual(4);
  });

  it('simulate prints an endpoint and credentials that count can use', async () => {
    const run = startCli(['simulate'], simulatorEnv(sim));
    await eventually(() => run.output().includes('Ctrl-C'), 'the simulator banner', 10_000);
    const env = Object.fromEntries(
      [...run.output().matchAll(/export (HEADCOUNT_\w+)=(\S+)/g)].map((m) => [m[1], m[2]]),
    );
    expect(Object.keys(env).sort()).toEqual([
      'HEADCOUNT_ENDPOINT',
      'HEADCOUNT_IDENTIFIER',
      'HEADCOUNT_SDKAPPID',
      'HEADCOUNT_SECRET_KEY',
    ]);
    const counted = await runCli(['count', '@TGS#aMainStage7Q', '--json'], { ...process.env, ...env });
    expect(counted.code).toBe(0);
    run.child.kill('SIGINT');
    expect((await run.done).code).toBe(0);
  });
});
