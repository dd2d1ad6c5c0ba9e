import type { Alert, Delivery } from '../core/alerts/alert';
import { AlertDispatcher } from '../core/alerts/alert-dispatcher';
import { AlertEngine } from '../core/alerts/alert-engine';
import { AlertGrouper } from '../core/alerts/alert-grouper';
import { AlertLog } from '../core/alerts/alert-log';
import { QuietHours } from '../core/alerts/quiet-hours';
import { SnoozeBook } from '../core/alerts/snooze';
import type { Clock } from '../core/clock';
import type { MonitorEvent } from '../core/monitor-events';
import { roomSettings, toRuleSettings } from '../core/settings/settings-rules';
import type { Settings } from '../core/settings/settings-schema';
import { nodeFilePort } from './file-port';
import { createDesktopNotifier } from './notify/desktop-notifier';
import { createWebhookNotifier } from './notify/webhook-notifier';
import type { SettingsStore } from './settings-store';

/** The label of the headless edition's one app profile, unless the settings name it. */
export const DEFAULT_PROFILE = 'Headcount';

export function profileLabel(settings: Settings): string {
  return settings.profile?.label ?? DEFAULT_PROFILE;
}

export interface AlertingOptions {
  store: SettingsStore;
  settings: Settings;
  /** Where the rooms are, for grouped alerts: a region key or the endpoint's host. */
  where: string;
  /** Desktop notifications (`--notify`); webhooks in the settings are always used. */
  desktop: boolean;
  clock: Clock;
  /** Each alert as the rules raise it, one per room. */
  onAlert: (alert: Alert) => void;
  /** Each delivery, sent, failed or held. */
  onDelivery?: (alert: Alert, delivery: Delivery) => void;
}

/**
 * The alert pipeline of the headless edition: rules on the monitor's events, every alert logged,
 * notifications grouped, then sent to the desktop (held by snoozes and quiet hours) and to webhooks.
 */
export async function createAlerting(options: AlertingOptions) {
  const { settings, clock } = options;
  const log = await AlertLog.open(nodeFilePort, options.store.alertLogPath);
  const quietHours = settings.quietHours ? new QuietHours(settings.quietHours) : undefined;
  const desktop =
    options.desktop && settings.notifications?.desktop !== false ? [createDesktopNotifier()] : [];
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
    snoozes: SnoozeBook.fromJSON(settings.snoozes),
    ...(quietHours ? { quietHours } : {}),
    clock,
    ...(options.onDelivery ? { onDelivery: options.onDelivery } : {}),
  });
  const engine = new AlertEngine({
    profile: profileLabel(settings),
    rules: toRuleSettings(settings.rules),
    ...roomSettings(settings),
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
  const stopWatching = options.store.onChange(() => {
    dispatcher.setSnoozes(SnoozeBook.fromJSON(options.store.read().snoozes));
  });
  return {
    log,
    channels: [...desktop, ...team.map((route) => route.notifier)].map((notifier) => notifier.channel),
    handle(event: MonitorEvent): void {
      for (const alert of engine.handle(event)) {
        // Every room's alert is logged and shown as it happens; notifications may be grouped.
        void log.record(alert);
        options.onAlert(alert);
        grouper.add(alert);
      }
    },
    /** Sends what is still gathered and waits for every delivery to be logged. */
    async close(): Promise<void> {
      stopWatching();
      grouper.flushAll();
      await Promise.all([...sending]);
      await log.flush();
    },
  };
}

export type Alerting = Awaited<ReturnType<typeof createAlerting>>;
