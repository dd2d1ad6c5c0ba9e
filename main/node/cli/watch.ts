import { ConfigError } from '../../core/config-error';
import { DEFAULT_INTERVAL_MS } from '../../core/poll-plan';
import { API_RATE_CAP } from '../../core/rate-budget';
import { roomSettings } from '../../core/settings/settings-rules';
import { loadConnection } from '../credentials';
import { createEngine } from '../engine';
import { readGroupsFile } from '../groups-file';
import { openSettingsStore } from '../settings-store';
import { alertingForCli } from './alerting-for-cli';
import {
  CREDENTIAL_OPTIONS,
  checkGroupIds,
  credentialFlags,
  durationFlag,
  INTERVAL_RULE,
  parseCommand,
  RUN_DURATION_RULE,
} from './options';
import { PUSH_HELP, PUSH_OPTIONS, pushFlag, pushTargetsFor, quotaWarning } from './push-flags';
import { watchRooms } from './watch-loop';

export const WATCH_HELP = `Usage: headcount watch [<groupId>...] [--groups-file F] [--interval S] [--max-rate N]
                       [--duration S] [--json] [--notify] [--config F]
                       [--push group-attr|group-counter|message [--push-key K] [--yes-i-know-the-quota]]

Watches rooms continuously. Each room is polled every --interval seconds (default 10, the API's
own refresh), spread evenly, never above --max-rate calls per second for the app (default 200,
the API's cap; the interval stretches when the rooms do not fit). Stops after --duration, or on
Ctrl-C. Durations are seconds, or take a unit: 10s, 5m, 1h, 2d (--interval up to 24 days,
--duration up to a year). With --json, one JSON object per line: sample, error, status and alert events.

Alerts follow the rules in the settings file (--config, HEADCOUNT_CONFIG, or the default one);
every alert is kept in the alert log beside it (see headcount alerts), sent to the webhooks the
settings name, and with --notify shown as desktop notifications. Without room ids, the rooms
listed in the settings are watched.

${PUSH_HELP}`;

export const WATCH_OPTIONS = {
  ...CREDENTIAL_OPTIONS,
  'groups-file': { type: 'string' },
  interval: { type: 'string' },
  'max-rate': { type: 'string' },
  duration: { type: 'string' },
  json: { type: 'boolean' },
  notify: { type: 'boolean' },
  config: { type: 'string' },
  ...PUSH_OPTIONS,
} as const;

/** `headcount watch`: continuous monitoring from a terminal or a script. */
export async function runWatch(args: string[]): Promise<number> {
  const { values, positionals } = parseCommand(args, WATCH_OPTIONS, 'watch');
  if (values.help) {
    process.stdout.write(`${WATCH_HELP}\n`);
    return 0;
  }
  const push = pushFlag(values);
  const store = openSettingsStore(values.config, { watch: true });
  try {
    const settings = store.read();
    const fromFile = values['groups-file'] ? readGroupsFile(values['groups-file']) : [];
    const named = [...positionals, ...fromFile];
    const groupIds = named.length > 0 ? named : Object.keys(settings.rooms ?? {});
    if (groupIds.length === 0)
      throw new ConfigError('Name at least one room, or a --groups-file, or list rooms in the settings.');
    checkGroupIds(groupIds);
    const timing = watchTiming(values);
    const flags = credentialFlags(values);
    const { connection, ca, notes, where: chosen } = loadConnection(flags, process.env);
    for (const note of notes) process.stderr.write(`headcount: note: ${note}\n`);
    const where = chosen.region ?? new URL(connection.endpoint.primary).host;
    const pushes = pushTargetsFor(groupIds, settings, push);
    const warning = quotaWarning(pushes);
    if (warning) process.stderr.write(`headcount: warning: ${warning}\n`);
    const engine = createEngine({ connection, ca, intervalMs: timing.intervalMs, maxRate: timing.maxRate });
    return await watchRooms({
      engine,
      groupIds,
      pushes,
      json: values.json === true,
      durationMs: timing.durationMs,
      title: 'Headcount',
      labels: roomSettings(settings).labels,
      alerting: (onAlert) =>
        alertingForCli({ store, settings, where, notify: values.notify === true, onAlert }),
    });
  } finally {
    store.close();
  }
}

/** Interval, rate cap and duration from the flags, with the warnings and refusals they deserve. */
export function watchTiming(values: { interval?: string; 'max-rate'?: string; duration?: string }) {
  const intervalMs = durationFlag(values.interval, INTERVAL_RULE) ?? DEFAULT_INTERVAL_MS;
  if (intervalMs < DEFAULT_INTERVAL_MS) {
    process.stderr.write(
      `headcount: warning: the API refreshes online counts about every 10 s; polling every ${intervalMs / 1000} s shows nothing newer and uses more of the rate budget.\n`,
    );
  }
  const maxRate = values['max-rate'] === undefined ? API_RATE_CAP : Number(values['max-rate']);
  if (!Number.isInteger(maxRate) || maxRate < 1 || maxRate > API_RATE_CAP) {
    throw new ConfigError(
      `--max-rate takes a whole number of calls per second from 1 to ${API_RATE_CAP} (the API's cap).`,
    );
  }
  return { intervalMs, maxRate, durationMs: durationFlag(values.duration, RUN_DURATION_RULE) };
}
