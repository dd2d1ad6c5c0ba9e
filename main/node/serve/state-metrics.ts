/**
 * The gauges made from a scrape's reading: per room (count, age, state, name, thresholds) and per
 * app (total, state, polling and the rate budget). Series exist only for rooms and apps followed
 * now: each scrape starts from nothing, so a removed room leaves no series behind.
 */
import { Gauge, type Registry } from 'prom-client';
import { type AppState, ROOM_STATES } from '../../common/room-states';
import type { MetricsReading } from './metrics-reading';

const APP_STATES: readonly AppState[] = ['running', 'rate-limited', 'auth-failed', 'paused'];

export type Setter<L extends string> = (labels: Record<L, string>, value: number) => void;

/** A gauge refilled from the scrape's reading each time it is collected. */
export function readingGauge<L extends string>(
  registry: Registry,
  reading: () => MetricsReading,
  spec: { name: string; help: string; labelNames: readonly L[] },
  fill: (reading: MetricsReading, set: Setter<L>) => void,
): void {
  new Gauge<L>({
    ...spec,
    registers: [registry],
    collect() {
      this.reset();
      fill(reading(), (labels, value) => this.set(labels as never, value));
    },
  });
}

/** Registers the per-room gauges. */
export function registerRoomGauges(registry: Registry, reading: () => MetricsReading): void {
  const gauge = <L extends string>(
    spec: { name: string; help: string; labelNames: readonly L[] },
    fill: (reading: MetricsReading, set: Setter<L>) => void,
  ) => readingGauge(registry, reading, spec, fill);
  gauge(
    {
      name: 'headcount_room_online',
      help: 'People online in a room, only while its count is current (its latest answer, at most two effective intervals old).',
      labelNames: ['app', 'room'],
    },
    (r, set) => {
      for (const { app, room, current } of r.rooms)
        if (current) set({ app, room: room.groupId }, room.online ?? 0);
    },
  );
  gauge(
    {
      name: 'headcount_room_sample_age_seconds',
      help: 'Age of the last count measured for a room; absent before its first count.',
      labelNames: ['app', 'room'],
    },
    (r, set) => {
      for (const { app, room } of r.rooms)
        if (room.ageMs !== null) set({ app, room: room.groupId }, room.ageMs / 1000);
    },
  );
  gauge(
    {
      name: 'headcount_room_last_sample_timestamp_seconds',
      help: 'When the last count of a room was measured, in seconds since the Unix epoch; absent before its first count.',
      labelNames: ['app', 'room'],
    },
    (r, set) => {
      for (const { app, room } of r.rooms)
        if (room.measuredAt !== null) set({ app, room: room.groupId }, room.measuredAt / 1000);
    },
  );
  gauge(
    {
      name: 'headcount_room_state',
      help: `State of a room: 1 for its current state, 0 for the others (${ROOM_STATES.join(', ')}).`,
      labelNames: ['app', 'room', 'state'],
    },
    (r, set) => {
      for (const { app, room, condition } of r.rooms)
        for (const state of ROOM_STATES)
          set({ app, room: room.groupId, state }, state === condition.state ? 1 : 0);
    },
  );
  gauge(
    {
      name: 'headcount_room_error_kind',
      help: 'Why the polls of a failing room fail: 1 for the kind of its latest failure; absent unless failing.',
      labelNames: ['app', 'room', 'kind'],
    },
    (r, set) => {
      for (const { app, room, condition } of r.rooms)
        if (condition.state === 'failing') set({ app, room: room.groupId, kind: condition.kind }, 1);
    },
  );
  gauge(
    {
      name: 'headcount_room_info',
      help: "A room's display name (its label or group Name, else its id), to join onto the other series; always 1.",
      labelNames: ['app', 'room', 'name'],
    },
    (r, set) => {
      for (const { app, room, name } of r.rooms) set({ app, room: room.groupId, name }, 1);
    },
  );
  gauge(
    {
      name: 'headcount_room_alert_threshold',
      help: "Threshold of a room's above or below rule, as its settings set it; absent while the rule is off.",
      labelNames: ['app', 'room', 'rule'],
    },
    (r, set) => {
      for (const { app, room, thresholds } of r.rooms) {
        if (thresholds.above !== undefined) set({ app, room: room.groupId, rule: 'above' }, thresholds.above);
        if (thresholds.below !== undefined) set({ app, room: room.groupId, rule: 'below' }, thresholds.below);
      }
    },
  );
}

/** Registers the per-app gauges. */
export function registerAppGauges(registry: Registry, reading: () => MetricsReading): void {
  const gauge = <L extends string>(
    spec: { name: string; help: string; labelNames: readonly L[] },
    fill: (reading: MetricsReading, set: Setter<L>) => void,
  ) => readingGauge(registry, reading, spec, fill);
  gauge(
    {
      name: 'headcount_app_online',
      help: 'People online across the rooms of an app whose count is current (the same rule as headcount_room_online).',
      labelNames: ['app'],
    },
    (r, set) => {
      for (const { app, total } of r.apps) set({ app }, total.online);
    },
  );
  gauge(
    {
      name: 'headcount_app_state',
      help: `State of an app: 1 for its current state, 0 for the others (${APP_STATES.join(', ')}).`,
      labelNames: ['app', 'state'],
    },
    (r, set) => {
      for (const { app, status } of r.apps)
        for (const state of APP_STATES) set({ app, state }, state === status.state ? 1 : 0);
    },
  );
  gauge(
    {
      name: 'headcount_app_error_kind',
      help: 'Why the server stopped an app (auth or account): 1 for that kind; absent while it is not stopped.',
      labelNames: ['app', 'kind'],
    },
    (r, set) => {
      for (const { app, status } of r.apps) if (status.error) set({ app, kind: status.error.kind }, 1);
    },
  );
  gauge(
    {
      name: 'headcount_poll_interval_seconds',
      help: "Seconds between two polls of one room: the requested interval, or longer when the rooms do not fit the app's rate cap.",
      labelNames: ['app'],
    },
    (r, set) => {
      for (const { app, status } of r.apps) set({ app }, status.plan.effectiveIntervalMs / 1000);
    },
  );
  gauge(
    {
      name: 'headcount_poll_answer_seconds',
      help: "Calls' usual time to be answered, while it slows the pace the rate cap allows (each call counts until a second after its answer); absent while answers come within 30 ms.",
      labelNames: ['app'],
    },
    (r, set) => {
      for (const { app, status } of r.apps) if (status.answerMs) set({ app }, status.answerMs / 1000);
    },
  );
  gauge(
    {
      name: 'headcount_poll_planned_calls_per_second',
      help: 'Polls per second the app needs to poll every room once per interval.',
      labelNames: ['app'],
    },
    (r, set) => {
      for (const { app, status } of r.apps) set({ app }, status.plan.callsPerSecond);
    },
  );
  gauge(
    {
      name: 'headcount_rate_cap_calls_per_second',
      help: 'Calls per second the app may make: the API cap of 200, or the --max-rate set.',
      labelNames: ['app'],
    },
    (r, set) => {
      for (const { app, status } of r.apps) set({ app }, status.capPerSecond);
    },
  );
  gauge(
    {
      name: 'headcount_rate_limit_calls_per_second',
      help: 'Calls per second the app is allowed right now: the cap, or less while it recovers from rate limiting.',
      labelNames: ['app'],
    },
    (r, set) => {
      for (const { app, status } of r.apps) set({ app }, status.limitPerSecond);
    },
  );
}
