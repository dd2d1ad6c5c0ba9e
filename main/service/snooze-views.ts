import type { SnoozeView } from '../contract/settings-api';
import type { Alert } from '../core/alerts/alert';
import type { SnoozeBook } from '../core/alerts/snooze';
import type { ProfileRecord } from './service-ports';
import { roomKey } from './views';

/** The running snoozes with what they cover in words; a snooze of a profile no longer set up is left out. */
export function snoozeViews(book: SnoozeBook, now: number, profiles: readonly ProfileRecord[]): SnoozeView[] {
  return book.active(now).flatMap(({ scope, until }): SnoozeView[] => {
    if (scope.kind === 'all') return [{ target: { kind: 'all' }, label: '', until }];
    const profile = profiles.find((p) => p.label === scope.profile);
    if (!profile) return [];
    if (scope.kind === 'profile')
      return [{ target: { kind: 'profile', profileId: profile.id }, label: scope.profile, until }];
    const room = profile.rooms.find((r) => r.groupId === scope.groupId);
    const label = `${scope.profile} / ${room?.label ?? scope.groupId}`;
    return [{ target: { kind: 'room', key: roomKey(profile.id, scope.groupId) }, label, until }];
  });
}

/** When the snooze that holds a room's alerts ends (any rule: snoozes cover a whole room), or null. */
export function roomSnoozedUntil(
  book: SnoozeBook,
  profile: string,
  groupId: string,
  now: number,
): number | null {
  const probe: Alert = {
    id: '',
    rule: 'failing',
    phase: 'firing',
    severity: 'info',
    profile,
    groupId,
    title: '',
    message: '',
    at: now,
  };
  return book.heldUntil(probe, now);
}
