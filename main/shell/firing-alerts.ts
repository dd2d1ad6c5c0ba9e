import type { AlertView, RoomKey } from '../contract/monitor-api';

/**
 * Which alerts are firing now, from the alerts pushed to the UI: a `firing` or `reminder` alert
 * holds until its `recovered` one arrives; a `notice` (a peak, a milestone) never holds. The tray
 * shows `alerting` while anything holds.
 */
export class FiringAlerts {
  private readonly firing = new Map<string, RoomKey | null>();

  /** Takes one pushed alert into account. */
  observe(alert: AlertView): void {
    const key = JSON.stringify([alert.profileId, alert.roomKey, alert.rule]);
    if (alert.phase === 'firing' || alert.phase === 'reminder') this.firing.set(key, alert.roomKey);
    else if (alert.phase === 'recovered') this.firing.delete(key);
  }

  /** Forgets the alerts of rooms no longer watched: they will never send their `recovered`. */
  forgetRooms(keys: readonly RoomKey[]): void {
    const gone = new Set(keys);
    for (const [key, room] of this.firing) if (room !== null && gone.has(room)) this.firing.delete(key);
  }

  /** How many alerts are firing. */
  get count(): number {
    return this.firing.size;
  }
}
