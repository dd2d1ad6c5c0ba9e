/**
 * The words alerts are made of, shared by the engine, the settings, the contract and the UI: the
 * rules an alert can come from, how severe it is, and where it is in its life.
 */

/** The rules a room or an app profile can fire. */
export const ALERT_RULES = [
  'above',
  'below',
  'spike',
  'drop',
  'peak',
  'milestone',
  'failing',
  'stale',
  'closed',
  'auth',
  'account',
  'session',
  /** Writing the count into a room fails, or the server refuses it (the room opted in to show it). */
  'push-failing',
] as const;

export type AlertRule = (typeof ALERT_RULES)[number];

export const SEVERITIES = ['info', 'warning', 'critical'] as const;

export type Severity = (typeof SEVERITIES)[number];

/**
 * `firing`: the condition started; `reminder`: still firing after the repeat interval; `recovered`:
 * it cleared; `notice`: a one-off event with nothing to clear (a new peak, a milestone, a stream
 * session's summary).
 */
export type AlertPhase = 'firing' | 'reminder' | 'recovered' | 'notice';

/** What stays loud at night unless a person says otherwise: a room that ended, and a broken app. */
export const DEFAULT_LET_THROUGH: readonly AlertRule[] = ['closed', 'auth', 'account'];

/** Whether `value` names an alert rule. */
export function isAlertRule(value: unknown): value is AlertRule {
  return (ALERT_RULES as readonly unknown[]).includes(value);
}
