import type { Alert } from '../../core/alerts/alert';
import type { AppStatus, MonitorEvent } from '../../core/monitor-events';
import { formatAge, formatChange, formatCount, formatSeconds, showGroupId } from './format';
import { terminalJson, terminalText } from './terminal-text';

type Write = (text: string) => void;

/** One JSON object per line, as design.md defines them: sample, error, status (and alert, later). */
export function jsonLine(event: MonitorEvent): string | null {
  switch (event.type) {
    case 'sample':
      return terminalJson({
        type: 'sample',
        groupId: event.groupId,
        online: event.online,
        at: iso(event.at),
      });
    case 'error': {
      const { kind, code, message } = event.error;
      return terminalJson({
        type: 'error',
        groupId: event.groupId,
        kind,
        ...(code === undefined ? {} : { code }),
        message,
        at: iso(event.at),
      });
    }
    case 'status':
      return terminalJson({ type: 'status', ...statusFields(event.status), at: iso(event.at) });
    case 'resumed':
      return terminalJson({
        type: 'status',
        state: 'running',
        resumed: true,
        sleptMs: event.sleptMs,
        at: iso(event.at),
      });
    case 'room':
      return null;
  }
}

function statusFields(status: AppStatus) {
  const { plan } = status;
  return {
    state: status.state,
    ...(status.reason ? { reason: status.reason } : {}),
    ...(status.error ? { kind: status.error.kind, code: status.error.code } : {}),
    rooms: plan.rooms,
    intervalS: plan.requestedIntervalMs / 1000,
    effectiveIntervalS: plan.effectiveIntervalMs / 1000,
    stretched: plan.stretch > 1,
    maxRate: status.capPerSecond,
    limit: status.limitPerSecond,
  };
}

/** An alert as design.md's `alert` JSON event, with its id and phase. */
export function alertJsonLine(alert: Alert): string {
  const { id, rule, phase, groupId, groupIds, severity, title, message, at, value } = alert;
  return terminalJson({
    type: 'alert',
    id,
    rule,
    phase,
    ...(groupId === undefined ? {} : { groupId }),
    ...(groupIds === undefined ? {} : { groupIds }),
    severity,
    title,
    message,
    ...(value === undefined ? {} : { value }),
    at: iso(at),
  });
}

/**
 * An alert on one line, for people: its name and what happened, then the rule, its phase and the
 * room's id. Local time on a live screen; ISO-8601 in a log or a pipe, where lines are kept.
 */
export function alertTextLine(alert: Alert, time: 'local' | 'iso' = 'iso'): string {
  const label = alert.phase === 'recovered' ? 'RECOVERED' : alert.severity.toUpperCase();
  const at = time === 'local' ? new Date(alert.at).toLocaleTimeString('en-GB') : iso(alert.at);
  return terminalText(`${at}  ${label}  ${alert.title}${alert.message ? ` · ${alert.message}` : ''}`);
}

/** One line per event, for logs and pipes, with what the server said escaped. */
export function textLine(event: MonitorEvent): string | null {
  const line = eventLine(event);
  return line === null ? null : terminalText(line);
}

function eventLine(event: MonitorEvent): string | null {
  const at = iso(event.at);
  switch (event.type) {
    case 'sample': {
      const change = formatChange(event.previous === null ? null : event.online - event.previous);
      return `${at}  ${showGroupId(event.groupId)}  ${formatCount(event.online)} online${change ? ` (${change})` : ''}`;
    }
    case 'error':
      return `${at}  ${showGroupId(event.groupId)}  ${event.error.kind}: ${event.error.message}`;
    case 'status':
      return `${at}  ${describeStatus(event.status)}`;
    case 'resumed':
      return `${at}  woke after ${formatAge(event.sleptMs)}: counts are stale until polled again`;
    case 'room':
      return event.room.status === 'stale' ? `${at}  ${showGroupId(event.room.groupId)}  stale` : null;
  }
}

export function describeStatus(status: AppStatus): string {
  const { plan } = status;
  const every = `${plan.rooms} room${plan.rooms === 1 ? '' : 's'} every ${formatSeconds(plan.effectiveIntervalMs)}`;
  const stretched =
    plan.stretch > 1
      ? ` (stretched from ${formatSeconds(plan.requestedIntervalMs)}: ${plan.rooms} rooms do not fit ${status.capPerSecond} calls/s)`
      : '';
  return terminalText(`${status.state}: ${every}${stretched}${status.reason ? ` - ${status.reason}` : ''}`);
}

export function clearScreen(write: Write): void {
  write('\x1b[H\x1b[2J');
}

function iso(ms: number): string {
  return new Date(ms).toISOString();
}
