/**
 * Alerts as Electron notifications: the tray app's desktop channel (the headless edition uses
 * node-notifier). A click calls back with the alert, so the wiring can open the popover on its room.
 */
import { app, Notification, type NotificationConstructorOptions } from 'electron';
import type { Severity } from '../common/alert-rules';
import type { Alert, Delivery, Notifier } from '../core/alerts/alert';
import { deliveryOnce } from '../core/alerts/delivery-once';
import { type Clock, systemClock } from '../core/clock';

/** electron-builder's `appId`: Windows shows toasts only for an app with this identity. */
export const APP_USER_MODEL_ID = 'com.headcount.tray';

type ShownNotification = Pick<Notification, 'show' | 'on' | 'once'>;

/** The parts of Electron's `Notification` class used here. */
export interface NotificationClass {
  new (options: NotificationConstructorOptions): ShownNotification;
  isSupported(): boolean;
}

export interface ElectronNotifierOptions {
  /** A notification was clicked: show the alert's room. Electron drops the notification after a click. */
  onClick(alert: Alert): void;
  /** `process.platform` by default. */
  platform?: NodeJS.Platform;
  /** Electron's `app` by default; only `setAppUserModelId` is used, on Windows. */
  app?: Pick<Electron.App, 'setAppUserModelId'>;
  /** Electron's `Notification` by default. */
  notificationClass?: NotificationClass;
  clock?: Clock;
  /** How long to wait for the system to confirm a notification; default 10 000. */
  timeoutMs?: number;
  /** How many notifications to keep alive for their clicks; default 100, the oldest go first. */
  maxKept?: number;
}

/** The desktop {@link Notifier} of the tray app. */
export interface ElectronNotifier extends Notifier {
  /** How many notifications are held for their events now. */
  readonly kept: number;
}

const URGENCY: Record<Severity, 'low' | 'normal' | 'critical'> = {
  info: 'low',
  warning: 'normal',
  critical: 'critical',
};

const NOT_SUPPORTED =
  'this system does not support desktop notifications (on Linux: no notification service is running)';

/** Makes the notifier; on Windows it first sets the app identity toasts are shown under. */
export function createElectronNotifier(options: ElectronNotifierOptions): ElectronNotifier {
  const platform = options.platform ?? process.platform;
  const NotificationOf = options.notificationClass ?? Notification;
  const clock = options.clock ?? systemClock;
  const timeoutMs = options.timeoutMs ?? 10_000;
  const maxKept = options.maxKept ?? 100;
  if (platform === 'win32') (options.app ?? app).setAppUserModelId(APP_USER_MODEL_ID);

  // Electron holds a notification only weakly: once collected, its click never arrives
  // (https://github.com/electron/electron/issues/12690). Each is held until it is clicked or closed;
  // `close` is not certain on every platform, so the oldest go first past `maxKept`.
  const kept = new Set<ShownNotification>();
  const keep = (notification: ShownNotification): void => {
    kept.add(notification);
    for (const oldest of kept) {
      if (kept.size <= maxKept) break;
      kept.delete(oldest);
    }
  };

  const optionsFor = (alert: Alert): NotificationConstructorOptions => ({
    title: alert.title,
    body: alert.message,
    ...(platform === 'linux' ? { urgency: URGENCY[alert.severity] } : {}),
  });

  const deliver = (alert: Alert): Promise<Delivery> => {
    // Electron answers nothing when the platform could not even make the notification.
    const silence = `the system did not confirm the notification within ${timeoutMs / 1000} s`;
    const { outcome, finish } = deliveryOnce(clock, 'desktop', timeoutMs, silence);
    if (!NotificationOf.isSupported()) {
      finish(NOT_SUPPORTED);
      return outcome;
    }
    let notification: ShownNotification;
    try {
      notification = new NotificationOf(optionsFor(alert));
    } catch (error) {
      finish(`the notification could not be made: ${messageOf(error)}`);
      return outcome;
    }
    keep(notification);
    notification.once('show', () => finish());
    notification.once('failed', (_event, error) => {
      kept.delete(notification);
      finish(`the notification was not shown: ${error || 'no reason given'}`);
    });
    notification.once('click', () => {
      kept.delete(notification);
      options.onClick(alert);
    });
    notification.once('close', () => kept.delete(notification));
    try {
      notification.show();
    } catch (error) {
      kept.delete(notification);
      finish(`the notification was not shown: ${messageOf(error)}`);
    }
    return outcome;
  };

  return {
    channel: 'desktop',
    get kept() {
      return kept.size;
    },
    deliver,
  };
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
