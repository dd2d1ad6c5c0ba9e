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
  const rooms = { ...settings.rooms };
  const { rules: _old, ...rest } = rooms[groupId] ?? {};
  const room = rules ? { ...rest, rules } : rest;
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
