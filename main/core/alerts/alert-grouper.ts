import type { AlertRule, Severity } from '../../common/alert-rules';
import type { Clock, TimerHandle } from '../clock';
import type { Alert } from './alert';
import { PHASE_WORDS, roomName } from './alert-text';

export interface AlertGrouperOptions {
  clock: Pick<Clock, 'monotonic' | 'setTimer' | 'clearTimer'>;
  /** Where the rooms are, for the summary: "singapore", or the profile's label. */
  where: string;
  /** Alerts to pass on: single ones as they are, or one summary for many. */
  deliver: (alert: Alert) => void;
  /**
   * How long to wait after the latest alert of a rule for more of the same; rooms are polled spread
   * over the interval, so an outage reaches them one after another, not all at once.
   */
  windowMs?: number;
  /** The longest an alert is held back while more keep coming. */
  maxHoldMs?: number;
  /** From how many rooms on one summary is sent instead. */
  minRooms?: number;
}

const ORDER: Severity[] = ['info', 'warning', 'critical'];
const SHOWN_ROOMS = 5;

const SUMMARIES: Partial<Record<AlertRule, (rooms: string) => string>> = {
  failing: (rooms) => `API failing for ${rooms}`,
  stale: (rooms) => `Counts stale for ${rooms}`,
  closed: (rooms) => `${rooms} closed`,
  spike: (rooms) => `Audiences spiking in ${rooms}`,
  drop: (rooms) => `Audiences dropping in ${rooms}`,
  session: (rooms) => `Streams starting or ending in ${rooms}`,
  'push-failing': (rooms) => `Counts not reaching viewers in ${rooms}`,
};

/**
 * Gathers room alerts of the same rule and phase that arrive within a few seconds: when many rooms
 * fire together (an API outage, a region blip) one summary goes out ("API failing for 12 rooms in
 * singapore") instead of a notification per room. App-level alerts pass straight through.
 */
export class AlertGrouper {
  private readonly pending = new Map<string, { alerts: Alert[]; timer: TimerHandle; since: number }>();

  constructor(private readonly options: AlertGrouperOptions) {}

  add(alert: Alert): void {
    if (alert.groupId === undefined) {
      this.options.deliver(alert);
      return;
    }
    const key = `${alert.profile}|${alert.rule}|${alert.phase}`;
    const { clock } = this.options;
    const window = this.options.windowMs ?? 5_000;
    const batch = this.pending.get(key);
    if (!batch) {
      this.pending.set(key, {
        alerts: [alert],
        timer: clock.setTimer(() => this.flush(key), window),
        since: clock.monotonic(),
      });
      return;
    }
    batch.alerts.push(alert);
    // Wait a little longer for the rest of the rooms, but never hold the first one too long.
    const wait = Math.min(window, (this.options.maxHoldMs ?? 30_000) - (clock.monotonic() - batch.since));
    if (wait <= 0) return;
    clock.clearTimer(batch.timer);
    batch.timer = clock.setTimer(() => this.flush(key), wait);
  }

  /** Passes on everything gathered so far (at shutdown). */
  flushAll(): void {
    for (const key of [...this.pending.keys()]) this.flush(key);
  }

  private flush(key: string): void {
    const batch = this.pending.get(key);
    if (!batch) return;
    this.pending.delete(key);
    this.options.clock.clearTimer(batch.timer);
    if (batch.alerts.length < (this.options.minRooms ?? 3)) {
      for (const alert of batch.alerts) this.options.deliver(alert);
      return;
    }
    this.options.deliver(this.summarise(batch.alerts));
  }

  private summarise(alerts: Alert[]): Alert {
    const first = alerts[0] as Alert;
    const groupIds = [...new Set(alerts.map((a) => a.groupId as string))];
    const summary = SUMMARIES[first.rule] ?? ((rooms: string) => `${first.rule} alerts for ${rooms}`);
    const phase = first.phase === 'notice' ? '' : `: ${PHASE_WORDS[first.phase]}`;
    const names = alerts.slice(0, SHOWN_ROOMS).map((a) => roomName(a.groupId as string, a.label));
    const more = groupIds.length > SHOWN_ROOMS ? ` and ${groupIds.length - SHOWN_ROOMS} more` : '';
    const severity = alerts.reduce<Severity>(
      (worst, a) => (ORDER.indexOf(a.severity) > ORDER.indexOf(worst) ? a.severity : worst),
      'info',
    );
    // The kind of failure is news only when every room failed the same way.
    const errorKind = alerts.every((a) => a.errorKind === first.errorKind) ? first.errorKind : undefined;
    return {
      id: `${first.id}-group`,
      rule: first.rule,
      phase: first.phase,
      severity,
      profile: first.profile,
      groupIds,
      where: this.options.where,
      title: `${summary(`${groupIds.length} rooms`)} in ${this.options.where}${phase}`,
      message: `${names.join(', ')}${more}.`,
      at: first.at,
      ...(errorKind ? { errorKind } : {}),
    };
  }
}
