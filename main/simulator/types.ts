/**
 * The simulator's public types: what a test, the demo or a benchmark configures and reads.
 */
import type { Edition } from './edition';
import type { AudienceView } from './room-writes';

export type { Edition } from './edition';
export type { AudienceView, DeliveredMessage } from './room-writes';

/** How to start a simulator. Every field is optional. */
export interface SimulatorOptions {
  /** Interface to listen on, default `'127.0.0.1'`. */
  host?: string;
  /** Port, default 0 (any free port). */
  port?: number;
  /** Serve HTTPS with the built-in test certificate (localhost, 127.0.0.1, ::1), signed by the built-in test CA. */
  tls?: boolean;
  /** Default 1400000000. */
  sdkAppId?: number;
  /** The app admin identifier, default `'administrator'`. */
  identifier?: string;
  /** Default: a fresh random 64-hex-char key for each simulator. */
  secretKey?: string;
  /** Cap of get_online_member_num calls per SDKAppID in each one-second window of the wall clock, default 200. */
  ratePerSecond?: number;
  rooms?: RoomSpec[];
  /**
   * The Chat edition of the app, default `'trial'`: group counters need `'pro'`, `'pro-plus'` or
   * `'enterprise'`; the trial sends at most 1,000 messages a day.
   */
  edition?: Edition;
  /** Time source for audiences, rate windows, UserSig expiry and the request log; default `Date.now`. */
  clock?: { wall(): number };
}

/** Tencent IM group types; only `AVChatRoom` has an online count. */
export type RoomType = 'AVChatRoom' | 'Public' | 'Private' | 'ChatRoom' | 'Community';

/** A group the simulator knows. */
export interface RoomSpec {
  groupId: string;
  /** Returned by get_group_info; defaults to the group id. */
  name?: string;
  /** Default `AVChatRoom`. */
  type?: RoomType;
  audience: AudienceSpec;
}

/**
 * How a room's online count moves. Seconds count from when the room was added. `noise` is a
 * relative amplitude (0.03 = up to 3 % either way), deterministic for a group id and a 10-second
 * bucket. Counts are always non-negative integers.
 *
 * - `fixed`: always `online`.
 * - `steady`: `base` plus noise.
 * - `ramp`: linear from `from` to `to` over `overSeconds`, then holds `to` (a stream starting).
 * - `raid`: `base`, then `base + extra` at `atSeconds`, falling linearly back to `base` over
 *   `decaySeconds` (without it the extra viewers stay).
 * - `drop`: `base`, then `to` from `atSeconds`.
 * - `ends`: `base`, then 0 from `endAtSeconds`; with `disband` the room is gone (10010) from then on.
 * - `script`: piecewise linear through `[seconds, online]` points, holding the first value before
 *   the first point and the last value after the last.
 */
export type AudienceSpec =
  | { kind: 'fixed'; online: number }
  | { kind: 'steady'; base: number; noise?: number }
  | { kind: 'ramp'; from: number; to: number; overSeconds: number; noise?: number }
  | { kind: 'raid'; base: number; extra: number; atSeconds: number; decaySeconds?: number; noise?: number }
  | { kind: 'drop'; base: number; to: number; atSeconds: number; noise?: number }
  | { kind: 'ends'; base: number; endAtSeconds: number; disband?: boolean; noise?: number }
  | { kind: 'script'; points: Array<[seconds: number, online: number]>; noise?: number };

/**
 * A failure to inject into `/v4/` requests. The first matching fault in injection order applies.
 *
 * - `http-502`: HTTP 502 with an HTML body, as a gateway would send.
 * - `truncated-json`: the normal answer, HTTP 200, with its JSON text cut in half.
 * - `hang`: accept the request and never answer (until `close()`).
 * - `slow`: answer normally after `delayMs`.
 * - `error-code`: HTTP 200 envelope `{ActionStatus:'FAIL', ErrorCode: code, ErrorInfo}`.
 */
export type FaultSpec = {
  kind: 'http-502' | 'truncated-json' | 'hang' | 'slow' | 'error-code';
  /** For `slow`, default 1000. */
  delayMs?: number;
  /** For `error-code`, default 10002 (internal error). */
  code?: number;
  /** Only requests naming this group (a request's GroupId or one of get_group_info's ids). */
  groupId?: string;
  /** Only requests of this command (the path's last segment, e.g. `modify_group_attr`). */
  command?: string;
  /** How many requests it hits; default: every matching request until `clearFaults()`. */
  times?: number;
};

/**
 * One `/v4/` request the simulator received. `errorCode` is the envelope's ErrorCode (also for a
 * truncated answer), or -1 when no envelope was sent (`http-502`, `hang`, or not answered yet).
 * `httpStatus` is 0 while no answer has been sent (a hung or still slow request).
 */
export interface RequestRecord {
  /** Wall-clock milliseconds when the request was received. */
  at: number;
  /** The last path segment, e.g. `get_online_member_num`. */
  command: string;
  /** get_online_member_num's GroupId, or get_group_info's only id. */
  groupId?: string;
  /** The request body as parsed JSON, for the commands that write into a room (null: not JSON). */
  body?: unknown;
  errorCode: number;
  httpStatus: number;
}

/** Counters over the request log. */
export interface SimulatorStats {
  total: number;
  /** Number of requests by envelope ErrorCode, keyed by the code in decimal (`'0'` for success). */
  byErrorCode: Record<string, number>;
  /** Most get_online_member_num requests received in any sliding 1000 ms window. */
  maxInAnyWindow: number;
}

/** Drives a running simulator. Methods that name a room throw when the simulator does not know it. */
export interface SimulatorControl {
  /** Adds a room (or replaces one with the same id); its audience time starts now. */
  addRoom(spec: RoomSpec): void;
  /** Forgets a room, as if it never existed (10010). */
  removeRoom(groupId: string): void;
  /** Disbands a room: 10010 from now on. */
  disband(groupId: string): void;
  /** Switches a room to a `fixed` audience of `online`. */
  setOnline(groupId: string, online: number): void;
  injectFault(fault: FaultSpec): void;
  clearFaults(): void;
  /** Sets the get_online_member_num cap per one-second window. */
  setRate(perSecond: number): void;
  /** Replaces the secret key, as a key rotated in the console: older UserSigs fail with 70009. */
  setSecretKey(secretKey: string): void;
  /** A copy of the request log, oldest first. */
  requests(): RequestRecord[];
  /** Empties the request log and its stats. */
  resetLog(): void;
  stats(): SimulatorStats;
  /** What the members of a room would see now: its attributes, counters and last messages. */
  audience(groupId: string): AudienceView;
  /** Moves the app to another Chat edition (what counters and the message quota follow). */
  setEdition(edition: Edition): void;
}

/** A simulator listening on loopback. */
export interface RunningSimulator {
  /** `'http://127.0.0.1:PORT'`, or `'https://localhost:PORT'` with `tls`. */
  baseUrl: string;
  /** PEM of the test CA, when `tls`. */
  caCert?: string;
  credentials: { sdkAppId: number; identifier: string; secretKey: string };
  control: SimulatorControl;
  /** Stops listening and destroys every socket, hung requests included. */
  close(): Promise<void>;
}
