import { rulesFor } from '../../core/alerts/rule-settings';
import type { Settings } from '../../core/settings/settings-schema';
import type { ProfileRecord, ProfileStore } from '../../service/service-ports';
import type { RoomFacts } from './serve-metrics';

/**
 * What `/metrics` tells of a profile's rooms besides their counts, read once per scrape: names as
 * the profile now has them (rooms named by get_group_info after the engine started, or added from
 * the dashboard, are saved to `saved`; the demo's profile is never saved, so the profile the
 * engine was opened with answers for it), and the thresholds of the rules the alerts run on (the
 * settings' defaults under each room's own rules, as the alert pipeline takes them).
 */
export function metricsRoomFacts(
  opened: ProfileRecord,
  saved: Pick<ProfileStore, 'list'>,
  settings: () => Settings,
): () => RoomFacts {
  return () => {
    const profile = saved.list().find((p) => p.id === opened.id) ?? opened;
    const names = new Map(profile.rooms.map((room) => [room.groupId, room.label]));
    const read = settings();
    const defaults = read.rules ?? {};
    return {
      name: (groupId) => names.get(groupId),
      thresholds(groupId) {
        const rules = rulesFor(defaults, read.rooms?.[groupId]?.rules);
        return { above: rules.above?.threshold, below: rules.below?.threshold };
      },
    };
  };
}
