import { ALERT_RULES, type AlertRule } from '../../common/alert-rules';
import { readDuration } from '../../common/duration';
import { AlertLog, type AlertLogEntry } from '../../core/alerts/alert-log';
import { ConfigError } from '../../core/config-error';
import { nodeFilePort } from '../file-port';
import { openSettingsStore } from '../settings-store';
import { showGroupId, table } from './format';
import { parseCommand } from './options';
import { quoteStart, terminalJson, terminalText } from './terminal-text';

export const ALERTS_HELP = `Usage: headcount alerts [--since 1h|2026-11-26T08:00] [--room ID] [--rule R] [--limit N]
                        [--json] [--ack ID] [--config F]

Reads the alert log: every alert and recovery with its time, rule, room, value, and where it was
delivered (sent, failed, or held by a snooze or quiet hours). Newest first; 50 by default.
--ack marks one alert as acknowledged.`;

/** `headcount alerts`: the alert log, for people or scripts. */
export async function runAlerts(args: string[]): Promise<number> {
  const { values } = parseCommand(
    args,
    {
      since: { type: 'string' },
      room: { type: 'string' },
      rule: { type: 'string' },
      limit: { type: 'string' },
      json: { type: 'boolean' },
      ack: { type: 'string' },
      config: { type: 'string' },
    },
    'alerts',
  );
  if (values.help) {
    process.stdout.write(`${ALERTS_HELP}\n`);
    return 0;
  }
  const store = openSettingsStore(values.config);
  const log = await AlertLog.open(nodeFilePort, store.alertLogPath);
  for (const message of log.problems().messages)
    process.stderr.write(`headcount: ${terminalText(message)}\n`);
  if (values.ack !== undefined) {
    if (!(await log.acknowledge(values.ack)))
      throw new ConfigError(`No alert with id ${values.ack} in the log.`);
    await log.flush();
    if (log.unsavedLines() > 0) {
      const why = log.problems().messages.at(-1) ?? '';
      process.stderr.write(`headcount: the acknowledgement was not saved. ${terminalText(why)}\n`);
      return 1;
    }
    return 0;
  }
  if (values.rule !== undefined && !(ALERT_RULES as readonly string[]).includes(values.rule)) {
    throw new ConfigError(`--rule takes one of ${ALERT_RULES.join(', ')} (got ${quoteStart(values.rule)}).`);
  }
  const limit = values.limit === undefined ? 50 : Number(values.limit);
  if (!Number.isInteger(limit) || limit < 1) throw new ConfigError('--limit takes a whole number from 1.');
  const entries = log.list({
    ...(values.since === undefined ? {} : { since: sinceTime(values.since, Date.now()) }),
    ...(values.room === undefined ? {} : { groupId: values.room }),
    ...(values.rule === undefined ? {} : { rule: values.rule as AlertRule }),
    limit,
  });
  process.stdout.write(values.json ? `${terminalJson({ alerts: entries })}\n` : `${render(entries)}\n`);
  return 0;
}

/** "90s", "15m", "1h", "2d" ago (the one duration parser; plain numbers are seconds), or a date and time. */
export function sinceTime(text: string, now: number): number {
  const ago = readDuration(text, { name: '--since', minMs: 0, maxMs: Number.MAX_SAFE_INTEGER });
  if (ago.ok) return now - ago.ms;
  const at = Date.parse(text);
  if (Number.isNaN(at))
    throw new ConfigError(`--since takes a time ago like 15m, 1h, 2d, or a date (got "${text}").`);
  return at;
}

function render(entries: AlertLogEntry[]): string {
  if (entries.length === 0) return 'No alerts in the log for that.';
  const rows = entries.map(({ alert, deliveries, acknowledgedAt }) => [
    new Date(alert.at).toLocaleString('en-GB'),
    alert.phase === 'recovered' ? 'recovered' : alert.severity,
    alert.rule,
    alert.groupId === undefined
      ? alert.groupIds
        ? `${alert.groupIds.length} rooms`
        : alert.profile
      : terminalText(alert.label ?? showGroupId(alert.groupId)),
    `${alert.title}${alert.message ? ` · ${alert.message}` : ''}`,
    deliveries.map((d) => `${d.channel} ${d.outcome}`).join(', ') || '-',
    acknowledgedAt === undefined ? alert.id : `${alert.id} (ack)`,
  ]);
  return table(['TIME', 'SEVERITY', 'RULE', 'ROOM', 'ALERT', 'DELIVERED', 'ID'], rows);
}
