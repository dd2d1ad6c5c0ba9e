/**
 * Desktop notifications for the headless edition through node-notifier: notify-send on Linux and
 * the BSDs (a D-Bus `org.freedesktop.Notifications.Notify` call), Notification Center on macOS,
 * toasts on Windows. The tray app uses Electron's `Notification` instead.
 */
import nodeNotifier from 'node-notifier';
import type { Severity } from '../../common/alert-rules';
import type { Alert, Delivery, Notifier } from '../../core/alerts/alert';
import { deliveryOnce } from '../../core/alerts/delivery-once';
import { type Clock, systemClock } from '../../core/clock';

/** What is handed to node-notifier; `urgency` and `app-name` only reach notify-send. */
export interface DesktopNotification {
  title: string;
  message: string;
  wait: false;
  urgency?: 'low' | 'normal' | 'critical';
  'app-name'?: string;
}

/**
 * node-notifier's callback. On Linux its first argument is notify-send's stderr, a string (usually
 * empty) when notify-send succeeded, and an Error only when it failed (node-notifier lib/utils.js,
 * `command`); the types published for it say `Error | null`.
 */
export type DesktopNotifyCallback = (error: Error | string | null | undefined, response?: unknown) => void;

/** The part of node-notifier used here, so a test can hand in its own. */
export interface DesktopNotificationSender {
  notify(notification: DesktopNotification, callback: DesktopNotifyCallback): unknown;
}

export interface DesktopNotifierOptions {
  /** The sender's name on Linux (notify-send `--app-name`); default "Headcount". */
  appName?: string;
  /** node-notifier's notifier for this platform by default. */
  notifier?: DesktopNotificationSender;
  /** How long to wait for the platform's answer before calling it failed; default 10 000. */
  timeoutMs?: number;
  clock?: Clock;
}

const DEFAULT_TIMEOUT_MS = 10_000;

const URGENCY: Record<Severity, DesktopNotification['urgency']> = {
  info: 'low',
  warning: 'normal',
  critical: 'critical',
};

/** A {@link Notifier} that shows each alert on this machine's desktop; never rejects. */
export function createDesktopNotifier(options: DesktopNotifierOptions = {}): Notifier {
  const sender: DesktopNotificationSender = options.notifier ?? nodeNotifier;
  const clock = options.clock ?? systemClock;
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const appName = options.appName ?? 'Headcount';
  // Only notify-send understands these; the other notifiers pass unknown keys to their helper
  // binaries as flags.
  const notifySend = sender instanceof nodeNotifier.NotifySend;

  const notification = (alert: Alert): DesktopNotification => {
    const message = alert.message || alert.title;
    if (!notifySend) return { title: alert.title, message, wait: false };
    return {
      title: notArgumentLike(alert.title),
      message: notArgumentLike(message),
      wait: false,
      urgency: URGENCY[alert.severity],
      'app-name': appName,
    };
  };

  return {
    channel: 'desktop',
    deliver(alert: Alert): Promise<Delivery> {
      const silence = `the desktop's notification service did not answer within ${timeoutMs / 1000} s`;
      const { outcome, finish } = deliveryOnce(clock, 'desktop', timeoutMs, silence);
      try {
        sender.notify(notification(alert), (error) =>
          finish(error instanceof Error ? failureDetail(error) : undefined),
        );
      } catch (error) {
        finish(failureDetail(error));
      }
      return outcome;
    },
  };
}

// notify-send parses a title or body that starts with "-" as an option ("Unknown option -40% in
// 2 min") and node-notifier cannot put "--" before them; a minus sign reads the same.
function notArgumentLike(text: string): string {
  return text.startsWith('-') ? `\u2212${text.slice(1)}` : text;
}

function failureDetail(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  if (/not found: notify-send|notify-send must be installed/.test(message)) {
    return 'notify-send is not installed (Debian and Ubuntu: apt install libnotify-bin)';
  }
  // child_process puts the whole command line first ("Command failed: notify-send …"); what went
  // wrong is in notify-send's own output on the lines after it.
  const lines = message.split('\n');
  const output = message.startsWith('Command failed:') ? lines.slice(1).join(' ').trim() : '';
  const reason = (output || message).replace(/\s+/g, ' ').trim().slice(0, 300);
  return `the desktop notification was not shown: ${reason || 'no reason given'}`;
}
