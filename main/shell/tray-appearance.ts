import type { MonitorSnapshot } from '../contract/monitor-api';
import { type TrayState, trayStateOf } from './tray-state';
import { conditionLines, type TrayNumberChoice, trayText } from './tray-text';

/** What the tray shows: its state, the number for the icon and the title, and the tooltip. */
export interface TrayAppearance {
  state: TrayState;
  icon: string;
  title: string;
  tooltip: string;
}

/** What the appearance is made from. */
export interface TrayAppearanceInput {
  snapshot: Pick<MonitorSnapshot, 'demo' | 'paused' | 'profiles' | 'rooms' | 'summary'> &
    Partial<Pick<MonitorSnapshot, 'notices'>>;
  choice: TrayNumberChoice;
  /** Whether an alert is firing (see FiringAlerts). */
  alerting: boolean;
}

/** Windows cuts a tray tooltip at 127 characters (NOTIFYICONDATA.szTip holds 128). */
export const TOOLTIP_MAX = 127;

function clip(text: string): string {
  return text.length <= TOOLTIP_MAX ? text : `${text.slice(0, TOOLTIP_MAX - 1)}…`;
}

/** The tray's appearance for a snapshot. */
export function trayAppearance({ snapshot, choice, alerting }: TrayAppearanceInput): TrayAppearance {
  const text = trayText(snapshot, choice);
  const rejected = snapshot.profiles.filter((profile) => profile.state === 'auth-failed');
  const state = trayStateOf({
    paused: snapshot.paused,
    demo: snapshot.demo,
    alerting,
    failing: text.failing || rejected.length > 0,
  });
  const lines = [
    snapshot.demo ? 'Headcount (demo)' : 'Headcount',
    text.tooltip,
    // A file that cannot be written (a full disk) is said here too, for who looks only at the tray.
    ...(snapshot.notices ?? []),
    snapshot.paused ? 'Polling paused' : '',
    // A slowed-down or rejected app is said once, here, never on each room.
    ...conditionLines(snapshot),
  ].filter(Boolean);
  return { state, icon: text.icon, title: text.title, tooltip: clip(lines.join('\n')) };
}
