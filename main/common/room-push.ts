/**
 * The words for showing a room's count to its viewers, shared by the engine, the settings, the
 * contract and the UI: how the count is written into the room, under which key, and how that stands.
 */

/** The mechanisms, the first the default: a group attribute, a group counter, a custom message. */
export const PUSH_VIAS = ['group-attr', 'group-counter', 'message'] as const;

export type PushVia = (typeof PUSH_VIAS)[number];

/** The key Tencent's own article on a live room's online count uses, and Headcount's default. */
export const DEFAULT_PUSH_KEY = 'online_member_num';

/**
 * The longest key, in UTF-8 bytes: a group attribute's limit (doc 1047/50321; 10045 past it).
 * Counters take 128 bytes (1047/53428), but one limit for every mechanism lets a room switch.
 */
export const MAX_PUSH_KEY_BYTES = 32;

/**
 * - `waiting`: opted in, nothing written yet (no fresh count since, or the count is not fresh).
 * - `ok`: the last write went through.
 * - `failing`: writes fail and are retried with backoff.
 * - `refused`: the server refused the mechanism for this room (edition, permission, limits):
 *   nothing more is written until the user changes it; `reason` says what to change.
 * - `closed`: the room is gone (or no longer polled): nothing more is written.
 * - `off`: the room was opted out (reported once, so a firing alert can clear).
 */
export type PushState = 'waiting' | 'ok' | 'failing' | 'refused' | 'closed' | 'off';

export function isPushVia(value: unknown): value is PushVia {
  return typeof value === 'string' && (PUSH_VIAS as readonly string[]).includes(value);
}

/** Null for a usable key, else one sentence saying what is wrong. */
export function pushKeyProblem(key: string): string | null {
  if (key.trim() === '') return 'The key is empty.';
  const bytes = new TextEncoder().encode(key).length;
  if (bytes > MAX_PUSH_KEY_BYTES) {
    return `The key "${key}" is ${bytes} bytes long; a room takes keys of at most ${MAX_PUSH_KEY_BYTES} bytes.`;
  }
  return null;
}
