/**
 * Durations as people write them, wherever Headcount asks for one (flags, the settings file): a
 * plain number in the unit the place names (seconds for `--interval`), or a number with a unit:
 * `90s`, `5m`, `1.5h`, `2d`. One parser, so `10s` means the same everywhere and every limit is
 * said the same way.
 */

/** The longest wait one timer holds: setTimeout's delay is a signed 32-bit count of milliseconds. */
export const MAX_TIMER_MS = 2 ** 31 - 1;

const UNIT_MS: Record<string, number> = {
  ms: 1,
  s: 1_000,
  sec: 1_000,
  m: 60_000,
  min: 60_000,
  h: 3_600_000,
  d: 86_400_000,
};

/** Where a duration is asked for, and what it may be. */
export interface DurationRule {
  /** What is asked for, as the message names it: `--interval`, `rules.spike.windowSeconds`. */
  name: string;
  /** The unit of a plain number: seconds unless the place says minutes. */
  plainUnit?: 's' | 'min';
  /** Shortest allowed, in ms; above zero unless given. */
  minMs?: number;
  /** Longest allowed, in ms: what one timer holds unless the wait is chained. */
  maxMs?: number;
  /** Why the longest is what it is, for the message. */
  maxReason?: string;
}

/** A duration read, or why it cannot be. */
export type DurationRead = { ok: true; ms: number } | { ok: false; problem: string };

/** Reads `text` by `rule`: a duration in ms within the rule's range, or the problem in words. */
export function readDuration(text: string, rule: DurationRule): DurationRead {
  const match = /^(\d+(?:\.\d+)?|\.\d+)\s*([a-z]*)$/i.exec(text.trim());
  const unit = match?.[2]?.toLowerCase() || (rule.plainUnit ?? 's');
  const perUnit = UNIT_MS[unit];
  if (!match || perUnit === undefined) {
    const plain = rule.plainUnit === 'min' ? 'minutes' : 'seconds';
    return {
      ok: false,
      problem: `${rule.name} takes a duration: a number of ${plain}, or one with a unit like 90s, 5m, 1h or 2d (got ${quoted(text)}).`,
    };
  }
  const ms = Number(match[1]) * perUnit;
  return checkDuration(ms, rule, text);
}

/** Checks a duration already in ms against the rule's range (for numbers from a file). */
export function checkDuration(
  ms: number,
  rule: DurationRule,
  written: string = describeMs(ms),
): DurationRead {
  const maxMs = rule.maxMs ?? MAX_TIMER_MS;
  const tooShort = rule.minMs === undefined ? !(ms > 0) : !(ms >= rule.minMs);
  if (!Number.isFinite(ms) || tooShort) {
    const least = rule.minMs === undefined ? 'more than 0' : `at least ${describeMs(rule.minMs)}`;
    return { ok: false, problem: `${rule.name} must be ${least} (got ${quoted(written)}).` };
  }
  if (ms > maxMs) {
    const why = rule.maxReason ?? 'the longest wait a timer holds';
    return {
      ok: false,
      problem: `${rule.name} is at most ${describeMs(maxMs)}, ${why} (got ${quoted(written)}).`,
    };
  }
  return { ok: true, ms };
}

/** A duration in words with its exact seconds: `24 d 20 h 31 min (2147483 s)`, `5 min (300 s)`. */
export function describeMs(ms: number): string {
  const totalS = Math.floor(ms / 1000);
  if (totalS < 60) return `${ms < 1000 ? `${ms} ms` : `${Math.round(ms / 100) / 10} s`}`;
  const parts: string[] = [];
  let rest = totalS;
  for (const [size, unit] of [
    [86_400, 'd'],
    [3_600, 'h'],
    [60, 'min'],
  ] as const) {
    if (rest >= size) parts.push(`${Math.floor(rest / size)} ${unit}`);
    rest %= size;
  }
  return `${parts.join(' ')} (${totalS} s)`;
}

function quoted(text: string): string {
  return JSON.stringify(text.length > 40 ? `${text.slice(0, 40)}…` : text);
}
