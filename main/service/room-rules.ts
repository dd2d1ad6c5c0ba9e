/**
 * Rules written for one room, kept in the shared settings' `rooms[groupId].rules` (the same place
 * the headless edition reads them from): how a change is written into the settings, and the
 * in-memory store used where nothing is kept (`headcount serve`, the demo, tests).
 */
import type { RuleSettings } from '../common/rule-settings';
import type { Settings } from '../core/settings/settings-schema';
import type { RoomRulesStore } from './service-ports';

/**
 * The settings with `rules` as the room's own rules; null removes them (the room follows the
 * defaults again), and a room entry left with nothing in it is dropped.
 */
export function withRoomRules<S extends Pick<Settings, 'rooms'>>(
  settings: S,
  groupId: string,
  rules: RuleSettings | null,
): S {
  return withRoomEntry(settings, groupId, 'rules', rules);
}

/** A room's entry in the settings file: its label, rules and push. */
type RoomInFile = NonNullable<Settings['rooms']>[string];

/**
 * The settings with one field of a room's entry set; null removes it, and a room entry left with
 * nothing in it is dropped.
 */
export function withRoomEntry<S extends Pick<Settings, 'rooms'>, F extends 'rules' | 'push'>(
  settings: S,
  groupId: string,
  field: F,
  value: RoomInFile[F] | null,
): S {
  const rooms = { ...settings.rooms };
  const room: RoomInFile = { ...rooms[groupId] };
  if (value) room[field] = value;
  else delete room[field];
  if (Object.keys(room).length > 0) rooms[groupId] = room;
  else delete rooms[groupId];
  return { ...settings, rooms };
}

/** Room rules kept in memory for this run. */
export function memoryRoomRules(): RoomRulesStore {
  let settings: Pick<Settings, 'rooms'> = {};
  return {
    read: (groupId) => settings.rooms?.[groupId]?.rules,
    write: (groupId, rules) => {
      settings = withRoomRules(settings, groupId, rules);
    },
  };
}
