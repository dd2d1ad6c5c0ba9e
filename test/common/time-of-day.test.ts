import { describe, expect, it } from 'vitest';
import { minutesOfTimeOfDay, TIME_OF_DAY } from '../../main/common/time-of-day';

describe('a time of day', () => {
  it('reads HH:MM on a 24-hour clock as minutes since midnight', () => {
    expect(minutesOfTimeOfDay('00:00')).toBe(0);
    expect(minutesOfTimeOfDay('07:30')).toBe(450);
    expect(minutesOfTimeOfDay('23:59')).toBe(1439);
  });

  it('refuses anything else, the same way for every reader', () => {
    for (const text of ['24:00', '7:30', '07:60', '07:30:00', ' 07:30', '', '0730', undefined, 730]) {
      expect(minutesOfTimeOfDay(text)).toBeNull();
      if (typeof text === 'string') expect(TIME_OF_DAY.test(text)).toBe(false);
    }
  });
});
