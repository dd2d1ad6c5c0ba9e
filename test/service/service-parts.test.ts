import { describe, expect, it } from 'vitest';
import type { MonitorPush, MonitorSnapshot } from '../../main/contract/monitor-api';
import type { Alert } from '../../main/core/alerts/alert';
import type { AlertLogEntry } from '../../main/core/alerts/alert-log';
import { imErrorFromCode } from '../../main/core/error-kind';
import { type AppSettings, defaultAppSettings } from '../../main/core/settings/app-settings';
import { filterEntries } from '../../main/service/alert-entries';
import { storedKeyRefusal } from '../../main/service/key-binding';
import { GroupListPacer, liveRoomsPage } from '../../main/service/live-rooms';
import { MONITOR_ARGUMENTS } from '../../main/service/monitor-api-schemas';
import { fixedOverlay } from '../../main/service/overlay-control';
import { OverlayFeed, overlayCount } from '../../main/service/overlay-feed';
import { checkProfileInput, testConnection } from '../../main/service/profile-form';
import { admitRooms } from '../../main/service/room-admission';
import type { ProfileEngine } from '../../main/service/service-ports';
import { profilesIn } from '../../main/service/settings-profiles';
import { roomView } from '../shell/room-view';
import { FakeClock } from '../support/fake-clock';

describe('the alert log through the service', () => {
  const entry = (i: number, fields: Partial<AlertLogEntry> = {}): AlertLogEntry => ({
    alert: { id: `a${i}`, severity: i % 2 === 0 ? 'warning' : 'critical' } as Alert,
    deliveries: [],
    ...fields,
  });
  const entries = Array.from({ length: 250 }, (_, i) => entry(i, i < 5 ? { acknowledgedAt: 1 } : {}));

  it('gives the newest 200 when no limit is asked for, and as many as asked otherwise', () => {
    expect(filterEntries(entries, {}).map((e) => e.alert.id)).toEqual(
      entries.slice(0, 200).map((e) => e.alert.id),
    );
    expect(filterEntries(entries, { limit: 3 })).toHaveLength(3);
  });

  it('filters by severity and acknowledgement before the limit', () => {
    const critical = filterEntries(entries, { severity: 'critical', unacknowledged: true, limit: 2 });
    expect(critical.map((e) => e.alert.id)).toEqual(['a5', 'a7']);
  });
});

describe('get_appid_group_list calls of one app', () => {
  it('go at least 1.1 s apart when asked for together, each app on its own', async () => {
    const clock = new FakeClock();
    const pacer = new GroupListPacer(clock);
    const went: Array<[string, number]> = [];
    const call = (profile: string) => pacer.turn(profile).then(() => went.push([profile, clock.monotonic()]));
    const start = clock.monotonic();
    void call('app-1');
    void call('app-1');
    void call('app-2');
    await clock.advance(5_000);
    expect(went).toEqual([
      ['app-1', start],
      ['app-2', start],
      ['app-1', start + 1_100],
    ]);
    // Long after the last call, the next one goes at once.
    void call('app-1');
    await clock.advance(0);
    expect(went.at(-1)).toEqual(['app-1', start + 5_000]);
  });

  it("let an app's first call go without waiting on any timer", async () => {
    const clock = new FakeClock();
    const turn = new GroupListPacer(clock).turn('app-1');
    expect(clock.pendingTimers).toBe(0);
    await turn;
  });
});

describe('the profiles kept in the app settings', () => {
  function settings() {
    let current: AppSettings = defaultAppSettings();
    return {
      read: () => current,
      update: (change: (now: AppSettings) => AppSettings) => {
        current = change(current);
      },
    };
  }
  const profile = (id: string, label: string) => ({
    id,
    label,
    sdkAppId: 1400000000,
    identifier: 'admin',
    region: undefined,
    rooms: [{ groupId: '@TGS#a' }],
  });

  it('adds a profile at the end, replaces one in its place, and removes one', () => {
    const file = settings();
    const store = profilesIn(file);
    store.save(profile('one', 'One'));
    store.save(profile('two', 'Two'));
    store.save(profile('one', 'One again'));
    expect(store.list().map((p) => [p.id, p.label])).toEqual([
      ['one', 'One again'],
      ['two', 'Two'],
    ]);
    expect(file.read().profiles[0]).not.toHaveProperty('region');
    store.save(profile('two', 'Two again'));
    expect(store.list().map((p) => p.label)).toEqual(['One again', 'Two again']);
    store.remove('one');
    expect(store.list().map((p) => p.id)).toEqual(['two']);
  });

  it('keeps every field a profile has, and writes none it lacks', () => {
    const file = settings();
    const store = profilesIn(file);
    const full = {
      id: 'full',
      label: 'Full',
      sdkAppId: 1400000000,
      identifier: 'admin',
      region: 'singapore',
      endpoint: 'https://adminapisgp.im.qcloud.com',
      intervalSeconds: 30,
      maxRate: 50,
      rooms: [{ groupId: '@TGS#a', label: 'Main', pinned: true }],
    };
    store.save(full);
    store.save({
      id: 'bare',
      label: 'Bare',
      sdkAppId: 1,
      identifier: 'admin',
      region: undefined,
      endpoint: undefined,
      intervalSeconds: undefined,
      maxRate: undefined,
      rooms: [{ groupId: '@TGS#b', label: undefined, pinned: undefined }],
    });
    expect(file.read().profiles).toEqual([
      full,
      { id: 'bare', label: 'Bare', sdkAppId: 1, identifier: 'admin', rooms: [{ groupId: '@TGS#b' }] },
    ]);
    expect(Object.keys(file.read().profiles[1] ?? {})).toEqual([
      'id',
      'label',
      'sdkAppId',
      'identifier',
      'rooms',
    ]);
    expect(Object.keys(file.read().profiles[1]?.rooms[0] ?? {})).toEqual(['groupId']);
  });

  it('lists copies: changing a listed profile changes nothing kept', () => {
    const store = profilesIn(settings());
    store.save(profile('one', 'One'));
    const listed = store.list()[0];
    listed?.rooms.push({ groupId: '@TGS#b' });
    expect(store.list()[0]?.rooms).toEqual([{ groupId: '@TGS#a' }]);
  });
});

describe('the room push settings the UI sends', () => {
  it('takes a key of 1 to 32 bytes, and nothing else', () => {
    const args = (key: string) => ['p/@TGS#a', { via: 'group-attr', key }];
    expect(MONITOR_ARGUMENTS.setRoomPush.safeParse(args('online_member_num')).success).toBe(true);
    expect(MONITOR_ARGUMENTS.setRoomPush.safeParse(args('')).success).toBe(false);
    expect(MONITOR_ARGUMENTS.setRoomPush.safeParse(args('k'.repeat(33))).success).toBe(false);
  });
});

describe('the overlay feed before its first snapshot', () => {
  it('applies a push that came while the snapshot was on its way after the snapshot', async () => {
    let push: (push: MonitorPush) => void = () => {};
    let answer: (snapshot: MonitorSnapshot) => void = () => {};
    const feed = new OverlayFeed({
      onPush: (listener) => {
        push = listener;
        return () => {};
      },
      getSnapshot: () => new Promise((resolve) => (answer = resolve)),
    });
    push({ type: 'rooms', rooms: [roomView('@TGS#a', 500)] });
    answer({ rooms: [roomView('@TGS#a', 300)] } as MonitorSnapshot);
    await feed.ready;
    expect(feed.current({ groupId: '@TGS#a', profileId: null }).online).toBe(500);
  });
});

describe('the overlay of headcount serve', () => {
  it('is on with the token it was started with, and cannot be switched', async () => {
    expect(await fixedOverlay('tok-123').view()).toEqual({
      switchable: false,
      on: true,
      origin: null,
      token: 'tok-123',
      port: null,
      problem: null,
    });
    await expect(fixedOverlay('tok-123').change({ on: false })).rejects.toThrow(
      /takes its overlay token from HEADCOUNT_OVERLAY_TOKEN when it starts/,
    );
  });

  it('is off without a token, and says that is why', async () => {
    expect(await fixedOverlay(null).view()).toMatchObject({
      on: false,
      token: null,
      problem: { kind: 'no-token' },
    });
  });
});

describe('room ids pasted without a key yet', () => {
  it('skips blank lines and spaces around ids, and checks only the syntax', async () => {
    expect(await admitRooms(['', '  ', ' @TGS#a ', '@TGS#a', 'room·1'], new Set(), null)).toEqual({
      admitted: [{ groupId: '@TGS#a' }],
      refused: [
        { groupId: '@TGS#a', reason: 'This room was pasted twice.' },
        { groupId: 'room·1', reason: expect.stringMatching(/non-ASCII/) },
      ],
    });
  });

  it('lists live rooms by id alone when their names cannot be had, and ends at the last page', async () => {
    const engine = {
      client: {
        getAppidGroupList: async () => ({
          ok: true,
          value: { groupIds: ['@TGS#a', '@TGS#b'], next: '0', totalCount: 2 },
        }),
        getGroupInfo: async () => ({ ok: false, error: imErrorFromCode(10002, 'from the test') }),
      },
    } as unknown as ProfileEngine;
    expect(await liveRoomsPage(engine, new Set(['@TGS#b']), undefined)).toEqual({
      rooms: [
        { groupId: '@TGS#a', name: '', watched: false },
        { groupId: '@TGS#b', name: '', watched: true },
      ],
      next: null,
      total: 2,
    });
  });

  it('asks for no names when the page has no rooms', async () => {
    const asked: unknown[] = [];
    const engine = {
      client: {
        getAppidGroupList: async () => ({ ok: true, value: { groupIds: [], next: '0', totalCount: 0 } }),
        getGroupInfo: async (ids: unknown) => {
          asked.push(ids);
          return { ok: true, value: [] };
        },
      },
    } as unknown as ProfileEngine;
    expect(await liveRoomsPage(engine, new Set(), undefined)).toEqual({ rooms: [], next: null, total: 0 });
    expect(asked).toEqual([]);
  });

  it('refuses every checked id, saying why, when the server cannot be asked', async () => {
    const engine = {
      client: { getGroupInfo: async () => ({ ok: false, error: imErrorFromCode(10002, 'from the test') }) },
    } as unknown as ProfileEngine;
    const { admitted, refused } = await admitRooms(['@TGS#a', '@TGS#b', 'room·1'], new Set(), engine);
    expect(admitted).toEqual([]);
    expect(refused.map((room) => room.groupId)).toEqual(['room·1', '@TGS#a', '@TGS#b']);
    expect(refused[1]?.reason).toMatch(/^Could not check the room with the server: ./);
  });

  it('cannot list the live rooms, and says to enter the key first', async () => {
    await expect(liveRoomsPage(null, new Set(), undefined)).rejects.toThrow(
      'This app profile has no secret key yet: enter it first.',
    );
  });
});

/**
 * An overlay feed over a fake service whose pushes the test sends, started with `rooms`, its clock
 * stopped: a count's age grows only with what the pushes say.
 */
async function feedOver(rooms: ReturnType<typeof roomView>[]) {
  let push: (push: MonitorPush) => void = () => {};
  let unsubscribed = false;
  const feed = new OverlayFeed(
    {
      onPush: (listener) => {
        push = listener;
        return () => {
          unsubscribed = true;
        };
      },
      getSnapshot: async () => ({ rooms }) as MonitorSnapshot,
    },
    () => 1_000,
  );
  await feed.ready;
  return { feed, send: (next: MonitorPush) => push(next), unsubscribed: () => unsubscribed };
}

describe('the overlay feed when rooms stop being watched', () => {
  it('holds their last count, no longer current', async () => {
    let push: (push: MonitorPush) => void = () => {};
    const feed = new OverlayFeed({
      onPush: (listener) => {
        push = listener;
        return () => {};
      },
      getSnapshot: async () =>
        ({ rooms: [roomView('@TGS#a', 300), roomView('@TGS#b', 20)] }) as MonitorSnapshot,
    });
    await feed.ready;
    push({ type: 'rooms-removed', keys: ['p/@TGS#a', 'p/@TGS#gone'] });
    expect(feed.current({ groupId: '@TGS#a', profileId: null })).toMatchObject({ online: 300 });
    expect(feed.current({ groupId: '@TGS#a', profileId: null }).state).not.toBe('live');
    expect(feed.current({ groupId: '@TGS#b', profileId: null }).state).toBe('live');
  });
});

describe('profiles as the settings form saves them', () => {
  it('refuses a label another profile has, naming it', () => {
    const input = { label: 'Events', sdkAppId: 1400000001, identifier: 'admin', region: 'singapore' };
    expect(() => checkProfileInput(input, undefined, new Map([['Events', 'app-1']]))).toThrow(
      'Another app profile is already called "Events".',
    );
    expect(
      checkProfileInput({ ...input, id: 'app-1' }, undefined, new Map([['Events', 'app-1']])).label,
    ).toBe('Events');
    // Renamed to a label no profile has.
    expect(
      checkProfileInput({ ...input, id: 'app-1', label: 'Launch' }, undefined, new Map([['Events', 'app-1']]))
        .label,
    ).toBe('Launch');
  });

  it('says a saved key serves only where it was entered, naming a profile without a region by its endpoint', () => {
    const saved = { id: 'app-1', label: 'Events', sdkAppId: 1400000001, identifier: 'admin', rooms: [] };
    expect(storedKeyRefusal({ ...saved, sdkAppId: 1400000002 }, saved)).toMatch(/ at its endpoint\. /);
  });
});

describe('the overlay feed to a page', () => {
  const a = { groupId: '@TGS#a', profileId: null };

  it('tells a watcher each new count once, and nothing after it stops or the feed closes', async () => {
    const { feed, send, unsubscribed } = await feedOver([roomView('@TGS#a', 300)]);
    const heard: Array<number | null> = [];
    const stop = feed.watch(a, (count) => heard.push(count.online));
    send({ type: 'rooms', rooms: [roomView('@TGS#a', 300)] });
    send({ type: 'rooms', rooms: [roomView('@TGS#a', 310)] });
    send({ type: 'rooms', rooms: [roomView('@TGS#b', 5)] });
    expect(heard).toEqual([310]);
    stop();
    send({ type: 'rooms', rooms: [roomView('@TGS#a', 320)] });
    expect(heard).toEqual([310]);
    feed.watch(a, (count) => heard.push(count.online));
    feed.close();
    expect(unsubscribed()).toBe(true);
    send({ type: 'rooms', rooms: [roomView('@TGS#a', 330)] });
    expect(heard).toEqual([310]);
  });

  it('holds the rooms a new snapshot leaves out, and only those', async () => {
    const { feed, send } = await feedOver([roomView('@TGS#a', 300), roomView('@TGS#b', 20)]);
    send({ type: 'snapshot', snapshot: { rooms: [roomView('@TGS#a', 301)] } as MonitorSnapshot });
    expect(feed.current(a)).toMatchObject({ online: 301, state: 'live' });
    expect(feed.current({ groupId: '@TGS#b', profileId: null }).state).not.toBe('live');
  });
});

describe('what an overlay shows of a room', () => {
  it('is live up to 30 s old, held after, closed once the room is gone', () => {
    expect(overlayCount(roomView('@TGS#a', 300, { ageMs: 30_000 })).state).toBe('live');
    expect(overlayCount(roomView('@TGS#a', 300, { ageMs: 30_001 })).state).toBe('held');
    expect(overlayCount(roomView('@TGS#a', 300, { ageMs: null })).state).toBe('held');
    expect(overlayCount(roomView('@TGS#a', 300, { status: 'stale' })).state).toBe('held');
    const gone = { status: 'stopped' as const, error: { kind: 'group-gone' as const, message: 'gone' } };
    expect(overlayCount(roomView('@TGS#a', 300, gone))).toEqual({ online: 300, ageMs: 500, state: 'closed' });
    expect(overlayCount(roomView('@TGS#a', 300, { ...gone, error: null })).state).toBe('held');
    expect(overlayCount(undefined)).toEqual({ online: null, ageMs: null, state: 'held' });
  });
});

describe('testing a connection from the settings form', () => {
  /** An engine factory whose one engine answers the room list with `answer`, noting when it is closed. */
  function factory(answer: unknown) {
    const made = { closed: 0, lifetime: 0, asked: [] as unknown[] };
    const open = ((_profile: unknown, _key: string, options: { userSigLifetimeSeconds: number }) => {
      made.lifetime = options.userSigLifetimeSeconds;
      return {
        client: {
          getAppidGroupList: async (query: unknown) => {
            made.asked.push(query);
            return answer;
          },
        },
        close: () => {
          made.closed++;
        },
      };
    }) as unknown as Parameters<typeof testConnection>[0];
    return { open, made };
  }
  const profile = { id: 'app-1', label: 'Events', sdkAppId: 1, identifier: 'admin', rooms: [] };

  it('counts the live-stream rooms in words, one or many, and closes its engine', async () => {
    const one = factory({ ok: true, value: { groupIds: [], next: '0', totalCount: 1 } });
    expect(await testConnection(one.open, profile, 'key')).toEqual({
      ok: true,
      message: 'Connected: the app has 1 live-stream room.',
    });
    expect(one.made).toMatchObject({ closed: 1 });
    expect(one.made.lifetime).toBeGreaterThan(0);
    // Only the total is read: one id, not a page of up to 10,000.
    expect(one.made.asked).toEqual([{ limit: 1 }]);
    const many = factory({ ok: true, value: { groupIds: [], next: '0', totalCount: 12 } });
    expect((await testConnection(many.open, profile, 'key')).message).toBe(
      'Connected: the app has 12 live-stream rooms.',
    );
  });

  it('says what failed, with the code where there is one', async () => {
    const refused = factory({ ok: false, error: imErrorFromCode(70009, 'from the test') });
    expect(await testConnection(refused.open, profile, 'key')).toMatchObject({
      ok: false,
      kind: 'auth',
      code: 70009,
    });
    expect(refused.made.closed).toBe(1);
    const { code: _code, ...uncoded } = imErrorFromCode(70009, 'from the test');
    const noCode = factory({ ok: false, error: uncoded });
    expect(await testConnection(noCode.open, profile, 'key')).not.toHaveProperty('code');
  });
});
