import type { SnoozeChoice } from '../contract/monitor-api';

/** What the tray menu does; the wiring passes these in (engine, popover, settings window, app). */
export interface TrayActions {
  /** Shows the popover. */
  open(): void;
  setPaused(paused: boolean): void;
  /** Snoozes notifications of every room. */
  snooze(choice: SnoozeChoice): void;
  /** Ends the snooze of every room. */
  resumeNotifications(): void;
  openSettings(): void;
  quit(): void;
}

/** What the menu's labels depend on. */
export interface TrayMenuState {
  paused: boolean;
  /** When the snooze of every room ends (epoch ms), or null when not snoozed. */
  snoozedUntil: number | null;
  /** The global shortcut that opens the popover, shown beside "Open Headcount". */
  shortcut: string | null;
  /** Epoch ms, to say "until 14:30" or "until Tue 08:00". */
  now: number;
}

/** One entry of the menu, free of Electron: tray.ts turns it into a MenuItemConstructorOptions. */
export type TrayMenuItem =
  | { type: 'item'; id: string; label: string; enabled: boolean; accelerator?: string; run?: () => void }
  | { type: 'separator' }
  | { type: 'submenu'; id: string; label: string; items: TrayMenuItem[] };

const SNOOZE_CHOICES: ReadonlyArray<{ choice: SnoozeChoice; label: string }> = [
  { choice: '15m', label: 'For 15 minutes' },
  { choice: '1h', label: 'For 1 hour' },
  { choice: '4h', label: 'For 4 hours' },
  { choice: 'tomorrow-morning', label: 'Until tomorrow morning' },
];

/** "14:30" on the same local day as `now`, "Tue 08:00" on another. */
export function untilLabel(until: number, now: number, timeZone?: string): string {
  const day = new Intl.DateTimeFormat('en-GB', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  });
  const time = new Intl.DateTimeFormat('en-GB', {
    timeZone,
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  });
  const clock = time.format(until);
  if (day.format(until) === day.format(now)) return clock;
  const weekday = new Intl.DateTimeFormat('en-GB', { timeZone, weekday: 'short' }).format(until);
  return `${weekday} ${clock}`;
}

/** The tray menu: Open, Pause/Resume polling, Snooze, Resume notifications when snoozed, Settings…, Quit. */
export function trayMenu(state: TrayMenuState, actions: TrayActions, timeZone?: string): TrayMenuItem[] {
  const snoozed = state.snoozedUntil !== null && state.snoozedUntil > state.now;
  const items: TrayMenuItem[] = [
    {
      type: 'item',
      id: 'open',
      label: 'Open Headcount',
      enabled: true,
      ...(state.shortcut ? { accelerator: state.shortcut } : {}),
      run: () => actions.open(),
    },
    { type: 'separator' },
    state.paused
      ? {
          type: 'item',
          id: 'resume-polling',
          label: 'Resume polling',
          enabled: true,
          run: () => actions.setPaused(false),
        }
      : {
          type: 'item',
          id: 'pause-polling',
          label: 'Pause polling',
          enabled: true,
          run: () => actions.setPaused(true),
        },
    {
      type: 'submenu',
      id: 'snooze',
      label: snoozed ? 'Snooze longer' : 'Snooze notifications',
      items: SNOOZE_CHOICES.map(({ choice, label }) => ({
        type: 'item',
        id: `snooze-${choice}`,
        label,
        enabled: true,
        run: () => actions.snooze(choice),
      })),
    },
  ];
  if (snoozed) {
    const until = untilLabel(state.snoozedUntil as number, state.now, timeZone);
    items.push({
      type: 'item',
      id: 'resume-notifications',
      label: `Resume notifications (snoozed until ${until})`,
      enabled: true,
      run: () => actions.resumeNotifications(),
    });
  }
  items.push(
    { type: 'separator' },
    { type: 'item', id: 'settings', label: 'Settings…', enabled: true, run: () => actions.openSettings() },
    { type: 'separator' },
    { type: 'item', id: 'quit', label: 'Quit Headcount', enabled: true, run: () => actions.quit() },
  );
  return items;
}

/** The menu without its callbacks: equal signatures mean the built menu need not be replaced. */
export function menuSignature(items: readonly TrayMenuItem[]): string {
  return JSON.stringify(items, (key, value) => (key === 'run' ? undefined : value));
}
