import { writeFileSync } from 'node:fs';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { type RunningSimulator, startSimulator } from '../../../main/simulator';
import { jsonLines, runCli, simulatorEnv, startCli } from '../../support/cli';
import { eventually } from '../../support/eventually';

let sim: RunningSimulator;

beforeAll(async () => {
  sim = await startSimulator({
    rooms: [
      { groupId: '@TGS#aShown', audience: { kind: 'fixed', online: 1234 } },
      { groupId: 'not shown', audience: { kind: 'fixed', online: 77 } },
    ],
    edition: 'standard',
  });
});
afterAll(() => sim.close());
beforeEach(() => {
  sim.control.resetLog();
  sim.control.addRoom({ groupId: '@TGS#aShown', audience: { kind: 'fixed', online: 1234 } });
  sim.control.addRoom({ groupId: 'not shown', audience: { kind: 'fixed', online: 77 } });
});

/** Runs a watch until `enough` holds for its output, then stops it with SIGTERM. */
async function watchUntil(args: string[], env: NodeJS.ProcessEnv, enough: (stdout: string) => boolean) {
  const run = startCli(['watch', ...args, '--interval', '0.5', '--json'], env);
  await eventually(() => enough(run.output()), `output of headcount watch ${args.join(' ')}`);
  run.child.kill('SIGTERM');
  return run.done;
}

// Reads (the counts, and the rooms' names for the screen and alerts) are not writes.
const READS = new Set(['get_online_member_num', 'get_group_info']);
const writes = () => sim.control.requests().filter((r) => !READS.has(r.command));

describe('watch --push', () => {
  it('writes the count of every room named into the room, and says how it stands', async () => {
    const result = await watchUntil(['@TGS#aShown', '--push', 'group-attr'], simulatorEnv(sim), (out) =>
      out.includes(
        '"type":"push","groupId":"@TGS#aShown","via":"group-attr","key":"online_member_num","state":"ok"',
      ),
    );
    expect(result.code).toBe(0);
    const push = jsonLines(result.stdout).find((line) => line.type === 'push' && line.state === 'ok');
    expect(push).toMatchObject({ groupId: '@TGS#aShown', online: 1234, sampledAt: expect.any(String) });
    const seen = JSON.parse(sim.control.audience('@TGS#aShown').attributes.online_member_num ?? '{}');
    expect(seen.online).toBe(1234);
    // The status line carries each command's budget.
    const status = jsonLines(result.stdout).find((line) => line.type === 'status');
    expect(status?.budgets).toMatchObject({
      get_online_member_num: { cap: 200, limit: 200 },
      modify_group_attr: { cap: 200 },
      get_appid_group_list: { cap: 1 },
    });
  });

  it('writes only into the rooms the settings opt in, under their key, and warns of the message quota', async () => {
    const env = simulatorEnv(sim);
    writeFileSync(
      env.HEADCOUNT_CONFIG as string,
      JSON.stringify({ rooms: { '@TGS#aShown': { push: { via: 'message', key: 'viewers' } } } }),
    );
    const result = await watchUntil(['@TGS#aShown', 'not shown'], env, (out) => out.includes('"state":"ok"'));
    expect(result.code).toBe(0);
    expect(result.stderr).toMatch(
      /1 room show the count by message: trial and developer editions send 1,000 messages a day/,
    );
    expect(writes().length).toBeGreaterThan(0);
    expect(writes().every((r) => r.groupId === '@TGS#aShown' && r.command === 'send_group_msg')).toBe(true);
    expect(sim.control.audience('@TGS#aShown').messages.at(-1)?.desc).toBe('viewers');
    expect(sim.control.audience('not shown').messages).toEqual([]);
  });

  it('refuses a bad mechanism, a key over 32 bytes and a message without the acknowledgement, naming the fix', async () => {
    const env = simulatorEnv(sim);
    const bad = await runCli(['watch', '@TGS#aShown', '--push', 'telegram'], env);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/--push takes group-attr, group-counter, message \(got "telegram"\)/);
    const long = await runCli(
      ['watch', '@TGS#aShown', '--push', 'group-attr', '--push-key', 'k'.repeat(33)],
      env,
    );
    expect(long.code).toBe(2);
    expect(long.stderr).toMatch(/33 bytes long; a room takes keys of at most 32 bytes. Choose a shorter key/);
    const message = await runCli(['serve', '@TGS#aShown', '--push', 'message', '--port', '0'], env);
    expect(message.code).toBe(2);
    expect(message.stderr).toMatch(/1,000 messages a day.*Add --yes-i-know-the-quota/);
    const keyAlone = await runCli(['watch', '@TGS#aShown', '--push-key', 'viewers'], env);
    expect(keyAlone.code).toBe(2);
    expect(keyAlone.stderr).toMatch(/--push-key goes with --push/);
    expect(writes()).toEqual([]);
  });

  it('goes ahead with a message under --push-key once the quota is acknowledged', async () => {
    const result = await watchUntil(
      ['@TGS#aShown', '--push', 'message', '--push-key', 'viewers', '--yes-i-know-the-quota'],
      simulatorEnv(sim),
      (out) => out.includes('"state":"ok"'),
    );
    expect(result.code).toBe(0);
    expect(sim.control.audience('@TGS#aShown').messages.map((m) => m.desc)).toEqual(['viewers']);
  });
});

describe('headcount count', () => {
  it('stays read-only, even for rooms the settings opt in', async () => {
    const env = simulatorEnv(sim);
    writeFileSync(
      env.HEADCOUNT_CONFIG as string,
      JSON.stringify({ rooms: { '@TGS#aShown': { push: { via: 'group-attr' } } } }),
    );
    const result = await runCli(['count', '@TGS#aShown', '--json'], env);
    expect(result.code).toBe(0);
    expect(sim.control.requests().map((r) => r.command)).toEqual(['get_online_member_num']);
    expect(sim.control.audience('@TGS#aShown').attributes).toEqual({});
  });
});
