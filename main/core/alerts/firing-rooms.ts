import type { Alert } from './alert';

/**
 * The rooms with an alert firing now, from the alerts as they are made: a `firing` or `reminder`
 * alert holds its room (or each room of a grouped alert) until the same rule's `recovered`; a
 * `notice` (a peak, a milestone, a stream starting) never holds. The monitor keeps these rooms at
 * the requested interval when the rooms do not all fit the rate.
 */
export class FiringRooms {
  /** For each rule, the rooms it fires for. */
  private readonly firing = new Map<string, Set<string>>();

  /** Takes one alert into account; returns whether the set of rooms changed. */
  observe(alert: Alert): boolean {
    const rooms = alert.groupIds ?? (alert.groupId === undefined ? [] : [alert.groupId]);
    if (rooms.length === 0 || alert.phase === 'notice') return false;
    const ofRule = this.firing.get(alert.rule) ?? new Set<string>();
    this.firing.set(alert.rule, ofRule);
    let changed = false;
    for (const room of rooms) {
      if (alert.phase === 'recovered') changed = ofRule.delete(room) || changed;
      else if (!ofRule.has(room)) {
        ofRule.add(room);
        changed = true;
      }
    }
    return changed;
  }

  /** Every room with at least one rule firing. */
  rooms(): Set<string> {
    const all = new Set<string>();
    for (const rooms of this.firing.values()) for (const room of rooms) all.add(room);
    return all;
  }
}
