/**
 * The parts of the MonitorApi contract about finding rooms, polling, the settings and the alert
 * log: types only, re-exported by `monitor-api.ts`. Webhook URLs and secrets never cross outward:
 * the view carries a masked URL, and a patch without a new URL keeps the saved one.
 */
import type { AlertRule, Severity } from '../common/alert-rules';
import type { RuleSettings } from '../common/rule-settings';
import type { WebhookFormat } from '../common/webhook-formats';

export type { RuleSettings, WebhookFormat };

/** One page of the app's live-stream rooms (AVChatRoom), with their names. */
export interface LiveRoomsPage {
  rooms: Array<{ groupId: string; name: string; watched: boolean }>;
  /** The exact decimal cursor of the next page (it may exceed 2^53), or null after the last page. */
  next: string | null;
  /** How many live-stream rooms the app has in all. */
  total: number;
}

/** How often a profile's rooms are polled, and the calls per second it may use (1-200). */
export interface PollingInput {
  intervalSeconds: number;
  maxRate: number;
}

/** A webhook as the UI sees it: the URL masked, the signing secret only said to be there. */
export interface WebhookView {
  /** Its place in the list, which a patch uses to keep the saved URL and secret. */
  id: string;
  name: string | null;
  format: WebhookFormat;
  /** The URL with its tokens masked (`https://qyapi.weixin.qq.com/…?key=***`). */
  maskedUrl: string;
  hasSecret: boolean;
  rules: AlertRule[] | null;
  minSeverity: Severity | null;
}

/** A webhook as the form sends it: a new one has `url`; one edited without `url` keeps its saved URL and secret. */
export interface WebhookInput {
  id?: string;
  name?: string;
  format: WebhookFormat;
  url?: string;
  secret?: string;
  rules?: AlertRule[];
  minSeverity?: Severity;
}

/** Hours when desktop notifications wait (webhooks still go out), e.g. 23:00 to 07:30. */
export interface QuietHoursView {
  start: string;
  end: string;
  letThrough?: AlertRule[];
  timeZone?: string;
}

/** A running snooze, with what it covers in words and the target that cancels it. */
export interface SnoozeView {
  target: { kind: 'all' } | { kind: 'profile'; profileId: string } | { kind: 'room'; key: string };
  /** The profile's label or the room's, for people; empty for "everything". */
  label: string;
  until: number;
}

/** The number in the tray: the sum over every room, or one room's count. */
export type TrayNumber = 'sum' | { roomKey: string };

/** The tray app's own settings; absent where the transport has no tray (`headcount serve`). */
export interface AppSection {
  launchAtLogin: boolean;
  trayNumber: TrayNumber;
  /** An Electron accelerator that opens the popover from anywhere; null for none. */
  shortcut: string | null;
  language: 'system' | 'en' | 'zh-CN';
  theme: 'system' | 'light' | 'dark';
}

/** Every setting the UI may show. */
export interface SettingsView {
  rules: RuleSettings;
  webhooks: WebhookView[];
  quietHours: QuietHoursView | null;
  snoozes: SnoozeView[];
  /** Null where there is no tray: the page keeps language and theme itself. */
  app: AppSection | null;
  /**
   * The shortcut registered with the system now, where there is a tray: it differs from
   * `app.shortcut` when another app or the system holds that one.
   */
  activeShortcut?: string | null;
}

/** A change to the settings: each field present replaces that setting (`webhooks` the whole list). */
export interface SettingsPatch {
  rules?: RuleSettings;
  webhooks?: WebhookInput[];
  quietHours?: QuietHoursView | null;
  app?: Partial<AppSection>;
}
