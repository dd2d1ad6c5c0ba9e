/**
 * Which rooms have an alert firing now, from the alerts the engine sends: a rule's `firing` or
 * `reminder` puts the room in, its `recovered` takes it out. Read once from the recent log when the
 * page opens, then kept by the pushes; "Needs attention" puts these rooms first. The log's answer
 * can arrive after a push that is newer than it, so each room's rule keeps the time of the alert it
 * was last told, and an older alert changes nothing.
 */
import type { AlertView, RoomKey } from '../../main/contract/monitor-api';

/** How far back the page looks for alerts still firing when it opens. */
export const FIRING_LOOKBACK_MS = 24 * 3_600_000;

/** A rule's last word on a room: when it was said, and whether the rule is firing since. */
interface RuleWord {
  readonly at: number;
  readonly firing: boolean;
}

/** The rooms with an alert firing, by room and rule. */
export class FiringRooms {
  private readonly rules = new Map<RoomKey, Map<string, RuleWord>>();
  private readonly firingRooms = new Set<RoomKey>();

  /** Takes alerts in any order (a log page is newest first); true when the set of rooms changed. */
  takeAll(alerts: readonly AlertView[]): boolean {
    let changed = false;
    for (const alert of alerts) changed = this.take(alert) || changed;
    return changed;
  }

  /** Takes one alert; true when the set of rooms changed. */
  take(alert: Pick<AlertView, 'roomKey' | 'rule' | 'phase' | 'at'>): boolean {
    const key = alert.roomKey;
    if (key === null || alert.phase === 'notice') return false;
    const words = this.rules.get(key) ?? new Map<string, RuleWord>();
    this.rules.set(key, words);
    const last = words.get(alert.rule);
    if (last !== undefined && last.at > alert.at) return false;
    words.set(alert.rule, { at: alert.at, firing: alert.phase !== 'recovered' });
    const before = this.firingRooms.has(key);
    const now = [...words.values()].some((word) => word.firing);
    if (now) this.firingRooms.add(key);
    else this.firingRooms.delete(key);
    return before !== now;
  }

  /** The rooms with at least one alert firing. */
  rooms(): ReadonlySet<RoomKey> {
    return new Set(this.firingRooms);
  }

  has(key: RoomKey): boolean {
    return this.firingRooms.has(key);
  }
}
