import { chmodSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RunningSimulator, startSimulator } from '../../../main/simulator';
import { runCli, simulatorEnv } from '../../support/cli';
import { eventually } from '../../support/eventually';
import { startServe } from './serve-run';

let sim: RunningSimulator;
beforeAll(async () => {
  sim = await startSimulator({
    rooms: [{ groupId: '@TGS#aLive', audience: { kind: 'fixed', online: 1234 } }],
  });
});
afterAll(() => sim.close());

const DASHBOARD_TOKEN = 'dashboard-token-5e1f0c9a7b2d4e6f';
const METRICS_TOKEN = 'metrics-token-8c3b7a9d1e2f4a6b0c';

function tokenFiles(): { dashboard: string; metrics: string } {
  const folder = mkdtempSync(join(tmpdir(), 'headcount-tokens-'));
  const write = (name: string, text: string) => {
    const file = join(folder, name);
    writeFileSync(file, `${text}\n`);
    chmodSync(file, 0o600);
    return file;
  };
  return { dashboard: write('serve-token', DASHBOARD_TOKEN), metrics: write('metrics-token', METRICS_TOKEN) };
}

describe('headcount serve: a token for /metrics alone', () => {
  it('opens /metrics with the metrics token as a bearer token, and nothing else, nor in a URL', async () => {
    const files = tokenFiles();
    const run = await startServe(
      ['@TGS#aLive'],
      simulatorEnv(sim, {
        HEADCOUNT_SERVE_TOKEN_FILE: files.dashboard,
        HEADCOUNT_METRICS_TOKEN_FILE: files.metrics,
      }),
    );
    try {
      expect(run.token).toBe(DASHBOARD_TOKEN);
      // The line after the dashboard's link, which may reach this process a moment later.
      const said = await eventually(
        () => /^Metrics: http:\/\/127\.0\.0\.1:\d+\/metrics \((.+)\)$/m.exec(run.stdout())?.[1],
        'the metrics line',
      );
      expect(said).toBe('send the metrics token as a bearer token');
      expect(run.stdout()).not.toContain(METRICS_TOKEN);
      const bearer = (token: string) => ({ headers: { authorization: `Bearer ${token}` } });
      const scrape = await run.get('/metrics', bearer(METRICS_TOKEN));
      expect(scrape.status).toBe(200);
      expect(scrape.text).toMatch(/^# TYPE headcount_room_state gauge$/m);
      expect((await run.get('/metrics', bearer(DASHBOARD_TOKEN))).status).toBe(200);
      expect((await run.get(`/metrics?token=${METRICS_TOKEN}`)).status).toBe(403);
      expect((await run.get('/', bearer(METRICS_TOKEN))).status).toBe(403);
      expect((await run.get('/api/events', bearer(METRICS_TOKEN))).status).toBe(403);
      expect((await run.call('getSnapshot', [], METRICS_TOKEN)).status).toBe(403);
      expect((await run.call('setPaused', [true], METRICS_TOKEN)).status).toBe(403);
    } finally {
      expect((await run.stop()).code).toBe(0);
    }
  });

  it('refuses a short metrics token, the dashboard token again, and a token file others can read', async () => {
    const files = tokenFiles();
    const refused = async (extra: Record<string, string>) => {
      const result = await runCli(['serve', '--port', '0', '@TGS#aLive'], simulatorEnv(sim, extra));
      expect(result.code).toBe(2);
      return result.stderr;
    };
    expect(await refused({ HEADCOUNT_METRICS_TOKEN: 'short' })).toContain(
      'The metrics token must be at least 16 characters long (got 5).',
    );
    expect(
      await refused({ HEADCOUNT_SERVE_TOKEN: METRICS_TOKEN, HEADCOUNT_METRICS_TOKEN_FILE: files.metrics }),
    ).toContain('The metrics token is the dashboard token');
    chmodSync(files.metrics, 0o644);
    const stderr = await refused({ HEADCOUNT_METRICS_TOKEN_FILE: files.metrics });
    expect(stderr).toContain(`The metrics token file ${files.metrics} can be read by other users (mode 644)`);
    expect(stderr).not.toContain(METRICS_TOKEN);
  });
});
