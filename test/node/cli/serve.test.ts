import { readFileSync, writeFileSync } from 'node:fs';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type {
  AddRoomsResult,
  AlertView,
  ChartData,
  MonitorSnapshot,
  RoomView,
} from '../../../main/contract/monitor-api';
import { type RunningSimulator, startSimulator } from '../../../main/simulator';
import { runCli, simulatorEnv } from '../../support/cli';
import { eventually } from '../../support/eventually';
import { type ServeRun, sample, startServe } from '../serve/serve-run';

let sim: RunningSimulator;
const running = new Set<ServeRun>();
/**
 * One serve of two rooms with the default settings, shared by the tests that read it or change only
 * what they put back (a room added, a pause resumed): started by the first that asks for it, stopped
 * with the file. Each serve of its own costs a process start and a stop.
 */
let shared: ServeRun | undefined;

beforeAll(async () => {
  sim = await startSimulator({
    rooms: [
      { groupId: '@TGS#aLive', name: 'Launch Day', audience: { kind: 'fixed', online: 1234 } },
      { groupId: '@TGS#aSecond', audience: { kind: 'fixed', online: 50 } },
      { groupId: '@TGS#aNew', name: 'Late Show', audience: { kind: 'fixed', online: 777 } },
      { groupId: '@TGS#aFaulty', audience: { kind: 'fixed', online: 10 } },
      { groupId: '@TGS#aRising', audience: { kind: 'fixed', online: 100 } },
      { groupId: 'club', name: 'Fan Club', type: 'Public', audience: { kind: 'fixed', online: 5 } },
    ],
  });
});
afterAll(async () => {
  const result = await shared?.stop();
  await sim.close();
  if (result) expect(result.code).toBe(0);
});
afterEach(async () => {
  sim.control.clearFaults();
  const stopped = await Promise.all([...running].map((run) => run.stop()));
  running.clear();
  // Every run ends as a service manager's SIGTERM asks: cleanly, exit 0.
  for (const result of stopped) expect(result.code).toBe(0);
});

/** The simulator's credentials, a settings file naming the profile and one room's label. */
function envWithSettings(
  overrides: Record<string, string> = {},
  more: Record<string, unknown> = {},
): NodeJS.ProcessEnv {
  const env = simulatorEnv(sim, overrides);
  writeFileSync(
    env.HEADCOUNT_CONFIG as string,
    JSON.stringify({
      profile: { label: 'Events' },
      rooms: { '@TGS#aLive': { label: 'Launch Day' } },
      ...more,
    }),
  );
  return env;
}

async function serve(args: string[], env = envWithSettings()): Promise<ServeRun> {
  const run = await startServe(args, env);
  running.add(run);
  return run;
}

/**
 * The shared serve of `@TGS#aLive` and `@TGS#aSecond`, polled every second, holding only the
 * bodies this test reads (the page's script, read by another, names UserSigs in its code).
 */
async function sharedServe(): Promise<ServeRun> {
  shared ??= await startServe(['@TGS#aLive', '@TGS#aSecond', '--interval', '1'], envWithSettings());
  shared.bodies.length = 0;
  return shared;
}

async function snapshot(run: ServeRun): Promise<MonitorSnapshot> {
  const { status, body } = await run.call<MonitorSnapshot>('getSnapshot', []);
  expect(status).toBe(200);
  return body.value;
}

const room = (snap: MonitorSnapshot, groupId: string): RoomView | undefined =>
  snap.rooms.find((r) => r.groupId === groupId);

/** No response ever carries the secret key or a UserSig (TLSSigAPIv2 sigs are zlib in base64: "eJ"). */
function expectNoSecrets(run: ServeRun): void {
  const everything = run.bodies.join('\n') + run.stdout() + run.stderr();
  expect(everything).not.toContain(sim.credentials.secretKey);
  expect(everything).not.toMatch(/usersig/i);
  expect(everything).not.toMatch(/"eJ[\w*-]{20,}/);
}

describe('headcount serve: the link and the token', () => {
  it('prints the dashboard link with its token on a line of its own, and every request needs that token', async () => {
    const run = await sharedServe();
    expect(run.stdout()).toMatch(/^Dashboard: http:\/\/127\.0\.0\.1:\d+\/\?token=[\w-]{43}$/m);

    const bare = await run.get('/');
    expect(bare.status).toBe(401);
    expect(bare.headers.get('www-authenticate')).toBe('Bearer realm="headcount"');
    expect((await run.get('/?token=not-the-token')).status).toBe(403);
    expect((await run.get('/popover.js')).status).toBe(401);
    expect((await run.get('/metrics')).status).toBe(401);
    expect((await run.get('/api/events')).status).toBe(401);
    const noToken = await run.call('getSnapshot', [], null);
    expect(noToken).toMatchObject({
      status: 401,
      body: { ok: false, error: expect.stringMatching(/token/) },
    });
    expect((await run.call('getSnapshot', [], 'x'.repeat(43))).status).toBe(403);

    const page = await run.get(new URL(run.link).pathname + new URL(run.link).search);
    expect(page.status).toBe(200);
    // The page brings its own script and stylesheet, allowed by their hashes and nothing else inline.
    expect(page.text).not.toContain('src="popover.js"');
    expect(page.text).toContain('<style id="headcount-style">');
    // The first snapshot comes in the page after the script, as data the CSP has no reason to stop.
    expect(page.text).toMatch(
      /<script type="module" async>[\s\S]+<\/script><script type="application\/json" id="headcount-snapshot"/,
    );
    expect(page.headers.get('content-security-policy')).toMatch(
      /script-src 'self' 'sha256-[A-Za-z0-9+/]+=*';/,
    );
    expect(page.headers.get('content-security-policy')).not.toMatch(/unsafe-inline/);
    expect(page.headers.get('referrer-policy')).toBe('no-referrer');
    // The page's own script and styles load with the cookie the page set (GET only).
    const cookie = (page.headers.get('set-cookie') ?? '').split(';')[0] as string;
    expect(page.headers.get('set-cookie')).toMatch(/HttpOnly; SameSite=Strict/);
    const script = await run.get('/popover.js', { headers: { cookie } });
    expect(script.status).toBe(200);
    expect(script.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    const byCookie = await fetch(`${run.base}/api/getSnapshot`, {
      method: 'POST',
      headers: { cookie, 'content-type': 'application/json' },
      body: '[]',
    });
    expect(byCookie.status).toBe(401);
    expect((await run.get('/../package.json', { headers: { cookie } })).status).toBe(404);
  });

  it('refuses to listen beyond loopback without a token set by the user', async () => {
    const refused = await runCli(['serve', '--host', '0.0.0.0', '--port', '0'], envWithSettings());
    expect(refused.code).toBe(2);
    expect(refused.stderr).toMatch(
      /Refusing to serve on 0\.0\.0\.0 with a random token: anyone on the network could reach the dashboard\. Set a token of at least 16 characters with HEADCOUNT_SERVE_TOKEN \(or --token\)/,
    );
    const short = await runCli(
      ['serve', '--host', '0.0.0.0', '--port', '0', '--token', 'short'],
      envWithSettings(),
    );
    expect(short.code).toBe(2);
    expect(short.stderr).toMatch(/at least 16 characters long \(got 5\)/);
  });

  it('listens beyond loopback with the user token, warns, and takes no secret key from the browser there', async () => {
    const token = 'a-team-token-of-32-characters-ok';
    const run = await serve(
      ['@TGS#aLive', '--host', '0.0.0.0'],
      envWithSettings({ HEADCOUNT_SERVE_TOKEN: token }),
    );
    expect(run.token).toBe(token);
    expect(run.stderr()).toMatch(
      /warning: the dashboard is reachable from the network \(listening on 0\.0\.0\.0/,
    );
    expect((await snapshot(run)).profiles[0]?.label).toBe('Events');
    const refused = await run.call('testConnection', [
      { label: 'Other', sdkAppId: 1, identifier: 'admin', endpoint: sim.baseUrl, secretKey: 'typed-in' },
    ]);
    expect(refused).toMatchObject({
      status: 403,
      body: { ok: false, error: expect.stringMatching(/clear text/) },
    });
  });

  it('says so when the port is taken', async () => {
    const first = await sharedServe();
    const port = new URL(first.base).port;
    const second = await runCli(['serve', '@TGS#aLive', '--port', port], envWithSettings());
    expect(second.code).toBe(2);
    expect(second.stderr).toContain(`Port ${port} on 127.0.0.1 is in use: choose another with --port`);
  });

  it('stops cleanly on SIGTERM and on SIGINT', async () => {
    const first = await startServe(['@TGS#aLive'], envWithSettings());
    expect(await first.stop('SIGTERM')).toMatchObject({ code: 0 });
    const second = await startServe(['@TGS#aLive'], envWithSettings());
    expect(await second.stop('SIGINT')).toMatchObject({ code: 0 });
  });
});

describe('headcount serve: the API', () => {
  it('answers getSnapshot with the profile from the credentials and its rooms, and never a secret', async () => {
    const run = await sharedServe();
    const snap = await eventually(async () => {
      const s = await snapshot(run);
      return room(s, '@TGS#aLive')?.online === 1234 ? s : undefined;
    }, 'the first count');
    expect(snap).toMatchObject({ demo: false, paused: false });
    expect(snap.profiles).toMatchObject([
      {
        id: 'main',
        label: 'Events',
        sdkAppId: sim.credentials.sdkAppId,
        endpoint: sim.baseUrl,
        state: 'running',
      },
    ]);
    expect(snap.profiles[0]?.keyStorage).toBe('this-run-only');
    expect(room(snap, '@TGS#aLive')).toMatchObject({
      key: 'main/@TGS#aLive',
      label: 'Launch Day',
      status: 'live',
    });
    expect(run.stderr()).toMatch(/refreshes online counts about every 10 s/);
    expectNoSecrets(run);
  });

  it('adds rooms: a valid one, and refuses an invalid, a not-live and a duplicate one with reasons', async () => {
    const run = await sharedServe();
    const { status, body } = await run.call<AddRoomsResult>('addRooms', [
      'main',
      ['@TGS#aNew', 'x'.repeat(49), 'club', '@TGS#aLive'],
    ]);
    expect(status).toBe(200);
    expect(body.value.added).toEqual(['main/@TGS#aNew']);
    expect(Object.fromEntries(body.value.refused.map((r) => [r.groupId, r.reason]))).toEqual({
      ['x'.repeat(49)]: 'The group id is 49 bytes long; the limit is 48.',
      club: '"Fan Club" is a Public group, not a live-stream room (AVChatRoom): it has no online count.',
      '@TGS#aLive': 'This room is already watched.',
    });
    const added = await eventually(async () => {
      const r = room(await snapshot(run), '@TGS#aNew');
      return r?.online === 777 ? r : undefined;
    }, 'the added room to be counted');
    expect(added.label).toBe('Late Show');
  });

  it('pauses and resumes, returns a room history, and refuses bad arguments with 400 and the reason', async () => {
    const run = await sharedServe();
    // The history keeps whole seconds, and on a loaded machine a poll held up and the next one on
    // its schedule can share one: wait for samples in two different seconds.
    const chart = await eventually(async () => {
      const { body } = await run.call<ChartData>('getChart', ['main/@TGS#aLive', 'live']);
      const { online, at } = body.value;
      return online.filter((n) => n !== null).length >= 2 && (at.at(-1) as number) > (at[0] as number)
        ? body.value
        : undefined;
    }, 'samples of history in two seconds');
    expect(chart.online.slice(0, 2)).toEqual([1234, 1234]);
    expect(chart.at.every((at, i) => i === 0 || at >= (chart.at[i - 1] as number))).toBe(true);
    expect(chart.at.at(-1)).toBeGreaterThan(chart.at[0] as number);

    expect(await run.call('setPaused', [true])).toEqual({ status: 200, body: { ok: true } });
    const paused = await snapshot(run);
    expect(paused.paused).toBe(true);
    expect(paused.profiles[0]?.state).toBe('paused');
    await run.call('setPaused', [false]);
    expect((await snapshot(run)).profiles[0]?.state).toBe('running');

    const bad = await run.call('setPaused', ['yes']);
    expect(bad.status).toBe(400);
    expect(bad.body).toEqual({
      ok: false,
      error: expect.stringMatching(/^Refused setPaused: .*expected boolean/s),
    });
    expect((await run.call('addRooms', ['main'])).status).toBe(400);
    expect((await run.call('getSnapshot', { not: 'an array' })).status).toBe(400);
    const unknown = await run.call('exportEverything', []);
    expect(unknown).toMatchObject({
      status: 404,
      body: { ok: false, error: 'There is no API method "exportEverything".' },
    });
    const noRoom = await run.call('retryRoom', ['main/@TGS#nowhere']);
    expect(noRoom).toMatchObject({
      status: 422,
      body: { ok: false, error: 'There is no room "main/@TGS#nowhere".' },
    });
    // Only the snapshot, which changes nothing, is also answered to GET (the page's head asks so).
    expect(
      (await run.get('/api/setPaused', { headers: { authorization: `Bearer ${run.token}` } })).status,
    ).toBe(405);
    expect(
      (await run.get('/api/getSnapshot', { headers: { authorization: `Bearer ${run.token}` } })).status,
    ).toBe(200);
    const notJson = await fetch(`${run.base}/api/getSnapshot`, {
      method: 'POST',
      headers: { authorization: `Bearer ${run.token}`, 'content-type': 'application/json' },
      body: '[1,',
    });
    expect(notJson.status).toBe(400);
    expectNoSecrets(run);
  });

  it('charts and exports a room from the history kept beside the settings file, across runs', async () => {
    const env = envWithSettings();
    const first = await startServe(['@TGS#aLive', '--interval', '1'], env);
    const earlier = await eventually(async () => {
      const { body } = await first.call<ChartData>('getChart', ['main/@TGS#aLive', 'live']);
      return body.value.online.filter((n) => n === 1234).length >= 2 ? body.value : undefined;
    }, 'two points on the chart');
    expect(earlier).toMatchObject({
      range: 'live',
      summary: { peak: { online: 1234 }, min: 1234, avg: 1234 },
    });
    const csv = await first.call<string>('exportCsv', ['main/@TGS#aLive', '1h']);
    expect(csv.body.value.split('\n')[0]).toBe('time,online,min,max');
    expect(csv.body.value).toMatch(/^\d{4}-\d\d-\d\dT[\d:.]+Z,1234,,$/m);
    expect((await first.stop()).code).toBe(0);
    const stoppedAt = Date.now();

    const second = await serve(['@TGS#aLive', '--interval', '1'], env);
    const chart = (await second.call<ChartData>('getChart', ['main/@TGS#aLive', '1h'])).body.value;
    expect(chart.at.filter((at) => at < stoppedAt).length).toBeGreaterThanOrEqual(2);
    const bad = await second.call('getChart', ['main/@TGS#aLive', '2y']);
    expect(bad.status).toBe(400);
  });

  it('keeps serving when the server rejects the credentials, and says why', async () => {
    const badKey = 'a-key-the-server-rejects-5f2c';
    const run = await serve(['@TGS#aLive'], envWithSettings({ HEADCOUNT_SECRET_KEY: badKey }));
    const profile = await eventually(async () => {
      const p = (await snapshot(run)).profiles[0];
      return p?.state === 'auth-failed' ? p : undefined;
    }, 'auth-failed');
    expect(profile.reason).toEqual(expect.any(String));
    await eventually(
      () => (run.stderr().includes('still serving the dashboard') ? true : undefined),
      'the note',
    );
    expect(run.bodies.join('') + run.stdout() + run.stderr()).not.toContain(badKey);
  });

  it('serves the demo show with no credentials', async () => {
    const run = await serve(['--demo'], simulatorEnv(sim, { HEADCOUNT_SECRET_KEY: '' }));
    const snap = await snapshot(run);
    expect(snap.demo).toBe(true);
    expect(snap.rooms.map((r) => r.label)).toContain('Main Stage');
  });

  it('refuses to start without credentials unless --demo', async () => {
    const result = await runCli(
      ['serve', '@TGS#aLive', '--port', '0'],
      simulatorEnv(sim, { HEADCOUNT_SECRET_KEY: '' }),
    );
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/No secret key/);
  });
});

describe('headcount serve: alerts and snoozes', () => {
  it('raises alerts by the settings rules, pushes and logs them, and keeps snoozes in the settings file', async () => {
    const env = envWithSettings({}, { rules: { above: { threshold: 1000, forSeconds: 0 } } });
    const run = await serve(['@TGS#aRising', '--interval', '1'], env);
    const stream = run.events();
    try {
      await eventually(() => stream.pushes.find((p) => p.type === 'snapshot'), 'the stream to start');
      sim.control.setOnline('@TGS#aRising', 1500);
      const pushed = await eventually(
        () => stream.pushes.find((p) => p.type === 'alert' && p.alert.rule === 'above'),
        'an above alert pushed',
      );
      expect(pushed).toMatchObject({
        alert: { roomKey: 'main/@TGS#aRising', phase: 'firing', severity: 'warning' },
      });
    } finally {
      stream.close();
    }
    const logged = await run.call<AlertView[]>('listAlerts', [{ key: 'main/@TGS#aRising' }]);
    expect(logged.body.value.map((a) => a.rule)).toContain('above');
    const app = String(sim.credentials.sdkAppId);
    const text = (await run.get(`/metrics?token=${run.token}`)).text;
    expect(
      sample(text, 'headcount_alerts_total', {
        app,
        room: '@TGS#aRising',
        rule: 'above',
        severity: 'warning',
        phase: 'firing',
      }),
    ).toBe(1);

    const target = { kind: 'room', key: 'main/@TGS#aRising' };
    expect(await run.call('snooze', [target, '1h'])).toEqual({ status: 200, body: { ok: true } });
    const until = room(await snapshot(run), '@TGS#aRising')?.snoozedUntil;
    expect(until).toBeGreaterThan(Date.now() + 3_500_000);
    const saved = JSON.parse(readFileSync(env.HEADCOUNT_CONFIG as string, 'utf8'));
    expect(saved.snoozes.snoozes).toEqual([
      { scope: { kind: 'room', profile: 'Events', groupId: '@TGS#aRising' }, until },
    ]);
    // Another process ends the snooze in the file; the running server follows.
    expect((await runCli(['unsnooze', '@TGS#aRising'], env)).code).toBe(0);
    await eventually(
      async () => (room(await snapshot(run), '@TGS#aRising')?.snoozedUntil === null ? true : undefined),
      'the snooze to end',
    );
  });
});

describe('headcount serve: live pushes', () => {
  it('streams a snapshot, then rooms pushes as counts change', async () => {
    const run = await sharedServe();
    const stream = run.events();
    try {
      await eventually(() => stream.pushes.find((p) => p.type === 'snapshot'), 'the first snapshot');
      expect(stream.pushes[0]?.type).toBe('snapshot');
      const onlineIn = (value: number) =>
        stream.pushes.find(
          (p) =>
            p.type === 'rooms' && p.rooms.some((r) => r.groupId === '@TGS#aSecond' && r.online === value),
        );
      await eventually(() => onlineIn(50), 'a rooms push with 50');
      sim.control.setOnline('@TGS#aSecond', 4321);
      await eventually(() => onlineIn(4321), 'a rooms push with 4321');
      sim.control.setOnline('@TGS#aSecond', 50);
    } finally {
      stream.close();
    }
    expectNoSecrets(run);
  });
});

describe('headcount serve: /metrics', () => {
  it('exposes counts per app and room, the total, the rate budget, and counts a 502 as a failed call and poll', async () => {
    const run = await serve(['@TGS#aLive', '@TGS#aFaulty', '--interval', '1', '--max-rate', '50']);
    const app = String(sim.credentials.sdkAppId);
    const metrics = async () =>
      (await run.get('/metrics', { headers: { authorization: `Bearer ${run.token}` } })).text;
    const text = await eventually(async () => {
      const t = await metrics();
      return sample(t, 'headcount_room_online', { app, room: '@TGS#aFaulty' }) === 10 ? t : undefined;
    }, 'both counts in /metrics');
    expect(sample(text, 'headcount_room_online', { app, room: '@TGS#aLive' })).toBe(1234);
    expect(sample(text, 'headcount_rate_cap_calls_per_second', { app })).toBe(50);
    expect(sample(text, 'headcount_app_online', { app })).toBe(1244);
    expect(sample(text, 'headcount_room_info', { app, room: '@TGS#aLive', name: 'Launch Day' })).toBe(1);
    expect(sample(text, 'headcount_app_state', { app, state: 'running' })).toBe(1);
    expect(
      sample(text, 'headcount_request_duration_seconds_count', { app, command: 'get_online_member_num' }),
    ).toBeGreaterThan(0);
    expect(
      sample(text, 'headcount_calls_total', { app, command: 'get_online_member_num', outcome: 'ok' }),
    ).toBeGreaterThan(0);

    sim.control.injectFault({ kind: 'http-502', groupId: '@TGS#aFaulty' });
    const failed = await eventually(async () => {
      const t = await metrics();
      const errors = sample(t, 'headcount_poll_errors_total', {
        app,
        room: '@TGS#aFaulty',
        kind: 'transient',
      });
      return errors !== undefined && errors >= 1 ? t : undefined;
    }, 'a transient poll error in /metrics');
    // A room whose polls fail has no current count: no sample, never 0.
    expect(sample(failed, 'headcount_room_online', { app, room: '@TGS#aFaulty' })).toBeUndefined();
    expect(sample(failed, 'headcount_room_online', { app, room: '@TGS#aLive' })).toBe(1234);
    expect(sample(failed, 'headcount_room_state', { app, room: '@TGS#aFaulty', state: 'failing' })).toBe(1);
    expect(sample(failed, 'headcount_app_online', { app })).toBe(1234);
    expect(
      sample(failed, 'headcount_calls_total', {
        app,
        command: 'get_online_member_num',
        outcome: 'transient',
      }),
    ).toBeGreaterThanOrEqual(1);

    const byQuery = await run.get(`/metrics?token=${run.token}`);
    expect(byQuery.status).toBe(200);
    expect(byQuery.headers.get('content-type')).toMatch(/^text\/plain; version=0\.0\.4/);
    expectNoSecrets(run);
  });
});
