/**
 * `/metrics` of `headcount serve` in the Prometheus text format, from a registry of its own (never
 * prom-client's global one). Every series carries the app (its SDKAppID) and, where it is about one
 * room, the room (its group id).
 */
import { Counter, collectDefaultMetrics, Gauge, Histogram, Registry } from 'prom-client';
import type { Alert } from '../../core/alerts/alert';
import type { AppMonitor } from '../../core/app-monitor';
import type { HttpPost } from '../../core/http-port';
import type { AppState } from '../../core/monitor-events';

const APP_STATES: readonly AppState[] = ['running', 'rate-limited', 'auth-failed', 'paused'];
const CALL_WINDOW_MS = 1000;

interface Tracked {
  app: string;
  monitor: Pick<AppMonitor, 'snapshot' | 'status'>;
}

/** The metrics of one `headcount serve` run and the hooks that feed them. */
export interface ServeMetrics {
  /** Wraps an engine's POST to time each call and count it against the app's last second. */
  timedPost(app: string, post: HttpPost): HttpPost;
  /** Follows a running engine's monitor (counts, state, errors); returns the function that stops. */
  track(app: string, monitor: AppMonitor): () => void;
  /** Counts an alert as the rules raise it. */
  countAlert(app: string, alert: Alert): void;
  /** The exposition: its content type and text. */
  render(): Promise<{ contentType: string; body: string }>;
}

/** A fresh registry with every Headcount metric and prom-client's process metrics. */
export function createServeMetrics(): ServeMetrics {
  const registry = new Registry();
  const tracked = new Set<Tracked>();
  const recentCalls = new Map<string, number[]>();
  const firstPerApp = () => {
    const seen = new Map<string, Tracked>();
    for (const entry of tracked) if (!seen.has(entry.app)) seen.set(entry.app, entry);
    return [...seen.values()];
  };

  new Gauge({
    name: 'headcount_room_online',
    help: 'Online count of a room at its last poll; no sample while the room has no current count.',
    labelNames: ['app', 'room'] as const,
    registers: [registry],
    collect() {
      this.reset();
      for (const { app, monitor } of tracked) {
        for (const room of monitor.snapshot()) {
          // A failing or stopped room's last count is not current: absent, never 0 and never old.
          if (room.online === null || room.status === 'failing' || room.status === 'stopped') continue;
          this.set({ app, room: room.groupId }, room.online);
        }
      }
    },
  });
  new Gauge({
    name: 'headcount_room_sample_age_seconds',
    help: 'Age of the last count measured for a room.',
    labelNames: ['app', 'room'] as const,
    registers: [registry],
    collect() {
      this.reset();
      for (const { app, monitor } of tracked) {
        for (const room of monitor.snapshot())
          if (room.ageMs !== null) this.set({ app, room: room.groupId }, room.ageMs / 1000);
      }
    },
  });
  new Gauge({
    name: 'headcount_app_state',
    help: 'State of an app profile: 1 for the current state, 0 for the others.',
    labelNames: ['app', 'state'] as const,
    registers: [registry],
    collect() {
      this.reset();
      for (const { app, monitor } of firstPerApp()) {
        const current = monitor.status().state;
        for (const state of APP_STATES) this.set({ app, state }, state === current ? 1 : 0);
      }
    },
  });
  new Gauge({
    name: 'headcount_rate_calls_last_second',
    help: 'IM REST calls sent for the app in the last second (all of them take the rate budget).',
    labelNames: ['app'] as const,
    registers: [registry],
    collect() {
      this.reset();
      const now = performance.now();
      for (const { app } of firstPerApp()) this.set({ app }, callsSince(recentCalls, app, now));
    },
  });
  new Gauge({
    name: 'headcount_rate_cap_per_second',
    help: 'Calls per second the app may make (the API cap, or the --max-rate set).',
    labelNames: ['app'] as const,
    registers: [registry],
    collect() {
      this.reset();
      for (const { app, monitor } of firstPerApp()) this.set({ app }, monitor.status().capPerSecond);
    },
  });
  new Gauge({
    name: 'headcount_rate_limit_per_second',
    help: 'Calls per second allowed right now: the cap, or less while recovering from rate limiting.',
    labelNames: ['app'] as const,
    registers: [registry],
    collect() {
      this.reset();
      for (const { app, monitor } of firstPerApp()) this.set({ app }, monitor.status().limitPerSecond);
    },
  });
  const pollErrors = new Counter({
    name: 'headcount_poll_errors_total',
    help: 'Failed polls of a room, by error kind.',
    labelNames: ['app', 'room', 'kind'] as const,
    registers: [registry],
  });
  const requestSeconds = new Histogram({
    name: 'headcount_request_duration_seconds',
    help: 'Time from sending an IM REST call to its answer (or failure), by command.',
    labelNames: ['app', 'command'] as const,
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    registers: [registry],
  });
  const alerts = new Counter({
    name: 'headcount_alerts_total',
    help: 'Alerts raised by the rules, by rule, severity and phase; room is empty for app-level alerts.',
    labelNames: ['app', 'room', 'rule', 'severity', 'phase'] as const,
    registers: [registry],
  });
  collectDefaultMetrics({ register: registry });

  return {
    timedPost(app, post) {
      return async (request) => {
        noteCall(recentCalls, app, performance.now());
        const stop = requestSeconds.startTimer({ app, command: commandOf(request.url) });
        try {
          return await post(request);
        } finally {
          stop();
        }
      };
    },
    track(app, monitor) {
      const entry: Tracked = { app, monitor };
      tracked.add(entry);
      const unsubscribe = monitor.on((event) => {
        if (event.type === 'error') pollErrors.inc({ app, room: event.groupId, kind: event.error.kind });
      });
      return () => {
        unsubscribe();
        tracked.delete(entry);
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
    async render() {
      return { contentType: registry.contentType, body: await registry.metrics() };
    },
  };
}

/**
 * The command of an IM REST URL: its last path segment. The query holds the UserSig, so nothing
 * else of the URL is ever used.
 */
function commandOf(url: string): string {
  try {
    return new URL(url).pathname.split('/').filter(Boolean).at(-1) ?? 'unknown';
  } catch {
    return 'unknown';
  }
}

function noteCall(recent: Map<string, number[]>, app: string, now: number): void {
  const times = recent.get(app) ?? [];
  times.push(now);
  recent.set(app, times);
  dropBefore(times, now - CALL_WINDOW_MS);
}

function callsSince(recent: Map<string, number[]>, app: string, now: number): number {
  const times = recent.get(app) ?? [];
  dropBefore(times, now - CALL_WINDOW_MS);
  return times.length;
}

function dropBefore(times: number[], cutoff: number): void {
  let old = 0;
  while (old < times.length && (times[old] as number) <= cutoff) old++;
  if (old > 0) times.splice(0, old);
}
