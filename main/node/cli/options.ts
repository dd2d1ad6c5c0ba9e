import { type ParseArgsConfig, parseArgs } from 'node:util';
import { type DurationRule, readDuration } from '../../common/duration';
import { ConfigError } from '../../core/config-error';
import { groupIdProblem } from '../../core/group-id';
import type { CredentialFlags } from '../credentials';
import { closestOption } from './closest-option';
import { quoteStart } from './terminal-text';

type Options = NonNullable<ParseArgsConfig['options']>;

/** Flags for every credential but the secret itself, which never goes on a command line. */
export const CREDENTIAL_OPTIONS = {
  sdkappid: { type: 'string' },
  identifier: { type: 'string' },
  'secret-key-file': { type: 'string' },
  region: { type: 'string' },
  endpoint: { type: 'string' },
  'ca-file': { type: 'string' },
} as const satisfies Options;

/** Parses flags strictly, turning node's parse errors into usage errors. */
export function parseCommand<T extends Options>(args: string[], options: T, command: string) {
  try {
    return parseArgs({
      args,
      options: { ...options, help: { type: 'boolean', short: 'h' } },
      allowPositionals: true,
    });
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    throw new ConfigError(
      `${withSuggestion(message, Object.keys(options))} (see: headcount ${command} --help)`,
    );
  }
}

/** Node's "Unknown option '--intervl'" with the option that was most likely meant. */
function withSuggestion(message: string, known: readonly string[]): string {
  const [, dashes, unknown] = /^Unknown option '(--?)([^']+)'/.exec(message) ?? [];
  if (unknown === undefined) return message;
  const meant = dashes === '--' ? closestOption(unknown, [...known, 'help']) : null;
  // Node's own text goes on to explain '--' for positionals starting with a dash: true, but not the likely fix.
  const given = `Unknown option ${dashes}${unknown}`;
  return meant === null ? `${given}.` : `${given}: did you mean --${meant}?`;
}

export function credentialFlags(values: Record<string, unknown>): CredentialFlags {
  const text = (key: string) => (typeof values[key] === 'string' ? (values[key] as string) : undefined);
  return {
    sdkappid: text('sdkappid'),
    identifier: text('identifier'),
    secretKeyFile: text('secret-key-file'),
    region: text('region'),
    endpoint: text('endpoint'),
    caFile: text('ca-file'),
  };
}

/** Problems named one by one before the rest are counted: a file of bad ids is not echoed whole. */
const PROBLEMS_LISTED = 10;

/** Refuses malformed room ids before anything is sent, naming each one (its start) and its problem. */
export function checkGroupIds(ids: readonly string[]): void {
  const problems = ids.flatMap((id, i) => {
    const problem = groupIdProblem(id);
    return problem ? [`room ${i + 1} (${quoteStart(id)}): ${problem}`] : [];
  });
  if (problems.length === 0) return;
  const more = problems.length - PROBLEMS_LISTED;
  const listed = [...problems.slice(0, PROBLEMS_LISTED), ...(more > 0 ? [`and ${more} more`] : [])];
  throw new ConfigError(`Invalid room id:\n  ${listed.join('\n  ')}`);
}

/**
 * A duration from a flag in ms (plain seconds, or with a unit: 10s, 5m, 1h), or the default when
 * the flag is absent. Out of range is a usage error that names the limit.
 */
export function durationFlag(value: string | undefined, rule: DurationRule): number | undefined {
  if (value === undefined) return undefined;
  const read = readDuration(value, rule);
  if (!read.ok) throw new ConfigError(read.problem);
  return read.ms;
}

/** `--duration`'s limit: its wait is chained through timers, so a year is allowed. */
export const RUN_DURATION_RULE: DurationRule = {
  name: '--duration',
  maxMs: 365 * 86_400_000,
  maxReason: 'the longest run it times (leave it out to run until stopped)',
};

/** `--interval`'s limit: one room's wait is one timer's. */
export const INTERVAL_RULE: DurationRule = { name: '--interval' };
