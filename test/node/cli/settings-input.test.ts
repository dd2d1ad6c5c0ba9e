import { existsSync, mkdtempSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseSettingsJson } from '../../../main/core/settings/settings-json';
import { type RunningSimulator, startSimulator } from '../../../main/simulator';
import { runCli, simulatorEnv } from '../../support/cli';
import { startServe } from '../serve/serve-run';

let sim: RunningSimulator;
beforeAll(async () => {
  sim = await startSimulator({ rooms: [{ groupId: '@TGS#aLive', audience: { kind: 'fixed', online: 5 } }] });
});
afterAll(() => sim.close());

/** The simulator's credentials, with the settings file at `config` (its folder may not exist yet). */
function envAt(config: string) {
  return simulatorEnv(sim, { HEADCOUNT_CONFIG: config });
}

describe('the settings file as people leave it', () => {
  it('reads one that starts with a byte-order mark, and an empty one as the defaults', async () => {
    const env = simulatorEnv(sim);
    writeFileSync(env.HEADCOUNT_CONFIG as string, '\uFEFF{"rooms": {"@TGS#aLive": {"label": "Main"}}}');
    const bom = await runCli(['watch', '--duration', '1', '--json'], env);
    expect(bom.code).toBe(0);
    expect(bom.stdout).toContain('"groupId":"@TGS#aLive"');
    writeFileSync(env.HEADCOUNT_CONFIG as string, '');
    const empty = await runCli(['watch', '@TGS#aLive', '--duration', '1', '--json'], env);
    expect(empty.code).toBe(0);
    expect(empty.stderr).toBe('');
  });

  it('says where a file is not JSON, by line and column, and never quotes it', async () => {
    const env = simulatorEnv(sim);
    const secret = 'robot-token-a1b2c3d4e5';
    writeFileSync(
      env.HEADCOUNT_CONFIG as string,
      `{\n  "webhooks": [\n    {"format": "json", "url": "https://example.com/hook?key=${secret}" "name": "ops"}\n  ]\n}\n`,
    );
    const result = await runCli(['watch', '@TGS#aLive', '--duration', '1'], env);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(
      /The settings file .*config\.json is not valid JSON at line 3, column 85: fix it there/,
    );
    expect(result.stderr).not.toContain(secret);
    expect(result.stderr).not.toContain('example.com');
  });

  it('finds the first wrong character wherever JSON.parse stops', () => {
    const at = (text: string) => {
      try {
        parseSettingsJson(text);
        return 'valid';
      } catch (error) {
        return (error as Error).message;
      }
    };
    expect(at('{"a": 1,}')).toBe('not valid JSON at line 1, column 9');
    expect(at('{\n  "a": tru\n}')).toBe('not valid JSON at line 2, column 11');
    expect(at('{"a": "unclosed')).toBe('not valid JSON at line 1, column 16');
    expect(at('\uFEFF  ')).toBe('valid');
  });
});

describe('folders Headcount makes are for this account alone', () => {
  it('makes the settings, alert log and history folders 0700', async () => {
    const root = mkdtempSync(join(tmpdir(), 'headcount-folders-'));
    const config = join(root, 'new', 'place', 'config.json');
    const run = await startServe(['@TGS#aLive'], envAt(config));
    await run.stop();
    for (const folder of [
      join(root, 'new'),
      join(root, 'new', 'place'),
      join(root, 'new', 'place', 'history'),
    ]) {
      expect(existsSync(folder), folder).toBe(true);
      expect(statSync(folder).mode & 0o777, folder).toBe(0o700);
    }
  });
});

describe('headcount alerts --rule', () => {
  it('is a usage error for a rule that does not exist, listing the rules', async () => {
    const result = await runCli(['alerts', '--rule', 'bogus'], simulatorEnv(sim));
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(
      /--rule takes one of above, below, spike, drop, peak, milestone, failing, stale, closed, auth, account, session, push-failing \(got "bogus"\)/,
    );
  });
});
