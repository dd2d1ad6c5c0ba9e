import type { RuleSettings } from '../common/rule-settings';
import type { Alert, Delivery, Notifier } from '../core/alerts/alert';
import { AlertDispatcher } from '../core/alerts/alert-dispatcher';
import { AlertEngine } from '../core/alerts/alert-engine';
import { AlertGrouper } from '../core/alerts/alert-grouper';
import type { AlertLog } from '../core/alerts/alert-log';
import { QuietHours } from '../core/alerts/quiet-hours';
import type { SnoozeBook } from '../core/alerts/snooze';
import type { Clock } from '../core/clock';
import type { MonitorEvent } from '../core/monitor-events';
import { roomSettings } from '../core/settings/settings-rules';
import type { Settings } from '../core/settings/settings-schema';
import { createWebhookNotifier } from './notify/webhook-notifier';

/** The label of the headless edition's one app profile, unless the settings name it. */
export const DEFAULT_PROFILE = 'Headcount';

export function profileLabel(settings: Settings): string {
  return settings.profile?.label ?? DEFAULT_PROFILE;
}

export interface AlertingOptions {
  settings: Settings;
  /** The app profile's label, carried by every alert. */
  profile: string;
  /** Where the rooms are, for grouped alerts: a region key or the endpoint's host. */
  where: string;
  log: AlertLog;
  snoozes: SnoozeBook;
  /** Notifications on this machine (node-notifier headless, Electron's in the app); held by snoozes and quiet hours. */
  desktop: Notifier[];
  clock: Clock;
  /** Each alert as the rules raise it, one per room. */
  onAlert?: (alert: Alert) => void;
  /** Each delivery, sent, failed or held. */
  onDelivery?: (alert: Alert, delivery: Delivery) => void;
}

/**
 * The alert pipeline of one app profile: rules on the monitor's events, every alert logged,
 * notifications grouped, then sent to the desktop (held by snoozes and quiet hours) and to the
 * settings' webhooks.
 */
export function createAlerting(options: AlertingOptions) {
  const { settings, clock, log } = options;
  const quietHours = settings.quietHours ? new QuietHours(settings.quietHours) : undefined;
  const desktop = settings.notifications?.desktop === false ? [] : options.desktop;
  const team = (settings.webhooks ?? []).map((webhook) => ({
    notifier: createWebhookNotifier(webhook, { clock }),
    filter: {
      ...(webhook.rules ? { rules: webhook.rules } : {}),
      ...(webhook.minSeverity ? { minSeverity: webhook.minSeverity } : {}),
    },
  }));
  const dispatcher = new AlertDispatcher({
    log,
    desktop,
    team,
    snoozes: options.snoozes,
    ...(quietHours ? { quietHours } : {}),
    clock,
    ...(options.onDelivery ? { onDelivery: options.onDelivery } : {}),
  });
  const rooms = roomSettings(settings);
  const engine = new AlertEngine({
    profile: options.profile,
    rules: settings.rules ?? {},
    ...rooms,
  });
  const sending = new Set<Promise<unknown>>();
  const grouper = new AlertGrouper({
    clock,
    where: options.where,
    windowMs: (settings.notifications?.groupWindowSeconds ?? 5) * 1000,
    deliver: (alert) => {
      const delivery = dispatcher.dispatch(alert).finally(() => sending.delete(delivery));
      sending.add(delivery);
    },
  });
  return {
    channels: [...desktop, ...team.map((route) => route.notifier)].map((notifier) => notifier.channel),
    handle(event: MonitorEvent): void {
      for (const alert of engine.handle(event)) {
        // Every room's alert is logged and shown as it happens; notifications may be grouped.
        void log.record(alert);
        options.onAlert?.(alert);
        grouper.add(alert);
      }
    },
    /** New rules for one room from the popover; null puts it back on the defaults. */
    configureRoom(groupId: string, rules: RuleSettings | null): void {
      if (rules) rooms.roomRules[groupId] = rules;
      else delete rooms.roomRules[groupId];
      engine.configure({ roomRules: { ...rooms.roomRules } });
    },
    /**
     * Names rooms in the alert texts by their label or group Name (learnt after the start); a label
     * in the settings file wins.
     */
    nameRooms(names: Readonly<Record<string, string>>): void {
      engine.configure({ labels: { ...names, ...rooms.labels } });
    },
    /** Takes snoozes changed elsewhere (another process, the popover). */
    setSnoozes(snoozes: SnoozeBook): void {
      dispatcher.setSnoozes(snoozes);
    },
    /** Sends what is still gathered and waits for every delivery to be logged. */
    async close(): Promise<void> {
      grouper.flushAll();
      await Promise.all([...sending]);
      await log.flush();
    },
  };
}

export type Alerting = ReturnType<typeof createAlerting>;
