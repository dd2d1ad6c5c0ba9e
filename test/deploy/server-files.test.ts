import {
  chmodSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RunningSimulator, startSimulator } from '../../main/simulator';
import { sample, startServe } from '../node/serve/serve-run';
import { cliEnv } from '../support/cli';
import { DEPLOY, installed, run, tool } from './support/tools';

const UNIT = join(DEPLOY, 'systemd/headcount-serve.service');
const scratch = mkdtempSync(join(tmpdir(), 'headcount-server-files-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

/** The [Service] settings of the unit, each key with its values in order. */
function serviceSettings(): Map<string, string[]> {
  const settings = new Map<string, string[]>();
  let section = '';
  for (const raw of readFileSync(UNIT, 'utf8').split('\n')) {
    const line = raw.trim();
    if (line === '' || line.startsWith('#')) continue;
    const header = /^\[(\w+)\]$/.exec(line);
    if (header) section = header[1] as string;
    else if (section === 'Service') {
      const [key, ...value] = line.split('=');
      settings.set(key as string, [...(settings.get(key as string) ?? []), value.join('=')]);
    }
  }
  return settings;
}

const setting = (key: string) => serviceSettings().get(key) ?? [];

/** The unit with its program swapped for one that exists here: systemd-analyze checks the path. */
function checkableUnit(): string {
  const program = join(scratch, 'headcount');
  writeFileSync(program, '#!/bin/sh\n', { mode: 0o755 });
  const unit = join(scratch, 'headcount-serve.service');
  writeFileSync(unit, readFileSync(UNIT, 'utf8').replaceAll('/usr/local/bin/headcount', program));
  return unit;
}

const analyze = installed('systemd-analyze');
const verifyTitle = analyze
  ? 'passes systemd-analyze verify without a warning'
  : 'systemd-analyze verify — SKIPPED: systemd-analyze is not installed (Debian package systemd; .ci/run installs it)';
const securityTitle = analyze
  ? 'is hardened: systemd-analyze security rates its exposure 2.0 or less'
  : 'systemd-analyze security — SKIPPED: systemd-analyze is not installed (Debian package systemd; .ci/run installs it)';

describe('the systemd unit', () => {
  it.skipIf(!analyze)(verifyTitle, async () => {
    const verified = await run(analyze as string, ['verify', checkableUnit()]);
    expect(verified.stdout + verified.stderr).toBe('');
    expect(verified.code).toBe(0);
  });

  it.skipIf(!analyze)(securityTitle, async () => {
    const rated = await run(analyze as string, [
      'security',
      '--offline=yes',
      '--threshold=20',
      checkableUnit(),
    ]);
    expect(rated.stdout).toMatch(/Overall exposure level for headcount-serve\.service: [01]\.\d OK/);
    expect(rated.code).toBe(0);
  });

  it('hands the secrets over as credentials, keeps history in a state directory, and runs hardened', () => {
    expect(setting('LoadCredential').map((c) => c.split(':')[0])).toEqual([
      'secret-key',
      'serve-token',
      'metrics-token',
    ]);
    const environment = setting('Environment');
    expect(environment).toContain('HEADCOUNT_SECRET_KEY_FILE=%d/secret-key');
    expect(environment.some((line) => /^HEADCOUNT_(SECRET_KEY|SERVE_TOKEN|METRICS_TOKEN)=/.test(line))).toBe(
      false,
    );
    expect(setting('StateDirectory')).toEqual(['headcount']);
    expect(environment).toContain('HEADCOUNT_CONFIG=%S/headcount/config.json');
    for (const [key, value] of Object.entries({
      DynamicUser: 'yes',
      ProtectSystem: 'strict',
      NoNewPrivileges: 'yes',
      ProtectHome: 'yes',
      PrivateTmp: 'yes',
      CapabilityBoundingSet: '',
    }))
      expect(setting(key), key).toEqual([value]);
  });
});

describe('headcount serve started as the unit starts it', () => {
  let sim: RunningSimulator;
  beforeAll(async () => {
    sim = await startSimulator({
      rooms: [{ groupId: '@TGS#aLive', audience: { kind: 'fixed', online: 321 } }],
    });
  });
  afterAll(() => sim.close());

  it('reads its key and tokens from $CREDENTIALS_DIRECTORY as systemd leaves them, and keeps history in the state directory', async () => {
    // What systemd does before it starts the service: each credential copied in a folder of its
    // own, mode 0400 plus an ACL for the service's user, which shows as 0440; the state folder made.
    const credentials = join(scratch, 'credentials');
    mkdirSync(credentials, { mode: 0o500 });
    const secrets: Record<string, string> = {
      'secret-key': sim.credentials.secretKey,
      'serve-token': 'dashboard-9d2f61c0e4b7a853',
      'metrics-token': 'prometheus-3a8e0f7c1d5b2946',
    };
    for (const credential of setting('LoadCredential')) {
      const id = credential.split(':')[0] as string;
      const file = join(credentials, id);
      writeFileSync(file, `${secrets[id]}\n`);
      chmodSync(file, 0o440);
    }
    const stateRoot = join(scratch, 'var-lib');
    mkdirSync(join(stateRoot, 'headcount'), { recursive: true, mode: 0o700 });
    const unitEnv = Object.fromEntries(
      setting('Environment').map((line) => {
        const [key, ...value] = line.split('=');
        return [key, value.join('=').replaceAll('%d', credentials).replaceAll('%S', stateRoot)];
      }),
    );
    // The unit's command line, with the test's groups file and a free port.
    const argv = (setting('ExecStart')[0] as string).split(/\s+/);
    expect(argv.slice(0, 2)).toEqual(['/usr/local/bin/headcount', 'serve']);
    const rooms = join(scratch, 'rooms.txt');
    writeFileSync(rooms, '@TGS#aLive\n');
    const args = argv.slice(2).flatMap((arg, i, all) => {
      if (arg === '--port' || all[i - 1] === '--port') return [];
      return all[i - 1] === '--groups-file' ? [rooms] : [arg];
    });
    // The environment file's ids, pointed at the simulator instead of a region.
    const env = cliEnv({
      HEADCOUNT_SDKAPPID: String(sim.credentials.sdkAppId),
      HEADCOUNT_IDENTIFIER: sim.credentials.identifier,
      HEADCOUNT_ENDPOINT: sim.baseUrl,
      CREDENTIALS_DIRECTORY: credentials,
      ...unitEnv,
    });
    const served = await startServe(args, env);
    try {
      expect(served.token).toBe(secrets['serve-token']);
      const scrape = await served.get('/metrics', {
        headers: { authorization: `Bearer ${secrets['metrics-token']}` },
      });
      expect(scrape.status).toBe(200);
      expect(
        sample(scrape.text, 'headcount_room_info', {
          app: String(sim.credentials.sdkAppId),
          room: '@TGS#aLive',
          name: '@TGS#aLive',
        }),
      ).toBe(1);
      const history = join(stateRoot, 'headcount', 'history');
      expect(existsSync(history)).toBe(true);
      expect(statSync(history).isDirectory()).toBe(true);
      expect(served.stderr()).not.toContain('warning');
    } finally {
      expect((await served.stop()).code).toBe(0);
    }
  });
});

describe('the TLS proxy example', () => {
  it('passes caddy validate', async () => {
    const home = join(scratch, 'caddy-home');
    const validated = await run(
      tool('caddy', 'caddy'),
      ['validate', '--adapter', 'caddyfile', '--config', join(DEPLOY, 'caddy/Caddyfile')],
      { env: { PATH: process.env.PATH, HOME: home, XDG_DATA_HOME: home, XDG_CONFIG_HOME: home } },
    );
    expect(validated.stdout + validated.stderr).toContain('Valid configuration');
    expect(validated.code).toBe(0);
  });
});
