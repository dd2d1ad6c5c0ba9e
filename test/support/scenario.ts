import type { RuleSettings } from '../../main/common/rule-settings';
import type { Alert } from '../../main/core/alerts/alert';
import { AlertEngine } from '../../main/core/alerts/alert-engine';
import { AlertGrouper } from '../../main/core/alerts/alert-grouper';
import { AppMonitor, type OnlineCountSource } from '../../main/core/app-monitor';
import { ImClient } from '../../main/core/im-client';
import { RateBudget } from '../../main/core/rate-budget';
import { createHttpPost } from '../../main/node/http-post';
import { type RoomSpec, startSimulator } from '../../main/simulator';
import { AnsweredRequests } from './answered-requests';
import { FakeClock } from './fake-clock';

/**
 * The whole engine against the real simulator over loopback HTTP, with time faked on both sides: the
 * test moves the clock, and every poll that a timer starts is answered before time moves on.
 */
export async function startScenario(options: {
  rooms: RoomSpec[];
  rules?: RuleSettings;
  labels?: Record<string, string>;
}) {
  const clock = new FakeClock();
  const startedAt = clock.wall();
  const sim = await startSimulator({ rooms: options.rooms, clock });
  const pooled = createHttpPost();
  const requests = new AnsweredRequests();
  const post = requests.wrap(pooled);
  const budget = new RateBudget(clock);
  const connect = (secretKey: string): OnlineCountSource => {
    const client = new ImClient({
      connection: { ...sim.credentials, secretKey, endpoint: { primary: sim.baseUrl } },
      post,
      clock,
      acquire: () => budget.reserve(),
    });
    return { getOnlineMemberNum: (groupId) => client.getOnlineMemberNum(groupId) };
  };
  const monitor = new AppMonitor({
    source: connect(sim.credentials.secretKey),
    budget,
    clock,
    random: () => 0.5,
  });
  const engine = new AlertEngine({
    profile: 'Events',
    rules: options.rules ?? {},
    labels: options.labels ?? {},
  });
  const alerts: Alert[] = [];
  const notified: Alert[] = [];
  const grouper = new AlertGrouper({ clock, where: 'singapore', deliver: (alert) => notified.push(alert) });
  monitor.on((event) => {
    for (const alert of engine.handle(event)) {
      alerts.push(alert);
      grouper.add(alert);
    }
  });
  monitor.addRooms(options.rooms.map((room) => room.groupId));
  monitor.start();
  return {
    clock,
    sim,
    monitor,
    /** Every alert the rules produced, one per room. */
    alerts,
    /** What people were notified of, after grouping. */
    notified,
    connect,
    /** Seconds since the scenario started, of an alert. */
    secondsOf: (alert: Alert) => Math.round((alert.at - startedAt) / 1000),
    advance: (ms: number) => clock.advance(ms, requests.settle),
    async stop() {
      monitor.stop();
      pooled.close();
      await sim.close();
    },
  };
}
