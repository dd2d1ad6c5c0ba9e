import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  checkTimeZone,
  describeUntil,
  instantOf,
  localTime,
  minuteOfDay,
} from '../../../main/core/alerts/local-time';
import { ConfigError } from '../../../main/core/config-error';

const ZONES = ['Asia/Shanghai', 'America/New_York', 'Europe/Berlin', 'Australia/Lord_Howe', 'Asia/Kolkata'];

describe('local time', () => {
  it('reads the wall clock of a zone, midnight as 00', () => {
    expect(localTime(Date.UTC(2026, 10, 26, 16, 0), 'Asia/Shanghai')).toEqual({
      year: 2026,
      month: 11,
      day: 27,
      hour: 0,
      minute: 0,
      second: 0,
    });
    expect(minuteOfDay(Date.UTC(2026, 10, 26, 12, 34), 'Europe/Berlin')).toBe(13 * 60 + 34);
  });

  it('finds the instant of a reading on either side of a DST change', () => {
    expect(instantOf({ year: 2026, month: 3, day: 7, hour: 8, minute: 0 }, 'America/New_York')).toBe(
      Date.UTC(2026, 2, 7, 13, 0),
    );
    expect(instantOf({ year: 2026, month: 3, day: 8, hour: 8, minute: 0 }, 'America/New_York')).toBe(
      Date.UTC(2026, 2, 8, 12, 0),
    );
  });

  it('moves a reading that never happens (clocks go forward) past the gap', () => {
    // 02:30 on 8 March 2026 does not exist in New York: 02:00 EST became 03:00 EDT.
    expect(instantOf({ year: 2026, month: 3, day: 8, hour: 2, minute: 30 }, 'America/New_York')).toBe(
      Date.UTC(2026, 2, 8, 7, 30),
    );
  });

  it('takes the earlier instant of a reading that happens twice (clocks go back)', () => {
    // 01:30 on 1 November 2026 happens first in EDT (05:30Z), then in EST (06:30Z).
    expect(instantOf({ year: 2026, month: 11, day: 1, hour: 1, minute: 30 }, 'America/New_York')).toBe(
      Date.UTC(2026, 10, 1, 5, 30),
    );
  });

  it('rolls an overflowing day into the next month and year', () => {
    expect(instantOf({ year: 2026, month: 12, day: 32, hour: 8, minute: 0 }, 'Asia/Shanghai')).toBe(
      Date.UTC(2027, 0, 1, 0, 0),
    );
  });

  it('gives back the same wall-clock minute for any instant in any zone', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: Date.UTC(2020, 0, 1), max: Date.UTC(2035, 0, 1) }),
        fc.constantFrom(...ZONES),
        (at, zone) => {
          const local = localTime(at, zone);
          const back = localTime(instantOf(local, zone), zone);
          expect({ ...back, second: 0 }).toEqual({ ...local, second: 0 });
        },
      ),
      { numRuns: 300 },
    );
  });

  it('describes an end time relative to now', () => {
    const now = Date.UTC(2026, 10, 26, 4, 0); // 12:00 in Shanghai
    expect(describeUntil(Date.UTC(2026, 10, 26, 6, 30), now, 'Asia/Shanghai')).toBe('14:30');
    expect(describeUntil(Date.UTC(2026, 10, 27, 0, 0), now, 'Asia/Shanghai')).toBe('tomorrow 08:00');
    expect(describeUntil(Date.UTC(2026, 11, 24, 0, 0), now, 'Asia/Shanghai')).toBe('2026-12-24 08:00');
  });

  it('refuses an unknown zone with a message for people', () => {
    expect(() => checkTimeZone('Mars/Olympus_Mons')).toThrow(ConfigError);
    expect(() => checkTimeZone('Mars/Olympus_Mons')).toThrow(/Unknown time zone "Mars\/Olympus_Mons"/);
    expect(() => checkTimeZone(undefined)).not.toThrow();
  });
});
