/** Words and numbers for alert titles and messages, the same in every channel. */
import type { AlertPhase, AlertRule } from '../../common/alert-rules';
import { groupedCount } from '../../common/count-format';

/** A number of people, rounded: "12,345". */
export function people(n: number): string {
  return groupedCount(Math.round(n));
}

/** A room as people know it: its label or group Name, else its id. */
export function roomName(groupId: string, label?: string): string {
  return label || groupId;
}

/** Where an alert is in its life, in words: fired, still firing (a reminder), recovered. */
export const PHASE_WORDS: Readonly<Record<AlertPhase, string>> = {
  firing: 'fired',
  reminder: 'still firing',
  recovered: 'recovered',
  notice: '',
};

/** The rule an alert comes from, as a heading: "Above 1,000", "Spike", "Polls failing". */
export function ruleName(rule: AlertRule, threshold?: number): string {
  if ((rule === 'above' || rule === 'below') && threshold !== undefined)
    return `${rule === 'above' ? 'Above' : 'Below'} ${people(threshold)}`;
  return RULE_NAMES[rule];
}

const RULE_NAMES: Readonly<Record<AlertRule, string>> = {
  above: 'Above threshold',
  below: 'Below threshold',
  spike: 'Spike',
  drop: 'Drop',
  peak: 'New peak',
  milestone: 'Milestone',
  failing: 'Polls failing',
  stale: 'Stale count',
  closed: 'Room closed',
  auth: 'Credentials rejected',
  account: 'Account problem',
  session: 'Stream',
  'push-failing': 'Count not reaching viewers',
};

/**
 * An alert's message: the rule and its phase first ("Above 1,000: fired"), then what happened, then
 * the room's id, so that a name in the title can always be traced: "Above 1,000: still firing ·
 * peak 1,300 · id @TGS#2Raid". A notice (a peak, a milestone, a stream) has no phase to say.
 */
export function alertMessage(parts: {
  rule: AlertRule;
  phase: AlertPhase;
  threshold?: number | undefined;
  details: ReadonlyArray<string | undefined>;
  groupId?: string | undefined;
}): string {
  const heading =
    parts.phase === 'notice'
      ? undefined
      : `${ruleName(parts.rule, parts.threshold)}: ${PHASE_WORDS[parts.phase]}`;
  const id = parts.groupId === undefined ? undefined : `id ${parts.groupId}`;
  return [heading, ...parts.details, id].filter((part) => part !== undefined && part !== '').join(' · ');
}

/** "45 s", "2 min", "1 h 5 min". */
export function duration(ms: number): string {
  const s = Math.round(ms / 1000);
  if (s < 60) return `${s} s`;
  const min = Math.round(s / 60);
  if (min < 60) return `${min} min`;
  return `${Math.floor(min / 60)} h${min % 60 ? ` ${min % 60} min` : ''}`;
}

export function signedPercent(percent: number): string {
  return `${percent >= 0 ? '+' : '-'}${Math.round(Math.abs(percent))}%`;
}

export function clockTime(at: number): string {
  return new Date(at).toLocaleTimeString('en-GB', { hour: '2-digit', minute: '2-digit' });
}
