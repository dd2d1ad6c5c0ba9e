import { describe, expect, it } from 'vitest';
import { FiringRooms } from '../../../renderer/alerts/firing-rooms';

const alert = (roomKey: string | null, rule: string, phase: string, at: number) =>
  ({ roomKey, rule, phase, at }) as never;

describe('the rooms with an alert firing', () => {
  it('takes a room in on firing or reminder and out when every rule of it recovered', () => {
    const firing = new FiringRooms();
    expect(firing.take(alert('p/a', 'drop', 'firing', 1))).toBe(true);
    expect(firing.take(alert('p/a', 'stale', 'reminder', 2))).toBe(false);
    expect(firing.take(alert('p/a', 'drop', 'recovered', 3))).toBe(false);
    expect(firing.has('p/a')).toBe(true);
    expect(firing.take(alert('p/a', 'stale', 'recovered', 4))).toBe(true);
    expect([...firing.rooms()]).toEqual([]);
  });

  it('reads a log page newest first in the order things happened; notices and app alerts change nothing', () => {
    const firing = new FiringRooms();
    firing.takeAll([
      alert('p/b', 'drop', 'firing', 30),
      alert('p/a', 'drop', 'recovered', 20),
      alert('p/a', 'drop', 'firing', 10),
      alert('p/c', 'session', 'notice', 5),
      alert(null, 'auth', 'firing', 1),
    ]);
    expect([...firing.rooms()]).toEqual(['p/b']);
  });

  it('keeps a recovery that came by push when the log answers later with the firing before it', () => {
    const firing = new FiringRooms();
    firing.take(alert('p/a', 'drop', 'recovered', 50));
    const log = [alert('p/a', 'drop', 'firing', 40), alert('p/b', 'drop', 'firing', 45)];
    expect(firing.takeAll(log)).toBe(true);
    expect([...firing.rooms()]).toEqual(['p/b']);
    expect(firing.take(alert('p/a', 'drop', 'reminder', 60))).toBe(true);
    expect(firing.has('p/a')).toBe(true);
  });
});
