import { chmodSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { type RunningSimulator, startSimulator } from '../../../main/simulator';
import { cliEnv, runCli, simulatorEnv } from '../../support/cli';

let sim: RunningSimulator;

beforeAll(async () => {
  sim = await startSimulator({
    rooms: [
      { groupId: '@TGS#aLive', audience: { kind: 'fixed', online: 1234 } },
      { groupId: 'my room 2', audience: { kind: 'fixed', online: 98765 } },
      { groupId: 'club', type: 'Public', audience: { kind: 'fixed', online: 5 } },
    ],
  });
});
afterAll(() => sim.close());
beforeEach(() => {
  sim.control.clearFaults();
  sim.control.resetLog();
});

function parse(stdout: string) {
  return JSON.parse(stdout) as { groups: Array<Record<string, unknown>> };
}

describe('headcount count', () => {
  it('prints one JSON document in argument order and exits 0 when every room answered', async () => {
    const result = await runCli(['count', 'my room 2', '@TGS#aLive', '--json'], simulatorEnv(sim));
    expect(result.code).toBe(0);
    expect(parse(result.stdout)).toEqual({
      groups: [
        { groupId: 'my room 2', ok: true, online: 98765 },
        { groupId: '@TGS#aLive', ok: true, online: 1234 },
      ],
    });
  });

  it('prints a readable table with thousands separators', async () => {
    const result = await runCli(['count', '@TGS#aLive', 'my room 2'], simulatorEnv(sim));
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/ROOM\s+ONLINE/);
    expect(result.stdout).toMatch(/@TGS#aLive\s+1,234/);
    expect(result.stdout).toMatch(/"my room 2"\s+98,765/);
  });

  it('exits 1 and explains each failed room, never as 0', async () => {
    const result = await runCli(['count', '@TGS#aLive', '@TGS#gone', 'club', '--json'], simulatorEnv(sim));
    expect(result.code).toBe(1);
    const [live, gone, club] = parse(result.stdout).groups;
    expect(live).toMatchObject({ ok: true, online: 1234 });
    expect(gone).toMatchObject({
      groupId: '@TGS#gone',
      ok: false,
      error: { kind: 'group-gone', code: 10010 },
    });
    expect(club).toMatchObject({ ok: false, error: { kind: 'not-live-room', code: 10007 } });
    expect(gone).not.toHaveProperty('online');
  });

  it('reports a gateway failure as transient', async () => {
    sim.control.injectFault({ kind: 'http-502' });
    const result = await runCli(['count', '@TGS#aLive', '--json'], simulatorEnv(sim));
    expect(result.code).toBe(1);
    expect(parse(result.stdout).groups[0]).toMatchObject({
      ok: false,
      error: { kind: 'transient', code: 502 },
    });
  });

  it('exits 2 on a wrong secret key, keeps the document on stdout, and never prints the key', async () => {
    const wrongKey = 'f'.repeat(64);
    const result = await runCli(
      ['count', '@TGS#aLive', '--json'],
      simulatorEnv(sim, { HEADCOUNT_SECRET_KEY: wrongKey }),
    );
    expect(result.code).toBe(2);
    expect(parse(result.stdout).groups[0]).toMatchObject({ ok: false, error: { kind: 'auth' } });
    for (const text of [result.stdout, result.stderr]) {
      expect(text).not.toContain(wrongKey);
      expect(text).not.toContain(sim.credentials.secretKey);
      // A UserSig is zlib data in URL-safe base64: it starts with "eJ".
      expect(text).not.toMatch(/eJ[\w*-]{40,}/);
    }
  });

  it('asks whether the region is right when the server does not know the SDKAppID', async () => {
    const result = await runCli(
      ['count', '@TGS#aLive'],
      simulatorEnv(sim, { HEADCOUNT_SDKAPPID: '1400000001' }),
    );
    expect(result.code).toBe(2);
    expect(result.stdout).toContain('is the region right for this SDKAppID?');
  });

  it.each([
    ['a room id over 48 bytes', ['count', 'x'.repeat(49)], /49 bytes long; the limit is 48/],
    ['a room id with a control character', ['count', 'bad\tid'], /control character/],
    ['no room at all', ['count'], /at least one room/],
    ['an unknown flag', ['count', 'a', '--colour'], /Unknown option --colour\./],
  ])('refuses %s as a usage error and sends nothing', async (_, args, message) => {
    const result = await runCli(args, simulatorEnv(sim));
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(message);
    expect(sim.control.requests()).toHaveLength(0);
  });

  it('names the missing credential and sends nothing', async () => {
    const env = simulatorEnv(sim);
    delete env.HEADCOUNT_SECRET_KEY;
    const result = await runCli(['count', '@TGS#aLive'], env);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/No secret key: set HEADCOUNT_SECRET_KEY/);
    expect(sim.control.requests()).toHaveLength(0);
  });

  it('refuses plain http to a host that is not loopback', async () => {
    const result = await runCli(
      ['count', 'a'],
      simulatorEnv(sim, { HEADCOUNT_ENDPOINT: 'http://example.com' }),
    );
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/https/);
  });

  it('refuses an unknown region and lists the valid ones', async () => {
    const env = cliEnv({
      HEADCOUNT_SDKAPPID: '1400000000',
      HEADCOUNT_IDENTIFIER: 'admin',
      HEADCOUNT_SECRET_KEY: 'k',
    });
    const result = await runCli(['count', 'a', '--region', 'mars'], env);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/mars/);
    expect(result.stderr).toMatch(/singapore/);
  });

  it('reads the secret from a key file only its owner can read, and refuses one others can read', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'headcount-key-'));
    const file = join(dir, 'secret');
    writeFileSync(file, `${sim.credentials.secretKey}\n`);
    const env = simulatorEnv(sim, { HEADCOUNT_SECRET_KEY_FILE: file });
    delete env.HEADCOUNT_SECRET_KEY;
    chmodSync(file, 0o644);
    const refused = await runCli(['count', '@TGS#aLive'], env);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toMatch(/can be read by other users \(mode 644\): run chmod 600/);
    chmodSync(file, 0o600);
    const accepted = await runCli(['count', '@TGS#aLive', '--json'], env);
    expect(accepted.code).toBe(0);
    expect(parse(accepted.stdout).groups[0]).toMatchObject({ ok: true, online: 1234 });
  });
});
