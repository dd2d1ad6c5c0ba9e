/** The alert log's file format: one JSON object a line, and how a line is read back and checked. */
import type { Alert, Delivery } from './alert';

/**
 * A line of the file. An alert line may carry its deliveries and acknowledgement: compaction writes
 * one line per alert, so a compacted file holds at most `maxEntries` lines and is not compacted
 * again at once.
 */
export type LogLine =
  | { type: 'alert'; alert: Alert; deliveries?: Delivery[]; acknowledgedAt?: number }
  | { type: 'delivery'; alertId: string; delivery: Delivery }
  | { type: 'ack'; alertId: string; at: number };

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null;

function isAlert(value: unknown): value is Alert {
  return (
    isRecord(value) &&
    ['id', 'rule', 'phase', 'severity', 'profile', 'title', 'message'].every(
      (key) => typeof value[key] === 'string',
    ) &&
    typeof value.at === 'number'
  );
}

function isDelivery(value: unknown): value is Delivery {
  return (
    isRecord(value) &&
    typeof value.channel === 'string' &&
    (value.outcome === 'sent' || value.outcome === 'failed' || value.outcome === 'held') &&
    typeof value.at === 'number'
  );
}

/** The line read back, or null when it is not a record of the log (damaged, or from something else). */
export function parseLine(text: string): LogLine | null {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return null;
  }
  if (!isRecord(value)) return null;
  if (value.type === 'alert' && isAlert(value.alert)) {
    const { deliveries, acknowledgedAt } = value;
    if (deliveries !== undefined && !(Array.isArray(deliveries) && deliveries.every(isDelivery))) return null;
    if (acknowledgedAt !== undefined && typeof acknowledgedAt !== 'number') return null;
    return value as LogLine;
  }
  if (value.type === 'delivery' && typeof value.alertId === 'string' && isDelivery(value.delivery)) {
    return value as LogLine;
  }
  if (value.type === 'ack' && typeof value.alertId === 'string' && typeof value.at === 'number') {
    return value as LogLine;
  }
  return null;
}
