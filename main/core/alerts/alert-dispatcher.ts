import type { AlertRule, Severity } from '../../common/alert-rules';
import type { Clock } from '../clock';
import type { Alert, Delivery, Notifier } from './alert';
import type { AlertLog } from './alert-log';
import { describeUntil } from './local-time';
import type { QuietHours } from './quiet-hours';
import type { SnoozeBook } from './snooze';

/** Which alerts a team channel wants; absent fields let everything through. */
export interface TeamFilter {
  rules?: AlertRule[];
  minSeverity?: Severity;
}

/** A team channel with the alerts it is for. */
export interface TeamRoute {
  notifier: Notifier;
  filter?: TeamFilter;
}

export interface AlertDispatcherOptions {
  log: AlertLog;
  /** Notifications on this machine: held by snoozes and quiet hours. */
  desktop: Notifier[];
  /** Channels serving a team (webhooks): never held, optionally filtered. */
  team: (Notifier | TeamRoute)[];
  snoozes: SnoozeBook;
  quietHours?: QuietHours;
  clock: Clock;
  /** Zone in which "snoozed until 14:30" is written; the system's when absent. */
  timeZone?: string;
  /** Called with each delivery as soon as it is recorded, for the CLI or the UI to show. */
  onDelivery?: (alert: Alert, delivery: Delivery) => void;
}

const SEVERITY_RANK: Record<Severity, number> = { info: 0, warning: 1, critical: 2 };

/** Whether a team channel with `filter` wants `alert`. */
export function teamWants(filter: TeamFilter | undefined, alert: Alert): boolean {
  if (filter?.rules && !filter.rules.includes(alert.rule)) return false;
  if (filter?.minSeverity && SEVERITY_RANK[alert.severity] < SEVERITY_RANK[filter.minSeverity]) return false;
  return true;
}

// A webhook URL carries its token in the path or query: a failure detail keeps only the origin.
function withoutUrlSecrets(text: string): string {
  return text.replace(/(https?:\/\/[^\s/?#]+)[^\s]*/g, '$1');
}

/**
 * Sends each alert to every channel and logs what became of it. The alert is logged before anything
 * is sent, so it is kept whatever happens next. Desktop notifiers are held while a snooze covers the
 * alert or during quiet hours (unless its rule is let through); a held delivery is still logged,
 * with why and until when. Team notifiers are never held: a snooze or quiet hours is one person's
 * choice for their own screen, and the team on the other end of a webhook did not make it. A team
 * notifier's filter decides whether it gets the alert at all; one filtered out gets no delivery.
 */
export class AlertDispatcher {
  private readonly team: TeamRoute[];

  constructor(private options: AlertDispatcherOptions) {
    this.team = options.team.map((item) => ('notifier' in item ? item : { notifier: item }));
  }

  /** Takes new snoozes (given from another window or process) for the alerts to come. */
  setSnoozes(snoozes: SnoozeBook): void {
    this.options = { ...this.options, snoozes };
  }

  /**
   * Logs `alert`, delivers it on every channel at once, logs each delivery, and resolves with the
   * deliveries (desktop channels first, in the order given) once all are logged. Never rejects: a
   * notifier that throws or rejects is logged as `failed`.
   */
  async dispatch(alert: Alert): Promise<Delivery[]> {
    const { log, clock } = this.options;
    await log.record(alert);
    const held = this.heldBecause(alert, clock.wall());
    const desktop = this.options.desktop.map((notifier) =>
      held === null
        ? this.deliver(notifier, alert)
        : Promise.resolve<Delivery>({
            channel: notifier.channel,
            outcome: 'held',
            at: clock.wall(),
            detail: held,
          }),
    );
    const team = this.team
      .filter((route) => teamWants(route.filter, alert))
      .map((route) => this.deliver(route.notifier, alert));
    return Promise.all([...desktop, ...team].map((delivery) => delivery.then((d) => this.logged(alert, d))));
  }

  /** Why desktop notifications of `alert` are held at `now`, in words, or null when they are not. */
  heldBecause(alert: Alert, now: number): string | null {
    const { snoozes, quietHours, timeZone } = this.options;
    const until = snoozes.heldUntil(alert, now);
    if (until !== null) return `snoozed until ${describeUntil(until, now, timeZone)}`;
    if (quietHours?.holds(alert.rule, now)) return `quiet hours until ${quietHours.end}`;
    return null;
  }

  private async deliver(notifier: Notifier, alert: Alert): Promise<Delivery> {
    try {
      return await notifier.deliver(alert);
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      return {
        channel: notifier.channel,
        outcome: 'failed',
        at: this.options.clock.wall(),
        attempts: 1,
        detail: withoutUrlSecrets(reason),
      };
    }
  }

  private async logged(alert: Alert, delivery: Delivery): Promise<Delivery> {
    await this.options.log.recordDelivery(alert.id, delivery);
    try {
      this.options.onDelivery?.(alert, delivery);
    } catch {
      // A display that fails must not cost the other channels their log entries.
    }
    return delivery;
  }
}
