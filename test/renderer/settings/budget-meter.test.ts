import { describe, expect, it } from 'vitest';
import { translator } from '../../../renderer/i18n/translator';
import { withViewWords } from '../../../renderer/i18n/view-words';
import { budgetMeter, meterLine, pollingFrom } from '../../../renderer/settings/budget-meter';

describe('the budget meter', () => {
  it('says the calls a profile uses when they fit the cap', () => {
    expect(budgetMeter(1450, 10, 200)).toEqual({
      rooms: 1450,
      intervalS: 10,
      cap: 200,
      wanted: 145,
      stretchedS: null,
    });
    expect(meterLine(1450, 10, 200, withViewWords(translator('en')))).toBe(
      '1,450 rooms at 10 s use 145 of 200 calls/s.',
    );
  });

  it('gives the stretched interval when they do not, with the margin the engine keeps', () => {
    // 3000 rooms at 10 s want 300 calls/s; 200 a second sustain about 195, so 15.4 s.
    expect(budgetMeter(3000, 10, 200).stretchedS).toBe(15.4);
    expect(meterLine(3000, 10, 200, withViewWords(translator('zh-CN')))).toContain('15.4');
    expect(budgetMeter(196, 1, 200).stretchedS).toBe(1);
  });

  it('reads the polling fields, refusing what the engine would', () => {
    expect(pollingFrom(' 2.5 ', '50')).toEqual({ intervalSeconds: 2.5, maxRate: 50 });
    expect(pollingFrom('0.5', '50')).toEqual({ problem: 'interval' });
    expect(pollingFrom('', '50')).toEqual({ problem: 'interval' });
    expect(pollingFrom('10', '201')).toEqual({ problem: 'cap' });
    expect(pollingFrom('10', '1.5')).toEqual({ problem: 'cap' });
  });
});
