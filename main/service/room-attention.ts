import type { RoomKey } from '../contract/monitor-api';
import type { Runtime } from './profile-runtimes';
import type { EditableSettings } from './settings-edit';
import { parseRoomKey } from './views';

/** The room whose count is the tray's number, when one is chosen (the tray app's setting). */
export function trayRoomOf(settings: EditableSettings): RoomKey | null {
  const number = settings.app?.trayNumber;
  return number && number !== 'sum' ? number.roomKey : null;
}

/**
 * Tells a profile's monitor which of its rooms people keep an eye on, so that they keep the
 * requested interval when the rooms do not fit the rate: the pinned ones and the tray's number.
 */
export function holdWatchedRooms(runtime: Runtime, trayRoom: RoomKey | null): void {
  const monitor = runtime.engine?.monitor;
  if (!monitor) return;
  monitor.hold(
    'pinned',
    runtime.profile.rooms.filter((room) => room.pinned === true).map((room) => room.groupId),
  );
  const tray = trayRoom === null ? null : parseRoomKey(trayRoom);
  monitor.hold('tray', tray?.profileId === runtime.profile.id ? [tray.groupId] : []);
}

/** Someone is looking at these rooms now (open in the room view): each profile's monitor hears of its own. */
export function lookAtRooms(runtimes: Iterable<Runtime>, keys: readonly RoomKey[]): void {
  const byProfile = new Map<string, string[]>();
  for (const key of keys) {
    const room = parseRoomKey(key);
    if (room) byProfile.set(room.profileId, [...(byProfile.get(room.profileId) ?? []), room.groupId]);
  }
  for (const runtime of runtimes) {
    const groupIds = byProfile.get(runtime.profile.id);
    if (groupIds) runtime.engine?.monitor.lookAt(groupIds);
  }
}
