import { writeFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RunningSimulator, startSimulator } from '../../../main/simulator';
import { runCli, simulatorEnv, startCli } from '../../support/cli';
import { eventually } from '../../support/eventually';

let sim: RunningSimulator;
beforeAll(async () => {
  sim = await startSimulator({ rooms: [{ groupId: '@TGS#aLive', audience: { kind: 'fixed', online: 42 } }] });
});
afterAll(() => sim.close());

describe('durations on the command line', () => {
  it('refuses an interval longer than a timer holds with exit 2, naming the limit', async () => {
    const result = await runCli(
      ['watch', '@TGS#aLive', '--interval', '99999999999', '--duration', '2'],
      simulatorEnv(sim),
    );
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(
      '--interval is at most 24 d 20 h 31 min (2147483 s), the longest wait a timer holds (got "99999999999").',
    );
    expect(result.stdout).toBe('');
  });

  it('runs a 30-day --duration: it polls and keeps running until stopped', async () => {
    const run = startCli(
      ['watch', '@TGS#aLive', '--interval', '1', '--duration', '2592000', '--json'],
      simulatorEnv(sim),
    );
    const exitedEarly = run.done.then((result) => `exited with ${result.code}`);
    const sampled = eventually(() => run.output().includes('"type":"sample"'), 'a sample', 10_000).then(
      () => 'sampled',
    );
    expect(await Promise.race([sampled, exitedEarly])).toBe('sampled');
    await eventually(
      () => (run.output().match(/"type":"sample"/g) ?? []).length >= 2,
      'a second sample',
      10_000,
    );
    expect(run.child.exitCode).toBeNull();
    run.child.kill('SIGTERM');
    expect((await run.done).code).toBe(0);
  });

  it('takes units: --interval 1s --duration 3s', async () => {
    const result = await runCli(
      ['watch', '@TGS#aLive', '--interval', '1s', '--duration', '3s', '--json'],
      simulatorEnv(sim),
    );
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/"type":"sample","groupId":"@TGS#aLive","online":42/);
  });

  it('refuses a --duration over a year, and nonsense, as usage errors', async () => {
    const long = await runCli(['watch', '@TGS#aLive', '--duration', '400d'], simulatorEnv(sim));
    expect(long.code).toBe(2);
    expect(long.stderr).toMatch(/--duration is at most 365 d \(31536000 s\), the longest run it times/);
    const nonsense = await runCli(['demo', '--interval', 'soon'], simulatorEnv(sim));
    expect(nonsense.code).toBe(2);
    expect(nonsense.stderr).toMatch(
      /--interval takes a duration: a number of seconds, or one with a unit like 90s/,
    );
  });

  it('snoozes for any duration, and refuses a settings file whose duration no timer holds', async () => {
    const env = simulatorEnv(sim);
    const snoozed = await runCli(['snooze', '--all', '--for', '30m'], env);
    expect(snoozed.code).toBe(0);
    expect(snoozed.stdout).toMatch(/^Snoozed all alerts until /);
    writeFileSync(
      env.HEADCOUNT_CONFIG as string,
      JSON.stringify({ notifications: { groupWindowSeconds: 1e12 } }),
    );
    const watched = await runCli(['watch', '@TGS#aLive', '--duration', '1'], env);
    expect(watched.code).toBe(2);
    expect(watched.stderr).toMatch(/groupWindowSeconds: at most 2147483 seconds/);
  });
});
