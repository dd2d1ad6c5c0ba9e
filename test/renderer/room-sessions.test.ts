import { describe, expect, it } from 'vitest';
import type { AlertView } from '../../main/contract/monitor-api';
import { roomSessions } from '../../renderer/room-sessions';
import { NO_FACTS } from '../support/view-parts';

const T = Date.UTC(2026, 10, 26, 12, 0, 0);

function alert(id: string, at: number, title: string, rule: AlertView['rule'] = 'above'): AlertView {
  return {
    id,
    rule,
    phase: rule === 'session' ? 'notice' : 'firing',
    severity: 'info',
    profileId: 'p',
    roomKey: 'p/@TGS#a',
    title,
    message: 'm',
    at,
    facts: NO_FACTS,
  };
}

describe('roomSessions', () => {
  it('takes a start notice with nothing after it as the running session, the summaries as past ones', () => {
    const alerts = [
      alert('e1', T - 5000, "Room 'A' stream ended after 2 h", 'session'),
      alert('s2', T - 1000, "Room 'A' stream started", 'session'),
      alert('s1', T - 9000, "Room 'A' stream started", 'session'),
      alert('x', T, "Room 'A' above 1,000"),
    ];
    const sessions = roomSessions(alerts);
    expect(sessions.current?.id).toBe('s2');
    expect(sessions.past.map((a) => a.id)).toEqual(['e1']);
    expect(roomSessions(alerts.filter((a) => a.id !== 's2')).current).toBeNull();
  });
});
