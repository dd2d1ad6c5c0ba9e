import { ConfigError } from '../config-error';
import type { AlertRule } from './alert';
import { checkTimeZone, minuteOfDay } from './local-time';

/** Quiet hours as a person writes them in settings. */
export interface QuietHoursConfig {
  /** Local time the quiet starts, `HH:MM` (24-hour). */
  start: string;
  /** Local time the quiet ends, `HH:MM`; before `start` means the quiet spans midnight. */
  end: string;
  /** Rules that still notify during quiet hours. Default: `closed`, `auth`, `account`. */
  letThrough?: AlertRule[];
  /** IANA zone whose clock the times are read on; the system's when absent. */
  timeZone?: string;
}

/** What stays loud at night unless a person says otherwise: a room that ended, and a broken app. */
export const DEFAULT_LET_THROUGH: readonly AlertRule[] = ['closed', 'auth', 'account'];

// A record rather than a list, so that a rule added to AlertRule fails to compile until it is named here.
const KNOWN_RULES: Record<AlertRule, true> = {
  above: true,
  below: true,
  spike: true,
  drop: true,
  peak: true,
  milestone: true,
  failing: true,
  stale: true,
  closed: true,
  auth: true,
  account: true,
  session: true,
};

const TIME_OF_DAY = /^([01]\d|2[0-3]):([0-5]\d)$/;

function parseTimeOfDay(value: unknown, which: 'start' | 'end'): number {
  const match = typeof value === 'string' ? TIME_OF_DAY.exec(value) : null;
  if (!match) {
    throw new ConfigError(
      `Quiet hours ${which} ${JSON.stringify(value)} is not a time of day: write it as HH:MM on a 24-hour clock, e.g. "23:00" or "07:30".`,
    );
  }
  return Number(match[1]) * 60 + Number(match[2]);
}

/**
 * A daily window, on the local clock, in which desktop notifications are held. The window includes
 * `start` and excludes `end`; `start` after `end` spans midnight (23:00-08:00); `start` equal to
 * `end` is never quiet. Across a DST change the window follows the wall clock, so a night may be an
 * hour shorter or longer.
 */
export class QuietHours {
  /** The end as written, for messages such as "quiet hours until 08:00". */
  readonly end: string;
  readonly start: string;
  readonly timeZone: string | undefined;
  private readonly startMinute: number;
  private readonly endMinute: number;
  private readonly letThrough: ReadonlySet<AlertRule>;

  /** @throws ConfigError for a malformed time, an unknown rule or an unknown time zone. */
  constructor(config: QuietHoursConfig) {
    this.startMinute = parseTimeOfDay(config.start, 'start');
    this.endMinute = parseTimeOfDay(config.end, 'end');
    const letThrough = config.letThrough ?? DEFAULT_LET_THROUGH;
    for (const rule of letThrough) {
      if (!Object.hasOwn(KNOWN_RULES, rule)) {
        throw new ConfigError(
          `Quiet hours cannot let through ${JSON.stringify(rule)}: it is not an alert rule (${Object.keys(KNOWN_RULES).join(', ')}).`,
        );
      }
    }
    checkTimeZone(config.timeZone);
    this.start = config.start;
    this.end = config.end;
    this.timeZone = config.timeZone;
    this.letThrough = new Set(letThrough);
  }

  /** True when `at` (epoch ms) falls inside the window on the local clock. */
  isQuiet(at: number): boolean {
    if (this.startMinute === this.endMinute) return false;
    const minute = minuteOfDay(at, this.timeZone);
    if (this.startMinute < this.endMinute) return minute >= this.startMinute && minute < this.endMinute;
    return minute >= this.startMinute || minute < this.endMinute;
  }

  /** True when an alert of `rule` at `at` is held: quiet, and the rule is not let through. */
  holds(rule: AlertRule, at: number): boolean {
    return !this.letThrough.has(rule) && this.isQuiet(at);
  }

  /** The configuration, in the shape it was given, for settings and the UI. */
  toJSON(): QuietHoursConfig {
    const config: QuietHoursConfig = { start: this.start, end: this.end, letThrough: [...this.letThrough] };
    if (this.timeZone !== undefined) config.timeZone = this.timeZone;
    return config;
  }
}
