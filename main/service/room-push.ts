/**
 * Rooms that show their count to viewers, as the service keeps and applies them: the choice is kept
 * in the shared settings' `rooms[groupId].push` (by group id alone, as a room's rules are, so every
 * profile watching the group takes it), applied to the engines' pushers, and shown with the room.
 */

import { pushKeyProblem } from '../common/room-push';
import type { PushSettings, RoomPushView } from '../contract/push-api';
import type { PushStatus } from '../core/push/push-status';
import type { PushTarget } from '../core/push/push-target';
import { pushTargetOf } from '../core/settings/settings-push';
import type { PushInFile, Settings } from '../core/settings/settings-schema';
import { withRoomEntry } from './room-rules';
import type { ProfileEngine, RoomPushStore } from './service-ports';

/** The settings with `push` as the room's push; null removes it. */
export function withRoomPush<S extends Pick<Settings, 'rooms'>>(
  settings: S,
  groupId: string,
  push: PushInFile | null,
): S {
  return withRoomEntry(settings, groupId, 'push', push);
}

/** Room pushes kept in memory for this run (the demo, tests). */
export function memoryRoomPush(initial: Readonly<Record<string, PushInFile>> = {}): RoomPushStore {
  let settings: Pick<Settings, 'rooms'> = {
    rooms: Object.fromEntries(Object.entries(initial).map(([groupId, push]) => [groupId, { push }])),
  };
  return {
    read: (groupId) => settings.rooms?.[groupId]?.push,
    reader: () => {
      const { rooms } = settings;
      return (groupId) => rooms?.[groupId]?.push;
    },
    write: (groupId, push) => {
      settings = withRoomPush(settings, groupId, push);
    },
  };
}

/**
 * A store whose rooms named in `overrides` push as the command line says, for this run, until the
 * user changes one: the change is kept in `store` and the override for that room is dropped.
 */
export function overriddenRoomPush(
  store: RoomPushStore,
  overrides: ReadonlyMap<string, PushTarget>,
): RoomPushStore {
  const left = new Map(overrides);
  return {
    read: (groupId) => left.get(groupId) ?? store.read(groupId),
    reader: () => {
      const read = store.reader();
      return (groupId) => left.get(groupId) ?? read(groupId);
    },
    write: (groupId, push) => {
      left.delete(groupId);
      store.write(groupId, push);
    },
  };
}

/**
 * A push as the UI asks for it, checked: a key of 1 to 32 bytes, and `message` only once the user
 * said they know it uses the app's message quota.
 * @throws Error saying what to change.
 */
export function checkedPush(push: PushSettings | null, quotaAcknowledged: boolean): PushTarget | null {
  if (!push) return null;
  const problem = pushKeyProblem(push.key);
  if (problem) throw new Error(problem);
  if (push.via === 'message' && !quotaAcknowledged) {
    throw new Error(
      "A message into the room uses the app's message quota (1,000 a day on trial and developer editions): confirm that first, or choose a group attribute.",
    );
  }
  return { via: push.via, key: push.key };
}

/** Opts the engine's rooms in or out as the store says. */
export function applyRoomPushes(
  engine: ProfileEngine | null,
  store: RoomPushStore,
  groupIds: readonly string[],
): void {
  if (!engine?.pusher) return;
  const read = store.reader();
  for (const groupId of groupIds) {
    const push = read(groupId);
    engine.pusher.configure(groupId, push ? pushTargetOf(push) : null);
  }
}

/** A room's push as the UI sees it, or null when the room does not show its count. */
export function roomPushView(status: PushStatus | undefined): RoomPushView | null {
  if (!status || status.state === 'off') return null;
  const { via, key, state, reason, error, written } = status;
  return {
    via,
    key,
    state,
    reason,
    error: error ? { kind: error.kind, ...(error.code === undefined ? {} : { code: error.code }) } : null,
    written,
  };
}
