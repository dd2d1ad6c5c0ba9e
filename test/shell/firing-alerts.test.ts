import { describe, expect, it } from 'vitest';
import type { AlertView } from '../../main/contract/monitor-api';
import { FiringAlerts } from '../../main/shell/firing-alerts';
import { NO_FACTS } from '../support/view-parts';

function alert(fields: Partial<AlertView>): AlertView {
  return {
    id: 'x',
    rule: 'spike',
    phase: 'firing',
    severity: 'warning',
    profileId: 'p',
    roomKey: 'p/a',
    title: 't',
    message: 'm',
    at: 0,
    facts: NO_FACTS,
    ...fields,
  };
}

describe('FiringAlerts', () => {
  it('holds an alert from firing until it recovers', () => {
    const firing = new FiringAlerts();
    firing.observe(alert({ phase: 'firing' }));
    firing.observe(alert({ phase: 'reminder' }));
    expect(firing.count).toBe(1);
    firing.observe(alert({ phase: 'recovered' }));
    expect(firing.count).toBe(0);
  });

  it('keeps rules and rooms apart, and ignores notices', () => {
    const firing = new FiringAlerts();
    firing.observe(alert({ rule: 'spike' }));
    firing.observe(alert({ rule: 'above' }));
    firing.observe(alert({ roomKey: 'p/b' }));
    firing.observe(alert({ rule: 'peak', phase: 'notice' }));
    expect(firing.count).toBe(3);
    firing.observe(alert({ rule: 'above', phase: 'recovered' }));
    expect(firing.count).toBe(2);
  });

  it('forgets the alerts of removed rooms, not app-level ones', () => {
    const firing = new FiringAlerts();
    firing.observe(alert({ roomKey: 'p/a' }));
    firing.observe(alert({ rule: 'auth', roomKey: null }));
    firing.forgetRooms(['p/a']);
    expect(firing.count).toBe(1);
  });
});
