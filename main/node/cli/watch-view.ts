import { tiersText } from '../../common/poll-tiers';
import type { Alert } from '../../core/alerts/alert';
import { type BudgetReading, COUNT_COMMAND } from '../../core/command-budgets';
import type { AppStatus, MonitorEvent } from '../../core/monitor-events';
import { tierLinesOf } from '../../core/poll-plan';
import type { PushStatus } from '../../core/push/push-status';
import { formatAge, formatChange, formatCount, formatSeconds, showGroupId } from './format';
import { terminalJson, terminalText } from './terminal-text';

type Write = (text: string) => void;

/**
 * One JSON object per line, as design.md defines them: sample, error, status, push (and alert,
 * from the alert pipeline). A status line carries each command's budget as `budgets` read now.
 */
export function jsonLine(event: MonitorEvent, budgets: () => BudgetReading[] = () => []): string | null {
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
      return terminalJson({
        type: 'status',
        ...statusFields(event.status),
        budgets: budgetFields(budgets()),
        at: iso(event.at),
      });
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
    case 'push':
      return terminalJson(pushFields(event.push, event.at));
  }
}

/** Each command's budget: `{command: {cap, limit, used, waiting}}`. */
function budgetFields(readings: BudgetReading[]) {
  return Object.fromEntries(
    readings.map((r) => [
      r.command,
      { cap: r.capPerSecond, limit: r.limitPerSecond, used: r.used, waiting: r.waiting },
    ]),
  );
}

/** Each command's use of its budget on one line, for people: the ones that are used or slowed. */
export function describeBudgets(readings: BudgetReading[]): string {
  const shown = readings.filter(
    (r) => r.command === COUNT_COMMAND || r.used > 0 || r.waiting > 0 || r.limitPerSecond < r.capPerSecond,
  );
  const parts = shown.map((r) => {
    const slowed = r.limitPerSecond < r.capPerSecond ? ` (slowed to ${r.limitPerSecond})` : '';
    const waiting = r.waiting > 0 ? `, ${r.waiting} waiting` : '';
    return `${r.command} ${r.used}/${r.capPerSecond}${slowed}${waiting}`;
  });
  return `calls/s: ${parts.join(' · ')}`;
}

/** A room's push as a `push` line: its state, how, and the last count written or why it fails. */
function pushFields(push: PushStatus, at: number) {
  const { groupId, via, key, state, reason, error, written } = push;
  return {
    type: 'push',
    groupId,
    via,
    key,
    state,
    ...(reason ? { reason } : {}),
    ...(error ? { kind: error.kind, ...(error.code === undefined ? {} : { code: error.code }) } : {}),
    ...(written ? { online: written.online, sampledAt: iso(written.sampledAt) } : {}),
    at: iso(at),
  };
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
    ...(plan.tiers ? { tiers: tierLinesOf(plan) } : {}),
    maxRate: status.capPerSecond,
    limit: status.limitPerSecond,
    ...(status.answerMs ? { answerMs: status.answerMs } : {}),
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
    case 'push': {
      const { push } = event;
      const written = push.written && push.state === 'ok' ? ` = ${formatCount(push.written.online)}` : '';
      const why = push.reason ? ` - ${push.reason}` : '';
      return terminalText(
        `${at}  ${showGroupId(push.groupId)}  push ${push.state}: ${push.via} ${push.key}${written}${why}`,
      );
    }
  }
}

/** "200 calls/s", with the answers' time when it is what slows the pace ("… with answers taking 150 ms"). */
function capText(status: AppStatus): string {
  const answers = status.answerMs ? ` with answers taking ${status.answerMs} ms` : '';
  return `${status.capPerSecond} calls/s${answers}`;
}

export function describeStatus(status: AppStatus): string {
  const { plan } = status;
  const tiers = tierLinesOf(plan);
  if (tiers) {
    const why = `${plan.rooms} rooms do not fit ${capText(status)}: ${tiersText(tiers)}`;
    return terminalText(`${status.state}: ${why}${status.reason ? ` - ${status.reason}` : ''}`);
  }
  const every = `${plan.rooms} room${plan.rooms === 1 ? '' : 's'} every ${formatSeconds(plan.effectiveIntervalMs)}`;
  const stretched =
    plan.stretch > 1
      ? ` (stretched from ${formatSeconds(plan.requestedIntervalMs)}: ${plan.rooms} rooms do not fit ${capText(status)})`
      : '';
  return terminalText(`${status.state}: ${every}${stretched}${status.reason ? ` - ${status.reason}` : ''}`);
}

export function clearScreen(write: Write): void {
  write('\x1b[H\x1b[2J');
}

/** The ISO text of the second last written ("2026-12-03T16:20:05."): a watch writes 200 lines a second. */
let isoSecond = { second: Number.NaN, prefix: '' };

/** `new Date(ms).toISOString()`, formatting the date and time of day once per second. */
function iso(ms: number): string {
  const whole = Math.trunc(ms);
  const second = Math.floor(whole / 1000);
  if (second !== isoSecond.second) {
    const text = new Date(second * 1000).toISOString();
    // Years beyond 9999 or before 0 are written another way: those take the slow road.
    if (text.length !== 24) return new Date(ms).toISOString();
    isoSecond = { second, prefix: text.slice(0, 20) };
  }
  return `${isoSecond.prefix}${String(whole - second * 1000).padStart(3, '0')}Z`;
}
