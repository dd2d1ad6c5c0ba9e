/**
 * Alerts: what the rules engine produces and every delivery channel, the alert log and the UI consume.
 */
import type { AlertPhase, AlertRule, Severity } from '../../common/alert-rules';
import type { ErrorKind } from '../../common/error-kinds';
import type { PushVia } from '../../common/room-push';

export interface Alert {
  /** Unique within a log, stable across restarts (time-ordered). */
  id: string;
  rule: AlertRule;
  phase: AlertPhase;
  severity: Severity;
  /** The app profile this alert belongs to (its label). */
  profile: string;
  /** The room, when the alert is about one room; absent for app-level alerts (auth, account). */
  groupId?: string;
  /** The rooms summarised by a grouped alert ("API failing for 12 rooms in singapore"). */
  groupIds?: string[];
  /** Where a grouped alert's rooms are: the profile's region key, or its endpoint's host. */
  where?: string;
  /** The room's label or name, when known, for people. */
  label?: string;
  /** One line for a notification title: "Room 'Launch Day' 1,240 online". */
  title: string;
  /** The rest: "+85% in 2 min, peak 1,300". */
  message: string;
  /** Epoch ms when the condition was met. */
  at: number;
  /** The count that triggered it, when there is one. Never 0 for a failure. */
  value?: number;
  /**
   * The change that triggered a spike or drop: people, percent, and `windowMs`, the time it took (from
   * the sample it is measured from, within the rule's window).
   */
  change?: { people: number; percent: number; windowMs: number };
  /** The peak of the stream session so far, or of the one that ended. */
  peak?: { online: number; at: number };
  /** The threshold (above, below) or milestone that was crossed. */
  threshold?: number;
  /** A session notice's event: the stream started, or it ended with this summary. */
  session?: SessionEvent;
  /** Why polls failed (failing, closed, auth, account; shared by every room of a grouped alert). */
  errorKind?: ErrorKind;
  /** A push-failing alert's push: how the count is written, and whether the server refused it. */
  push?: { via: PushVia; key: string; refused: boolean };
}

/**
 * What a `session` notice tells: a start, or an end with the session's length and average. The
 * peak is the alert's `peak`. `sawStart` is false when the stream was already live when watching
 * began, so the length is how long it was watched.
 */
export type SessionEvent =
  | { event: 'started' }
  | { event: 'ended'; sawStart: boolean; durationMs: number; average: number };

/** Where an alert went, or why it did not go. */
export interface Delivery {
  channel: string;
  /** `sent`, `failed` after retries, or `held` by a snooze or quiet hours (still logged). */
  outcome: 'sent' | 'failed' | 'held';
  at: number;
  attempts?: number;
  /** Why it failed or was held, in words; never a full webhook URL. */
  detail?: string;
}

/** One delivery channel: a desktop notifier, a webhook. */
export interface Notifier {
  /** A name for people and the log: "desktop", "webhook wecom (qyapi.weixin.qq.com)". */
  readonly channel: string;
  /** Delivers one alert; resolves with the outcome and never rejects. */
  deliver(alert: Alert): Promise<Delivery>;
}
