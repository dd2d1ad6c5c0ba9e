import { describe, expect, it } from 'vitest';
import type { Alert } from '../../../main/core/alerts/alert';
import { FiringRooms } from '../../../main/core/alerts/firing-rooms';

function alert(fields: Pick<Alert, 'rule' | 'phase'> & Partial<Alert>): Alert {
  return { id: 'a', severity: 'warning', profile: 'main', title: 't', message: 'm', at: 0, ...fields };
}

describe('FiringRooms', () => {
  it('holds a room from its firing alert to that rule recovering, whatever other rules do', () => {
    const firing = new FiringRooms();
    expect(firing.observe(alert({ rule: 'above', phase: 'firing', groupId: 'a' }))).toBe(true);
    expect(firing.observe(alert({ rule: 'spike', phase: 'firing', groupId: 'a' }))).toBe(true);
    expect(firing.observe(alert({ rule: 'above', phase: 'reminder', groupId: 'a' }))).toBe(false);
    expect(firing.observe(alert({ rule: 'above', phase: 'recovered', groupId: 'a' }))).toBe(true);
    expect([...firing.rooms()]).toEqual(['a']);
    firing.observe(alert({ rule: 'spike', phase: 'recovered', groupId: 'a' }));
    expect(firing.rooms().size).toBe(0);
  });

  it('holds every room of a grouped alert, and none for a notice or an app-level alert', () => {
    const firing = new FiringRooms();
    firing.observe(alert({ rule: 'failing', phase: 'firing', groupIds: ['a', 'b'] }));
    expect(firing.observe(alert({ rule: 'peak', phase: 'notice', groupId: 'c' }))).toBe(false);
    expect(firing.observe(alert({ rule: 'auth', phase: 'firing' }))).toBe(false);
    expect([...firing.rooms()].sort()).toEqual(['a', 'b']);
  });
});
