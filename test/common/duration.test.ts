import { afterEach, describe, expect, it, vi } from 'vitest';
import { describeMs, MAX_TIMER_MS, readDuration } from '../../main/common/duration';
import { longTimeout } from '../../main/core/long-timeout';
import { parseSettings } from '../../main/core/settings/settings-rules';

describe('one duration parser', () => {
  const rule = { name: '--interval' };

  it('reads plain seconds, as before, and a unit: s, m, h, d', () => {
    expect(readDuration('10', rule)).toEqual({ ok: true, ms: 10_000 });
    expect(readDuration('0.5', rule)).toEqual({ ok: true, ms: 500 });
    expect(readDuration('10s', rule)).toEqual({ ok: true, ms: 10_000 });
    expect(readDuration(' 5m ', rule)).toEqual({ ok: true, ms: 300_000 });
    expect(readDuration('1.5h', rule)).toEqual({ ok: true, ms: 5_400_000 });
    expect(readDuration('2d', rule)).toEqual({ ok: true, ms: 172_800_000 });
    expect(readDuration('15', { ...rule, plainUnit: 'min' })).toEqual({ ok: true, ms: 900_000 });
  });

  it('refuses what is not a duration, or zero, in words', () => {
    for (const text of ['', 'ten', '10 parsecs', '-5', '1e3', '0x10', 'NaN', 'Infinity']) {
      const read = readDuration(text, rule);
      expect(read.ok, text).toBe(false);
      if (!read.ok)
        expect(read.problem).toMatch(
          /^--interval takes a duration: a number of seconds, or one with a unit like 90s, 5m, 1h or 2d/,
        );
    }
    expect(readDuration('0', rule)).toEqual({
      ok: false,
      problem: '--interval must be more than 0 (got "0").',
    });
  });

  it('refuses more than a timer holds, naming the limit', () => {
    expect(readDuration('2147483', rule)).toEqual({ ok: true, ms: 2_147_483_000 });
    const read = readDuration('99999999999', rule);
    expect(read).toEqual({
      ok: false,
      problem:
        '--interval is at most 24 d 20 h 31 min (2147483 s), the longest wait a timer holds (got "99999999999").',
    });
    expect(readDuration('25d', rule).ok).toBe(false);
    expect(describeMs(MAX_TIMER_MS)).toBe('24 d 20 h 31 min (2147483 s)');
  });
});

describe('a long wait is chained through timers', () => {
  afterEach(() => vi.useRealTimers());

  it('fires after 30 days, not at once as one setTimeout would, and can be cancelled', () => {
    vi.useFakeTimers();
    const thirtyDays = 30 * 86_400_000;
    let fired = 0;
    longTimeout(() => fired++, thirtyDays);
    vi.advanceTimersByTime(MAX_TIMER_MS + 1);
    expect(fired).toBe(0);
    vi.advanceTimersByTime(thirtyDays - MAX_TIMER_MS - 2);
    expect(fired).toBe(0);
    vi.advanceTimersByTime(1);
    expect(fired).toBe(1);

    const cancelled = longTimeout(() => fired++, thirtyDays);
    vi.advanceTimersByTime(MAX_TIMER_MS + 5);
    cancelled.cancel();
    vi.advanceTimersByTime(thirtyDays);
    expect(fired).toBe(1);
  });
});

describe('durations in the settings file', () => {
  it('take a unit as well as a plain number, and no more than a timer holds', () => {
    const settings = parseSettings(
      {
        rules: {
          above: { threshold: 10, forSeconds: '5m' },
          repeatMinutes: '2h',
          spike: { percent: 50, people: 10, windowSeconds: 120 },
        },
      },
      'config.json',
    );
    expect(settings.rules?.above?.forSeconds).toBe(300);
    expect(settings.rules?.repeatMinutes).toBe(120);
    expect(() => parseSettings({ notifications: { groupWindowSeconds: 1e12 } }, 'config.json')).toThrow(
      /notifications\.groupWindowSeconds: at most 2147483 seconds \(about 24\.8 days\), the longest wait a timer holds/,
    );
    expect(() => parseSettings({ rules: { repeatMinutes: '30 fortnights' } }, 'config.json')).toThrow(
      /rules\.repeatMinutes: a number of minutes, or a duration like "90s", "5m" or "1h"/,
    );
  });
});
