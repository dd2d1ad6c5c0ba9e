/**
 * What the tray icon says about the app at a glance, one of five looks: `normal`; `alerting` while
 * an alert is firing; `error` when the number shown is missing or incomplete because of failures,
 * or an app's credentials were rejected; `paused` while polling is paused; `demo` while the
 * built-in simulator plays the demo show.
 */
export type TrayState = 'normal' | 'alerting' | 'error' | 'paused' | 'demo';

/** Every state, in the order assets are generated and tests walk them. */
export const TRAY_STATES: readonly TrayState[] = ['normal', 'alerting', 'error', 'paused', 'demo'];

/** The facts the tray state is decided from. */
export interface TrayFacts {
  paused: boolean;
  demo: boolean;
  alerting: boolean;
  failing: boolean;
}

/**
 * One state for all the facts: paused first (nothing shown is current), then error (the number
 * cannot be trusted), then alerting, then demo.
 */
export function trayStateOf(facts: TrayFacts): TrayState {
  if (facts.paused) return 'paused';
  if (facts.failing) return 'error';
  if (facts.alerting) return 'alerting';
  if (facts.demo) return 'demo';
  return 'normal';
}
