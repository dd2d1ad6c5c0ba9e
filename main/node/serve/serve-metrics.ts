/**
 * `/metrics` of `headcount serve` in the Prometheus text format, from a registry of its own (never
 * prom-client's global one). Every series carries the app (its SDKAppID) and, where it is about one
 * room, the room (its group id); the room's name is on `headcount_room_info` alone. The README's
 * "Teams" section lists every series and how many each room adds.
 */
import { Counter, collectDefaultMetrics, Registry } from 'prom-client';
import type { Alert } from '../../core/alerts/alert';
import type { AppMonitor } from '../../core/app-monitor';
import type { CommandBudgets } from '../../core/command-budgets';
import type { HttpPost } from '../../core/http-port';
import { registerBudgetGauges } from './budget-metrics';
import { registerCallMetrics } from './call-metrics';
import { type FollowedEngine, type MetricsReading, type RoomFacts, readEngines } from './metrics-reading';

export type { RoomFacts } from './metrics-reading';

import { registerAppGauges, registerRoomGauges } from './state-metrics';

/** The metrics of one `headcount serve` run and the hooks that feed them. */
export interface ServeMetrics {
  /** Wraps an engine's POST to count and time each call by command and outcome. */
  timedPost(app: string, post: HttpPost): HttpPost;
  /**
   * Follows a running engine's monitor (counts, states, errors), with what the service knows of its
   * rooms (read once per scrape); returns the function that stops.
   */
  track(
    app: string,
    monitor: AppMonitor,
    facts?: () => RoomFacts,
    budgets?: Pick<CommandBudgets, 'readings'>,
  ): () => void;
  /** Counts an alert as the rules raise it. */
  countAlert(app: string, alert: Alert): void;
  /** The exposition: its content type and text. */
  render(): Promise<{ contentType: string; body: string }>;
}

const NOT_COUNTERS = [
  'nodejs_active_handles_total',
  'nodejs_active_requests_total',
  'nodejs_active_resources_total',
];

const NO_FACTS: RoomFacts = { name: () => undefined, thresholds: () => ({}) };

/** A fresh registry with every Headcount metric and prom-client's process metrics. */
export function createServeMetrics(): ServeMetrics {
  const registry = new Registry();
  const followed = new Set<FollowedEngine>();
  let reading: MetricsReading = { rooms: [], apps: [] };
  let turn: Promise<void> = Promise.resolve();
  registerRoomGauges(registry, () => reading);
  registerAppGauges(registry, () => reading);
  registerBudgetGauges(registry, () => reading);
  const timedPost = registerCallMetrics(registry);
  const pollErrors = new Counter({
    name: 'headcount_poll_errors_total',
    help: 'Failed polls of a room, by error kind.',
    labelNames: ['app', 'room', 'kind'] as const,
    registers: [registry],
  });
  const alerts = new Counter({
    name: 'headcount_alerts_total',
    help: 'Alerts raised by the rules, by rule, severity and phase; room is empty for app-level alerts.',
    labelNames: ['app', 'room', 'rule', 'severity', 'phase'] as const,
    registers: [registry],
  });
  collectDefaultMetrics({ register: registry });
  // Gauges named like counters, which `promtool check metrics` refuses; each is the sum of the
  // series of the same name without `_total` (by type), so nothing is lost.
  for (const name of NOT_COUNTERS) registry.removeSingleMetric(name);

  return {
    timedPost,
    track(app, monitor, facts = () => NO_FACTS, budgets) {
      const engine: FollowedEngine = { app, monitor, facts, ...(budgets ? { budgets } : {}) };
      followed.add(engine);
      const unsubscribe = monitor.on((event) => {
        if (event.type === 'error') pollErrors.inc({ app, room: event.groupId, kind: event.error.kind });
      });
      return () => {
        unsubscribe();
        followed.delete(engine);
      };
    },
    countAlert(app, alert) {
      alerts.inc({
        app,
        room: alert.groupId ?? '',
        rule: alert.rule,
        severity: alert.severity,
        phase: alert.phase,
      });
    },
    render() {
      // One reading for the whole scrape, so that every series tells the same moment; scrapes
      // take turns, so that one never finishes with another's reading.
      const scrape = turn.then(async () => {
        reading = readEngines(followed);
        return { contentType: registry.contentType, body: await registry.metrics() };
      });
      turn = scrape.then(
        () => undefined,
        () => undefined,
      );
      return scrape;
    },
  };
}
