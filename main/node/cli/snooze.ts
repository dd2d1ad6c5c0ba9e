import { readDuration } from '../../common/duration';
import { describeUntil } from '../../core/alerts/local-time';
import { SnoozeBook, type SnoozePreset, type SnoozeScope, snoozeUntil } from '../../core/alerts/snooze';
import { ConfigError } from '../../core/config-error';
import { fileErrorWords } from '../../core/storage-health';
import { profileLabel } from '../alerting';
import { openSettingsStore } from '../settings-store';
import { showGroupId } from './format';
import { checkGroupIds, parseCommand } from './options';
import { terminalText } from './terminal-text';

export const SNOOZE_HELP = `Usage: headcount snooze [<groupId> | --all] [--for 15m|1h|4h|morning] [--config F]
       headcount snooze --list
       headcount unsnooze [<groupId> | --all]

Holds desktop notifications for one room or for everything, for 15 minutes, 1 hour (default),
4 hours, any duration (30m, 2h, 3d), or until tomorrow morning (08:00 local time). Alerts are still logged, and webhooks still
get them: a snooze is for your screen. A running watch picks the change up within seconds.`;

const PRESETS: Record<string, SnoozePreset> = {
  '15m': '15m',
  '1h': '1h',
  '4h': '4h',
  morning: 'tomorrow-morning',
  'tomorrow-morning': 'tomorrow-morning',
};

/** `headcount snooze` and `headcount unsnooze`: kept in the settings file, where a running watch reads them. */
export async function runSnooze(args: string[], undo = false): Promise<number> {
  const command = undo ? 'unsnooze' : 'snooze';
  const { values, positionals } = parseCommand(
    args,
    {
      all: { type: 'boolean' },
      for: { type: 'string' },
      list: { type: 'boolean' },
      config: { type: 'string' },
    },
    command,
  );
  if (values.help) {
    process.stdout.write(`${SNOOZE_HELP}\n`);
    return 0;
  }
  const store = openSettingsStore(values.config);
  const settings = store.read();
  const book = SnoozeBook.fromJSON(settings.snoozes);
  const now = Date.now();
  if (values.list) {
    process.stdout.write(`${terminalText(listing(book, now), { keepNewlines: true })}\n`);
    return 0;
  }
  const scope = scopeOf(positionals, values.all === true, profileLabel(settings), command);
  let done = '';
  if (undo) {
    if (!book.unsnooze(scope)) {
      process.stdout.write('That was not snoozed.\n');
      return 0;
    }
  } else {
    const until = snoozeEnd(values.for ?? '1h', now);
    book.snooze(scope, until);
    done = `Snoozed ${describeScope(scope)} until ${describeUntil(until, now)}.`;
  }
  // Said only once it is kept: a snooze that was not saved holds for no one.
  try {
    store.set('snoozes', book.toJSON());
  } catch (error) {
    process.stderr.write(
      `headcount: did not save the ${command}: could not write ${store.path} (${fileErrorWords(error)}).\n`,
    );
    return 1;
  }
  if (done) process.stdout.write(`${terminalText(done)}\n`);
  return 0;
}

/** When a snooze `--for` ends: a preset (morning: 08:00), or any duration up to what a timer holds. */
function snoozeEnd(text: string, now: number): number {
  const preset = PRESETS[text];
  if (preset) return snoozeUntil(preset, now);
  const read = readDuration(text, { name: '--for' });
  if (!read.ok) throw new ConfigError(`${read.problem} It also takes morning (08:00).`);
  return now + read.ms;
}

function scopeOf(ids: string[], all: boolean, profile: string, command: string): SnoozeScope {
  if (all && ids.length === 0) return { kind: 'all' };
  if (!all && ids.length === 1) {
    checkGroupIds(ids);
    return { kind: 'room', profile, groupId: ids[0] as string };
  }
  throw new ConfigError(`Name one room, or --all: headcount ${command} <groupId> | --all`);
}

function describeScope(scope: SnoozeScope): string {
  if (scope.kind === 'all') return 'all alerts';
  if (scope.kind === 'profile') return `profile ${scope.profile}`;
  return `room ${showGroupId(scope.groupId)}`;
}

function listing(book: SnoozeBook, now: number): string {
  const active = book.active(now);
  if (active.length === 0) return 'Nothing is snoozed.';
  return active.map((s) => `${describeScope(s.scope)} until ${describeUntil(s.until, now)}`).join('\n');
}
