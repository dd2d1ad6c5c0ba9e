import type { MonitorEvent } from '../../main/core/monitor-events';
import type { PushTarget } from '../../main/core/push/push-target';
import { createEngine } from '../../main/node/engine';
import { type Edition, type RoomSpec, startSimulator } from '../../main/simulator';
import { FakeClock, flushPromises } from './fake-clock';

/**
 * One app's whole engine (counts and pushes) against the real simulator over loopback HTTP, with
 * time faked on both sides: the test moves the clock, and every call a timer starts is answered
 * before time moves on.
 */
export async function startPushScenario(options: {
  rooms: RoomSpec[];
  push: Record<string, PushTarget>;
  edition?: Edition;
  intervalMs?: number;
  maxRate?: number;
}) {
  const clock = new FakeClock();
  const sim = await startSimulator({ rooms: options.rooms, clock, edition: options.edition ?? 'trial' });
  let inFlight = 0;
  const engine = createEngine({
    connection: { ...sim.credentials, endpoint: { primary: sim.baseUrl } },
    clock,
    intervalMs: options.intervalMs ?? 10_000,
    ...(options.maxRate === undefined ? {} : { maxRate: options.maxRate }),
    wrapPost: (post) => async (request) => {
      inFlight++;
      try {
        return await post(request);
      } finally {
        inFlight--;
      }
    },
  });
  const events: MonitorEvent[] = [];
  engine.monitor.on((event) => events.push(event));
  for (const [groupId, target] of Object.entries(options.push)) engine.pusher.configure(groupId, target);
  engine.monitor.addRooms(options.rooms.map((room) => room.groupId));
  engine.monitor.start();
  const settle = async () => {
    await flushPromises();
    while (inFlight > 0) await new Promise((resolve) => setTimeout(resolve, 1));
    await flushPromises();
  };
  const requests = (command?: string) =>
    sim.control.requests().filter((request) => command === undefined || request.command === command);
  return {
    clock,
    sim,
    engine,
    events,
    /** The simulator's log, of one command when named. */
    requests,
    /** The push events, oldest first. */
    pushes: () => events.flatMap((event) => (event.type === 'push' ? [event.push] : [])),
    advance: (ms: number) => clock.advance(ms, settle),
    async stop() {
      engine.close();
      await sim.close();
    },
  };
}
