/**
 * The alert rules at full load: 2000 rooms with above, below, spike, drop and failing on for every
 * room, fed what the monitor would emit over BENCH_CYCLES poll cycles of 10 s (default 360: one hour)
 * after 30 cycles of warm-up. Times each whole cycle through the engine and, side by side, through
 * the bare bookkeeping loop, since ratios hold steadier than absolute times on a noisy machine.
 * Prints the figures and writes them to bench/results/alerts.json.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import type { RuleSettings } from '../main/common/rule-settings';
import type { Alert } from '../main/core/alerts/alert';
import { AlertEngine } from '../main/core/alerts/alert-engine';
import type { MonitorEvent } from '../main/core/monitor-events';
import { percentile, round } from './distribution';
import { buildPollFeed } from './poll-feed';

const ROOMS = 2000;
const INTERVAL_MS = 10_000;
const WARMUP_CYCLES = 30;
const MEASURED_CYCLES = Number(process.env.BENCH_CYCLES ?? 360);
/** The profile's rules; sessions, stale and closed stay on as by default, peak and milestones off. */
const PROFILE_RULES: RuleSettings = {
  spike: { percent: 50, people: 200, windowSeconds: 120 },
  drop: { percent: 40, people: 200, windowSeconds: 120 },
  failing: { consecutive: 3, forSeconds: 60 },
};

// With --expose-gc (as `npm run bench` runs it) heap figures are taken after a full collection.
const gc = (globalThis as { gc?: () => void }).gc;
const start = performance.now();
const feed = buildPollFeed({
  rooms: ROOMS,
  intervalMs: INTERVAL_MS,
  cycles: WARMUP_CYCLES + MEASURED_CYCLES,
  seed: 1,
});
const builtS = (performance.now() - start) / 1000;

// Thresholds follow each room's size: people set them per room, and one number for all would leave
// small rooms never and big rooms always above it.
const roomRules: Record<string, RuleSettings> = {};
for (const room of feed.rooms) {
  roomRules[room.groupId] = {
    above: { threshold: Math.round(room.base * 1.5), forSeconds: 30 },
    below: { threshold: Math.round(room.base * 0.5), forSeconds: 30 },
  };
}

gc?.();
const heapBefore = process.memoryUsage().heapUsed;
const engine = new AlertEngine({ profile: 'bench', rules: PROFILE_RULES, roomRules });
const fired: Alert[] = [];
let keepFired = false;

function evaluate(events: readonly MonitorEvent[]): number {
  const t0 = process.hrtime.bigint();
  for (const event of events) {
    const alerts = engine.handle(event);
    if (keepFired) for (const alert of alerts) fired.push(alert);
  }
  return Number(process.hrtime.bigint() - t0) / 1e6;
}

// What any listener does per event anyway: walk the cycle, tell the kinds apart, note each count.
const lastCount = new Map<string, number>();
let checksum = 0;
function bookkeeping(events: readonly MonitorEvent[]): number {
  const t0 = process.hrtime.bigint();
  for (const event of events) {
    if (event.type === 'sample') {
      lastCount.set(event.groupId, event.online);
      checksum += event.online;
    } else if (event.type === 'error') checksum += event.consecutiveFailures;
  }
  return Number(process.hrtime.bigint() - t0) / 1e6;
}

const engineMs: number[] = [];
const baselineMs: number[] = [];
const pairedRatios: number[] = [];
const eventCounts: number[] = [];
for (const [index, events] of feed.cycles.entries()) {
  const measured = index >= WARMUP_CYCLES;
  keepFired = measured;
  // Alternate which goes first, so neither always runs on a cache the other warmed.
  let engineCycle: number;
  let baselineCycle: number;
  if (index % 2 === 0) {
    engineCycle = evaluate(events);
    baselineCycle = bookkeeping(events);
  } else {
    baselineCycle = bookkeeping(events);
    engineCycle = evaluate(events);
  }
  if (!measured) continue;
  engineMs.push(engineCycle);
  baselineMs.push(baselineCycle);
  pairedRatios.push(engineCycle / baselineCycle);
  eventCounts.push(events.length);
}

const byRule: Record<string, Record<string, number>> = {};
for (const alert of fired) {
  const phases = byRule[alert.rule] ?? {};
  phases[alert.phase] = (phases[alert.phase] ?? 0) + 1;
  byRule[alert.rule] = phases;
}
const alertCount = fired.length;
fired.length = 0;
gc?.();
const heapAfter = process.memoryUsage().heapUsed;

const eventKinds: Record<string, number> = {};
for (const events of feed.cycles.slice(WARMUP_CYCLES))
  for (const event of events) eventKinds[event.type] = (eventKinds[event.type] ?? 0) + 1;
const patterns: Record<string, number> = {};
for (const room of feed.rooms) patterns[room.pattern] = (patterns[room.pattern] ?? 0) + 1;

const msFigures = (values: number[]) => ({
  p50: round(percentile(values, 50), 3),
  p95: round(percentile(values, 95), 3),
  p99: round(percentile(values, 99), 3),
  max: round(Math.max(...values), 3),
});
const usPerSample = (p: number) => round((percentile(engineMs, p) * 1000) / ROOMS, 3);
const mb = (bytes: number) => round(bytes / 2 ** 20, 1);
const results = {
  when: new Date().toISOString(),
  node: process.version,
  setup: {
    rooms: ROOMS,
    intervalS: INTERVAL_MS / 1000,
    warmupCycles: WARMUP_CYCLES,
    measuredCycles: MEASURED_CYCLES,
    rulesPerRoom: ['above', 'below', 'spike', 'drop', 'failing', 'sessions', 'stale', 'closed'],
    roomsByPattern: patterns,
    eventsPerCycle: {
      min: Math.min(...eventCounts),
      mean: round(eventCounts.reduce((a, b) => a + b, 0) / eventCounts.length, 1),
      max: Math.max(...eventCounts),
    },
    measuredEventsByKind: eventKinds,
    feedBuiltS: round(builtS, 1),
  },
  engineCycleMs: msFigures(engineMs),
  baselineCycleMs: msFigures(baselineMs),
  engineOverBaseline: {
    ofP50s: round(percentile(engineMs, 50) / percentile(baselineMs, 50), 1),
    medianOfPairedCycles: round(percentile(pairedRatios, 50), 1),
  },
  perSampleUs: { p50: usPerSample(50), p95: usPerSample(95), p99: usPerSample(99), max: usPerSample(100) },
  alertsFired: { total: alertCount, byRule },
  heap: {
    usedMb: mb(heapAfter),
    engineRetainedMb: mb(heapAfter - heapBefore),
    afterFullGc: gc !== undefined,
  },
  // Printed so that the baseline's work cannot be optimised away.
  baselineChecksum: checksum,
  wallS: round((performance.now() - start) / 1000, 1),
};
// Run by `npm run bench` from the project root; the bundle itself lives in dist/bench/.
mkdirSync('bench/results', { recursive: true });
writeFileSync('bench/results/alerts.json', `${JSON.stringify(results, null, 2)}\n`);
process.stdout.write(`${JSON.stringify(results, null, 2)}\nwritten to bench/results/alerts.json\n`);
