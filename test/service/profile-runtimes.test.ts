/** Starting and stopping each profile's engine and alerts, and the demo's, over the simulator on fake time. */
import { describe, expect, it } from 'vitest';
import { HistoryStore } from '../../main/core/history/history-store';
import { profileEngineFactory } from '../../main/node/profile-engine';
import { ProfileRuntimes } from '../../main/service/profile-runtimes';
import type { AlertSinkFactory } from '../../main/service/service-ports';
import { startSimulator } from '../../main/simulator';
import { AnsweredRequests } from '../support/answered-requests';
import { FakeClock } from '../support/fake-clock';
import { MemoryKeys, simulatorProfile } from './memory-ports';
import { stopAfterEach } from './stop-after-each';

const started = stopAfterEach();

/** Profile 'app-1' started and the demo (profile 'demo') started, both polling one simulator room. */
async function profileAndDemo() {
  const clock = new FakeClock();
  const sim = started(
    await startSimulator({
      clock,
      rooms: [{ groupId: '@TGS#live', audience: { kind: 'fixed', online: 40 } }],
    }),
  );
  const requests = new AnsweredRequests();
  const closed: string[] = [];
  const alerts: AlertSinkFactory = async (profile) => ({
    handle: () => {},
    close: async () => void closed.push(`alerts of ${profile.id}`),
  });
  const keys = new MemoryKeys();
  await keys.saveKey('app-1', sim.credentials.secretKey);
  const runtimes = started(
    new ProfileRuntimes({
      keys,
      openEngine: profileEngineFactory({ clock, wrapPost: requests.wrap }),
      startDemo: async () => ({
        profile: { ...simulatorProfile(sim, ['@TGS#live']), id: 'demo', label: 'Demo' },
        secretKey: sim.credentials.secretKey,
        close: async () => void closed.push('the demo simulator'),
      }),
      alerts,
      history: HistoryStore.inMemory(clock),
      onEvent: () => {},
      onAlert: () => {},
      paused: () => false,
    }),
  );
  await runtimes.start(simulatorProfile(sim, ['@TGS#live']));
  await runtimes.startDemo();
  const polls = () => sim.control.requests().filter((request) => request.command === 'get_online_member_num');
  const advance = (ms: number) => clock.advance(ms, requests.settle);
  await advance(2_000);
  return { clock, runtimes, closed, polls, advance };
}

describe('ProfileRuntimes', () => {
  it('stops every profile at once: no poll after it, each alert pipeline and the demo closed', async () => {
    const { runtimes, closed, polls, advance } = await profileAndDemo();
    expect(polls().length).toBeGreaterThan(0);

    await runtimes.stopAll();
    expect(runtimes.size).toBe(0);
    expect(runtimes.isDemo).toBe(false);
    expect(closed.sort()).toEqual(['alerts of app-1', 'alerts of demo', 'the demo simulator']);
    const before = polls().length;
    await advance(30_000);
    expect(polls()).toHaveLength(before);
  });

  it('stops only the demo when asked to stop the demo: a real profile beside it keeps polling', async () => {
    const { runtimes, closed, polls, advance } = await profileAndDemo();
    await runtimes.stopDemo();
    expect(runtimes.isDemo).toBe(false);
    expect(runtimes.get('demo')).toBeUndefined();
    expect(runtimes.get('app-1')?.engine).not.toBeNull();
    expect(closed.sort()).toEqual(['alerts of demo', 'the demo simulator']);
    const before = polls().length;
    await advance(3_000);
    expect(polls().length).toBeGreaterThan(before);
  });
});
