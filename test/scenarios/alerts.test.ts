import { afterEach, describe, expect, it } from 'vitest';
import type { Alert } from '../../main/core/alerts/alert';
import { demoShow, type RoomSpec } from '../../main/simulator';
import { startScenario } from '../support/scenario';

type Scenario = Awaited<ReturnType<typeof startScenario>>;
let scenario: Scenario | null = null;

afterEach(async () => {
  await scenario?.stop();
  scenario = null;
});

async function run(rooms: RoomSpec[], options: Omit<Parameters<typeof startScenario>[0], 'rooms'> = {}) {
  scenario = await startScenario({ rooms, ...options });
  return scenario;
}

const brief = (alerts: Alert[]) => alerts.map((a) => `${a.rule}:${a.phase}`);

describe('alert scenarios against the simulator, in fake time', () => {
  it('a raid: one spike alert with the change and the peak, and its recovery once the raid settles', async () => {
    const s = await run(
      [{ groupId: '@TGS#indie', audience: { kind: 'raid', base: 900, extra: 3000, atSeconds: 60 } }],
      { labels: { '@TGS#indie': 'Indie Game Night' } },
    );
    await s.advance(5 * 60_000);
    expect(brief(s.alerts)).toEqual(['spike:firing', 'spike:recovered']);
    const [raid, settled] = s.alerts as [Alert, Alert];
    expect(s.secondsOf(raid)).toBe(60);
    expect(raid.title).toBe('Indie Game Night: 3,900 online');
    expect(raid.message).toMatch(/^Spike: fired · \+333% in 10 s · peak 3,900 · id \S+$/);
    expect(s.secondsOf(settled)).toBe(180);
  });

  it('the demo show: a stream ramping up at its start is no spike, and no milestone fires on a first count', async () => {
    const s = await run(demoShow(), { rules: { milestones: [5_000] } });
    await s.advance(200_000);
    // Cooking with Lin goes live at 0:15 and climbs to 2,500 by 1:45: its session's news, not a spike.
    expect(brief(s.alerts.filter((a) => a.groupId === 'cooking-with-lin'))).toEqual(['session:notice']);
    // Main Stage is at 12,000 when watching begins: it passed 5,000 before anyone looked.
    expect(s.alerts.filter((a) => a.rule === 'milestone')).toEqual([]);
    // The raid is still a spike.
    expect(brief(s.alerts.filter((a) => a.groupId === '@TGS#2RaidTarget'))).toContain('spike:firing');
  });

  it('a slow drift raises nothing', async () => {
    const s = await run([
      {
        groupId: 'drift',
        audience: {
          kind: 'script',
          points: [
            [0, 1000],
            [1800, 1600],
          ],
        },
      },
    ]);
    await s.advance(30 * 60_000);
    expect(s.alerts).toEqual([]);
  });

  it('a sudden drop', async () => {
    const s = await run([{ groupId: 'qa', audience: { kind: 'drop', base: 4200, to: 700, atSeconds: 100 } }]);
    await s.advance(3 * 60_000);
    expect(brief(s.alerts)).toEqual(['drop:firing']);
    expect(s.secondsOf(s.alerts[0] as Alert)).toBe(100);
    expect(s.alerts[0]?.message).toBe('Drop: fired · -83% in 10 s · peak 4,200 · id qa');
    await s.advance(3 * 60_000);
    expect(brief(s.alerts)).toEqual(['drop:firing', 'drop:recovered']);
  });

  it('a stream that ends and a room that is disbanded', async () => {
    const s = await run([
      {
        groupId: 'radio',
        audience: {
          kind: 'script',
          points: [
            [0, 0],
            [30, 0],
            [31, 1600],
            [120, 1700],
          ],
        },
      },
      { groupId: 'late', audience: { kind: 'ends', base: 1600, endAtSeconds: 150, disband: true } },
    ]);
    await s.advance(4 * 60_000);
    const radio = s.alerts.filter((a) => a.groupId === 'radio');
    expect(brief(radio)).toEqual(['session:notice']);
    expect(radio[0]?.title).toBe('radio: stream started');
    const late = s.alerts.filter((a) => a.groupId === 'late');
    expect(brief(late)).toEqual(['closed:firing', 'session:notice']);
    expect(s.secondsOf(late[0] as Alert)).toBe(155);
    expect(late[1]?.title).toBe('late: stream ended (watched for 3 min)');
    expect(late[1]?.message).toMatch(/^peak 1,600 at \d\d:\d\d, average 1,600 · id late$/);
  });

  it('an API outage for every room: one summary, not one notification per room, and one recovery', async () => {
    const rooms = Array.from({ length: 12 }, (_, i) => ({
      groupId: `room-${i}`,
      audience: { kind: 'fixed' as const, online: 500 + i },
    }));
    const s = await run(rooms);
    await s.advance(20_000);
    s.sim.control.injectFault({ kind: 'http-502' });
    await s.advance(60_000);
    s.sim.control.clearFaults();
    await s.advance(90_000);
    expect(s.alerts.filter((a) => a.rule === 'failing')).toHaveLength(24);
    expect(s.notified.map((a) => a.title)).toEqual([
      'API failing for 12 rooms in singapore: fired',
      'API failing for 12 rooms in singapore: recovered',
    ]);
    expect(s.notified[0]?.groupIds).toHaveLength(12);
  });

  it('credentials revoked: one alert for the profile, polling paused, and back with the new key', async () => {
    const rooms = Array.from({ length: 5 }, (_, i) => ({
      groupId: `r${i}`,
      audience: { kind: 'fixed' as const, online: 50 },
    }));
    const s = await run(rooms);
    await s.advance(20_000);
    const rotated = 'a'.repeat(64);
    s.sim.control.setSecretKey(rotated);
    await s.advance(60_000);
    expect(brief(s.notified)).toEqual(['auth:firing']);
    expect(s.notified[0]).toMatchObject({ title: 'Events: credentials rejected', severity: 'critical' });
    expect(s.monitor.status().state).toBe('auth-failed');
    s.monitor.setSource(s.connect(rotated));
    await s.advance(20_000);
    expect(brief(s.notified)).toEqual(['auth:firing', 'auth:recovered']);
    expect(s.monitor.snapshot().every((room) => room.status === 'live')).toBe(true);
  });

  it('a count flapping across a threshold every poll for 10 minutes: one alert, one recovery', async () => {
    const points: Array<[number, number]> = [];
    for (let t = 0; t < 600; t += 10)
      points.push([t, t % 20 === 0 ? 1010 : 990], [t + 9.9, t % 20 === 0 ? 1010 : 990]);
    points.push([600, 800]);
    const s = await run([{ groupId: 'flap', audience: { kind: 'script', points } }], {
      rules: { above: { threshold: 1000 }, spike: null, drop: null, sessions: false },
    });
    await s.advance(11 * 60_000);
    expect(brief(s.alerts)).toEqual(['above:firing', 'above:recovered']);
    expect(s.secondsOf(s.alerts[1] as Alert)).toBe(600);
  });
});
