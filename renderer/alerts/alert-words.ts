/**
 * What the engine says, in the UI's language: an alert's title and message worded from its rule,
 * phase and facts; an error kind (of a room, or why a profile stopped) with its code; a region's
 * name. The engine's English words stay the fallback for an alert whose facts do not say enough
 * (one logged before alerts carried facts). No DOM: unit-tested.
 */
import type { AlertView, ErrorKind, ProfileView } from '../../main/contract/monitor-api';
import type { MessageKey } from '../i18n/en';
import { enAlerts } from '../i18n/en-alerts';
import type { Translator } from '../i18n/translator';
import type { ViewTranslator } from '../i18n/view-words';

/** An alert's two lines: a title for the list and a message with the details. */
export interface AlertText {
  title: string;
  message: string;
}

/** A failure as the engine reports it: its kind and, when there was one, the server's code. */
export interface ErrorFacts {
  kind: ErrorKind;
  code?: number;
}

/**
 * The title and message of `alert` in the translator's language. Where the room is already on show
 * (its own view), `inRoom` leaves out its id.
 */
export function alertWords(alert: AlertView, tr: ViewTranslator, { inRoom = false } = {}): AlertText {
  return worded(alert, tr, inRoom) ?? { title: alert.title, message: alert.message };
}

/** What went wrong and what to do about it, with the server's code when there was one. */
export function errorWords(error: ErrorFacts, tr: Translator): string {
  const explanation = tr.t(CODE_EXPLANATIONS.get(error.code ?? 0) ?? `error.${error.kind}`);
  // The code is an identifier to quote to support, so it is never grouped like a count.
  return error.code === undefined
    ? explanation
    : tr.t('error.withCode', { explanation, code: String(error.code) });
}

/** A data centre's name in the UI's language; an unknown key keeps the engine's label. */
export function regionLabel(region: { key: string; label: string }, tr: Translator): string {
  const key = `region.${region.key}`;
  return isRegionKey(key) ? tr.t(key) : region.label;
}

/**
 * How a profile's secret key is kept, in the UI's language. English keeps the engine's note, which
 * names the backend ("Saved in the macOS Keychain"); other languages say what it means for the person.
 */
export function keyStorageWords(
  profile: Pick<ProfileView, 'keyStorage' | 'keyStorageNote'>,
  tr: Translator,
): string {
  return tr.locale === 'en' ? profile.keyStorageNote : tr.t(`keyStorage.${profile.keyStorage}`);
}

/** "45 s", "2 min", "1 h 5 min" in the UI's language, rounded as the engine rounds. */
export function durationWords(ms: number, tr: Translator): string {
  const s = Math.round(ms / 1000);
  if (s < 60) return tr.t('duration.seconds', { count: s });
  const minutes = Math.round(s / 60);
  if (minutes < 60) return tr.t('duration.minutes', { count: minutes });
  const hours = Math.floor(minutes / 60);
  return minutes % 60
    ? tr.t('duration.hoursMinutes', { hours, minutes: minutes % 60 })
    : tr.t('duration.hours', { hours });
}

/** Codes whose cause is more precise than their kind (as the engine's own explanations single out). */
const CODE_EXPLANATIONS: ReadonlyMap<number, MessageKey> = new Map<number, MessageKey>([
  [70016, 'error.wrongRegion'],
  [70020, 'error.wrongRegion'],
  [70050, 'error.locked'],
  [70001, 'error.clock'],
]);

const isRegionKey = (key: string): key is keyof typeof enAlerts & `region.${string}` => key in enAlerts;

const GROUP_TITLES: Partial<Record<AlertView['rule'], MessageKey>> = {
  failing: 'alert.group.failing',
  stale: 'alert.group.stale',
  closed: 'alert.group.closed',
  spike: 'alert.group.spike',
  drop: 'alert.group.drop',
  session: 'alert.group.session',
  'push-failing': 'alert.group.push-failing',
};

/** Between the parts of a message: the rule and its phase, what happened, the peak, the room's id. */
const PARTS = ' · ';

function worded(alert: AlertView, tr: ViewTranslator, inRoom: boolean): AlertText | null {
  const { facts } = alert;
  if (facts.rooms !== null) return grouped(alert, facts.rooms, tr);
  const text = roomOrApp(alert, tr);
  if (!text) return null;
  // As the engine does: the rule and its phase first, then what happened, the session's peak so far
  // for an alert with a count, and the room's id, so that a name can always be traced.
  const peak =
    facts.value !== null && facts.peak && alert.rule !== 'session'
      ? tr.t('alert.peak', { peak: facts.peak.online })
      : '';
  const id = inRoom ? null : roomId(alert);
  const parts = [heading(alert, tr), text.message, peak, id === null ? '' : tr.t('alert.id', { id })];
  return { title: text.title, message: parts.filter(Boolean).join(PARTS) };
}

/** "Above 1,000: fired", "Spike: still firing", "Polls failing: recovered"; a notice has none. */
function heading(alert: AlertView, tr: ViewTranslator): string {
  if (alert.phase === 'notice') return '';
  const rule = tr.t(`alert.rule.${alert.rule}`, { threshold: alert.facts.threshold ?? 0 });
  return tr.t('alert.heading', { rule, phase: tr.t(`alert.phase.${alert.phase}`) });
}

function roomOrApp(alert: AlertView, tr: ViewTranslator): AlertText | null {
  const { facts } = alert;
  const room = roomName(alert, tr);
  const recovered = alert.phase === 'recovered';
  const { value, threshold } = facts;
  // Alerts with a count say it in the title, as notifications do.
  const counted = (message: string): AlertText | null =>
    value === null ? null : { title: tr.t('alert.count', { room, count: value }), message };
  switch (alert.rule) {
    case 'above':
    case 'below':
      // The heading says the rule, its threshold and its phase: nothing to add.
      return threshold === null ? null : counted('');
    case 'spike':
    case 'drop': {
      if (recovered) return value === null ? null : counted(tr.t('alert.settled', { count: value }));
      const { change } = facts;
      if (!change) return null;
      const percent = `${change.percent >= 0 ? '+' : '-'}${Math.round(Math.abs(change.percent))}%`;
      return counted(tr.t('alert.change', { percent, duration: durationWords(change.windowMs, tr) }));
    }
    case 'peak':
      if (value === null) return null;
      return { title: tr.t('alert.peak.title', { room, count: value }), message: tr.t('alert.peak.message') };
    case 'milestone':
      if (value === null || threshold === null) return null;
      return {
        title: tr.t('alert.milestone.title', { room, threshold }),
        message: tr.t('alert.milestone.message', { count: value }),
      };
    case 'session':
      return session(alert, room, tr);
    case 'failing':
      if (recovered) return counted('');
      if (!facts.errorKind) return null;
      return {
        title: tr.t('alert.failing.title', {
          room,
          state: tr.t(FAILING_WORDS[facts.errorKind] ?? 'alert.failing.polls'),
        }),
        message: errorWords({ kind: facts.errorKind }, tr),
      };
    case 'stale':
      if (recovered) return counted('');
      return { title: tr.t('alert.stale.title', { room }), message: tr.t('alert.stale.message') };
    case 'closed':
      if (recovered) return counted('');
      return {
        title: tr.t('alert.closed.title', { room }),
        message: errorWords({ kind: facts.errorKind ?? 'group-gone' }, tr),
      };
    case 'auth':
    case 'account':
      return appLevel(alert, alert.rule, tr);
    case 'push-failing':
      return pushFailing(alert, room, tr);
  }
}

/** The count not reaching a room's viewers: what the server refused and what to change, or why writes fail. */
function pushFailing(alert: AlertView, room: string, tr: ViewTranslator): AlertText | null {
  const title = tr.t('alert.push.title', { room });
  if (alert.phase === 'recovered') return { title, message: tr.t('alert.push.recovered') };
  const { push, errorKind } = alert.facts;
  if (!push) return null;
  if (push.refused) return { title, message: tr.t(`push.refused.${push.via}`) };
  return errorKind ? { title, message: errorWords({ kind: errorKind }, tr) } : null;
}

function session(alert: AlertView, room: string, tr: ViewTranslator): AlertText | null {
  const { session: event, value, peak } = alert.facts;
  if (event?.event === 'started') {
    if (value === null) return null;
    return {
      title: tr.t('alert.started.title', { room }),
      message: tr.t('alert.started.message', { count: value }),
    };
  }
  if (event?.event !== 'ended' || !peak) return null;
  const duration = durationWords(event.durationMs, tr);
  return {
    title: tr.t(event.sawStart ? 'alert.ended.title' : 'alert.ended.watchedTitle', { room, duration }),
    message: tr.t('alert.ended.message', {
      count: peak.online,
      time: tr.time(peak.at),
      average: Math.round(event.average),
    }),
  };
}

function appLevel(alert: AlertView, rule: 'auth' | 'account', tr: ViewTranslator): AlertText {
  const { profile } = alert.facts;
  const title = tr.t(rule === 'auth' ? 'alert.auth.title' : 'alert.account.title', { profile });
  if (alert.phase === 'recovered')
    return { title: tr.t('alert.app.resolved', { title }), message: tr.t('alert.app.recovered') };
  const reason = errorWords({ kind: alert.facts.errorKind ?? rule }, tr);
  return { title, message: [reason, tr.t('alert.app.paused')].join(PARTS) };
}

function grouped(alert: AlertView, count: number, tr: ViewTranslator): AlertText {
  const rooms = tr.plural('rooms', count);
  const key = GROUP_TITLES[alert.rule];
  const summary = key
    ? tr.t(key, { rooms })
    : tr.t('alert.group.other', { rooms, rule: tr.t(`rule.${alert.rule}`) });
  const { where } = alert.facts;
  const placed = where
    ? tr.t('alert.group.where', { title: summary, where: regionLabel({ key: where, label: where }, tr) })
    : summary;
  const title =
    alert.phase === 'notice'
      ? placed
      : tr.t('alert.heading', { rule: placed, phase: tr.t(`alert.phase.${alert.phase}`) });
  // The message names the rooms; without a shared kind of failure to explain, the engine's list stays.
  const { errorKind } = alert.facts;
  return { title, message: errorKind ? errorWords({ kind: errorKind }, tr) : alert.message };
}

/** The room by its label or group Name, else by its id. */
function roomName(alert: AlertView, tr: ViewTranslator): string {
  const { label } = alert.facts;
  return label ? tr.t('alert.room.label', { label }) : tr.t('alert.room.id', { id: roomId(alert) ?? '' });
}

/** The room's group id, from its key; null for an alert about the app. */
function roomId(alert: AlertView): string | null {
  const key = alert.roomKey;
  if (key === null) return null;
  return key.startsWith(`${alert.profileId}/`) ? key.slice(alert.profileId.length + 1) : key;
}

/** A failing room's title says why polling failed or stopped: not found, not a live room, a wrong id. */
const FAILING_WORDS: Partial<Record<ErrorKind, MessageKey>> = {
  'group-gone': 'alert.failing.notFound',
  'not-live-room': 'alert.failing.notLiveRoom',
  'invalid-group': 'alert.failing.invalidGroup',
};
