/**
 * The one contract between the engine (main process, or `headcount serve`) and the UI: what the UI
 * may ask and what it is pushed. Types and constants only, importing nothing at run time (a test
 * checks): the renderer takes its types from here, the Electron preload object and the web client
 * are both made from `MONITOR_METHODS` and checked `satisfies MonitorApi`, and main validates every
 * incoming argument at run time before a handler runs. No secret ever crosses it outward. The
 * vocabulary it shares with the engine (rules, error kinds, states) lives in main/common.
 */
import type { ErrorKind } from '../common/error-kinds';
import type { KeyStorage } from '../common/key-storage';
import type { TierLine } from '../common/poll-tiers';
import type { AppCondition, AppState, RoomState, RoomStatus } from '../common/room-states';
import type { RuleSettings } from '../common/rule-settings';
import type { AlertEntryQuery, AlertEntryView, AlertView, RoomKey } from './alert-api';
import type { OverlayChange, OverlayView } from './overlay-api';
import type { BudgetView, PushSettings, RoomPushSetup, RoomPushView } from './push-api';
import type { LiveRoomsPage, PollingInput, SettingsPatch, SettingsView } from './settings-api';

export type { AlertPhase, AlertRule, Severity } from '../common/alert-rules';
export type * from './alert-api';
export type * from './overlay-api';
export type * from './push-api';
export type * from './settings-api';
export type { AppCondition, AppState, ErrorKind, KeyStorage, RoomState, RoomStatus, RuleSettings, TierLine };

/** The longer spans a row's change can be measured over, besides the last minute. */
export type ChangeWindow = '5m' | '15m' | '30m' | '1h';
export const CHANGE_WINDOWS = ['5m', '15m', '30m', '1h'] as const satisfies readonly ChangeWindow[];

export interface RoomErrorView {
  kind: ErrorKind;
  code?: number;
  /** What happened and what to do, in words. */
  message: string;
}

export interface RoomView {
  key: RoomKey;
  profileId: string;
  groupId: string;
  /** The user's label, else the group's Name from get_group_info, else null. */
  label: string | null;
  /**
   * The room's own state in the design's words, the one to show and to count by: never the app's
   * condition (a rate-limited or paused app is said once, in the snapshot's `summary.conditions`).
   * While `failing`, `error.kind` says why.
   */
  state: RoomState;
  /**
   * Whether `online` counts in totals: the latest answer is a count no older than two effective
   * intervals. Otherwise `online`, when there is one, is history (a closed room's last count).
   */
  current: boolean;
  /** The engine's bookkeeping behind `state`; show `state`. */
  status: RoomStatus;
  /** Last measured count; null when none was measured. A failure never reads as 0. */
  online: number | null;
  /** Epoch ms of that count, and its age when the view was made. */
  measuredAt: number | null;
  ageMs: number | null;
  /** Change against about a minute ago, when known. */
  change1m: number | null;
  /** Change against the start of each longer window the UI lets a person choose, when known. */
  changes: Record<ChangeWindow, number | null>;
  error: RoomErrorView | null;
  peak: { online: number; at: number } | null;
  /** While the room is not polled any more (closed, not found, not a live room, invalid id): since when (epoch ms). */
  stoppedAt: number | null;
  pinned: boolean;
  /** When a snooze covering this room ends. */
  snoozedUntil: number | null;
  /** How writing the count into the room for its viewers stands; null when the room does not show it. */
  push: RoomPushView | null;
}

export interface ProfileView {
  id: string;
  label: string;
  sdkAppId: number;
  identifier: string;
  /** A region key from the reference table, or null with a custom endpoint. */
  region: string | null;
  endpoint: string | null;
  keyStorage: KeyStorage;
  /** What the key storage means, in words ("Saved in the macOS Keychain", "Kept in memory only..."). */
  keyStorageNote: string;
  /** True where the key stays in memory only for want of a keyring, and the user may opt in to keep it on disk weakly. */
  weakStorageOffered: boolean;
  state: AppState;
  /** Why the profile is not running, in English words; `error` says the same for a UI that words it itself. */
  reason: string | null;
  error: { kind: ErrorKind; code?: number } | null;
  /** While the credentials or account are rejected: when they are tried again (epoch ms). */
  retryAt?: number;
  plan: {
    rooms: number;
    requestedIntervalS: number;
    effectiveIntervalS: number;
    stretched: boolean;
    callsPerSecond: number;
    capPerSecond: number;
    /**
     * The calls' usual time to be answered (ms), while it slows the pace the cap allows: each call
     * counts against the cap until a second after its answer. Absent while answers are quick.
     */
    answerMs?: number;
    /**
     * While the rooms do not fit the cap and are polled at different intervals: each pace, fastest
     * first, with why its rooms are there (`effectiveIntervalS` is then the slowest).
     */
    tiers?: TierLine[];
  };
  /** Each IM REST command's rate budget (the count's first); empty while the profile does not run. */
  budgets: BudgetView[];
}

/** An app that is not simply running, said once beside the rooms (banner, status line, tray tooltip). */
export interface AppConditionView {
  profileId: string;
  /** The profile's label, to name the app. */
  label: string;
  /** `rate-limited`: slowed down after 60007 and recovering by itself; `paused`; `auth-failed`. */
  condition: AppCondition;
  /** Why, in English words; `error` says the same for a UI that words it itself. */
  reason: string | null;
  error: { kind: ErrorKind; code?: number } | null;
  /** While the credentials or account are rejected: when they are tried again (epoch ms). */
  retryAt?: number;
}

/**
 * The engine's summary of every room, by the totals rule (design.md, "Room states and totals"): a
 * surface shows these figures and never adds rooms up itself.
 */
export interface MonitorSummary {
  /** People online in the rooms whose count is current, over every profile. */
  online: number;
  /** How many rooms that total adds. */
  counted: number;
  /** Every watched room (a profile without its key has none polled, and none here). */
  rooms: number;
  /** How many rooms are in each state; every state is present, 0 when none. */
  states: Record<RoomState, number>;
  /** The apps that are not simply running, apart from the rooms' states; empty when all run. */
  conditions: AppConditionView[];
}

export interface MonitorSnapshot {
  /** True while the built-in simulator plays the demo show because no app profile is set up. */
  demo: boolean;
  paused: boolean;
  profiles: ProfileView[];
  rooms: RoomView[];
  /** The totals and counts by state, made by the engine; pushed again whenever it changes. */
  summary: MonitorSummary;
  /** Something the user should know (e.g. settings were damaged and reset, with where the backup is). */
  notices: string[];
  /** The data centres an app can live in, for the profile form. */
  regions: Array<{ key: string; label: string }>;
}

/** What main pushes: whole snapshots rarely, changed rooms as deltas. */
export type MonitorPush =
  | { type: 'snapshot'; snapshot: MonitorSnapshot }
  | { type: 'rooms'; rooms: RoomView[] }
  | { type: 'rooms-removed'; keys: RoomKey[] }
  /** The summary changed (a total, a state's count or an app's condition). */
  | { type: 'summary'; summary: MonitorSummary }
  | { type: 'profiles'; profiles: ProfileView[] }
  | { type: 'alert'; alert: AlertView }
  /** A notification was clicked: show this room. */
  | { type: 'focus'; key: RoomKey }
  /** The tray menu asked for a view of the popover. */
  | { type: 'show'; view: 'rooms' | 'settings' };

/** An app profile as the settings form sends it. The secret key is write-only: absent keeps the saved one. */
export interface ProfileInput {
  id?: string;
  label: string;
  sdkAppId: number;
  identifier: string;
  region?: string;
  endpoint?: string;
  secretKey?: string;
  /** On Linux without a keyring: keep the key on disk under weak protection anyway. */
  allowWeakStorage?: boolean;
}

export interface ConnectionTestResult {
  ok: boolean;
  /** The answer in words: "Connected: 1,234 online in @TGS#a" or what is wrong and what to do. */
  message: string;
  kind?: ErrorKind;
  code?: number;
}

export interface AddRoomsResult {
  added: RoomKey[];
  refused: Array<{ groupId: string; reason: string }>;
}

export type SnoozeTarget =
  | { kind: 'all' }
  | { kind: 'profile'; profileId: string }
  | { kind: 'room'; key: RoomKey };
export type SnoozeChoice = '15m' | '1h' | '4h' | 'tomorrow-morning';

/** A time span the room chart shows, ending now: the last 10 minutes, hour, 6 hours, day or week. */
export type ChartRange = 'live' | '1h' | '6h' | '24h' | '7d';

/**
 * One room's chart over a range: parallel arrays, one entry per point, at most about 1500 points
 * (longer ranges are drawn from per-minute or 10-minute buckets). A failed poll or a stretch
 * without counts is null, never 0, so the line breaks there.
 */
export interface ChartData {
  range: ChartRange;
  /** Epoch ms of each point, oldest first. */
  at: number[];
  /** The count at that point (full resolution), or the bucket's average. */
  online: Array<number | null>;
  /** For bucketed points: the bucket's min and max (null at full resolution). */
  min: Array<number | null>;
  max: Array<number | null>;
  summary: { peak: { online: number; at: number } | null; min: number | null; avg: number | null };
  /** Alerts of this room within the range, to mark on the chart. */
  alerts: AlertView[];
}

export interface MonitorApi {
  getSnapshot(): Promise<MonitorSnapshot>;
  /** Subscribes to pushes; returns the unsubscribe function. */
  onPush(listener: (push: MonitorPush) => void): () => void;
  addRooms(profileId: string, groupIds: string[]): Promise<AddRoomsResult>;
  retryRoom(key: RoomKey): Promise<void>;
  setPinned(key: RoomKey, pinned: boolean): Promise<void>;
  /**
   * A person is looking at these rooms now (open in the room view). While the rooms do not fit the
   * rate cap they keep the requested interval for the next 90 s; a view that stays open says so
   * again every minute. Several windows may say so at once: each look counts.
   */
  lookAt(keys: RoomKey[]): Promise<void>;
  setPaused(paused: boolean): Promise<void>;
  snooze(target: SnoozeTarget, choice: SnoozeChoice): Promise<void>;
  unsnooze(target: SnoozeTarget): Promise<void>;
  saveProfile(input: ProfileInput): Promise<ProfileView>;
  removeProfile(profileId: string): Promise<void>;
  testConnection(input: ProfileInput): Promise<ConnectionTestResult>;
  listAlerts(query: { sinceMs?: number; key?: RoomKey; limit?: number }): Promise<AlertView[]>;
  /** The log's alerts with their deliveries and acknowledgement, newest first, filtered by `query`. */
  listAlertEntries(query: AlertEntryQuery): Promise<AlertEntryView[]>;
  /** Marks an alert as seen by a person; acknowledging twice keeps the first time. */
  acknowledgeAlert(id: string): Promise<void>;
  /**
   * One page of the profile's live-stream rooms (AVChatRoom) with their names, the watched ones
   * marked. Pass the previous page's `next` for the following one; pages are paced to the API's
   * one get_appid_group_list call per second.
   */
  findLiveRooms(profileId: string, next?: string): Promise<LiveRoomsPage>;
  /** A profile's polling interval and rate cap, applied at once and kept in the settings. */
  setPolling(profileId: string, polling: PollingInput): Promise<void>;
  /** Every setting the UI may show; webhook URLs masked. */
  getSettings(): Promise<SettingsView>;
  /** Changes settings, applied at once (alert rules, webhooks, tray...); returns them as they now are. */
  updateSettings(patch: SettingsPatch): Promise<SettingsView>;
  /** The room's chart over `range`, with its peak, min and average and the alerts to mark. */
  getChart(key: RoomKey, range: ChartRange): Promise<ChartData>;
  /**
   * The room's history over `range` as CSV, `time,online,min,max` with ISO times: every sample the
   * store holds for the ranges up to 6 h, per-minute buckets for 24h, 10-minute buckets for 7d.
   * An empty field is a failure or a gap; min and max are empty at full resolution.
   */
  exportCsv(key: RoomKey, range: ChartRange): Promise<string>;
  /**
   * The sparklines of these rooms (at most 200 a call): one value per minute for the last 30
   * minutes, oldest first, the minute's average count, or null for a gap or a failure (never 0).
   */
  getSparklines(keys: RoomKey[]): Promise<Record<RoomKey, Array<number | null>>>;
  /** The rules written for this room alone (over the defaults), or null when it follows the defaults. */
  getRoomRules(key: RoomKey): Promise<RuleSettings | null>;
  /** Writes this room's own rules (null: back to the defaults), kept in the settings and applied at once. */
  setRoomRules(key: RoomKey, rules: RuleSettings | null): Promise<void>;
  /** Whether the room shows its count to viewers and how, and what they see now where that can be read. */
  getRoomPush(key: RoomKey): Promise<RoomPushSetup>;
  /**
   * Shows the room's count to viewers (null: stops), kept in the settings by group id and applied at
   * once. `message` is refused unless `quotaAcknowledged`: it uses the app's message quota.
   */
  setRoomPush(key: RoomKey, push: PushSettings | null, quotaAcknowledged?: boolean): Promise<void>;
  /** The OBS overlay: whether it is served, where, and its token. */
  getOverlay(): Promise<OverlayView>;
  /** Turns the tray app's overlay server on or off, moves its port, or makes a new link; refused in serve. */
  setOverlay(change: OverlayChange): Promise<OverlayView>;
}

/** The methods the UI calls (everything but the subscription), each one IPC channel. */
export type MonitorMethod = Exclude<keyof MonitorApi, 'onPush'>;

export const MONITOR_METHODS = [
  'getSnapshot',
  'addRooms',
  'retryRoom',
  'setPinned',
  'lookAt',
  'setPaused',
  'snooze',
  'unsnooze',
  'saveProfile',
  'removeProfile',
  'testConnection',
  'listAlerts',
  'listAlertEntries',
  'acknowledgeAlert',
  'findLiveRooms',
  'setPolling',
  'getSettings',
  'updateSettings',
  'getChart',
  'exportCsv',
  'getSparklines',
  'getRoomRules',
  'setRoomRules',
  'getRoomPush',
  'setRoomPush',
  'getOverlay',
  'setOverlay',
] as const satisfies readonly MonitorMethod[];

/** The IPC channel of a method, and the one pushes arrive on. */
export const channelOf = (method: MonitorMethod) => `monitor:${method}` as const;
export const PUSH_CHANNEL = 'monitor:push';

// Every method of the contract has its channel: a method added to MonitorApi but not listed fails here.
type Unlisted = Exclude<MonitorMethod, (typeof MONITOR_METHODS)[number]>;
export const ALL_METHODS_LISTED: Unlisted extends never ? true : never = true;
