import { describe, expect, it } from 'vitest';
import { tiersText } from '../../main/common/poll-tiers';

describe('the paces in words', () => {
  it('says which rooms are at which pace and why, the first with its noun', () => {
    expect(
      tiersText([
        { rooms: 500, intervalS: 10, reasons: ['alert', 'open', 'moving'] },
        { rooms: 4480, intervalS: 32.6, reasons: [] },
        { rooms: 20, intervalS: 50, reasons: ['quiet'] },
      ]),
    ).toBe('500 rooms at 10 s (alerts, open, moving) · 4,480 at 33 s · 20 at 50 s (at zero)');
    expect(tiersText([{ rooms: 1, intervalS: 2.25, reasons: ['pinned'] }])).toBe('1 room at 2.3 s (pinned)');
  });
});
