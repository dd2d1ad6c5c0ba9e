/**
 * "Needs attention": the order that puts the rooms a person should look at first. Pure.
 *
 * 1. rooms with an alert firing now;
 * 2. failing rooms;
 * 3. rooms closed in the last hour;
 * 4. ids that need correcting: not found, not a live room, invalid id;
 * 5. stale rooms;
 * 6. the biggest drops over the chosen window;
 * 7. then every other room, most online first.
 */
import type { ChangeWindow, RoomKey, RoomView } from '../../main/contract/monitor-api';

const HOUR_MS = 3_600_000;

/** The rank of a room's trouble: lower comes first; {@link CALM} for a room that needs nobody. */
export function attentionRank(
  room: RoomView,
  changeWindow: ChangeWindow,
  firing: ReadonlySet<RoomKey>,
  now: number,
): number {
  if (firing.has(room.key)) return 0;
  if (room.state === 'failing') return 1;
  if (room.state === 'closed') return closedInTheLastHour(room, now) ? 2 : CALM + 1;
  if (room.state === 'not-found' || room.state === 'not-live-room' || room.state === 'invalid-group')
    return 3;
  if (room.state === 'stale') return 4;
  if ((room.changes[changeWindow] ?? 0) < 0) return 5;
  return CALM;
}

/**
 * Whether a room closed in the hour before `now`: the one part of the order that time moves on
 * (such a room drops among the old closed ones an hour after it closed, without a push).
 */
export function closedInTheLastHour(room: Pick<RoomView, 'state' | 'stoppedAt'>, now: number): boolean {
  return room.state === 'closed' && room.stoppedAt !== null && now - room.stoppedAt <= HOUR_MS;
}

/** The rank of rooms that need nobody; an old closed room comes after them. */
const CALM = 6;

/** Compares by trouble, the drops by size, and then by `then` (most online, by name). */
export function attentionComparator(
  changeWindow: ChangeWindow,
  attention: { firing: ReadonlySet<RoomKey>; now: number },
  then: (a: RoomView, b: RoomView) => number,
): (a: RoomView, b: RoomView) => number {
  const rank = (room: RoomView) => attentionRank(room, changeWindow, attention.firing, attention.now);
  return (a, b) => {
    const ra = rank(a);
    const rb = rank(b);
    if (ra !== rb) return ra - rb;
    if (ra === 5) return (a.changes[changeWindow] ?? 0) - (b.changes[changeWindow] ?? 0) || then(a, b);
    return then(a, b);
  };
}
