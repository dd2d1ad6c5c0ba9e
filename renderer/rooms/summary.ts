/** The lines above the list: the total across rooms and what the user should know. Pure. */
import type {
  AppConditionView,
  MonitorSnapshot,
  ProfileView,
  RoomView,
} from '../../main/contract/monitor-api';
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

/**
 * Lines above the list: demo mode, notices, each app condition of the engine's summary once (slowed
 * down after 60007, paused, credentials rejected), and an app whose rooms do not fit its rate cap.
 * The rooms keep their own states: a condition is said here, never painted on every row.
 */
export function bannerLines(
  snapshot: Pick<MonitorSnapshot, 'demo' | 'paused' | 'notices'>,
  conditions: readonly AppConditionView[],
  profiles: readonly ProfileView[],
  tr: Translator,
): Array<{ text: string; tone: 'info' | 'warn' }> {
  const lines: Array<{ text: string; tone: 'info' | 'warn' }> = [];
  if (snapshot.demo) lines.push({ text: tr.t('banner.demo'), tone: 'info' });
  if (snapshot.paused) lines.push({ text: tr.t('banner.paused'), tone: 'info' });
  for (const notice of snapshot.notices) lines.push({ text: notice, tone: 'warn' });
  const needsKey = new Set(profiles.filter((p) => p.keyStorage === 'needs-key').map((p) => p.id));
  for (const condition of conditions) {
    const line = conditionLine(condition, needsKey.has(condition.profileId), snapshot.paused, tr);
    if (line !== null) lines.push({ text: line, tone: 'warn' });
  }
  for (const profile of profiles) {
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
    // Part of why the rooms do not fit: each call counts against the cap until a second after its answer.
    if ((tiers || profile.plan.stretched) && profile.plan.answerMs)
      lines.push({
        text: tr.t('banner.slowAnswers', { profile: profile.label, answer: profile.plan.answerMs }),
        tone: 'info',
      });
  }
  return lines;
}

/** One app condition in words, or null where another line already says it. */
function conditionLine(
  condition: AppConditionView,
  needsKey: boolean,
  allPaused: boolean,
  tr: Translator,
): string | null {
  const profile = condition.label;
  // An app without its key is paused for that reason: the line says what to do.
  if (needsKey) return tr.t('banner.needsKey', { profile });
  if (condition.condition === 'rate-limited') return tr.t('banner.rateLimited', { profile });
  if (condition.condition === 'auth-failed' && condition.error)
    return tr.join(
      [
        tr.t('banner.reason', { profile, reason: errorWords(condition.error, tr) }),
        condition.retryAt === undefined ? null : tr.t('banner.retryAt', { time: tr.time(condition.retryAt) }),
      ],
      'inline',
    );
  if (condition.condition === 'auth-failed')
    return tr.t('banner.authFailed', { profile, reason: condition.reason ?? '' }).trim();
  // An app paused along with everything is already said by the paused line.
  if (condition.reason && !allPaused) return tr.t('banner.reason', { profile, reason: condition.reason });
  return null;
}
