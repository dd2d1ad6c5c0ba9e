/**
 * The room history at full load: 2000 rooms polled every 10 s for BENCH_HOURS (default 24) of
 * simulated time, written through the real file port to a temporary folder. Measures the memory the
 * store holds (heap and typed-array bytes after a full collection), the time to record one poll
 * cycle of 2000 samples (the store is the only record of counts), the once-a-minute flush, the chart of one room for 24h and 7d, the files' size and the time to read them back.
 * Prints the figures and writes them to bench/results/history.json.
 */
import { mkdirSync, mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Clock } from '../main/core/clock';
import { HistoryStore } from '../main/core/history/history-store';
import { nodeFilePort } from '../main/node/file-port';
import { roomChart } from '../main/service/room-chart';
import { percentile, round } from './distribution';
import { seeded } from './seeded-random';

const ROOMS = 2000;
const INTERVAL_MS = 10_000;
const HOURS = Number(process.env.BENCH_HOURS ?? 24);
const CYCLES = (HOURS * 3_600_000) / INTERVAL_MS;
const START = Date.UTC(2025, 0, 6, 0, 0, 0);

// With --expose-gc (as `npm run bench` runs it) memory figures are taken after a full collection.
const gc = (globalThis as { gc?: () => void }).gc;
async function held(): Promise<{ heap: number; arrayBuffers: number }> {
  // Array buffers are freed by a sweeper after the collection: give it a turn, and collect again.
  for (let i = 0; i < 3; i++) {
    gc?.();
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  const usage = process.memoryUsage();
  return { heap: usage.heapUsed, arrayBuffers: usage.arrayBuffers };
}

/** Simulated time: the store's flush timer is driven by the loop below, once a simulated minute. */
let now = START;
const clock: Clock = {
  monotonic: () => now - START,
  wall: () => now,
  setTimer: () => ({}),
  clearTimer: () => {},
};

const random = seeded(7);

// Log-uniform audiences from 30 to 30 000 that drift, with 2 % noise on every count; 6 % of rooms
// go off air (0) for a few hours, 8 % fail for a few minutes now and then.
const level = Float64Array.from({ length: ROOMS }, () => 30 * 1000 ** random());
const offAir = Array.from({ length: ROOMS }, () => (random() < 0.06 ? random() * CYCLES : -1));
const flaky = Array.from({ length: ROOMS }, () => random() < 0.08);
const keys = Array.from({ length: ROOMS }, (_, i) => `app-1/@TGS#bench${i}`);
function countOf(room: number, cycle: number): number | null {
  if (flaky[room] && cycle % 2000 < 12) return null;
  const off = offAir[room] as number;
  if (off >= 0 && cycle >= off && cycle < off + 1080) return 0;
  level[room] = Math.max(1, (level[room] as number) * (1 + (random() - 0.5) * 0.004));
  return Math.round((level[room] as number) * (1 + (random() + random() + random() - 1.5) * 0.04));
}

const folder = mkdtempSync(join(tmpdir(), 'headcount-history-bench-'));
const historyFolder = { port: nodeFilePort, pathOf: (name: string) => join(folder, name) };
const started = performance.now();
// Allocated before the baseline, so that the figures' own arrays are not counted as the store's.
const storeMs = new Float64Array(CYCLES);
const flushMs = new Float64Array(CYCLES / 6);
const counts = new Array<number | null>(ROOMS).fill(null);
const baseline = await held();
const store = await HistoryStore.open({ clock, folder: historyFolder });
for (let cycle = 0; cycle < CYCLES; cycle++) {
  for (let room = 0; room < ROOMS; room++) counts[room] = countOf(room, cycle);
  const t0 = performance.now();
  for (let room = 0; room < ROOMS; room++) {
    store.record(keys[room] as string, now + room * (INTERVAL_MS / ROOMS), counts[room] ?? null);
  }
  storeMs[cycle] = performance.now() - t0;
  now += INTERVAL_MS;
  if (now % 60_000 === 0) {
    const t3 = performance.now();
    const written = store.flush();
    flushMs[(now - START) / 60_000 - 1] = performance.now() - t3;
    await written;
  }
}
await store.flush();
const after = await held();
const heapBytes = after.heap - baseline.heap;
const bufferBytes = after.arrayBuffers - baseline.arrayBuffers;
const storeBytes = heapBytes + bufferBytes;

const chartMs = { '24h': [] as number[], '7d': [] as number[] };
for (let i = 0; i < 200; i++) {
  for (const range of ['24h', '7d'] as const) {
    const t0 = performance.now();
    roomChart(store, keys[(i * 37) % ROOMS] as string, range, now, []);
    chartMs[range].push(performance.now() - t0);
  }
}
const stats = store.stats();
await store.close();

const files = readdirSync(folder).map((name) => ({ name, bytes: statSync(join(folder, name)).size }));
const bytesOf = (prefix: string) =>
  files.filter((f) => f.name.startsWith(prefix)).reduce((sum, f) => sum + f.bytes, 0);
const t0 = performance.now();
const reopened = await HistoryStore.open({ clock, folder: historyFolder });
const reopenS = (performance.now() - t0) / 1000;
const reopenedRooms = reopened.stats().rooms;
await reopened.close();
rmSync(folder, { recursive: true, force: true });

const ms = (list: ArrayLike<number>) => {
  const values = Array.from(list);
  return {
    p50: round(percentile(values, 50), 3),
    p95: round(percentile(values, 95), 3),
    p99: round(percentile(values, 99), 3),
    max: round(Math.max(...values), 3),
  };
};
const mb = (bytes: number) => round(bytes / 2 ** 20, 1);
const results = {
  when: new Date().toISOString(),
  node: process.version,
  setup: { rooms: ROOMS, intervalS: INTERVAL_MS / 1000, simulatedHours: HOURS, samples: CYCLES * ROOMS },
  memory: {
    storeMb: mb(storeBytes),
    heapMb: mb(heapBytes),
    arrayBuffersMb: mb(bufferBytes),
    seriesMb: mb(stats.bytes),
    bytesPerRoom: Math.round(storeBytes / ROOMS),
    targetMb: 64,
    afterFullGc: gc !== undefined,
  },
  recordCycleMs: ms(storeMs.slice(360)),
  flushMs: ms(flushMs.slice(6)),
  chartMs: { '24h': ms(chartMs['24h']), '7d': ms(chartMs['7d']) },
  files: {
    totalMb: mb(bytesOf('')),
    samplesMb: mb(bytesOf('samples-')),
    minutesMb: mb(bytesOf('minutes-')),
    count: files.length,
    writes: stats.writes,
  },
  reopen: { seconds: round(reopenS, 2), rooms: reopenedRooms },
  wallS: round((performance.now() - started) / 1000, 1),
};
// Run by `npm run bench` from the project root; the bundle itself lives in dist/bench/.
mkdirSync('bench/results', { recursive: true });
writeFileSync('bench/results/history.json', `${JSON.stringify(results, null, 2)}\n`);
process.stdout.write(`${JSON.stringify(results, null, 2)}\nwritten to bench/results/history.json\n`);
