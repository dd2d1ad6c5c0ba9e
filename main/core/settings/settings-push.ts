/**
 * The rooms the settings opt in to show their count to viewers (`rooms.<groupId>.push`), as the
 * pusher takes them.
 */
import { DEFAULT_PUSH_KEY } from '../../common/room-push';
import type { PushTarget } from '../push/push-target';
import type { PushInFile, Settings } from './settings-schema';

/** A room's push as written, with the default key filled in. */
export function pushTargetOf(push: PushInFile): PushTarget {
  return { via: push.via, key: push.key ?? DEFAULT_PUSH_KEY };
}

/** Every room of the settings that shows its count, by group id. */
export function roomPushTargets(settings: Pick<Settings, 'rooms'>): Record<string, PushTarget> {
  const targets: Record<string, PushTarget> = {};
  for (const [groupId, room] of Object.entries(settings.rooms ?? {})) {
    if (room.push) targets[groupId] = pushTargetOf(room.push);
  }
  return targets;
}
