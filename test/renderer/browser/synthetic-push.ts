/**
 * Showing a room's count to its viewers in the synthetic MonitorApi: a room's push as the fixture
 * made it, changed by the page as the engine would (a message refused without the quota
 * acknowledged), and what the viewers of a room whose push works see. What the page asked is on
 * `globalThis.syntheticPush`.
 */
import type { MonitorApi, MonitorPush, PushSettings, RoomView } from '../../../main/contract/monitor-api';

/** The changes the page asked for, in order. */
export interface SyntheticPushRecord {
  changes: Array<{ key: string; push: PushSettings | null; quotaAcknowledged: boolean }>;
}

/** The methods over the fixture's rooms; a change is pushed with the room, as the engine does. */
export function syntheticPushApi(
  rooms: Map<string, RoomView>,
  emit: (push: MonitorPush) => void,
  now: number,
): Pick<MonitorApi, 'getRoomPush' | 'setRoomPush'> {
  const record: SyntheticPushRecord = { changes: [] };
  (globalThis as unknown as { syntheticPush: SyntheticPushRecord }).syntheticPush = record;
  return {
    getRoomPush: async (key) => {
      const push = rooms.get(key)?.push ?? null;
      const written = push?.state === 'ok' ? push.written : null;
      return {
        push: push ? { via: push.via, key: push.key } : null,
        viewers: written
          ? { value: JSON.stringify({ online: written.online, at: Math.floor(written.sampledAt / 1000) }) }
          : null,
      };
    },
    setRoomPush: async (key, push, quotaAcknowledged = false) => {
      const room = rooms.get(key);
      if (!room) throw new Error(`There is no room ${JSON.stringify(key)}.`);
      if (push?.via === 'message' && !quotaAcknowledged)
        throw new Error("A message into the room uses the app's message quota: confirm that first.");
      record.changes.push({ key, push, quotaAcknowledged });
      const written = room.online === null ? null : { online: room.online, sampledAt: now, writtenAt: now };
      const view: RoomView['push'] = push
        ? { ...push, state: written ? 'ok' : 'waiting', reason: null, error: null, written }
        : null;
      rooms.set(key, { ...room, push: view });
      emit({ type: 'rooms', rooms: [rooms.get(key) as RoomView] });
    },
  };
}
