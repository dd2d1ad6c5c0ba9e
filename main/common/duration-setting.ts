/**
 * Durations in the settings file. A key says its unit (`forSeconds`, `repeatMinutes`) and takes a
 * number in it, as always; it may also take a duration with a unit, read by the one parser of
 * duration.ts (`"forSeconds": "5m"`). Either way it is at most what one timer holds.
 */
import { z } from 'zod';
import { MAX_TIMER_MS, readDuration } from './duration';

const UNIT_MS = { s: 1_000, min: 60_000 } as const;

/** The keys that hold durations, wherever they stand in the file, and the unit each is in. */
const DURATION_KEYS: Record<string, keyof typeof UNIT_MS> = {
  forSeconds: 's',
  windowSeconds: 's',
  groupWindowSeconds: 's',
  intervalSeconds: 's',
  repeatMinutes: 'min',
};

/** A number of seconds or minutes from zero up to what one timer holds. */
export function durationNumber(unit: keyof typeof UNIT_MS) {
  const max = Math.floor(MAX_TIMER_MS / UNIT_MS[unit]);
  const name = unit === 's' ? 'seconds' : 'minutes';
  return z
    .number({ error: `a number of ${name}, or a duration like "90s", "5m" or "1h"` })
    .nonnegative()
    .max(max, `at most ${max} ${name} (about 24.8 days), the longest wait a timer holds`);
}

/**
 * The file's JSON with every duration written with a unit turned into a number in its key's unit.
 * Text that is no duration is left as it is, for the schema to name with its place.
 */
export function readDurationsInFile(raw: unknown): unknown {
  if (Array.isArray(raw)) return raw.map(readDurationsInFile);
  if (typeof raw !== 'object' || raw === null) return raw;
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(raw)) {
    const unit = DURATION_KEYS[key];
    if (unit && typeof value === 'string') {
      const read = readDuration(value, { name: key, plainUnit: unit, minMs: 0, maxMs: Number.MAX_VALUE });
      out[key] = read.ok ? read.ms / UNIT_MS[unit] : value;
    } else out[key] = readDurationsInFile(value);
  }
  return out;
}
