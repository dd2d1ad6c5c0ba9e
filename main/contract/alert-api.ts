/**
 * The parts of the MonitorApi contract about alerts: an alert as the UI shows it, with its facts for
 * wording it in another language, and the alert log's entries and filters. Types only, re-exported
 * by `monitor-api.ts`.
 */
import type { AlertPhase, AlertRule, Severity } from '../common/alert-rules';
import type { ErrorKind } from '../common/error-kinds';
import type { PushVia } from '../common/room-push';

/** `${profileId}/${groupId}`: one room of one app profile. */
export type RoomKey = string;

export interface AlertView {
  id: string;
  rule: AlertRule;
  phase: AlertPhase;
  severity: Severity;
  profileId: string;
  roomKey: RoomKey | null;
  /** In English, as notifications and webhooks say it; `facts` carries the same for a UI in another language. */
  title: string;
  message: string;
  at: number;
  facts: AlertFacts;
}

/** What an alert says, as data: enough for a UI to word the title and message in its own language. */
export interface AlertFacts {
  /** The label of the app profile it belongs to. */
  profile: string;
  /** The room's label or group Name, when known. */
  label: string | null;
  /** The count that triggered it. */
  value: number | null;
  /** The threshold or milestone that was crossed. */
  threshold: number | null;
  /** The change behind a spike or drop. */
  change: { people: number; percent: number; windowMs: number } | null;
  /** The peak of the stream session so far (or of the one that ended). */
  peak: { online: number; at: number } | null;
  /** A session notice: the stream started, or ended with its summary. */
  session:
    | { event: 'started' }
    | { event: 'ended'; sawStart: boolean; durationMs: number; average: number }
    | null;
  /** A grouped alert: how many rooms it sums up, and where they are (a region key or an endpoint's host). */
  rooms: number | null;
  where: string | null;
  /** Why polls failed (failing, auth and account alerts), or writing the count into a room (push-failing). */
  errorKind: ErrorKind | null;
  /** A push-failing alert's push: how the count is written, and whether the server refused it. */
  push: { via: PushVia; key: string; refused: boolean } | null;
}

/** One alert of the log with what became of it. */
export interface AlertEntryView {
  alert: AlertView;
  /** Each delivery: `held` by a snooze or quiet hours (why in `detail`), `sent` or `failed`. */
  deliveries: Array<{ channel: string; outcome: 'sent' | 'failed' | 'held'; at: number; detail?: string }>;
  acknowledgedAt: number | null;
}

/** Filters of the alert log; all optional and combined with "and". */
export interface AlertEntryQuery {
  sinceMs?: number;
  /** A room key. */
  key?: string;
  rule?: AlertRule;
  severity?: Severity;
  unacknowledged?: boolean;
  limit?: number;
}
