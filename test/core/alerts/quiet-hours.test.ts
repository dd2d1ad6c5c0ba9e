import { describe, expect, it } from 'vitest';
import { QuietHours } from '../../../main/core/alerts/quiet-hours';
import { ConfigError } from '../../../main/core/config-error';

/** Epoch ms of a Shanghai wall-clock time (UTC+8, no DST) on 26 November 2026. */
const shanghai = (hour: number, minute = 0) => Date.UTC(2026, 10, 26, hour - 8, minute);

describe('QuietHours', () => {
  it('spans midnight when start is after end, including start and excluding end', () => {
    const quiet = new QuietHours({ start: '23:00', end: '08:00', timeZone: 'Asia/Shanghai' });
    expect(quiet.isQuiet(shanghai(22, 59))).toBe(false);
    expect(quiet.isQuiet(shanghai(23, 0))).toBe(true);
    expect(quiet.isQuiet(shanghai(24, 0))).toBe(true);
    expect(quiet.isQuiet(shanghai(27, 0))).toBe(true);
    expect(quiet.isQuiet(shanghai(31, 59))).toBe(true);
    expect(quiet.isQuiet(shanghai(32, 0))).toBe(false);
    expect(quiet.isQuiet(shanghai(12, 0))).toBe(false);
  });

  it('holds a daytime window too', () => {
    const quiet = new QuietHours({ start: '09:00', end: '17:30', timeZone: 'Europe/Berlin' });
    expect(quiet.isQuiet(Date.UTC(2026, 10, 26, 7, 59))).toBe(false);
    expect(quiet.isQuiet(Date.UTC(2026, 10, 26, 8, 0))).toBe(true);
    expect(quiet.isQuiet(Date.UTC(2026, 10, 26, 16, 29))).toBe(true);
    expect(quiet.isQuiet(Date.UTC(2026, 10, 26, 16, 30))).toBe(false);
  });

  it('is never quiet when start equals end', () => {
    const quiet = new QuietHours({ start: '08:00', end: '08:00', timeZone: 'Asia/Shanghai' });
    for (let hour = 0; hour < 24; hour++) expect(quiet.isQuiet(shanghai(hour))).toBe(false);
  });

  it('follows the wall clock on the night clocks go forward', () => {
    // New York, 8 March 2026: 01:00 EST is 06:00Z, 08:00 EDT is 12:00Z; the night is an hour short.
    const quiet = new QuietHours({ start: '01:00', end: '08:00', timeZone: 'America/New_York' });
    expect(quiet.isQuiet(Date.UTC(2026, 2, 8, 5, 59))).toBe(false);
    expect(quiet.isQuiet(Date.UTC(2026, 2, 8, 6, 0))).toBe(true);
    expect(quiet.isQuiet(Date.UTC(2026, 2, 8, 11, 59))).toBe(true);
    expect(quiet.isQuiet(Date.UTC(2026, 2, 8, 12, 0))).toBe(false);
  });

  it('lets closed rooms and a broken app through by default, and only what it is told otherwise', () => {
    const night = shanghai(2);
    const byDefault = new QuietHours({ start: '23:00', end: '08:00', timeZone: 'Asia/Shanghai' });
    expect(byDefault.holds('spike', night)).toBe(true);
    expect(byDefault.holds('closed', night)).toBe(false);
    expect(byDefault.holds('auth', night)).toBe(false);
    expect(byDefault.holds('account', night)).toBe(false);
    expect(byDefault.holds('spike', shanghai(12))).toBe(false);

    const strict = new QuietHours({
      start: '23:00',
      end: '08:00',
      letThrough: [],
      timeZone: 'Asia/Shanghai',
    });
    expect(strict.holds('closed', night)).toBe(true);
    const custom = new QuietHours({
      start: '23:00',
      end: '08:00',
      letThrough: ['drop'],
      timeZone: 'Asia/Shanghai',
    });
    expect(custom.holds('drop', night)).toBe(false);
    expect(custom.holds('auth', night)).toBe(true);
    expect(custom.toJSON()).toEqual({
      start: '23:00',
      end: '08:00',
      letThrough: ['drop'],
      timeZone: 'Asia/Shanghai',
    });
  });

  it.each([
    ['25:00', '08:00', /start "25:00" is not a time of day: write it as HH:MM/],
    ['7:30', '08:00', /start "7:30"/],
    ['23:00', '08:60', /end "08:60"/],
    ['23:00', '', /end ""/],
    ['23:00', '8am', /end "8am"/],
  ])('refuses %s-%s with a clear message', (start, end, message) => {
    expect(() => new QuietHours({ start, end })).toThrow(ConfigError);
    expect(() => new QuietHours({ start, end })).toThrow(message);
  });

  it('refuses an unknown rule or zone', () => {
    expect(() => new QuietHours({ start: '23:00', end: '08:00', letThrough: ['closd' as 'closed'] })).toThrow(
      /cannot let through "closd": it is not an alert rule/,
    );
    expect(() => new QuietHours({ start: '23:00', end: '08:00', timeZone: 'Asia/Atlantis' })).toThrow(
      ConfigError,
    );
  });
});
