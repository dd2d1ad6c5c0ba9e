import { describe, expect, it } from 'vitest';
import type { Alert } from '../../../main/core/alerts/alert';
import { AlertGrouper } from '../../../main/core/alerts/alert-grouper';
import { FakeClock } from '../../support/fake-clock';

/** The one summary three rooms firing `rule` together get. */
async function summaryOf(rule: Alert['rule'], phase: Alert['phase'] = 'firing'): Promise<Alert | undefined> {
  const clock = new FakeClock();
  const delivered: Alert[] = [];
  const grouper = new AlertGrouper({ clock, where: 'singapore', deliver: (a) => delivered.push(a) });
  for (const groupId of ['a', 'b', 'c'])
    grouper.add({
      id: `${groupId}-${rule}`,
      rule,
      phase,
      severity: 'warning',
      profile: 'Events SG',
      groupId,
      title: '',
      message: '',
      at: 1,
    });
  await clock.advance(5_000);
  expect(delivered).toHaveLength(1);
  return delivered[0];
}

describe('the title of a summary of many rooms, per rule', () => {
  it.each([
    ['failing', 'API failing for 3 rooms in singapore: fired'],
    ['stale', 'Counts stale for 3 rooms in singapore: fired'],
    ['closed', '3 rooms closed in singapore: fired'],
    ['spike', 'Audiences spiking in 3 rooms in singapore: fired'],
    ['drop', 'Audiences dropping in 3 rooms in singapore: fired'],
    ['session', 'Streams starting or ending in 3 rooms in singapore: fired'],
    ['push-failing', 'Counts not reaching viewers in 3 rooms in singapore: fired'],
    ['above', 'above alerts for 3 rooms in singapore: fired'],
  ] as const)('%s: "%s"', async (rule, title) => {
    expect((await summaryOf(rule))?.title).toBe(title);
  });

  it('names the phase, and none for a notice', async () => {
    expect((await summaryOf('failing', 'recovered'))?.title).toBe(
      'API failing for 3 rooms in singapore: recovered',
    );
    expect((await summaryOf('failing', 'reminder'))?.title).toBe(
      'API failing for 3 rooms in singapore: still firing',
    );
    expect((await summaryOf('session', 'notice'))?.title).toBe(
      'Streams starting or ending in 3 rooms in singapore',
    );
  });
});
