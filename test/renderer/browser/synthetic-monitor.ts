/**
 * A MonitorApi that lives in the page: 2000 rooms over three app profiles, in every state a room can
 * be in, for the Chromium check of the popover. Bundled by the test and loaded before popover.js,
 * it sets `window.headcount`. `?state=empty` gives no rooms, `?state=unreachable` a failing snapshot,
 * `?state=loading` one that never comes, `?state=demo` the demo show; `window.syntheticMonitor` lets the test push changed rooms.
 */
import type {
  MonitorApi,
  MonitorPush,
  MonitorSnapshot,
  ProfileView,
  RoomView,
} from '../../../main/contract/monitor-api';

const NOW = Date.UTC(2025, 5, 1, 12, 0, 0);
const NAMES = ['Launch Day', '新品发布会', 'Morning Yoga', '周末音乐会', 'Esports Finals', '读书会', 'Q&A'];

function profile(id: string, label: string, state: ProfileView['state'], rooms: number): ProfileView {
  return {
    id,
    label,
    sdkAppId: 1400000000 + rooms,
    identifier: 'administrator',
    region: 'singapore',
    endpoint: null,
    keyStorage: 'protected',
    keyStorageNote: 'Saved in the system keychain.',
    state,
    reason: state === 'rate-limited' ? 'The server said the app is over its rate limit: slowing down.' : null,
    plan: {
      rooms,
      requestedIntervalS: 10,
      effectiveIntervalS: 10,
      stretched: false,
      callsPerSecond: rooms / 10,
      capPerSecond: 200,
    },
  };
}

/** Room i: a deterministic mix of sizes, labels and states. */
function room(i: number): RoomView {
  const profileId = i < 1200 ? 'events' : i < 1700 ? 'shop' : 'classroom';
  const groupId = `@TGS#${(100000 + i * 7919).toString(36).toUpperCase()}`;
  const online = (i * 2654435761) % 48000;
  const base: RoomView = {
    key: `${profileId}/${groupId}`,
    profileId,
    groupId,
    label: i % 3 === 0 ? `${NAMES[i % NAMES.length]} ${i}` : null,
    status: 'live',
    online,
    measuredAt: NOW - (i % 9) * 1000,
    ageMs: (i % 9) * 1000,
    change1m: ((i * 37) % 401) - 200,
    error: null,
    peak: { online: online + 500, at: NOW - 3_600_000 },
    pinned: i === 42 || i === 1301,
    snoozedUntil: null,
  };
  if (i % 97 === 5)
    return { ...base, status: 'waiting', online: null, measuredAt: null, ageMs: null, change1m: null };
  if (i % 89 === 7) return { ...base, status: 'stale', ageMs: 95_000, change1m: null };
  if (i % 83 === 3)
    return {
      ...base,
      status: 'failing',
      error: {
        kind: 'transient',
        message: 'The server or the network failed for a moment: Headcount retries.',
      },
    };
  if (i % 211 === 11)
    return {
      ...base,
      status: 'stopped',
      online: null,
      change1m: null,
      error: { kind: 'group-gone', message: 'The room does not exist or was disbanded: polling it stopped.' },
    };
  if (i % 401 === 13)
    return {
      ...base,
      status: 'stopped',
      online: null,
      change1m: null,
      error: { kind: 'not-live-room', message: 'This group is not a live-stream room (AVChatRoom).' },
    };
  return base;
}

/** The page's globals this fixture touches (typed here: the tests' program has no DOM library). */
interface Page {
  location: { search: string };
  headcount?: MonitorApi;
  syntheticMonitor?: { update(key: string, change: Partial<RoomView>): void; retried: string[] };
}
const page = globalThis as unknown as Page;

const state = new URLSearchParams(page.location.search).get('state');
const rooms = new Map<string, RoomView>();
if (state !== 'empty') for (let i = 0; i < 2000; i++) rooms.set(room(i).key, room(i));
const retried: string[] = [];
const listeners = new Set<(push: MonitorPush) => void>();
const emit = (push: MonitorPush) => {
  for (const listener of listeners) listener(push);
};

function snapshot(): MonitorSnapshot {
  return {
    demo: state === 'demo',
    paused: false,
    profiles:
      state === 'empty'
        ? [profile('events', 'Events SG', 'running', 0)]
        : [
            profile('events', 'Events SG', 'running', 1200),
            profile('shop', 'Shop Live', 'rate-limited', 500),
            profile('classroom', 'Classroom', 'running', 300),
          ],
    rooms: [...rooms.values()],
    notices: [],
    regions: [
      { key: 'china', label: 'China' },
      { key: 'singapore', label: 'Singapore' },
    ],
  };
}

const refused = () => Promise.reject(new Error('not part of this fixture'));

const api = {
  getSnapshot: () =>
    state === 'unreachable'
      ? Promise.reject(new Error('connect ECONNREFUSED 127.0.0.1:7300'))
      : state === 'loading'
        ? new Promise<MonitorSnapshot>(() => {})
        : Promise.resolve(snapshot()),
  onPush: (listener: (push: MonitorPush) => void) => {
    listeners.add(listener);
    return () => listeners.delete(listener);
  },
  setPinned: async (key: string, pinned: boolean) => {
    const current = rooms.get(key);
    if (!current) return;
    rooms.set(key, { ...current, pinned });
    emit({ type: 'rooms', rooms: [rooms.get(key) as RoomView] });
  },
  retryRoom: async (key: string) => {
    retried.push(key);
  },
  addRooms: refused,
  removeRoom: refused,
  getHistory: async () => [],
  setPaused: async () => {},
  snooze: async () => {},
  unsnooze: async () => {},
  saveProfile: refused,
  removeProfile: refused,
  testConnection: refused,
  listAlerts: async () => [],
} satisfies Partial<MonitorApi>;

page.syntheticMonitor = {
  update(key, change) {
    const current = rooms.get(key);
    if (!current) throw new Error(`no room ${key}`);
    rooms.set(key, { ...current, ...change });
    emit({ type: 'rooms', rooms: [rooms.get(key) as RoomView] });
  },
  retried,
};
// The popover takes only what it calls; the rest of the contract is not exercised here.
page.headcount = api as unknown as MonitorApi;
