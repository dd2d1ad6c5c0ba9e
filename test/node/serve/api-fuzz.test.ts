import { writeFileSync } from 'node:fs';
import fc from 'fast-check';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { MONITOR_METHODS } from '../../../main/contract/monitor-api';
import { type RunningSimulator, startSimulator } from '../../../main/simulator';
import { simulatorEnv } from '../../support/cli';
import { type Stranger, startStranger } from '../../support/stranger';
import { type ServeRun, startServe } from './serve-run';

/**
 * Every `/api/*` method of a running `headcount serve`, called with generated arguments: some
 * shaped like the real ones (room keys, profiles, rules, endpoints, keys), some any JSON at all.
 * Whatever comes in, serve answers with a status of its own (never 500), keeps running, sends
 * nothing anywhere but the simulator unless the call itself carried a key for elsewhere, and no
 * answer holds the secret key or a UserSig.
 */
const TOKEN = 'kG3v-Qx9Lm2Tz7Rp4Wb8Ny5Hc1Js6';
const ROOM = '@TGS#aLive';
const RUNS = 200;
const ANSWERED = new Set([200, 400, 403, 404, 405, 413, 415, 421, 422]);

let sim: RunningSimulator;
let stranger: Stranger;
let run: ServeRun | null = null;
beforeAll(async () => {
  sim = await startSimulator({
    rooms: [
      { groupId: ROOM, name: 'Launch Day', audience: { kind: 'fixed', online: 1234 } },
      { groupId: 'club', type: 'Public', audience: { kind: 'fixed', online: 5 } },
    ],
  });
  stranger = await startStranger();
});
afterAll(async () => {
  await sim.close();
  await stranger.close();
});
afterEach(async () => {
  if (run) expect((await run.stop()).code).toBe(0);
  run = null;
});

/** Arguments shaped like each method's, with values from the run and from anywhere. */
function argumentsFor(method: string) {
  // Mostly values the run knows, so calls get past the checks and into the engine; some anything.
  const likely = <T>(known: fc.Arbitrary<T>, other: fc.Arbitrary<unknown>) =>
    fc.oneof({ weight: 3, arbitrary: known }, { weight: 1, arbitrary: other });
  const text = likely(
    fc.constantFrom('main', ROOM, 'club', 'demo', '', 'main/'),
    fc.string({ maxLength: 60 }),
  );
  const roomKey = likely(fc.constantFrom(`main/${ROOM}`, 'main/club', 'main/@TGS#aGone'), text);
  // The stranger most often: a profile's endpoint is where a saved key could be sent astray.
  const endpoint = fc.constantFrom(
    stranger.baseUrl,
    stranger.baseUrl,
    sim.baseUrl,
    'http://example.com',
    'https://127.0.0.1:1',
    'ftp://x',
  );
  const where = fc.oneof(
    { weight: 4, arbitrary: fc.record({ endpoint }) },
    { weight: 1, arbitrary: fc.record({ region: fc.constantFrom('singapore', 'nowhere') }) },
    { weight: 1, arbitrary: fc.record({ region: fc.constant('tokyo'), endpoint }) },
  );
  const profile = fc
    .tuple(
      fc.record(
        {
          id: likely(fc.constant('main'), text),
          label: likely(fc.constantFrom('Headcount', 'Other'), text),
          sdkAppId: likely(fc.constant(sim.credentials.sdkAppId), fc.integer()),
          identifier: likely(fc.constant(sim.credentials.identifier), text),
          secretKey: likely(fc.constant(sim.credentials.secretKey), text),
          allowWeakStorage: fc.boolean(),
        },
        { requiredKeys: ['id', 'label', 'sdkAppId', 'identifier'] },
      ),
      where,
    )
    .map(([fields, place]) => ({ ...fields, ...place }));
  const duration = fc.oneof(fc.double(), fc.integer(), fc.constantFrom(1e12, -1, 0, 10));
  const rules = fc.record(
    {
      above: fc.oneof(fc.constant(null), fc.record({ threshold: fc.integer(), forSeconds: duration })),
      spike: fc.oneof(
        fc.constant(null),
        fc.record({ percent: duration, people: fc.integer(), windowSeconds: duration }),
      ),
      repeatMinutes: duration,
      stale: fc.boolean(),
    },
    { requiredKeys: [] },
  );
  const shaped: Record<string, fc.Arbitrary<unknown[]>> = {
    addRooms: fc.tuple(
      fc.oneof(fc.constant('main'), text),
      fc.array(fc.oneof(fc.constant(ROOM), text), { maxLength: 5 }),
    ),
    removeRoom: fc.tuple(roomKey),
    retryRoom: fc.tuple(roomKey),
    setPinned: fc.tuple(roomKey, fc.boolean()),
    getHistory: fc.tuple(roomKey, fc.oneof(fc.integer(), fc.double())),
    setPaused: fc.tuple(fc.boolean()),
    snooze: fc.tuple(
      fc.oneof(fc.constant({ kind: 'all' }), fc.record({ kind: fc.constant('room'), key: roomKey })),
      fc.constantFrom('15m', '1h', '4h', 'tomorrow-morning', 'forever'),
    ),
    unsnooze: fc.tuple(
      fc.oneof(fc.constant({ kind: 'all' }), fc.record({ kind: fc.constant('profile'), profileId: text })),
    ),
    saveProfile: fc.tuple(profile),
    // Never `main` itself: the rest of the run would meet a profile that is gone.
    removeProfile: fc.tuple(fc.string({ maxLength: 20 })),
    testConnection: fc.tuple(profile),
    listAlerts: fc.tuple(
      fc.record({ sinceMs: fc.integer(), key: roomKey, limit: fc.integer() }, { requiredKeys: [] }),
    ),
    listAlertEntries: fc.tuple(fc.record({ limit: fc.integer(), rule: text }, { requiredKeys: [] })),
    acknowledgeAlert: fc.tuple(text),
    findLiveRooms: fc.tuple(fc.constant('main'), fc.oneof(fc.constant('0'), fc.bigInt().map(String))),
    setPolling: fc.tuple(
      fc.constant('main'),
      fc.record({ intervalSeconds: duration, maxRate: fc.integer() }),
    ),
    getSettings: fc.constant([]),
    updateSettings: fc.tuple(fc.record({ rules, quietHours: fc.constant(null) }, { requiredKeys: [] })),
    getChart: fc.tuple(roomKey, fc.constantFrom('live', '1h', '6h', '24h', '7d', '2y')),
    exportCsv: fc.tuple(roomKey, fc.constantFrom('live', '1h', '7d')),
    getSparklines: fc.tuple(fc.array(roomKey, { maxLength: 5 })),
    getRoomRules: fc.tuple(roomKey),
    setRoomRules: fc.tuple(roomKey, fc.oneof(fc.constant(null), rules)),
    getRoomPush: fc.tuple(roomKey),
    setRoomPush: fc.tuple(
      roomKey,
      fc.oneof(
        fc.constant(null),
        fc.record({ via: fc.constantFrom('group-attr', 'group-counter', 'message', 'pigeon'), key: text }),
      ),
      fc.boolean(),
    ),
  };
  // Anything at all, as a hand-written request might send: not an array, nulls, nesting.
  const anything = fc.jsonValue({ maxDepth: 3 }).map((value) => (Array.isArray(value) ? value : [value]));
  return fc.oneof(
    { weight: 4, arbitrary: shaped[method] ?? fc.constant([]) },
    { weight: 1, arbitrary: anything },
  );
}

// The methods that take a profile (and could use a saved key) come up more often than the rest.
const call = fc
  .oneof(
    { weight: 6, arbitrary: fc.constantFrom('saveProfile', 'testConnection') },
    { weight: 10, arbitrary: fc.constantFrom(...MONITOR_METHODS) },
  )
  .chain((method) => argumentsFor(method).map((args) => ({ method, args })));

async function post(base: string, method: string, body: string) {
  const response = await fetch(`${base}/api/${method}`, {
    method: 'POST',
    headers: { authorization: `Bearer ${TOKEN}`, 'content-type': 'application/json' },
    body,
  });
  return { status: response.status, text: await response.text() };
}

/** No secret key, no UserSig (TLSSigAPIv2 sigs are zlib in base64: "eJ"), in anything served. */
function expectNoSecret(text: string): void {
  expect(text).not.toContain(sim.credentials.secretKey);
  expect(text).not.toMatch(/usersig=/i);
  expect(text).not.toMatch(/eJ[\w*-]{40,}/);
}

describe('every /api/* method, fuzzed', () => {
  it.each([
    ['beyond loopback, where no key comes in: nothing reaches anything but the simulator', '0.0.0.0', 1],
    ['on loopback: only a call that brings a key sends anything elsewhere', '127.0.0.1', 2],
  ])('%s', async (_, host, phase) => {
    const env = simulatorEnv(sim, { HEADCOUNT_SERVE_TOKEN: TOKEN });
    writeFileSync(env.HEADCOUNT_CONFIG as string, '{}');
    const serving = await startServe([ROOM, '--interval', '2', '--host', host], env);
    run = serving;
    const base = `http://127.0.0.1:${new URL(serving.base).port}`;
    stranger.received.length = 0;
    const keyedForStranger: string[] = [];
    let pollingThere = false;
    await fc.assert(
      fc.asyncProperty(call, async ({ method, args }) => {
        const body = JSON.stringify(args);
        const brings = body.includes(stranger.baseUrl) && /"secretKey":/.test(body);
        const before = stranger.received.length;
        const pollingThereBefore = pollingThere;
        const answer = await post(base, method, body);
        // A profile saved with its key for the stranger's endpoint polls there: the user chose so.
        if (method === 'saveProfile' && answer.status === 200) pollingThere = body.includes(stranger.baseUrl);
        expect(ANSWERED.has(answer.status), `${method} ${body} -> ${answer.status} ${answer.text}`).toBe(
          true,
        );
        expect(() => JSON.parse(answer.text)).not.toThrow();
        expectNoSecret(answer.text);
        if (stranger.received.length > before) {
          // Only the user's own choice: a key typed in for that endpoint on loopback, in this call or
          // in the save that moved the polling there.
          const chosen = brings || pollingThere || pollingThereBefore;
          expect(chosen && host === '127.0.0.1', `${method} ${body} reached the stranger`).toBe(true);
          keyedForStranger.push(method);
        }
        expect(serving.stderr()).not.toMatch(/unexpected failure|TypeError|RangeError/);
      }),
      { numRuns: RUNS, seed: Number(process.env.FUZZ_SEED ?? 20261126) + phase },
    );
    expect(
      stranger.received.every((request) => keyedForStranger.length > 0 && request.url.startsWith('/v4/')),
    ).toBe(true);
    expectNoSecret(serving.stdout() + serving.stderr());
  });
});
