/**
 * Where a room's count is written for its viewers, and what is written: the three mechanisms of
 * Tencent IM a client can listen to, the key, and the value.
 */
import type { PushVia } from '../../common/room-push';
import type { ImCommand } from '../command-budgets';

/** A room's opt-in: how its count is written, under which key. */
export interface PushTarget {
  via: PushVia;
  key: string;
}

/** The command each mechanism sends. */
export const PUSH_COMMAND: Readonly<Record<PushVia, ImCommand>> = {
  'group-attr': 'modify_group_attr',
  'group-counter': 'update_group_counter',
  message: 'send_group_msg',
};

/** Messages are not kept by the room, so one goes out at least this often even when the count holds. */
export const MESSAGE_HEARTBEAT_MS = 60_000;

/**
 * The value a viewer reads: `{"online":N,"at":<unix seconds of the sample>}` in an attribute or a
 * message, the plain count in a counter (counters hold integers only).
 */
export function pushedValue(via: PushVia, online: number, sampledAtMs: number): string | number {
  if (via === 'group-counter') return online;
  return JSON.stringify({ online, at: Math.floor(sampledAtMs / 1000) });
}
