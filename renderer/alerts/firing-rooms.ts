/**
 * Which rooms have an alert firing now, from the alerts the engine sends: a rule's `firing` or
 * `reminder` puts the room in, its `recovered` takes it out. Read once from the recent log when the
 * page opens, then kept by the pushes; "Needs attention" puts these rooms first.
 */
import type { AlertView, RoomKey } from '../../main/contract/monitor-api';

/** How far back the page looks for alerts still firing when it opens. */
export const FIRING_LOOKBACK_MS = 24 * 3_600_000;

/** The rooms with an alert firing, by room and rule. */
export class FiringRooms {
  private readonly rules = new Map<RoomKey, Set<string>>();

  /** Takes alerts in any order (a log page is newest first); true when the set of rooms changed. */
  takeAll(alerts: readonly AlertView[]): boolean {
    let changed = false;
    for (const alert of [...alerts].sort((a, b) => a.at - b.at)) changed = this.take(alert) || changed;
    return changed;
  }

  /** Takes one alert; true when the set of rooms changed. */
  take(alert: Pick<AlertView, 'roomKey' | 'rule' | 'phase'>): boolean {
    const key = alert.roomKey;
    if (key === null || alert.phase === 'notice') return false;
    const before = this.rules.has(key);
    const rules = this.rules.get(key) ?? new Set<string>();
    if (alert.phase === 'recovered') rules.delete(alert.rule);
    else rules.add(alert.rule);
    if (rules.size === 0) this.rules.delete(key);
    else this.rules.set(key, rules);
    return before !== this.rules.has(key);
  }

  /** The rooms with at least one alert firing. */
  rooms(): ReadonlySet<RoomKey> {
    return new Set(this.rules.keys());
  }

  has(key: RoomKey): boolean {
    return this.rules.has(key);
  }
}
