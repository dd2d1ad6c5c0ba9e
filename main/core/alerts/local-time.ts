import { ConfigError } from '../config-error';

/** A wall-clock reading in one time zone. `month` is 1-12. */
export interface LocalTime {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
}

const DAY_MS = 86_400_000;

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string | undefined): Intl.DateTimeFormat {
  const key = timeZone ?? '';
  let formatter = formatters.get(key);
  if (!formatter) {
    // `h23` rather than `hour12: false`: some ICU versions print midnight as 24 with the latter.
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    formatters.set(key, formatter);
  }
  return formatter;
}

/**
 * Checks an IANA time zone name (`Asia/Shanghai`); `undefined` means the system's zone.
 * @throws ConfigError naming the zone when this runtime does not know it.
 */
export function checkTimeZone(timeZone: string | undefined): void {
  try {
    formatterFor(timeZone);
  } catch {
    throw new ConfigError(
      `Unknown time zone "${timeZone}": use an IANA name such as Asia/Shanghai or Europe/Berlin.`,
    );
  }
}

/** The wall-clock reading at `at` (epoch ms) in `timeZone`, the system's zone when absent. */
export function localTime(at: number, timeZone?: string): LocalTime {
  const fields: Record<string, number> = {};
  for (const part of formatterFor(timeZone).formatToParts(new Date(at))) {
    if (part.type !== 'literal') fields[part.type] = Number(part.value);
  }
  return {
    year: fields.year ?? 0,
    month: fields.month ?? 1,
    day: fields.day ?? 1,
    hour: fields.hour ?? 0,
    minute: fields.minute ?? 0,
    second: fields.second ?? 0,
  };
}

/** How far the zone's wall clock is ahead of UTC at `at`, in ms (whole seconds). */
function offsetAt(at: number, timeZone: string | undefined): number {
  const local = localTime(at, timeZone);
  const asUtc = Date.UTC(local.year, local.month - 1, local.day, local.hour, local.minute, local.second);
  return asUtc - Math.floor(at / 1000) * 1000;
}

function sameMinute(a: LocalTime, b: LocalTime): boolean {
  return (
    a.year === b.year && a.month === b.month && a.day === b.day && a.hour === b.hour && a.minute === b.minute
  );
}

/**
 * The instant (epoch ms) when the wall clock of `timeZone` reads `local` (seconds ignored). Day and
 * month may overflow (`day: 32`) and roll over as `Date.UTC` does. Across a DST change: a reading
 * that happens twice (clocks go back) gives the earlier instant; one that never happens (clocks
 * go forward) gives the instant as far after the gap's start as the reading is, so 02:30 on a
 * spring-forward night in New York is 03:30 daylight time.
 */
export function instantOf(
  local: Pick<LocalTime, 'year' | 'month' | 'day' | 'hour' | 'minute'>,
  timeZone?: string,
): number {
  const asUtc = Date.UTC(local.year, local.month - 1, local.day, local.hour, local.minute);
  const wanted = localTime(asUtc, 'UTC');
  // The offsets a day either side cover every zone's single change within that span.
  const before = offsetAt(asUtc - DAY_MS, timeZone);
  const after = offsetAt(asUtc + DAY_MS, timeZone);
  const candidates = [asUtc - before, asUtc - after]
    .filter((at) => sameMinute(localTime(at, timeZone), wanted))
    .sort((a, b) => a - b);
  return candidates[0] ?? asUtc - before;
}

/** Minutes since local midnight at `at` (0-1439). */
export function minuteOfDay(at: number, timeZone?: string): number {
  const local = localTime(at, timeZone);
  return local.hour * 60 + local.minute;
}

function pad(value: number): string {
  return String(value).padStart(2, '0');
}

/**
 * `until` in words relative to `now`, both read in `timeZone`: `14:30` on the same day,
 * `tomorrow 08:00` on the next, `2026-12-24 08:00` further away.
 */
export function describeUntil(until: number, now: number, timeZone?: string): string {
  const end = localTime(until, timeZone);
  const today = localTime(now, timeZone);
  const clock = `${pad(end.hour)}:${pad(end.minute)}`;
  const dayIndex = (t: LocalTime) => Math.round(Date.UTC(t.year, t.month - 1, t.day) / DAY_MS);
  const days = dayIndex(end) - dayIndex(today);
  if (days === 0) return clock;
  if (days === 1) return `tomorrow ${clock}`;
  return `${end.year}-${pad(end.month)}-${pad(end.day)} ${clock}`;
}
