import type { RuleSettings } from '../../common/rule-settings';
import type { MonitorEvent } from '../monitor-events';
import type { Alert } from './alert';
import { alertMessage } from './alert-text';
import { FiringState } from './firing-state';
import { PushAlerts } from './push-alerts';
import { type AlertDraft, RoomAlerts } from './room-alerts';
import { rulesFor } from './rule-settings';

export interface AlertEngineOptions {
  /** The app profile's label, carried by every alert. */
  profile: string;
  /** The profile's rule defaults. */
  rules?: RuleSettings;
  /** Per-room overrides. */
  roomRules?: Readonly<Record<string, RuleSettings>>;
  /** People's names for rooms. */
  labels?: Readonly<Record<string, string>>;
  /** Unique, time-ordered ids; default: time plus a counter. */
  newId?: (at: number) => string;
}

/**
 * Turns one app profile's monitor events into alerts: per-room rules (thresholds, spikes and drops,
 * peaks, sessions, failures, staleness, closing) and app-level ones (credentials, account), each
 * with flap control. Pure: it returns the alerts and leaves delivery to others.
 */
export class AlertEngine {
  private readonly rooms = new Map<string, RoomAlerts>();
  private readonly appStates = { auth: new FiringState(), account: new FiringState() };
  private readonly pushes = new PushAlerts({
    recovered: () => this.recoveredNotices(),
    label: (groupId) => this.options.labels?.[groupId],
  });
  private options: AlertEngineOptions;
  private counter = 0;

  constructor(options: AlertEngineOptions) {
    this.options = options;
  }

  /** New rules or labels, applied from the next event on. */
  configure(options: Partial<Omit<AlertEngineOptions, 'profile' | 'newId'>>): void {
    this.options = { ...this.options, ...options };
    for (const [groupId, room] of this.rooms)
      room.setRules(this.rulesOf(groupId), this.options.labels?.[groupId]);
  }

  handle(event: MonitorEvent): Alert[] {
    switch (event.type) {
      case 'sample':
        return this.finish(this.room(event.groupId).onSample({ at: event.at, online: event.online }));
      case 'error':
        return this.finish(
          this.room(event.groupId).onError(event.error, event.at, event.consecutiveFailures),
        );
      case 'room':
        // While the profile is stopped for its credentials or account, stale rooms are no news.
        if (event.room.status !== 'stale' || this.appStates.auth.firing || this.appStates.account.firing) {
          return [];
        }
        return this.finish(this.room(event.room.groupId).onStale(event.at));
      case 'resumed':
        for (const room of this.rooms.values()) room.onResumed();
        return [];
      case 'status':
        return this.appLevel(event.at, event.status.error?.kind, event.status.error?.message);
      case 'push':
        return this.finish(this.pushes.onPush(event.push, event.at));
    }
  }

  /** Auth and account problems: one alert per profile, not one per room, and one recovery. */
  private appLevel(at: number, kind: string | undefined, why = ''): Alert[] {
    const drafts: AlertDraft[] = [];
    for (const rule of ['auth', 'account'] as const) {
      const transition = this.appStates[rule].update(at, kind === rule, kind !== rule);
      if (!transition || (transition === 'recovered' && !this.recoveredNotices())) continue;
      const phase = transition === 'fired' ? 'firing' : transition;
      const what = rule === 'auth' ? 'credentials rejected' : 'account problem';
      const details =
        phase === 'recovered' ? ['polling again'] : [why, 'polling is paused until the credentials change'];
      drafts.push({
        rule,
        phase,
        severity: phase === 'recovered' ? 'info' : 'critical',
        title: `${this.options.profile}: ${phase === 'recovered' ? `${what}, resolved` : what}`,
        message: alertMessage({ rule, phase, details }),
        at,
        ...(phase === 'recovered' ? {} : { errorKind: rule }),
      });
    }
    return this.finish(drafts);
  }

  private recoveredNotices(): boolean {
    return this.options.rules?.recovered ?? true;
  }

  private room(groupId: string): RoomAlerts {
    let room = this.rooms.get(groupId);
    if (!room) {
      room = new RoomAlerts(groupId, this.rulesOf(groupId), this.options.labels?.[groupId]);
      this.rooms.set(groupId, room);
    }
    return room;
  }

  private rulesOf(groupId: string) {
    return rulesFor(this.options.rules ?? {}, this.options.roomRules?.[groupId]);
  }

  private finish(drafts: AlertDraft[]): Alert[] {
    return drafts.map((draft) => ({ id: this.idFor(draft.at), profile: this.options.profile, ...draft }));
  }

  private idFor(at: number): string {
    if (this.options.newId) return this.options.newId(at);
    this.counter = (this.counter + 1) % 1_000_000;
    return `${at.toString(36)}-${this.counter.toString(36).padStart(4, '0')}`;
  }
}
