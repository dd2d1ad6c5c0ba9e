/**
 * How Tencent IM error codes map onto the stable error kinds (main/common/error-kinds.ts;
 * reference/tencent-im-api.md, doc 1047/34620 and 1047/38521).
 */
import type { ErrorKind } from '../common/error-kinds';

/** A failure as everything outside the IM client sees it. Never carries a secret or a UserSig. */
export interface ImError {
  kind: ErrorKind;
  /** The IM `ErrorCode` (or HTTP status for gateway failures), when there was one. */
  code?: number;
  /** What happened and what to do, in plain words. */
  message: string;
}

/** 70001: the UserSig expired; the client signs a fresh one and retries once before reporting `auth`. */
export const USERSIG_EXPIRED = 70001;

const CODE_KINDS: ReadonlyMap<number, ErrorKind> = new Map<number, ErrorKind>([
  ...codes(
    'auth',
    [
      60004, 60005, 60006, 60010, 60015, 70001, 70002, 70003, 70005, 70009, 70013, 70014, 70016, 70020, 70052,
      70403,
    ],
  ),
  // 10049: over a group's five attribute writes a second (doc 1047/59499); only writes see it.
  ...codes('rate-limited', [60007, 60011, 60018, 60019, 10006, 10049, 70050]),
  ...codes('transient', [10002, 60008, 60013, 60014, 70169, 70500]),
  ...codes('account', [60016, 60017, 60020, 60021, 70051, 70114, 70398]),
  ...codes('request', [60002, 60003, 60009, 60012, 10003, 10004, 70402]),
  ...codes('group-gone', [10010]),
  ...codes('not-live-room', [10007]),
  ...codes('invalid-group', [10015]),
]);

function codes(kind: ErrorKind, list: number[]): [number, ErrorKind][] {
  return list.map((code) => [code, kind]);
}

export function kindOfCode(code: number): ErrorKind {
  return CODE_KINDS.get(code) ?? 'unknown';
}

/** Codes whose usual cause is a host in another data centre than the one the SDKAppID lives in. */
const WRONG_REGION_CODES = new Set([70016, 70020]);

/**
 * Builds the user-facing error for an IM error code. `info` is the server's `ErrorInfo`, kept for
 * support, after the plain explanation.
 */
export function imErrorFromCode(code: number, info: string): ImError {
  const kind = kindOfCode(code);
  const hint = hintFor(code, kind);
  const detail = info.trim() ? ` (${code}: ${info.trim()})` : ` (${code})`;
  return { kind, code, message: `${hint}${detail}` };
}

function hintFor(code: number, kind: ErrorKind): string {
  if (WRONG_REGION_CODES.has(code)) {
    return 'The server does not know this SDKAppID or its key: is the region right for this SDKAppID?';
  }
  if (code === 70050) {
    return 'Too many bad UserSigs: the server locked this app for one minute. Check the secret key.';
  }
  // The client reports 70001 only after a freshly signed UserSig was refused too, so the key is not the suspect.
  if (code === USERSIG_EXPIRED) {
    return "The server says the UserSig expired even though it was just signed: check this computer's date and time.";
  }
  return EXPLANATIONS[kind];
}

/** A plain explanation of each kind, with what to do about it. */
export const EXPLANATIONS: Readonly<Record<ErrorKind, string>> = {
  auth: 'The server rejected the credentials: check the SDKAppID, the admin identifier and the secret key.',
  'rate-limited': 'The app is over the API rate limit: Headcount slows down and recovers by itself.',
  transient: 'The server or the network failed for a moment: Headcount retries with backoff.',
  'group-gone': 'The room does not exist or was disbanded: polling it stopped.',
  'not-live-room':
    'This group is not a live-stream room (AVChatRoom), so it has no online count: polling it stopped.',
  'invalid-group': 'The room id is not valid: check it for typos. Polling it stopped.',
  account:
    'The account cannot use this API (app disabled, package expired, IP not allowed, or blocked): see the IM console.',
  protocol: 'The server answered something that does not make sense; Headcount retries.',
  request: 'The request was malformed, which is a bug in Headcount: please report it.',
  unknown: 'The server returned an error Headcount does not know.',
};

/** Kinds after which the room is not polled again until the user acts. */
export const ROOM_STOPPING_KINDS: ReadonlySet<ErrorKind> = new Set([
  'group-gone',
  'not-live-room',
  'invalid-group',
]);

/** Kinds after which the whole app profile pauses until its credentials change. */
export const APP_STOPPING_KINDS: ReadonlySet<ErrorKind> = new Set(['auth', 'account']);
