import type { MonitorApi, PushSettings, RoomKey } from '../contract/monitor-api';
import { pushTargetOf } from '../core/settings/settings-push';
import { checkedPush } from './room-push';
import type { ServiceState } from './service-state';
import { roomKey } from './views';

/** The contract's methods about showing a room's count to its viewers: how it is set, and setting it. */
export function roomPushMethods(state: ServiceState) {
  return {
    async getRoomPush(key: RoomKey) {
      const { runtime, groupId } = state.room(key);
      const kept = state.pushStoreOf(runtime).read(groupId);
      const push = kept ? pushTargetOf(kept) : null;
      const viewers = push && runtime.demo?.viewers ? runtime.demo.viewers(groupId, push) : null;
      return { push, viewers };
    },

    async setRoomPush(key: RoomKey, push: PushSettings | null, quotaAcknowledged = false) {
      const { runtime, groupId } = state.room(key);
      const target = checkedPush(push, quotaAcknowledged);
      state.pushStoreOf(runtime).write(groupId, target);
      // Kept by group id alone, so every profile watching the group shows it the same way; the
      // demo's rooms keep theirs apart from the user's settings.
      for (const other of state.runtimes.all()) {
        if (Boolean(other.demo) !== Boolean(runtime.demo)) continue;
        if (!other.profile.rooms.some((room) => room.groupId === groupId)) continue;
        other.engine?.pusher?.configure(groupId, target);
        state.batcher.mark(roomKey(other.profile.id, groupId));
      }
    },
  } satisfies Partial<MonitorApi>;
}
