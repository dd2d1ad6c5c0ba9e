import { describe, expect, it } from 'vitest';
import { planPolling } from '../../../main/core/poll-plan';
import { RateBudget } from '../../../main/core/rate-budget';
import { translator } from '../../../renderer/i18n/translator';
import { withViewWords } from '../../../renderer/i18n/view-words';
import { budgetMeter, meterLine, pollingFrom } from '../../../renderer/settings/budget-meter';
import { FakeClock } from '../../support/fake-clock';

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

  it('gives the stretched interval the engine plans, its headroom, margin and answer time included', () => {
    // 3000 rooms at 10 s want 300 calls/s; a cap of 200 sustains 195 calls a 1.025 s window, so 15.8 s.
    expect(budgetMeter(3000, 10, 200).stretchedS).toBe(15.8);
    expect(meterLine(3000, 10, 200, withViewWords(translator('zh-CN')))).toContain('15.8');
    // Answers of 150 ms: each call holds its place 1.15 s, so 2,000 rooms at 10 s take 11.8 s.
    expect(budgetMeter(2000, 10, 200, 150).stretchedS).toBe(11.8);
    expect(meterLine(2000, 10, 200, withViewWords(translator('en')), 150)).toBe(
      '2,000 rooms at 10 s would need 200 of 200 calls/s: each room is polled every 11.8 s instead.',
    );
    // The engine's own plan for the same rooms, as the status will say it once saved.
    const clock = new FakeClock();
    for (const [rooms, intervalS, cap] of [
      [196, 1, 200],
      [1200, 5, 200],
      [3000, 10, 200],
      [450, 10, 40],
    ] as const) {
      const engine = planPolling(rooms, intervalS * 1000, new RateBudget(clock, cap).sustainableRate());
      expect(budgetMeter(rooms, intervalS, cap).stretchedS).toBe(
        Math.round(engine.effectiveIntervalMs / 100) / 10,
      );
    }
  });

  it('reads the polling fields, refusing what the engine would', () => {
    expect(pollingFrom(' 2.5 ', '50')).toEqual({ intervalSeconds: 2.5, maxRate: 50 });
    expect(pollingFrom('0.5', '50')).toEqual({ problem: 'interval' });
    expect(pollingFrom('', '50')).toEqual({ problem: 'interval' });
    expect(pollingFrom('10', '201')).toEqual({ problem: 'cap' });
    expect(pollingFrom('10', '1.5')).toEqual({ problem: 'cap' });
  });
});
