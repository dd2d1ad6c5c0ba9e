/**
 * What the monitor would emit for a set of rooms polled every interval, built ahead of time so that
 * a benchmark times only what consumes the events. Counts hold steady with noise, ramp, get raided,
 * crash, go off air and come back; polls fail in bursts and are retried with the monitor's backoff.
 * Seeded, so every run sees the same traffic.
 */
import type { RoomStatus } from '../main/common/room-states';
import { imErrorFromCode } from '../main/core/error-kind';
import type { MonitorEvent, Sample } from '../main/core/monitor-events';
import { backoffMs, DEFAULT_BACKOFF } from '../main/core/poll-plan';
import { seeded } from './seeded-random';

/** How a room's audience moves over the run. */
export type Pattern = 'steady' | 'ramp' | 'raids' | 'drops' | 'off-air';

export interface FeedRoom {
  groupId: string;
  pattern: Pattern;
  /** The audience it returns to between episodes. */
  base: number;
}

export interface PollFeed {
  rooms: FeedRoom[];
  /** The events of each poll cycle (one interval of wall time), in time order. */
  cycles: MonitorEvent[][];
}

export interface PollFeedOptions {
  rooms: number;
  intervalMs: number;
  cycles: number;
  seed: number;
  /** Wall-clock time (epoch ms) the run starts at. */
  startAt?: number;
}

/** A stretch of time in which the count is `factor` times the base (0 for off air). */
interface Episode {
  from: number;
  to: number;
  factor: number;
}

/** Share of rooms per pattern; the rest are steady. */
const PATTERN_SHARES: readonly [Pattern, number][] = [
  ['ramp', 0.12],
  ['raids', 0.1],
  ['drops', 0.08],
  ['off-air', 0.06],
];
/** Share of rooms whose polls fail now and then, whatever their audience does. */
const FAILING_SHARE = 0.08;
const NOISE = 0.04;
const TRANSIENT = imErrorFromCode(70500, 'internal server error');

export function buildPollFeed(options: PollFeedOptions): PollFeed {
  const random = seeded(options.seed);
  const span = options.cycles * options.intervalMs;
  const startAt = options.startAt ?? Date.UTC(2025, 0, 6, 18);
  const cycles: MonitorEvent[][] = Array.from({ length: options.cycles }, () => []);
  const rooms: FeedRoom[] = [];
  for (let i = 0; i < options.rooms; i++) {
    const room: FeedRoom = { groupId: `@TGS#bench${i}`, pattern: pickPattern(random()), base: 0 };
    // Log-uniform from 30 to 30 000 people: many small rooms, a few big ones.
    room.base = Math.round(30 * 1000 ** random());
    rooms.push(room);
    const audience = audienceOf(room, span, random);
    const failures = random() < FAILING_SHARE ? episodes(random, span, 1, 3, 5_000, 150_000, 1) : [];
    const phase = (i * options.intervalMs) / options.rooms;
    const timeline = { phase, span, intervalMs: options.intervalMs, startAt };
    for (const event of roomEvents(room, timeline, audience, failures, random)) {
      cycles[Math.floor((event.at - startAt) / options.intervalMs)]?.push(event);
    }
  }
  for (const cycle of cycles) cycle.sort((a, b) => a.at - b.at);
  return { rooms, cycles };
}

/** The room's count at time t (ms into the run), before noise. */
function audienceOf(room: FeedRoom, span: number, random: () => number): (t: number) => number {
  const { base } = room;
  switch (room.pattern) {
    case 'steady':
      return () => base;
    case 'ramp': {
      const slope = -0.8 + 2.3 * random();
      return (t) => base * Math.max(0.05, 1 + (slope * t) / span);
    }
    case 'raids':
      return during(episodes(random, span, 1, 3, 60_000, 360_000, 2 + 2 * random()), base);
    case 'drops':
      return during(episodes(random, span, 1, 3, 120_000, 600_000, 0.2 + 0.3 * random()), base);
    case 'off-air':
      return during(episodes(random, span, 1, 2, 300_000, 1_200_000, 0), base);
  }
}

function during(list: Episode[], base: number): (t: number) => number {
  return (t) => base * (list.find((e) => t >= e.from && t < e.to)?.factor ?? 1);
}

/** The events of one room over the run: polls every interval, retried with backoff while failing. */
function* roomEvents(
  room: FeedRoom,
  timeline: { phase: number; span: number; intervalMs: number; startAt: number },
  audience: (t: number) => number,
  failures: Episode[],
  random: () => number,
): Generator<MonitorEvent> {
  let status: RoomStatus = 'waiting';
  let consecutiveFailures = 0;
  let latest: Sample | null = null;
  let peak: Sample | null = null;
  const snapshot = (at: number): MonitorEvent => ({
    type: 'room',
    room: {
      groupId: room.groupId,
      status,
      online: latest?.online ?? null,
      measuredAt: latest?.at ?? null,
      ageMs: latest ? at - latest.at : null,
      error: status === 'failing' ? TRANSIENT : null,
      consecutiveFailures,
      peak,
      stoppedAt: null,
    },
    at,
  });
  const { phase, span, intervalMs, startAt } = timeline;
  for (let t = phase; t < span; ) {
    const at = Math.round(startAt + t);
    if (failures.some((e) => t >= e.from && t < e.to)) {
      consecutiveFailures++;
      yield { type: 'error', groupId: room.groupId, error: TRANSIENT, at, consecutiveFailures };
      if (status !== 'failing') {
        status = 'failing';
        yield snapshot(at);
      }
      t += backoffMs(consecutiveFailures, DEFAULT_BACKOFF, random);
      continue;
    }
    const expected = audience(t);
    const online = expected === 0 ? 0 : Math.max(1, Math.round(expected * (1 + noise(random))));
    yield { type: 'sample', groupId: room.groupId, online, at, previous: latest?.online ?? null };
    latest = { at, online };
    if (!peak || online > peak.online) peak = latest;
    consecutiveFailures = 0;
    if (status !== 'live') {
      status = 'live';
      yield snapshot(at);
    }
    t += intervalMs;
  }
}

function episodes(
  random: () => number,
  span: number,
  fewest: number,
  most: number,
  shortestMs: number,
  longestMs: number,
  factor: number,
): Episode[] {
  const count = fewest + Math.floor(random() * (most - fewest + 1));
  return Array.from({ length: count }, () => {
    const from = random() * span;
    return { from, to: from + shortestMs + random() * (longestMs - shortestMs), factor };
  });
}

function pickPattern(draw: number): Pattern {
  let upTo = 0;
  for (const [pattern, share] of PATTERN_SHARES) {
    upTo += share;
    if (draw < upTo) return pattern;
  }
  return 'steady';
}

/** Roughly normal with a standard deviation of NOISE, never beyond ±3 NOISE. */
function noise(random: () => number): number {
  return (random() + random() + random() - 1.5) * 2 * NOISE;
}
