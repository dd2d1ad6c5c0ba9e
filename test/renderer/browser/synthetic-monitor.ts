/**
 * A MonitorApi that lives in the page: 2000 rooms over three app profiles, in every state a room can
 * be in, for the Chromium check of the popover. Bundled by the test and loaded before popover.js,
 * it sets `window.headcount`. `?state=empty` gives no rooms, `?state=unreachable` a failing snapshot,
 * `?state=loading` one that never comes, `?state=demo` the demo show; `window.syntheticMonitor` lets the test push changed rooms.
 */
import type {
  AlertFacts,
  AlertView,
  AppConditionView,
  ChartData,
  ChartRange,
  MonitorApi,
  MonitorPush,
  MonitorSnapshot,
  ProfileView,
  RoomView,
  RuleSettings,
} from '../../../main/contract/monitor-api';
import { NO_FACTS, summaryOf } from '../../support/view-parts';
import { syntheticOverlayApi } from './synthetic-overlay';
import { syntheticPushApi } from './synthetic-push';
import { syntheticSettingsApi } from './synthetic-settings';

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
    weakStorageOffered: false,
    state,
    reason: state === 'rate-limited' ? 'The server said the app is over its rate limit: slowing down.' : null,
    error: null,
    plan: {
      rooms,
      requestedIntervalS: 10,
      effectiveIntervalS: 10,
      stretched: false,
      callsPerSecond: rooms / 10,
      capPerSecond: 200,
    },
    budgets: [
      {
        command: 'get_online_member_num',
        capPerSecond: 200,
        limitPerSecond: 200,
        used: rooms / 10,
        waiting: 0,
      },
      { command: 'get_group_info', capPerSecond: 200, limitPerSecond: 200, used: 0, waiting: 0 },
      { command: 'get_appid_group_list', capPerSecond: 1, limitPerSecond: 1, used: 0, waiting: 0 },
      { command: 'modify_group_attr', capPerSecond: 200, limitPerSecond: 200, used: 3, waiting: 0 },
      { command: 'update_group_counter', capPerSecond: 200, limitPerSecond: 200, used: 0, waiting: 0 },
      { command: 'send_group_msg', capPerSecond: 200, limitPerSecond: 150, used: 1, waiting: 0 },
    ],
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
    state: 'live',
    current: true,
    status: 'live',
    online,
    measuredAt: NOW - (i % 9) * 1000,
    ageMs: (i % 9) * 1000,
    change1m: ((i * 37) % 401) - 200,
    changes: { '5m': ((i * 53) % 801) - 400, '15m': ((i * 71) % 1601) - 800, '30m': null, '1h': null },
    error: null,
    peak: { online: online + 500, at: NOW - 3_600_000 },
    stoppedAt: null,
    pinned: i === 42 || i === 1301,
    snoozedUntil: null,
    push: null,
  };
  // Some rooms show their count to viewers: most fine, one now and then failing.
  if (i % 7 === 1)
    base.push = {
      via: 'group-attr',
      key: 'online_member_num',
      state: i % 49 === 1 ? 'failing' : 'ok',
      reason:
        i % 49 === 1
          ? 'The server answered HTTP 502 instead of a result: a gateway or the network failed for a moment. Headcount retries.'
          : null,
      error: i % 49 === 1 ? { kind: 'transient', code: 502 } : null,
      written: { online, sampledAt: NOW - 2000, writtenAt: NOW - 1900 },
    };
  if (i % 97 === 5)
    return {
      ...base,
      state: 'waiting',
      current: false,
      status: 'waiting',
      online: null,
      measuredAt: null,
      ageMs: null,
      change1m: null,
    };
  if (i % 89 === 7)
    return { ...base, state: 'stale', current: false, status: 'stale', ageMs: 95_000, change1m: null };
  if (i % 83 === 3)
    return {
      ...base,
      state: 'failing',
      current: false,
      status: 'failing',
      error: {
        kind: 'transient',
        message: 'The server or the network failed for a moment: Headcount retries.',
      },
    };
  if (i % 211 === 11)
    return {
      ...base,
      state: 'not-found',
      current: false,
      status: 'stopped',
      stoppedAt: NOW - 60_000,
      online: null,
      change1m: null,
      error: { kind: 'group-gone', message: 'The room does not exist or was disbanded: polling it stopped.' },
    };
  if (i % 401 === 13)
    return {
      ...base,
      state: 'not-live-room',
      current: false,
      status: 'stopped',
      stoppedAt: NOW - 60_000,
      online: null,
      change1m: null,
      error: { kind: 'not-live-room', message: 'This group is not a live-stream room (AVChatRoom).' },
    };
  return base;
}

/** The page's globals this fixture touches (typed here: the tests' program has no DOM library). */
interface Page {
  location: { search: string; origin: string };
  headcount?: MonitorApi;
  syntheticMonitor?: {
    update(key: string, change: Partial<RoomView>): void;
    retried: string[];
    /** The rooms the page said a person is looking at, one array per call. */
    looked: string[][];
    /** The rooms' sparklines asked for, one array per request. */
    sparklineRequests: string[][];
    /** The snoozes asked for, as `key choice`. */
    snoozed: string[];
    /** The rules written for single rooms. */
    roomRules: Map<string, RuleSettings>;
    /** Holds a form's saved values back until `releaseAnswers`, as a busy engine would. */
    holdAnswers(method: HeldMethod): void;
    releaseAnswers(method: HeldMethod): void;
    /** Pushes what a clicked notification sends: show this room. */
    focus(key: string): void;
    /** Pushes the summary with these app conditions, the profiles left as they were. */
    conditions(conditions: AppConditionView[]): void;
  };
}
const page = globalThis as unknown as Page;

const state = new URLSearchParams(page.location.search).get('state');
const rooms = new Map<string, RoomView>();
if (state !== 'empty') for (let i = 0; i < 2000; i++) rooms.set(room(i).key, room(i));
const retried: string[] = [];
const looked: string[][] = [];
const listeners = new Set<(push: MonitorPush) => void>();
const emit = (push: MonitorPush) => {
  for (const listener of listeners) listener(push);
};

function snapshot(): MonitorSnapshot {
  const profiles =
    state === 'empty'
      ? [profile('events', 'Events SG', 'running', 0)]
      : [
          profile('events', 'Events SG', 'running', 1200),
          profile('shop', 'Shop Live', 'rate-limited', 500),
          profile('classroom', 'Classroom', 'running', 300),
        ];
  const conditions = profiles.flatMap(({ id, label, state, reason, error }) =>
    state === 'running' ? [] : [{ profileId: id, label, condition: state, reason, error }],
  );
  return {
    demo: state === 'demo',
    paused: false,
    profiles,
    rooms: [...rooms.values()],
    summary: summaryOf(rooms.values(), conditions),
    notices: [],
    regions: [
      { key: 'china', label: 'China' },
      { key: 'singapore', label: 'Singapore' },
    ],
  };
}

const refused = () => Promise.reject(new Error('not part of this fixture'));

const SPANS: Record<ChartRange, number> = {
  live: 600_000,
  '1h': 3_600_000,
  '6h': 21_600_000,
  '24h': 86_400_000,
  '7d': 604_800_000,
};

/** The count of room `key` at `at`: a slow wave with a gap, so every shape a chart shows appears. */
function countAt(key: string, at: number): number | null {
  const base = 1200 + (rooms.get(key)?.online ?? 0);
  const phase = key.length + key.charCodeAt(key.length - 1);
  const minutes = (NOW - at) / 60_000;
  if (minutes > 3 && minutes < 4) return null;
  return Math.round(base * (1 + 0.1 * Math.sin(phase + minutes / 7) + 0.03 * Math.sin(minutes * 1.3)));
}

/** A room's alerts as the engine words and describes them: the English title and message, and the facts. */
function alertsOf(key: string): AlertView[] {
  const room = rooms.get(key);
  const label = room?.label ?? null;
  const name = label ? `Room '${label}'` : `Room ${JSON.stringify(room?.groupId ?? key)}`;
  const alert = (
    id: string,
    minutesAgo: number,
    rule: AlertView['rule'],
    words: { title: string; message: string },
    facts: Partial<AlertFacts>,
  ): AlertView => ({
    id: `${key}#${id}`,
    rule,
    phase: 'notice',
    severity: 'info',
    profileId: room?.profileId ?? '',
    roomKey: key,
    title: `${name} ${words.title}`,
    message: words.message,
    at: NOW - minutesAgo * 60_000,
    facts: { ...NO_FACTS, label, ...facts },
  });
  const peakAt = NOW - (26 * 60 + 35) * 60_000;
  return [
    {
      ...alert(
        'above',
        6,
        'above',
        { title: '1,240 online', message: 'above 1,000, peak 1,240' },
        { value: 1240, threshold: 1000, peak: { online: 1240, at: NOW - 6 * 60_000 } },
      ),
      phase: 'firing',
      severity: 'warning',
    },
    alert(
      'peak',
      2,
      'peak',
      { title: 'new peak 1,300', message: 'highest of this stream, peak 1,300' },
      { value: 1300, peak: { online: 1300, at: NOW - 2 * 60_000 } },
    ),
    alert(
      'ended',
      26 * 60,
      'session',
      { title: 'stream ended after 2 h 5 min', message: 'peak 2,400 at 19:30, average 1,800' },
      {
        peak: { online: 2400, at: peakAt },
        session: { event: 'ended', sawStart: true, durationMs: 7_500_000, average: 1800 },
      },
    ),
    alert(
      'started',
      90,
      'session',
      { title: 'stream started', message: '800 online' },
      { value: 800, session: { event: 'started' }, peak: { online: 800, at: NOW - 90 * 60_000 } },
    ),
  ];
}

function chartOf(key: string, range: ChartRange): ChartData {
  const span = SPANS[range];
  const step = range === 'live' ? 10_000 : span / 360;
  const chart: ChartData = {
    range,
    at: [],
    online: [],
    min: [],
    max: [],
    summary: { peak: null, min: null, avg: null },
    alerts: alertsOf(key).filter((alert) => alert.at >= NOW - span && alert.rule !== 'session'),
  };
  let sum = 0;
  let n = 0;
  for (let at = NOW - span; at <= NOW; at += step) {
    const online = countAt(key, at);
    chart.at.push(at);
    chart.online.push(online);
    chart.min.push(range === 'live' || online === null ? null : Math.round(online * 0.95));
    chart.max.push(range === 'live' || online === null ? null : Math.round(online * 1.05));
    if (online === null) continue;
    if (!chart.summary.peak || online >= chart.summary.peak.online) chart.summary.peak = { online, at };
    if (chart.summary.min === null || online < chart.summary.min) chart.summary.min = online;
    sum += online;
    n += 1;
  }
  chart.summary.avg = n === 0 ? null : Math.round(sum / n);
  return chart;
}

const sparklineRequests: string[][] = [];
const roomRules = new Map<string, RuleSettings>([['events/@TGS#255S', { above: { threshold: 2000 } }]]);
/** The methods whose answers a test can hold back. */
type HeldMethod = 'getRoomRules' | 'getRoomPush';
/** When each may answer: at once, unless a test holds it. */
const held = new Map<HeldMethod, { arrives: Promise<void>; release(): void }>();
const arrival = (method: HeldMethod) => held.get(method)?.arrives;
const snoozed: string[] = [];

// The settings, live rooms and alert log, kept in the page.
const settingsMethods = syntheticSettingsApi(NOW);
const pushApi = syntheticPushApi(rooms, emit, NOW);
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
  lookAt: async (keys: string[]) => {
    looked.push(keys);
  },
  retryRoom: async (key: string) => {
    retried.push(key);
  },
  addRooms: refused,
  setPaused: async () => {},
  snooze: async (target: { kind: string; key?: string }, choice: string) => {
    snoozed.push(`${target.key ?? target.kind} ${choice}`);
    const current = target.key ? rooms.get(target.key) : undefined;
    if (!current) return;
    rooms.set(current.key, { ...current, snoozedUntil: NOW + 3_600_000 });
    emit({ type: 'rooms', rooms: [rooms.get(current.key) as RoomView] });
  },
  unsnooze: async () => {},
  saveProfile: refused,
  removeProfile: refused,
  testConnection: refused,
  listAlerts: async (query: { key?: string }) => (query.key ? alertsOf(query.key).reverse() : []),
  ...settingsMethods,
  ...syntheticOverlayApi(page.location.origin),
  ...pushApi,
  getRoomPush: async (key: string) => {
    await arrival('getRoomPush');
    return pushApi.getRoomPush(key);
  },
  getChart: async (key: string, range: ChartRange) => chartOf(key, range),
  exportCsv: async (key: string, range: ChartRange) => {
    const chart = chartOf(key, range);
    const cell = (value: number | null | undefined) =>
      value === null || value === undefined ? '' : String(value);
    const rows = chart.at.map(
      (at, i) =>
        `${new Date(at).toISOString()},${cell(chart.online[i])},${cell(chart.min[i])},${cell(chart.max[i])}`,
    );
    return `time,online,min,max\n${rows.join('\n')}\n`;
  },
  getRoomRules: async (key: string) => {
    await arrival('getRoomRules');
    return roomRules.get(key) ?? null;
  },
  setRoomRules: async (key: string, rules: RuleSettings | null) => {
    if (rules) roomRules.set(key, rules);
    else roomRules.delete(key);
  },
  getSparklines: async (keys: string[]) => {
    sparklineRequests.push(keys);
    const lines: Record<string, Array<number | null>> = {};
    for (const key of keys)
      lines[key] = Array.from({ length: 30 }, (_, i) => countAt(key, NOW - (29 - i) * 60_000));
    return lines;
  },
} satisfies Partial<MonitorApi>;

page.syntheticMonitor = {
  update(key, change) {
    const current = rooms.get(key);
    if (!current) throw new Error(`no room ${key}`);
    rooms.set(key, { ...current, ...change });
    emit({ type: 'rooms', rooms: [rooms.get(key) as RoomView] });
  },
  retried,
  looked,
  sparklineRequests,
  snoozed,
  focus: (key) => emit({ type: 'focus', key }),
  conditions: (conditions) => emit({ type: 'summary', summary: summaryOf(rooms.values(), conditions) }),
  roomRules,
  holdAnswers(method) {
    let release = () => {};
    const arrives = new Promise<void>((resolve) => {
      release = resolve;
    });
    held.set(method, { arrives, release });
  },
  releaseAnswers(method) {
    held.get(method)?.release();
    held.delete(method);
  },
};
// The popover takes only what it calls; the rest of the contract is not exercised here.
page.headcount = api as unknown as MonitorApi;
