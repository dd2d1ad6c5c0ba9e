import { once } from 'node:events';
import http from 'node:http';
import net, { type AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import type { ErrorKind } from '../../main/common/error-kinds';
import { systemClock } from '../../main/core/clock';
import type { HttpPost, HttpRequest } from '../../main/core/http-port';
import { type AppConnection, ImClient, type ImClientOptions } from '../../main/core/im-client';
import type { CallSlot } from '../../main/core/rate-budget';
import type { Endpoint } from '../../main/core/regions';
import { createHttpPost } from '../../main/node/http-post';
import {
  type FaultSpec,
  type RunningSimulator,
  type SimulatorOptions,
  startSimulator,
} from '../../main/simulator';

const LIVE = '@TGS#live';
const PUBLIC = '@TGS#public';

interface HarnessOptions {
  sim?: SimulatorOptions;
  connection?: Partial<Omit<AppConnection, 'endpoint'>>;
  endpoint?: (sim: RunningSimulator) => Endpoint | Promise<Endpoint>;
  client?: Partial<ImClientOptions>;
  /** Trust the simulator's test CA when it serves HTTPS; default true. */
  trustCa?: boolean;
  /** Runs as each request is handed to the transport. */
  onPost?: (request: HttpRequest) => void;
}

interface Harness {
  sim: RunningSimulator;
  client: ImClient;
  /** Every request the client handed to the transport, in order. */
  sent: HttpRequest[];
  /** `acquire` and `post` calls in the order they happened. */
  events: string[];
}

const cleanups: Array<() => unknown> = [];

afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function harness(options: HarnessOptions = {}): Promise<Harness> {
  const sim = await startSimulator({
    rooms: [
      { groupId: LIVE, audience: { kind: 'fixed', online: 1234 } },
      { groupId: PUBLIC, type: 'Public', name: 'Lobby', audience: { kind: 'fixed', online: 5 } },
    ],
    ...options.sim,
  });
  cleanups.push(() => sim.close());
  const transport = createHttpPost(options.trustCa === false ? {} : { ca: sim.caCert });
  cleanups.push(() => transport.close());
  const sent: HttpRequest[] = [];
  const events: string[] = [];
  const post: HttpPost = (request) => {
    sent.push(request);
    events.push('post');
    options.onPost?.(request);
    return transport(request);
  };
  const client = new ImClient({
    connection: {
      ...sim.credentials,
      ...options.connection,
      endpoint: options.endpoint ? await options.endpoint(sim) : { primary: sim.baseUrl },
    },
    post,
    clock: systemClock,
    acquire: async () => {
      events.push('acquire');
    },
    ...options.client,
  });
  return { sim, client, sent, events };
}

async function closedPortUrl(): Promise<string> {
  const server = http.createServer();
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as AddressInfo;
  server.close();
  await once(server, 'close');
  return `http://127.0.0.1:${port}`;
}

function fault(spec: FaultSpec): (sim: RunningSimulator) => void {
  return (sim) => sim.control.injectFault(spec);
}

function query(request: HttpRequest | undefined): URLSearchParams {
  return new URL(request?.url ?? 'http://x').searchParams;
}

function hostOf(request: HttpRequest | undefined): string {
  return new URL(request?.url ?? 'http://x').host;
}

interface Failure {
  name: string;
  kind: ErrorKind;
  code?: number;
  message?: RegExp;
  setup?: HarnessOptions;
  arrange?: (sim: RunningSimulator) => void;
  groupId?: string;
}

const FAILURES: Failure[] = [
  {
    name: 'a wrong secret key',
    kind: 'auth',
    code: 70009,
    setup: { connection: { secretKey: 'not-the-key' } },
  },
  {
    name: 'a wrong SDKAppID',
    kind: 'auth',
    code: 70020,
    message: /is the region right/,
    setup: { connection: { sdkAppId: 1400999999 } },
  },
  { name: 'a disbanded room', kind: 'group-gone', code: 10010, arrange: (sim) => sim.control.disband(LIVE) },
  { name: 'a room that is not an AVChatRoom', kind: 'not-live-room', code: 10007, groupId: PUBLIC },
  { name: 'an invalid group id', kind: 'invalid-group', code: 10015, groupId: 'x'.repeat(49) },
  { name: 'the rate cap', kind: 'rate-limited', code: 60007, arrange: (sim) => sim.control.setRate(0) },
  {
    name: 'an HTTP 502',
    kind: 'transient',
    code: 502,
    message: /HTTP 502/,
    arrange: fault({ kind: 'http-502' }),
  },
  {
    name: 'an internal error',
    kind: 'transient',
    code: 10002,
    arrange: fault({ kind: 'error-code', code: 10002 }),
  },
  {
    name: 'truncated JSON',
    kind: 'protocol',
    message: /cut off/,
    arrange: fault({ kind: 'truncated-json' }),
  },
  {
    name: 'a hung server',
    kind: 'transient',
    message: /No answer from 127\.0\.0\.1:\d+ within 0\.3 s/,
    setup: { client: { timeoutMs: 300 } },
    arrange: fault({ kind: 'hang' }),
  },
  {
    name: 'an unpaid package',
    kind: 'account',
    code: 60020,
    arrange: fault({ kind: 'error-code', code: 60020 }),
  },
  {
    name: 'an unknown code',
    kind: 'unknown',
    code: 12345,
    arrange: fault({ kind: 'error-code', code: 12345 }),
  },
  {
    name: 'a refused connection',
    kind: 'transient',
    message: /Cannot reach 127\.0\.0\.1:\d+.*ECONNREFUSED/,
    setup: { endpoint: async () => ({ primary: await closedPortUrl() }) },
  },
  {
    name: 'an untrusted certificate',
    kind: 'transient',
    message: /certificate of localhost:\d+ is not trusted.*HEADCOUNT_CA_FILE/,
    setup: { sim: { tls: true }, trustCa: false },
  },
  {
    name: 'a UserSig the server calls expired twice',
    kind: 'auth',
    code: 70001,
    arrange: fault({ kind: 'error-code', code: 70001, times: 2 }),
  },
];

describe('ImClient against the simulator', () => {
  it('reads an online count with exactly the documented request', async () => {
    const { client, sim, sent } = await harness({ sim: { identifier: 'ops admin+1' } });
    expect(await client.getOnlineMemberNum(LIVE)).toEqual({ ok: true, value: 1234 });
    const [request] = sent;
    const url = new URL(request?.url ?? '');
    expect(`${url.origin}${url.pathname}`).toBe(
      `${sim.baseUrl}/v4/group_open_http_svc/get_online_member_num`,
    );
    expect([...url.searchParams.keys()]).toEqual([
      'sdkappid',
      'identifier',
      'usersig',
      'random',
      'contenttype',
    ]);
    expect(url.search).toContain('identifier=ops%20admin%2B1&');
    expect(url.searchParams.get('sdkappid')).toBe(String(sim.credentials.sdkAppId));
    expect(url.searchParams.get('contenttype')).toBe('json');
    expect(JSON.parse(request?.body ?? '')).toEqual({ GroupId: LIVE });
    expect(request?.timeoutMs).toBe(8000);
    expect(sim.control.requests()).toMatchObject([
      { command: 'get_online_member_num', groupId: LIVE, errorCode: 0 },
    ]);
  });

  it.each(FAILURES)('reports $name as $kind', async (failure) => {
    const { client, sim, sent, events } = await harness(failure.setup);
    failure.arrange?.(sim);
    const result = await client.getOnlineMemberNum(failure.groupId ?? LIVE);
    if (result.ok) throw new Error(`expected ${failure.kind}, got ${result.value}`);
    expect(result.error.kind).toBe(failure.kind);
    expect(result.error.code).toBe(failure.code);
    expect(result.error.message).toMatch(failure.message ?? /\S/);
    expect(events).toEqual(sent.flatMap(() => ['acquire', 'post']));
  });

  it('never puts the secret key, a UserSig or the request URL in any result', async () => {
    for (const failure of FAILURES) {
      const { client, sim, sent } = await harness(failure.setup);
      failure.arrange?.(sim);
      const results = [
        await client.getOnlineMemberNum(failure.groupId ?? LIVE),
        await client.getGroupInfo([failure.groupId ?? LIVE, 'missing']),
        await client.getAppidGroupList({ limit: 5 }),
      ];
      const text = JSON.stringify(results);
      const secrets = [
        sim.credentials.secretKey,
        failure.setup?.connection?.secretKey ?? sim.credentials.secretKey,
      ];
      for (const request of sent) secrets.push(query(request).get('usersig') ?? 'missing usersig');
      for (const secret of secrets) expect(text, failure.name).not.toContain(secret);
      expect(text, failure.name).not.toMatch(/usersig=|\/v4\/|random=/i);
      await sim.close();
    }
  });

  it('renews the UserSig and retries once when the server says it expired', async () => {
    const { client, sim, events } = await harness();
    sim.control.injectFault({ kind: 'error-code', code: 70001, times: 1 });
    expect(await client.getOnlineMemberNum(LIVE)).toEqual({ ok: true, value: 1234 });
    expect(sim.control.requests().map((r) => r.errorCode)).toEqual([70001, 0]);
    expect(events).toEqual(['acquire', 'post', 'acquire', 'post']);
  });

  it('signs a new UserSig after 70001, so a clock that was behind recovers', async () => {
    let behindMs = 3 * 24 * 3600 * 1000;
    const { client, sim, sent } = await harness({
      client: { clock: { ...systemClock, wall: () => Date.now() - behindMs } },
      onPost: () => {
        behindMs = 0;
      },
    });
    expect(await client.getOnlineMemberNum(LIVE)).toEqual({ ok: true, value: 1234 });
    expect(sim.control.requests().map((r) => r.errorCode)).toEqual([70001, 0]);
    expect(query(sent[0]).get('usersig')).not.toBe(query(sent[1]).get('usersig'));
  });

  it('moves to the backup host when the primary cannot be resolved, and stays there', async () => {
    const { client, sim, sent, events } = await harness({
      endpoint: (s) => ({ primary: 'http://headcount-test.invalid:1', backup: s.baseUrl }),
    });
    expect(await client.getOnlineMemberNum(LIVE)).toEqual({ ok: true, value: 1234 });
    expect(await client.getOnlineMemberNum(LIVE)).toEqual({ ok: true, value: 1234 });
    const simHost = new URL(sim.baseUrl).host;
    expect(sent.map(hostOf)).toEqual(['headcount-test.invalid:1', simHost, simHost]);
    expect(events).toEqual(['acquire', 'post', 'acquire', 'post', 'acquire', 'post']);
    expect(sim.control.stats().total).toBe(2);
  });

  it('moves to the backup host when the primary refuses the connection', async () => {
    const refused = await closedPortUrl();
    const { client, sent } = await harness({ endpoint: (s) => ({ primary: refused, backup: s.baseUrl }) });
    expect(await client.getOnlineMemberNum(LIVE)).toEqual({ ok: true, value: 1234 });
    expect(sent.map(hostOf)[0]).toBe(new URL(refused).host);
    expect(sent).toHaveLength(2);
  });

  it('keeps to the primary when it answered, even with an error', async () => {
    const { client, sim, sent } = await harness({
      endpoint: (s) => ({ primary: s.baseUrl, backup: 'http://headcount-backup.invalid:1' }),
    });
    sim.control.injectFault({ kind: 'http-502', times: 1 });
    expect((await client.getOnlineMemberNum(LIVE)).ok).toBe(false);
    expect(await client.getOnlineMemberNum(LIVE)).toEqual({ ok: true, value: 1234 });
    expect(sent.map(hostOf)).toEqual([new URL(sim.baseUrl).host, new URL(sim.baseUrl).host]);
  });

  it('names both hosts when neither can be reached', async () => {
    const refused = await closedPortUrl();
    const { client } = await harness({
      endpoint: () => ({ primary: 'http://headcount-test.invalid:1', backup: refused }),
    });
    const result = await client.getOnlineMemberNum(LIVE);
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.error.kind).toBe('transient');
      expect(result.error.message).toContain(new URL(refused).host);
      expect(result.error.message).toContain('headcount-test.invalid:1');
    }
  });

  it('speaks HTTPS with certificate verification when the CA is trusted', async () => {
    const { client, sim } = await harness({ sim: { tls: true } });
    expect(sim.baseUrl).toMatch(/^https:\/\/localhost:/);
    expect(await client.getOnlineMemberNum(LIVE)).toEqual({ ok: true, value: 1234 });
  });

  it('reuses one connection across requests', async () => {
    let connections = 0;
    const proxy = net.createServer((downstream) => {
      connections += 1;
      const upstream = net.connect(Number(new URL(sim.baseUrl).port), '127.0.0.1');
      downstream.pipe(upstream).pipe(downstream);
      upstream.on('error', () => downstream.destroy());
      downstream.on('error', () => upstream.destroy());
    });
    proxy.listen(0, '127.0.0.1');
    await once(proxy, 'listening');
    cleanups.push(() => proxy.close());
    const { port } = proxy.address() as AddressInfo;
    const { client, sim } = await harness({ endpoint: () => ({ primary: `http://127.0.0.1:${port}` }) });
    for (let i = 0; i < 5; i += 1)
      expect(await client.getOnlineMemberNum(LIVE)).toEqual({ ok: true, value: 1234 });
    expect(sim.control.stats().total).toBe(5);
    expect(connections).toBe(1);
  });

  it('sends a fresh uint32 random with every request', async () => {
    const { client, sent } = await harness();
    for (let i = 0; i < 20; i += 1) await client.getOnlineMemberNum(LIVE);
    const randoms = sent.map((request) => query(request).get('random') ?? '');
    for (const random of randoms) {
      expect(random).toMatch(/^\d{1,10}$/);
      expect(Number(random)).toBeLessThanOrEqual(4294967295);
    }
    expect(new Set(randoms).size).toBe(20);
  });

  it('takes random values from the injected source', async () => {
    const values = [0, 4294967295, 7.9];
    const { client, sent } = await harness({ client: { random: () => values.shift() ?? 1 } });
    for (let i = 0; i < 3; i += 1) expect((await client.getOnlineMemberNum(LIVE)).ok).toBe(true);
    expect(sent.map((request) => query(request).get('random'))).toEqual(['0', '4294967295', '7']);
  });
});

describe('the count request body', () => {
  it('is the JSON of the id, escaped as JSON.stringify escapes it', async () => {
    const { client, sent } = await harness();
    const odd = '@TGS#a "quoted" \\ back\u0001slash 名';
    await client.getOnlineMemberNum(odd);
    expect(sent[0]?.body).toBe(JSON.stringify({ GroupId: odd }));
  });
});

describe('the rate gate', () => {
  /** A slot that records what it is told. */
  function recordingSlot(told: string[]): CallSlot {
    return { sent: () => told.push('sent'), done: () => told.push('done') };
  }

  it('sends in the same turn when a slot is given at once, and tells it when the call left and ended', async () => {
    const told: string[] = [];
    const { client, sent } = await harness({
      client: {
        acquire: () => {
          told.push('granted');
          return recordingSlot(told);
        },
      },
    });
    const answer = client.getOnlineMemberNum(LIVE);
    expect(sent).toHaveLength(1);
    expect(await answer).toEqual({ ok: true, value: 1234 });
    expect(told).toEqual(['granted', 'sent', 'done']);
  });

  it('waits for a slot promised later, and sends nothing before it comes', async () => {
    const told: string[] = [];
    let grant: (slot: CallSlot) => void = () => {};
    const { client, sent } = await harness({
      client: { acquire: () => new Promise<CallSlot>((resolve) => (grant = resolve)) },
    });
    const answer = client.getOnlineMemberNum(LIVE);
    await new Promise((resolve) => setImmediate(resolve));
    expect(sent).toHaveLength(0);
    grant(recordingSlot(told));
    expect(await answer).toEqual({ ok: true, value: 1234 });
    expect(told).toEqual(['sent', 'done']);
  });

  it('ends the slot of a call held back when its turn came, without sending it', async () => {
    const told: string[] = [];
    const { client, sent } = await harness({ client: { acquire: () => recordingSlot(told) } });
    const answer = await client.modifyGroupAttr(LIVE, 'k', 'v', () => false);
    expect(answer).toMatchObject({ ok: false, error: { kind: 'transient' } });
    expect(sent).toHaveLength(0);
    expect(told).toEqual(['done']);
  });
});

describe('getGroupInfo against the simulator', () => {
  it('asks at most 50 groups per request and answers each in input order', async () => {
    const { client, sim, sent } = await harness();
    const rooms = Array.from({ length: 120 }, (_, i) => `@TGS#room-${i}`);
    for (const groupId of rooms)
      sim.control.addRoom({ groupId, name: `Room ${groupId}`, audience: { kind: 'fixed', online: 1 } });
    const invalid = 'x'.repeat(49);
    const ids = ['missing-room', ...rooms, PUBLIC, invalid, LIVE, 'missing-room'];
    const result = await client.getGroupInfo(ids);
    if (!result.ok) throw new Error(result.error.message);
    expect(result.value.map((item) => item.groupId)).toEqual(ids);
    const lists = sent.map((request) => JSON.parse(request.body).GroupIdList as string[]);
    expect(lists.map((list) => list.length)).toEqual([50, 50, 24]);
    expect(sim.control.requests().filter((r) => r.command === 'get_group_info')).toHaveLength(3);
    expect(JSON.parse(sent[0]?.body ?? '').ResponseFilter).toEqual({ GroupBaseInfoFilter: ['Type', 'Name'] });
    const byId = new Map(result.value.map((item) => [item.groupId, item]));
    expect(byId.get('@TGS#room-77')).toEqual({
      groupId: '@TGS#room-77',
      ok: true,
      type: 'AVChatRoom',
      name: 'Room @TGS#room-77',
    });
    expect(byId.get(PUBLIC)).toEqual({ groupId: PUBLIC, ok: true, type: 'Public', name: 'Lobby' });
    expect(byId.get('missing-room')).toMatchObject({ ok: false, error: { kind: 'group-gone', code: 10010 } });
    expect(byId.get(invalid)).toMatchObject({ ok: false, error: { kind: 'invalid-group', code: 10015 } });
  });

  it('fails as a whole when one of its requests fails', async () => {
    const { client, sim } = await harness();
    const rooms = Array.from({ length: 60 }, (_, i) => `@TGS#room-${i}`);
    sim.control.injectFault({ kind: 'error-code', code: 10002, groupId: '@TGS#room-55' });
    const result = await client.getGroupInfo(rooms);
    expect(result).toMatchObject({ ok: false, error: { kind: 'transient', code: 10002 } });
  });

  it('sends nothing for an empty list', async () => {
    const { client, sent } = await harness();
    expect(await client.getGroupInfo([])).toEqual({ ok: true, value: [] });
    expect(sent).toHaveLength(0);
  });
});

describe('getAppidGroupList against the simulator', () => {
  it('pages through every live room with a Next above 2^53 kept exact', async () => {
    const wall = { now: 1_717_171_717_000 };
    const clock = { ...systemClock, wall: () => wall.now };
    const { client, sim, sent } = await harness({
      sim: { clock },
      // The API allows one call per second: this gate waits that second out on the fake clock.
      client: {
        clock,
        acquire: async () => {
          wall.now += 1000;
        },
      },
    });
    const rooms = Array.from({ length: 25 }, (_, i) => `@TGS#page-${i}`);
    for (const groupId of rooms) sim.control.addRoom({ groupId, audience: { kind: 'fixed', online: 2 } });
    const seen: string[] = [];
    let next = '0';
    const cursors: string[] = [];
    do {
      const page = await client.getAppidGroupList({ limit: 10, next });
      if (!page.ok) throw new Error(page.error.message);
      expect(page.value.totalCount).toBe(26);
      seen.push(...page.value.groupIds);
      next = page.value.next;
      cursors.push(next);
    } while (next !== '0' && cursors.length < 10);
    expect(cursors).toHaveLength(3);
    for (const cursor of cursors.slice(0, -1)) {
      expect(BigInt(cursor)).toBeGreaterThan(2n ** 53n);
      expect(String(Number(cursor))).not.toBe(cursor);
    }
    expect(sent[1]?.body).toBe(`{"Limit":10,"Next":${cursors[0]},"GroupType":"AVChatRoom"}`);
    expect(seen.sort()).toEqual([LIVE, ...rooms].sort());
  });

  it('refuses a malformed cursor or limit without sending anything', async () => {
    const { client, sent } = await harness();
    for (const options of [
      { next: '-1' },
      { next: '1.5' },
      { next: '18446744073709551616' },
      { limit: 0 },
      { limit: 10001 },
    ]) {
      expect(await client.getAppidGroupList(options)).toMatchObject({
        ok: false,
        error: { kind: 'request' },
      });
    }
    expect(sent).toHaveLength(0);
  });

  it('lists other group types on request', async () => {
    const { client, sent } = await harness();
    expect(await client.getAppidGroupList({ groupType: 'Public' })).toEqual({
      ok: true,
      value: { totalCount: 1, groupIds: [PUBLIC], next: '0' },
    });
    expect(JSON.parse(sent[0]?.body ?? '')).toEqual({ Limit: 10000, Next: 0, GroupType: 'Public' });
  });
});
