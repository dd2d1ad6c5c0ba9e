/**
 * `headcount serve` and HEADCOUNT_OVERLAY_TOKEN: the token checked before anything starts, the
 * overlay link printed with a watched room, the overlay off (and saying how to turn it on) without
 * the token, and the API telling the dashboard how the overlay stands.
 */
import { chmodSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { OverlayView } from '../../../main/contract/monitor-api';
import { type RunningSimulator, startSimulator } from '../../../main/simulator';
import { runCli, simulatorEnv } from '../../support/cli';
import { eventually } from '../../support/eventually';
import { type ServeRun, startServe } from '../serve/serve-run';

const OVERLAY_TOKEN = 'an-overlay-token-for-obs';
let sim: RunningSimulator;
const running = new Set<ServeRun>();

beforeAll(async () => {
  sim = await startSimulator({
    rooms: [{ groupId: '@TGS#a Live', audience: { kind: 'fixed', online: 1234 } }],
  });
});
afterAll(() => sim.close());
afterEach(async () => {
  const stopped = await Promise.all([...running].map((run) => run.stop()));
  running.clear();
  for (const result of stopped) expect(result.code).toBe(0);
});

async function serve(env: Record<string, string> = {}): Promise<ServeRun> {
  const run = await startServe(['@TGS#a Live'], simulatorEnv(sim, env));
  running.add(run);
  return run;
}

describe('headcount serve with an overlay token', () => {
  it('reads the overlay token from the file HEADCOUNT_OVERLAY_TOKEN_FILE names, refused when others can read it', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'headcount-overlay-token-'));
    const file = join(folder, 'overlay-token');
    writeFileSync(file, `${OVERLAY_TOKEN}\n`, { mode: 0o644 });
    const open = await runCli(
      ['serve', '--port', '0'],
      simulatorEnv(sim, { HEADCOUNT_OVERLAY_TOKEN_FILE: file }),
    );
    expect(open.code).toBe(2);
    expect(open.stderr).toContain(`The overlay token file ${file} can be read by other users`);
    chmodSync(file, 0o600);
    const run = await serve({ HEADCOUNT_OVERLAY_TOKEN_FILE: file });
    await eventually(
      () => (run.stdout().includes(`&token=${OVERLAY_TOKEN}\n`) ? true : undefined),
      'the overlay link',
    );
  });

  it('prints the overlay link with a watched room, URL-encoded, and the link opens the overlay', async () => {
    const run = await serve({ HEADCOUNT_OVERLAY_TOKEN: OVERLAY_TOKEN });
    // Printed after the dashboard's line, which is all startServe waits for.
    const link = await eventually(
      () => /^Overlay for OBS: (\S+)$/m.exec(run.stdout())?.[1],
      'the overlay link',
    );
    expect(link).toBe(`${run.base}/overlay?room=%40TGS%23a+Live&token=${OVERLAY_TOKEN}`);
    const page = await run.get(new URL(link).pathname + new URL(link).search);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(page.headers.get('x-frame-options')).toBeNull();
    expect(page.headers.get('content-security-policy')).toContain("frame-ancestors 'self'");
    expect(page.headers.get('set-cookie')).toBeNull();
    const { body } = await run.call<OverlayView>('getOverlay', []);
    expect(body.value).toEqual({
      switchable: false,
      on: true,
      origin: null,
      token: OVERLAY_TOKEN,
      port: null,
      problem: null,
    });
    const refused = await run.call('setOverlay', [{ newLink: true }]);
    expect(refused).toMatchObject({
      status: 422,
      body: { error: expect.stringMatching(/HEADCOUNT_OVERLAY_TOKEN/) },
    });
  });

  it('serves no overlay without the token, and says how to turn it on', async () => {
    const run = await serve();
    await eventually(() => (run.stdout().includes('Press Ctrl-C') ? true : undefined), 'the last line');
    expect(run.stdout()).not.toContain('Overlay');
    const page = await run.get(`/overlay?room=x&token=${OVERLAY_TOKEN}`);
    expect(page.status).toBe(404);
    expect(page.text).toMatch(/start headcount serve with HEADCOUNT_OVERLAY_TOKEN set/);
    const { body } = await run.call<OverlayView>('getOverlay', []);
    expect(body.value).toMatchObject({ on: false, token: null, problem: { kind: 'no-token' } });
  });

  it('refuses a short overlay token, and the dashboard’s own, before it starts', async () => {
    const short = await runCli(
      ['serve', '--port', '0'],
      simulatorEnv(sim, { HEADCOUNT_OVERLAY_TOKEN: 'short' }),
    );
    expect(short.code).toBe(2);
    expect(short.stderr).toMatch(/HEADCOUNT_OVERLAY_TOKEN must be at least 16 characters long \(got 5\)/);
    const same = await runCli(
      ['serve', '--port', '0'],
      simulatorEnv(sim, { HEADCOUNT_SERVE_TOKEN: OVERLAY_TOKEN, HEADCOUNT_OVERLAY_TOKEN: OVERLAY_TOKEN }),
    );
    expect(same.code).toBe(2);
    expect(same.stderr).toMatch(/HEADCOUNT_OVERLAY_TOKEN must differ from the dashboard and metrics tokens/);
    // Sent as a bearer token, the metrics token opens /metrics: the OBS link must not carry it.
    const metrics = await runCli(
      ['serve', '--port', '0'],
      simulatorEnv(sim, { HEADCOUNT_METRICS_TOKEN: OVERLAY_TOKEN, HEADCOUNT_OVERLAY_TOKEN: OVERLAY_TOKEN }),
    );
    expect(metrics.code).toBe(2);
    expect(metrics.stderr).toMatch(
      /HEADCOUNT_OVERLAY_TOKEN must differ from the dashboard and metrics tokens/,
    );
  });
});
