import type { RuleSettings } from '../common/rule-settings';
import type { MonitorApi, RoomKey } from '../contract/monitor-api';
import { GroupListPacer, liveRoomsPage } from './live-rooms';
import { admitRooms } from './room-admission';
import { lookAtRooms } from './room-attention';
import { CHART_SPAN_MS, chartCsv, roomChart, roomExport } from './room-chart';
import { applyRoomPushes } from './room-push';
import { MAX_SPARKLINE_KEYS, roomSparkline } from './room-sparkline';
import type { ServiceState } from './service-state';
import { roomKey } from './views';

/**
 * The contract's methods about rooms and their counts: adding, finding and pinning rooms, polling
 * them again or pausing it all, their charts, exports and sparklines, and a room's own rules.
 */
export function roomMethods(state: ServiceState) {
  const { options, history, runtimes, batcher } = state;
  let groupListPacer: GroupListPacer | null = null;
  return {
    async addRooms(profileId: string, groupIds: string[]) {
      const runtime = state.runtime(profileId);
      const watched = new Set(runtime.profile.rooms.map((room) => room.groupId));
      const { admitted, refused } = await admitRooms(groupIds, watched, runtime.engine);
      const rooms = [
        ...runtime.profile.rooms,
        ...admitted.map((a) => ({ groupId: a.groupId, label: a.name })),
      ];
      state.keep(runtime, { ...runtime.profile, rooms });
      runtime.engine?.monitor.addRooms(admitted.map((a) => a.groupId));
      applyRoomPushes(
        runtime.engine,
        state.pushStoreOf(runtime),
        admitted.map((a) => a.groupId),
      );
      const added = admitted.map((a) => roomKey(profileId, a.groupId));
      for (const key of added) batcher.mark(key);
      return { added, refused };
    },

    async retryRoom(key: RoomKey) {
      const { runtime, groupId } = state.room(key);
      runtime.engine?.monitor.retryRoom(groupId);
    },

    async setPinned(key: RoomKey, pinned: boolean) {
      const { runtime, groupId } = state.room(key);
      const rooms = runtime.profile.rooms.map((r) => (r.groupId === groupId ? { ...r, pinned } : r));
      state.keep(runtime, { ...runtime.profile, rooms });
      batcher.mark(key);
    },

    async lookAt(keys: RoomKey[]) {
      lookAtRooms(runtimes.all(), keys);
    },

    async setPaused(paused: boolean) {
      state.paused = paused;
      for (const { engine } of runtimes.all()) {
        if (paused) engine?.monitor.pause();
        else engine?.monitor.resume();
      }
      state.emit({ type: 'snapshot', snapshot: state.snapshot() });
    },

    async findLiveRooms(profileId: string, next?: string) {
      const runtime = state.runtime(profileId);
      groupListPacer ??= new GroupListPacer(options.clock);
      await groupListPacer.turn(profileId);
      const watched = new Set(runtime.profile.rooms.map((room) => room.groupId));
      return liveRoomsPage(runtime.engine, watched, next);
    },

    async getChart(key, range) {
      const { runtime, groupId } = state.room(key);
      const now = options.clock.wall();
      const alerts = state.alerts.ofRoom(runtime.profile, groupId, now - CHART_SPAN_MS[range]);
      return roomChart(history, key, range, now, alerts);
    },

    async exportCsv(key, range) {
      state.room(key);
      return chartCsv(roomExport(history, key, range, options.clock.wall()));
    },

    async getSparklines(keys) {
      const now = options.clock.wall();
      const lines: Record<RoomKey, Array<number | null>> = {};
      // A room removed while the request was on its way is left out rather than failing the batch.
      for (const key of keys.slice(0, MAX_SPARKLINE_KEYS)) {
        if (state.isWatched(key)) lines[key] = roomSparkline(history, key, now);
      }
      return lines;
    },

    async getRoomRules(key) {
      const { groupId } = state.room(key);
      return state.roomRules.read(groupId) ?? null;
    },

    async setRoomRules(key: RoomKey, rules: RuleSettings | null) {
      const { groupId } = state.room(key);
      state.roomRules.write(groupId, rules);
      // The settings key room rules by group id alone, so every profile watching it takes them.
      for (const runtime of runtimes.all()) runtime.sink?.configureRoom?.(groupId, rules);
    },
  } satisfies Partial<MonitorApi>;
}
