/** The lines above the list: the total across rooms and what the user should know. Pure. */
import type { MonitorSnapshot, ProfileView, RoomView } from '../../main/contract/monitor-api';
import { errorWords } from '../alerts/alert-words';
import type { Translator } from '../i18n/translator';
import { tiersWords } from './tier-words';

/** A total over some rooms, by the totals rule: only current counts are added. */
export interface Total {
  /** The sum over rooms whose count is current. */
  online: number;
  rooms: number;
  /** Rooms without a current count (none, or history), so a total is never a silent undercount. */
  missing: number;
}

/** The total over these rooms (a filter's), adding only current counts, as the engine's total does. */
export function totalOf(rooms: Iterable<Pick<RoomView, 'online' | 'current'>>): Total {
  let online = 0;
  let count = 0;
  let missing = 0;
  for (const room of rooms) {
    count++;
    if (room.online === null || !room.current) missing++;
    else online += room.online;
  }
  return { online, rooms: count, missing };
}

/** What a filter leaves: "12 rooms match, 4,321 online". */
export function filteredLine(shown: Total, tr: Translator): string {
  return tr.t('total.filtered', { shown: tr.plural('rooms', shown.rooms), count: shown.online });
}

/** Lines above the list: demo mode, notices, and any app profile that is not simply running. */
export function bannerLines(
  snapshot: Pick<MonitorSnapshot, 'demo' | 'paused' | 'notices'>,
  profiles: ProfileView[],
  tr: Translator,
): Array<{ text: string; tone: 'info' | 'warn' }> {
  const lines: Array<{ text: string; tone: 'info' | 'warn' }> = [];
  if (snapshot.demo) lines.push({ text: tr.t('banner.demo'), tone: 'info' });
  if (snapshot.paused) lines.push({ text: tr.t('banner.paused'), tone: 'info' });
  for (const notice of snapshot.notices) lines.push({ text: notice, tone: 'warn' });
  for (const profile of profiles) {
    if (profile.keyStorage === 'needs-key')
      lines.push({ text: tr.t('banner.needsKey', { profile: profile.label }), tone: 'warn' });
    else if (profile.state === 'rate-limited')
      lines.push({ text: tr.t('banner.rateLimited', { profile: profile.label }), tone: 'warn' });
    else if (profile.state === 'auth-failed' && profile.error)
      lines.push({
        text: tr.join(
          [
            tr.t('banner.reason', { profile: profile.label, reason: errorWords(profile.error, tr) }),
            profile.retryAt === undefined ? null : tr.t('banner.retryAt', { time: tr.time(profile.retryAt) }),
          ],
          'inline',
        ),
        tone: 'warn',
      });
    else if (profile.state === 'auth-failed')
      lines.push({
        text: tr.t('banner.authFailed', { profile: profile.label, reason: profile.reason ?? '' }).trim(),
        tone: 'warn',
      });
    // A profile paused along with everything is already said by the paused line.
    else if (profile.state === 'paused' && profile.reason && !snapshot.paused)
      lines.push({
        text: tr.t('banner.reason', { profile: profile.label, reason: profile.reason }),
        tone: 'warn',
      });
    const { tiers } = profile.plan;
    if (tiers)
      lines.push({
        text: tr.t('tiers.banner', {
          profile: profile.label,
          rooms: tr.plural('rooms', profile.plan.rooms),
          cap: profile.plan.capPerSecond,
          tiers: tiersWords(tiers, tr),
        }),
        tone: 'warn',
      });
    else if (profile.plan.stretched)
      lines.push({
        text: tr.t('banner.stretched', {
          profile: profile.label,
          rooms: tr.plural('rooms', profile.plan.rooms),
          cap: profile.plan.capPerSecond,
          interval: profile.plan.effectiveIntervalS,
        }),
        tone: 'warn',
      });
  }
  return lines;
}
