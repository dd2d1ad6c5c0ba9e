import { readFileSync, writeFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RunningSimulator, startSimulator } from '../../../main/simulator';
import { runCli, simulatorEnv, startCli } from '../../support/cli';
import { eventually } from '../../support/eventually';
import { always, receiversForEachTest } from '../notify/webhook-receiver';

let sim: RunningSimulator;
const receiver = receiversForEachTest();

beforeAll(async () => {
  sim = await startSimulator({
    rooms: [
      { groupId: '@TGS#aLive', audience: { kind: 'fixed', online: 1234 } },
      { groupId: 'quiet room', audience: { kind: 'fixed', online: 5 } },
    ],
  });
});
afterAll(() => sim.close());

/** A settings file: a threshold the live room is over, its label, and a webhook to the receiver. */
function withSettings(env: NodeJS.ProcessEnv, webhookUrl: string): NodeJS.ProcessEnv {
  const settings = {
    profile: { label: 'Events' },
    rules: { above: { threshold: 1000 } },
    rooms: { '@TGS#aLive': { label: 'Live' }, 'quiet room': {} },
    webhooks: [{ url: webhookUrl, format: 'json', name: 'ops' }],
  };
  writeFileSync(env.HEADCOUNT_CONFIG as string, JSON.stringify(settings));
  return env;
}

type Line = Record<string, unknown> & { type: string };
const lines = (text: string) =>
  text
    .split('\n')
    .filter(Boolean)
    .map((line) => JSON.parse(line) as Line);

describe('alerts in headcount watch', () => {
  it('prints the alert, sends it to the webhook, keeps it in the log, and holds the snoozed desktop', async () => {
    const robot = await receiver(always(200, '{"ok":true}'));
    const env = withSettings(simulatorEnv(sim), `${robot.base}/hook?token=s3cr3t-token`);
    expect((await runCli(['snooze', '--all', '--for', '15m'], env)).code).toBe(0);

    const run = startCli(['watch', '--interval', '0.5', '--json', '--notify'], env);
    await eventually(
      () => run.output().includes('"type":"alert"') && robot.received.length > 0,
      'an alert',
      15_000,
    );
    run.child.kill('SIGTERM');
    const result = await run.done;
    expect(result.code).toBe(0);

    const alert = lines(result.stdout).find((line) => line.type === 'alert');
    expect(alert).toMatchObject({
      type: 'alert',
      rule: 'above',
      phase: 'firing',
      groupId: '@TGS#aLive',
      severity: 'warning',
      title: 'Live: 1,234 online',
      message: 'Above 1,000: fired · peak 1,234 · id @TGS#aLive',
      value: 1234,
    });
    expect(new Date(alert?.at as string).toISOString()).toBe(alert?.at);
    expect(JSON.parse(robot.received[0]?.body ?? '{}')).toMatchObject({
      type: 'alert',
      rule: 'above',
      title: alert?.title,
    });

    const log = await runCli(['alerts', '--json'], env);
    expect(log.code).toBe(0);
    const [entry] = (JSON.parse(log.stdout) as { alerts: Array<{ alert: Line; deliveries: Line[] }> }).alerts;
    expect(entry?.alert).toMatchObject({ id: alert?.id, rule: 'above', profile: 'Events' });
    const outcomes = Object.fromEntries(entry?.deliveries.map((d) => [d.channel, d.outcome]) ?? []);
    expect(outcomes).toEqual({
      desktop: 'held',
      [`webhook ops (json, ${new URL(robot.base).host})`]: 'sent',
    });
    expect(entry?.deliveries.find((d) => d.outcome === 'held')?.detail).toMatch(/^snoozed until \d\d:\d\d$/);

    const table = await runCli(['alerts'], env);
    expect(table.stdout).toMatch(/warning\s+above\s+Live\s+Live: 1,234 online · Above 1,000: fired · /);
    expect(table.stdout + log.stdout + result.stdout + result.stderr).not.toContain('s3cr3t-token');
    expect(readFileSync(env.HEADCOUNT_CONFIG as string, 'utf8')).toContain('"snoozes"');
  });

  it('acknowledges an alert by id and reads the log by room and time', async () => {
    const robot = await receiver(always(200, '{"ok":true}'));
    const env = withSettings(simulatorEnv(sim), `${robot.base}/hook`);
    const run = startCli(['watch', '--interval', '0.5', '--json'], env);
    await eventually(() => run.output().includes('"type":"alert"'), 'an alert', 15_000);
    run.child.kill('SIGTERM');
    await run.done;
    const [entry] = (
      JSON.parse(
        (await runCli(['alerts', '--json', '--room', '@TGS#aLive', '--since', '10m'], env)).stdout,
      ) as {
        alerts: Array<{ alert: Line; acknowledgedAt?: number }>;
      }
    ).alerts;
    expect(entry?.acknowledgedAt).toBeUndefined();
    expect((await runCli(['alerts', '--ack', entry?.alert.id as string], env)).code).toBe(0);
    const after = JSON.parse((await runCli(['alerts', '--json'], env)).stdout) as {
      alerts: Array<{ acknowledgedAt?: number }>;
    };
    expect(after.alerts[0]?.acknowledgedAt).toEqual(expect.any(Number));
    expect((await runCli(['alerts', '--json', '--room', 'quiet room'], env)).stdout).toBe('{"alerts":[]}\n');
    expect((await runCli(['alerts', '--ack', 'no-such-id'], env)).code).toBe(2);
  });

  it('refuses a settings file with a mistake, naming it', async () => {
    const env = simulatorEnv(sim);
    writeFileSync(
      env.HEADCOUNT_CONFIG as string,
      JSON.stringify({ rules: { above: { threshold: 'lots' } } }),
    );
    const result = await runCli(['watch', '@TGS#aLive'], env);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/rules\.above\.threshold/);
  });
});

describe('headcount snooze', () => {
  it('snoozes one room or everything, lists them, and takes them back', async () => {
    const env = simulatorEnv(sim);
    expect((await runCli(['snooze', '@TGS#aLive', '--for', '4h'], env)).stdout).toMatch(
      /^Snoozed room @TGS#aLive until (tomorrow )?\d\d:\d\d\.\n$/,
    );
    expect((await runCli(['snooze', '--all', '--for', 'morning'], env)).code).toBe(0);
    const listed = (await runCli(['snooze', '--list'], env)).stdout;
    expect(listed).toMatch(/room @TGS#aLive until/);
    expect(listed).toMatch(/all alerts until (tomorrow )?08:00/);
    await runCli(['unsnooze', '--all'], env);
    expect((await runCli(['snooze', '--list'], env)).stdout).not.toMatch(/all alerts/);
    const bad = await runCli(['snooze', '@TGS#aLive', '--for', 'forever'], env);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/--for takes a duration: .* It also takes morning \(08:00\)\./);
  });
});
