/**
 * The grouper's timing and the summary's edges: the first alert of a batch is never held past the
 * longest hold however many follow, everything gathered goes out at shutdown, the worst severity wins
 * wherever it comes, and "and N more" appears only past the rooms named.
 */
import { describe, expect, it } from 'vitest';
import type { Alert } from '../../../main/core/alerts/alert';
import { AlertGrouper } from '../../../main/core/alerts/alert-grouper';
import { FakeClock } from '../../support/fake-clock';

const alert = (groupId: string, severity: Alert['severity'] = 'warning'): Alert => ({
  id: `id-${groupId}`,
  rule: 'failing',
  phase: 'firing',
  severity,
  profile: 'Events SG',
  groupId,
  title: `Room ${groupId} polls failing`,
  message: 'The server failed for a moment.',
  at: 1,
});

function setup() {
  const clock = new FakeClock();
  const delivered: Alert[] = [];
  const grouper = new AlertGrouper({
    clock,
    where: 'singapore',
    windowMs: 5_000,
    maxHoldMs: 12_000,
    deliver: (a) => delivered.push(a),
  });
  return { clock, delivered, grouper };
}

describe('AlertGrouper, timing and edges', () => {
  it('waits the window after each new room, but never holds the first past the longest hold', async () => {
    const { clock, delivered, grouper } = setup();
    grouper.add(alert('r0'));
    for (let i = 1; i <= 2; i++) {
      await clock.advance(4_000);
      grouper.add(alert(`r${i}`));
    }
    // 8 s in: the window runs 5 s after the latest room, to 12 s, but no further.
    await clock.advance(3_999);
    expect(delivered).toEqual([]);
    await clock.advance(1);
    expect(delivered).toHaveLength(1);
    expect(delivered[0]?.groupIds).toEqual(['r0', 'r1', 'r2']);
  });

  it('keeps the longest hold when a room comes in just as it ends, and when one comes after it', async () => {
    const { clock, delivered, grouper } = setup();
    grouper.add(alert('r0'));
    await clock.advance(4_000);
    grouper.add(alert('r1'));
    await clock.advance(4_000);
    grouper.add(alert('r2'));
    await clock.advance(3_000);
    // 11 s in, 1 s of the hold left: the batch still goes at 12 s, not 5 s after this room.
    grouper.add(alert('r3'));
    expect(delivered).toEqual([]);
    await clock.advance(1_000);
    expect(delivered.map((a) => a.groupIds)).toEqual([['r0', 'r1', 'r2', 'r3']]);
  });

  it('passes on everything gathered at shutdown, at once', () => {
    const { delivered, grouper } = setup();
    for (const id of ['a', 'b', 'c']) grouper.add(alert(id));
    grouper.add({ ...alert('d'), rule: 'closed', severity: 'critical' });
    grouper.flushAll();
    expect(delivered.map((a) => a.title)).toEqual([
      'API failing for 3 rooms in singapore: fired',
      'Room d polls failing',
    ]);
  });

  it('takes the worst severity wherever it comes in the batch', async () => {
    const { clock, delivered, grouper } = setup();
    grouper.add(alert('a', 'critical'));
    grouper.add(alert('b', 'info'));
    grouper.add(alert('c', 'warning'));
    await clock.advance(5_000);
    expect(delivered[0]?.severity).toBe('critical');
  });

  it('names up to five rooms, and says how many more only past five', async () => {
    const { clock, delivered, grouper } = setup();
    for (const id of ['a', 'b', 'c', 'd', 'e']) grouper.add(alert(id));
    await clock.advance(5_000);
    expect(delivered[0]?.message).toBe('a, b, c, d, e.');
    for (const id of ['a', 'b', 'c', 'd', 'e', 'f']) grouper.add(alert(id));
    await clock.advance(5_000);
    expect(delivered[1]?.message).toBe('a, b, c, d, e and 1 more.');
  });
});
