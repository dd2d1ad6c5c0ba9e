/** What a newcomer meets first: the start of the tray app, the demo's end, and the CLI's own mistakes. */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConnection } from '../../../main/node/credentials';
import { type RunningSimulator, startSimulator } from '../../../main/simulator';
import { runCli, simulatorEnv } from '../../support/cli';

let sim: RunningSimulator;
beforeAll(async () => {
  sim = await startSimulator({
    rooms: [{ groupId: '@TGS#aLive', audience: { kind: 'fixed', online: 1234 } }],
  });
});
afterAll(() => sim.close());

const STACK_LINE = /^\s+at /m;

describe('npm start where Electron cannot run', () => {
  it('says in one sentence what is wrong and what works without it, with no stack trace', () => {
    // This machine's Node is older than Electron 45 asks for, and it has no internet for the runtime.
    const start = spawnSync(process.execPath, [resolve(import.meta.dirname, '../../../scripts/start.mjs')], {
      encoding: 'utf8',
      timeout: 60_000,
    });
    expect(start.status).toBe(1);
    const said = start.stderr.trim().split('\n').at(-1) ?? '';
    expect(said).toMatch(
      /^headcount: (Electron \S+ needs Node \S+ or newer|the Electron runtime is not installed)/,
    );
    expect(said).toMatch(/`npm run demo` and `headcount serve --demo` .*work without it\.$/);
    expect(start.stderr).not.toMatch(STACK_LINE);
  });
});

describe('the demo', () => {
  it('ends with a line that says so', async () => {
    const result = await runCli(['demo', '--duration', '3s'], simulatorEnv(sim));
    expect(result.code).toBe(0);
    expect(result.stderr).toMatch(/^The demo is over\. Run it again with `npm run demo`/m);
  });
});

describe('mistakes on the command line', () => {
  it('names the option that was most likely meant', async () => {
    const result = await runCli(['watch', '@TGS#aLive', '--intervl', '5'], simulatorEnv(sim));
    expect(result.code).toBe(2);
    expect(result.stderr.trim()).toBe(
      'headcount: Unknown option --intervl: did you mean --interval? (see: headcount watch --help)',
    );
    const far = await runCli(['count', '@TGS#aLive', '--colour'], simulatorEnv(sim));
    expect(far.stderr.trim()).toBe('headcount: Unknown option --colour. (see: headcount count --help)');
  });

  it('gives an empty groups file its own message', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'headcount-groups-'));
    const file = join(folder, 'rooms.txt');
    writeFileSync(file, '# the rooms of tonight\n\n');
    const result = await runCli(['watch', '--groups-file', file, '--duration', '1s'], simulatorEnv(sim));
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(`${file} lists no rooms: write one group id per line`);
  });

  it('lets --endpoint win over HEADCOUNT_REGION, with a note, rather than refuse both', async () => {
    const env = simulatorEnv(sim, { HEADCOUNT_REGION: 'singapore' });
    delete env.HEADCOUNT_ENDPOINT;
    const result = await runCli(['count', '@TGS#aLive', '--endpoint', sim.baseUrl, '--json'], env);
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout)).toEqual({
      groups: [{ groupId: '@TGS#aLive', ok: true, online: 1234 }],
    });
    expect(result.stderr).toBe(
      'headcount: note: --endpoint wins over HEADCOUNT_REGION, which is ignored for this run.\n',
    );
  });

  it('lets --region win over HEADCOUNT_ENDPOINT the same way', () => {
    const env = {
      HEADCOUNT_SDKAPPID: '1400000000',
      HEADCOUNT_IDENTIFIER: 'admin',
      HEADCOUNT_SECRET_KEY: 'k',
      HEADCOUNT_ENDPOINT: 'https://im.example.com',
    };
    const loaded = loadConnection({ region: 'singapore' }, env);
    expect(loaded.where).toEqual({ region: 'singapore' });
    expect(loaded.connection.endpoint.primary).toMatch(/^https:\/\/adminapisgp\./);
    expect(loaded.notes).toEqual(['--region wins over HEADCOUNT_ENDPOINT, which is ignored for this run.']);
    expect(() => loadConnection({ region: 'singapore', endpoint: 'https://im.example.com' }, env)).toThrow(
      'Give either a region or an endpoint, not both.',
    );
  });
});
