import type { AlertEntryQuery } from '../contract/alert-api';
import type { AlertLogEntry } from '../core/alerts/alert-log';

/** Entries the log query could not filter by: severity and acknowledgement. Newest first, as given. */
export function filterEntries(entries: readonly AlertLogEntry[], query: AlertEntryQuery): AlertLogEntry[] {
  const limit = query.limit ?? 200;
  return entries
    .filter((entry) => query.severity === undefined || entry.alert.severity === query.severity)
    .filter((entry) => !query.unacknowledged || entry.acknowledgedAt === undefined)
    .slice(0, limit);
}
