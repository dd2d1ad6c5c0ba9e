import type { AlertEntryQuery, AlertEntryView } from '../contract/alert-api';
import type { AlertView, RoomKey } from '../contract/monitor-api';
import type { Alert } from '../core/alerts/alert';
import type { AlertLog } from '../core/alerts/alert-log';
import { filterEntries } from './alert-entries';
import { alertView } from './alert-view';
import type { ProfileRecord } from './service-ports';
import { parseRoomKey } from './views';

/**
 * What the UI asks of the alert log: the latest alerts, the entries with their deliveries, a room's
 * alerts for its chart, acknowledging. The log knows profiles by label; the UI by id.
 */
export class AlertQueries {
  constructor(
    private readonly log: Pick<AlertLog, 'list' | 'acknowledge'> | undefined,
    private readonly profiles: () => readonly ProfileRecord[],
  ) {}

  /** An alert as the UI sees it, keyed by the id of the profile it belongs to. */
  view(alert: Alert): AlertView {
    const profile = this.profiles().find((p) => p.label === alert.profile);
    return alertView(alert, profile?.id ?? alert.profile);
  }

  list(query: { sinceMs?: number; key?: RoomKey; limit?: number }): AlertView[] {
    if (!this.log) return [];
    const room = query.key ? parseRoomKey(query.key) : null;
    const entries = this.log.list({
      ...(query.sinceMs === undefined ? {} : { since: query.sinceMs }),
      ...(room ? { groupId: room.groupId } : {}),
      limit: query.limit ?? 100,
    });
    return entries.map((entry) => this.view(entry.alert));
  }

  entries(query: AlertEntryQuery): AlertEntryView[] {
    if (!this.log) return [];
    const room = query.key ? parseRoomKey(query.key) : null;
    const label = room ? this.profiles().find((p) => p.id === room.profileId)?.label : undefined;
    // Severity and acknowledgement are filtered after the log's own query, so the limit comes last.
    const narrowsLater = query.severity !== undefined || query.unacknowledged === true;
    const entries = this.log.list({
      ...(query.sinceMs === undefined ? {} : { since: query.sinceMs }),
      ...(room ? { groupId: room.groupId } : {}),
      ...(label ? { profile: label } : {}),
      ...(query.rule ? { rule: query.rule } : {}),
      ...(narrowsLater ? {} : { limit: query.limit ?? 200 }),
    });
    return filterEntries(entries, query).map((entry) => ({
      alert: this.view(entry.alert),
      deliveries: entry.deliveries.map(({ channel, outcome, at, detail }) => ({
        channel,
        outcome,
        at,
        ...(detail === undefined ? {} : { detail }),
      })),
      acknowledgedAt: entry.acknowledgedAt ?? null,
    }));
  }

  async acknowledge(id: string): Promise<void> {
    const known = (await this.log?.acknowledge(id)) ?? false;
    if (!known) throw new Error(`There is no alert ${JSON.stringify(id)} in the log.`);
  }

  /** The alerts about one room of a profile since `since`, oldest first, to mark on its chart. */
  ofRoom(profile: ProfileRecord, groupId: string, since: number): AlertView[] {
    const entries = this.log?.list({ since, groupId, profile: profile.label, limit: 1000 }) ?? [];
    return entries.reverse().map((entry) => this.view(entry.alert));
  }
}
