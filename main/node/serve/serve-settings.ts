import type { Settings } from '../../core/settings/settings-schema';
import { withRoomEntry } from '../../service/room-rules';
import type { RoomPushStore, RoomRulesStore, SettingsPort } from '../../service/service-ports';
import type { SettingsStore } from '../settings-store';

/**
 * `headcount serve`'s settings port: rules, webhooks and quiet hours are kept in its settings file,
 * so a change made in the browser outlives the run and reaches `headcount watch` too. There is no
 * tray, so no app section: the page keeps its language and theme in the browser. `current` is what
 * the alert pipelines are built from: the file as it now is (other writers, such as a room's rules
 * or `headcount snooze`, included), or the last good settings while the file is broken mid-edit.
 * `roomRules` keeps a room's own rules in the same file (`rooms[groupId].rules`, where `watch`
 * reads them too), so the pipelines rebuilt after a settings change, and the next run, keep them;
 * `roomPush` keeps the rooms that show their count to viewers there too (`rooms[groupId].push`).
 */
type RoomInFile = NonNullable<Settings['rooms']>[string];

export function settingsInServe(store: SettingsStore, initial: Settings) {
  let current = initial;
  const port: SettingsPort = {
    read: () => {
      const { rules, webhooks, quietHours } = latest();
      return { rules: rules ?? {}, webhooks: webhooks ?? [], quietHours: quietHours ?? null, app: null };
    },
    write({ rules, webhooks, quietHours }) {
      current = { ...current, rules, webhooks, quietHours };
      store.set('rules', rules);
      store.set('webhooks', webhooks);
      store.set('quietHours', quietHours);
    },
  };
  const latest = (): Settings => {
    try {
      // Over `initial`, which may hold what the file does not (the demo's settings are never written).
      current = { ...initial, ...store.read() };
    } catch {}
    return current;
  };
  const roomEntry = <F extends 'rules' | 'push'>(field: F) => ({
    read: (groupId: string) => latest().rooms?.[groupId]?.[field],
    reader() {
      const { rooms } = latest();
      return (groupId: string) => rooms?.[groupId]?.[field];
    },
    write(groupId: string, value: RoomInFile[F] | null) {
      const { rooms } = withRoomEntry(latest(), groupId, field, value);
      current = { ...current, rooms };
      // Written even when empty: a `rooms` missing from the file would fall back to `initial`'s.
      store.set('rooms', rooms ?? {});
    },
  });
  const roomRules: RoomRulesStore = roomEntry('rules');
  const roomPush: RoomPushStore = roomEntry('push');
  return { port, roomRules, roomPush, current: latest };
}
