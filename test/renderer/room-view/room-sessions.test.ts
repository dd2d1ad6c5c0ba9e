import { describe, expect, it } from 'vitest';
import type { AlertFacts, AlertView } from '../../../main/contract/monitor-api';
import { roomSessions } from '../../../renderer/room-view/room-sessions';
import { NO_FACTS } from '../../support/view-parts';

const T = Date.UTC(2026, 10, 26, 12, 0, 0);
const STARTED: AlertFacts['session'] = { event: 'started' };
const ENDED: AlertFacts['session'] = { event: 'ended', sawStart: true, durationMs: 7_200_000, average: 900 };

function alert(
  id: string,
  at: number,
  session: AlertFacts['session'],
  rule: AlertView['rule'] = 'session',
): AlertView {
  return {
    id,
    rule,
    phase: rule === 'session' ? 'notice' : 'firing',
    severity: 'info',
    profileId: 'p',
    roomKey: 'p/@TGS#a',
    // Titles in another language than the engine's English: only the facts tell a start from an end.
    title: `标题 ${id}`,
    message: 'm',
    at,
    facts: { ...NO_FACTS, session },
  };
}

describe('roomSessions', () => {
  it('takes a start notice with nothing after it as the running session, the summaries as past ones', () => {
    const alerts = [
      alert('e1', T - 5000, ENDED),
      alert('s2', T - 1000, STARTED),
      alert('s1', T - 9000, STARTED),
      alert('x', T, null, 'above'),
    ];
    const sessions = roomSessions(alerts);
    expect(sessions.current?.id).toBe('s2');
    expect(sessions.past.map((a) => a.id)).toEqual(['e1']);
    expect(roomSessions(alerts.filter((a) => a.id !== 's2')).current).toBeNull();
  });

  it('has no running session once the latest notice is a summary, and lists summaries newest first', () => {
    const sessions = roomSessions([
      alert('e1', T - 50_000, ENDED),
      alert('s1', T - 40_000, STARTED),
      alert('e2', T - 1000, ENDED),
    ]);
    expect(sessions.current).toBeNull();
    expect(sessions.past.map((a) => a.id)).toEqual(['e2', 'e1']);
  });
});
