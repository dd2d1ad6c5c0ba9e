import type { AlertView } from '../contract/monitor-api';
import type { Alert } from '../core/alerts/alert';
import { roomKey } from './views';

/** An alert as the UI sees it: the English words as sent, and the facts behind them. */
export function alertView(alert: Alert, profileId: string): AlertView {
  return {
    id: alert.id,
    rule: alert.rule,
    phase: alert.phase,
    severity: alert.severity,
    profileId,
    roomKey: alert.groupId === undefined ? null : roomKey(profileId, alert.groupId),
    title: alert.title,
    message: alert.message,
    at: alert.at,
    facts: {
      profile: alert.profile,
      label: alert.label ?? null,
      value: alert.value ?? null,
      threshold: alert.threshold ?? null,
      change: alert.change ?? null,
      peak: alert.peak ?? null,
      session: alert.session ?? null,
      rooms: alert.groupIds?.length ?? null,
      where: alert.where ?? null,
      errorKind: alert.errorKind ?? null,
      push: alert.push ?? null,
    },
  };
}
