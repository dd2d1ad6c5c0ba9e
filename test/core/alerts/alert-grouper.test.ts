import { describe, expect, it } from 'vitest';
import type { Alert } from '../../../main/core/alerts/alert';
import { AlertGrouper } from '../../../main/core/alerts/alert-grouper';
import { FakeClock } from '../../support/fake-clock';

function alert(
  groupId: string | undefined,
  rule: Alert['rule'] = 'failing',
  phase: Alert['phase'] = 'firing',
  errorKind: Alert['errorKind'] = 'transient',
): Alert {
  return {
    id: `id-${groupId}-${rule}-${phase}`,
    rule,
    phase,
    severity: rule === 'closed' ? 'critical' : 'warning',
    profile: 'Events SG',
    ...(groupId === undefined ? {} : { groupId }),
    title: `Room ${groupId} polls failing`,
    message: 'The server failed for a moment.',
    at: 1,
    ...(errorKind ? { errorKind } : {}),
  };
}

function setup() {
  const clock = new FakeClock();
  const delivered: Alert[] = [];
  const grouper = new AlertGrouper({ clock, where: 'singapore', deliver: (a) => delivered.push(a) });
  return { clock, delivered, grouper };
}

describe('AlertGrouper', () => {
  it('summarises many rooms failing together in one notification', async () => {
    const { clock, delivered, grouper } = setup();
    for (let i = 0; i < 12; i++) grouper.add(alert(`room-${i}`));
    expect(delivered).toEqual([]);
    await clock.advance(5_000);
    expect(delivered).toHaveLength(1);
    expect(delivered[0]).toMatchObject({
      rule: 'failing',
      title: 'API failing for 12 rooms in singapore: fired',
      message: 'room-0, room-1, room-2, room-3, room-4 and 7 more.',
    });
    expect(delivered[0]?.groupIds).toHaveLength(12);
    expect(delivered[0]?.errorKind).toBe('transient');
  });

  it('carries the kind of failure only when every room it sums up failed the same way', async () => {
    const { clock, delivered, grouper } = setup();
    grouper.add(alert('a'));
    grouper.add(alert('b', 'failing', 'firing', 'protocol'));
    grouper.add(alert('c'));
    await clock.advance(5_000);
    expect(delivered).toHaveLength(1);
    expect(delivered[0]?.groupIds).toEqual(['a', 'b', 'c']);
    expect(delivered[0]).not.toHaveProperty('errorKind');
  });

  it('passes a few alerts on one by one, and keeps rules and phases apart', async () => {
    const { clock, delivered, grouper } = setup();
    grouper.add(alert('a'));
    grouper.add(alert('b'));
    grouper.add(alert('c', 'failing', 'recovered'));
    grouper.add(alert('d', 'closed'));
    await clock.advance(5_000);
    expect(delivered.map((a) => a.groupId)).toEqual(['a', 'b', 'c', 'd']);
  });

  it('lets app-level alerts through at once', () => {
    const { delivered, grouper } = setup();
    grouper.add(alert(undefined, 'auth'));
    expect(delivered).toHaveLength(1);
  });

  it('takes the worst severity of the rooms it summarises', async () => {
    const { clock, delivered, grouper } = setup();
    for (const id of ['a', 'b', 'c']) grouper.add(alert(id, 'closed'));
    await clock.advance(5_000);
    expect(delivered[0]).toMatchObject({ severity: 'critical', title: '3 rooms closed in singapore: fired' });
  });
});
