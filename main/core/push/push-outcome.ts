/**
 * What a failed write into a room means for the next one: stop for good, slow down, or retry with
 * backoff. Codes from the write commands' pages: 10007 no permission (1047/59499), 10045 key over
 * 32 bytes, 10049 over five attribute writes a second in one group, 10004 a bad parameter (over
 * 16 attributes or 16 KB, 1047/50321); an edition without group counters refuses them (1047/53428).
 */

import type { PushVia } from '../../common/room-push';
import type { ImError } from '../error-kind';

/** One write's failure, decided. */
export type PushFailure =
  /** The room is gone or its id is not valid: nothing more to write. */
  | { action: 'close'; reason: string }
  /** The server will keep refusing this mechanism here until the user changes something. */
  | { action: 'refuse'; reason: string }
  /** Over a rate: `room` for the group's own five attribute writes a second, else the command's. */
  | { action: 'slow'; scope: 'room' | 'command' }
  /** Worth another try later. */
  | { action: 'retry'; reason: string };

/** A key over 32 bytes (1047/59499); Headcount refuses such keys first, so this is a server's word. */
const KEY_TOO_LONG_CODE = 10045;

/** The group's attribute write limit: five a second (1047/50321). */
export const GROUP_ATTR_WRITE_LIMIT_CODE = 10049;

const WHAT_TO_CHANGE: Readonly<Record<PushVia, string>> = {
  'group-attr':
    'The server refused the group attribute: attributes need a live-stream room (AVChatRoom), at most 16 keys and 16 KB a room. Free a key, or show the count with a group counter or a message.',
  'group-counter':
    'The server refused the group counter: group counters need the Pro, Pro Plus or Enterprise edition of Chat. Upgrade the app in the Chat console, or show the count with a group attribute (group-attr).',
  message:
    'The server refused the message: trial and developer editions send at most 1,000 messages a day, and the app must be allowed to send into the room. Upgrade the app, or show the count with a group attribute (group-attr).',
};

/** Decides what a failed write of `via` means. */
export function pushFailure(via: PushVia, error: ImError): PushFailure {
  const code = error.code === undefined ? error.kind : String(error.code);
  if (error.code === KEY_TOO_LONG_CODE) {
    return { action: 'refuse', reason: `The server refused the key: keys are at most 32 bytes (${code}).` };
  }
  switch (error.kind) {
    case 'group-gone':
    case 'invalid-group':
      return { action: 'close', reason: `The room is gone: nothing more is written into it (${code}).` };
    case 'not-live-room':
    case 'account':
    case 'request':
      return { action: 'refuse', reason: `${WHAT_TO_CHANGE[via]} (${code})` };
    case 'rate-limited':
      return { action: 'slow', scope: error.code === GROUP_ATTR_WRITE_LIMIT_CODE ? 'room' : 'command' };
    default:
      return { action: 'retry', reason: error.message };
  }
}
