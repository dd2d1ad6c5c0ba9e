import { ALERT_RULES, type AlertRule, DEFAULT_LET_THROUGH, isAlertRule } from '../../common/alert-rules';
import { minutesOfTimeOfDay } from '../../common/time-of-day';
import { ConfigError } from '../config-error';
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

function parseTimeOfDay(value: unknown, which: 'start' | 'end'): number {
  const minutes = minutesOfTimeOfDay(value);
  if (minutes === null) {
    throw new ConfigError(
      `Quiet hours ${which} ${JSON.stringify(value)} is not a time of day: write it as HH:MM on a 24-hour clock, e.g. "23:00" or "07:30".`,
    );
  }
  return minutes;
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
      if (!isAlertRule(rule)) {
        throw new ConfigError(
          `Quiet hours cannot let through ${JSON.stringify(rule)}: it is not an alert rule (${ALERT_RULES.join(', ')}).`,
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
