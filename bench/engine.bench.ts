/**
 * The engine at full load: 2000 rooms at a 10 s interval with the cap at 200 calls/s, against the
 * simulator in another process over loopback HTTP. After one interval of warm-up, the run
 * alternates phases of PHASE_SECONDS (default 30) without and with every room's count written into
 * its room as a group attribute, PHASES of them (default 4, starting without), so that the cost of
 * the writes is measured beside the counts alone in one run, on the same machine. Prints the figures
 * and writes them to bench/results/engine.json: the top-level calls, ages and CPU are those of the
 * phases without writes (as before writes existed), the counts' cap figures those of the whole run,
 * and `pushes` sets the two kinds of phase side by side, with each command's calls against its cap.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { COMMAND_CAPS, COUNT_COMMAND, type ImCommand } from '../main/core/command-budgets';
import { createEngine } from '../main/node/engine';
import { maxInAnyWindow, windowsOverCap } from '../test/support/call-windows';
import { percentile, round } from './distribution';
import { spawnSimulator } from './simulator-child';

const ROOMS = 2000;
const INTERVAL_MS = 10_000;
const CAP = 200;
const WARMUP_MS = INTERVAL_MS;
const PHASE_MS = Number(process.env.PHASE_SECONDS ?? 30) * 1000;
const PHASES = Number(process.env.PHASES ?? 4);
const WRITE_COMMAND: ImCommand = 'modify_group_attr';

const simulator = await spawnSimulator(ROOMS);

/** When each call left, by command. */
const sends = new Map<string, number[]>();
const engine = createEngine({
  connection: { ...simulator.credentials, endpoint: { primary: simulator.baseUrl } },
  intervalMs: INTERVAL_MS,
  maxRate: CAP,
  wrapPost: (post) => (request) => {
    const command = new URL(request.url).pathname.split('/').at(-1) ?? '';
    const times = sends.get(command) ?? [];
    if (times.length === 0) sends.set(command, times);
    times.push(performance.now());
    return post(request);
  },
});
const { monitor, pusher } = engine;
const errors = new Map<string, number>();
monitor.on((event) => {
  if (event.type === 'error') errors.set(event.error.kind, (errors.get(event.error.kind) ?? 0) + 1);
});
const groupIds = Array.from({ length: ROOMS }, (_, i) => `@TGS#bench${i}`);

/** What one phase measured. */
interface Phase {
  pushing: boolean;
  seconds: number;
  cpuSeconds: number;
  counts: number;
  writes: number;
  ages: number[];
  /** Counts sent in a second that already held the cap's worth, by the send times seen here. */
  countSendsOverCap: number;
  mostCountsInAnySecond: number;
  /** The longest the event loop was held up: a stall releases the calls granted meanwhile together. */
  longestStallMs: number;
}
const phases: Phase[] = [];
let peakRssMb = 0;
const start = performance.now();
monitor.addRooms(groupIds);
monitor.start();
await sleep(WARMUP_MS);

const sentIn = (command: string, from: number, to: number) =>
  (sends.get(command) ?? []).filter((at) => at >= from && at < to).length;
for (let i = 0; i < PHASES; i++) {
  const pushing = i % 2 === 1;
  for (const groupId of groupIds)
    pusher.configure(groupId, pushing ? { via: 'group-attr', key: 'online_member_num' } : null);
  const ages: number[] = [];
  const stalls = monitorEventLoopDelay({ resolution: 10 });
  stalls.enable();
  const cpuBefore = process.cpuUsage();
  const from = performance.now();
  const sampler = setInterval(() => {
    for (const room of monitor.snapshot()) if (room.ageMs !== null) ages.push(room.ageMs);
    peakRssMb = Math.max(peakRssMb, process.memoryUsage().rss / 2 ** 20);
  }, 1000);
  await sleep(PHASE_MS);
  clearInterval(sampler);
  const cpu = process.cpuUsage(cpuBefore);
  const to = performance.now();
  stalls.disable();
  const counted = (sends.get(COUNT_COMMAND) ?? []).filter((at) => at >= from && at < to);
  phases.push({
    pushing,
    seconds: (to - from) / 1000,
    cpuSeconds: (cpu.user + cpu.system) / 1e6,
    counts: sentIn(COUNT_COMMAND, from, to),
    writes: sentIn(WRITE_COMMAND, from, to),
    ages,
    countSendsOverCap: windowsOverCap(counted, CAP),
    mostCountsInAnySecond: maxInAnyWindow(counted),
    longestStallMs: stalls.max / 1e6,
  });
}
engine.close();

const log = await simulator.finish();

/** The phases of one kind together: calls, CPU and the ages sampled. */
function summary(pushing: boolean) {
  const chosen = phases.filter((phase) => phase.pushing === pushing);
  const seconds = chosen.reduce((sum, phase) => sum + phase.seconds, 0);
  const cpuSeconds = chosen.reduce((sum, phase) => sum + phase.cpuSeconds, 0);
  const counts = chosen.reduce((sum, phase) => sum + phase.counts, 0);
  const writes = chosen.reduce((sum, phase) => sum + phase.writes, 0);
  const ages = chosen.flatMap((phase) => phase.ages);
  return {
    measuredS: round(seconds, 1),
    countsPerSecond: round(counts / seconds, 1),
    writesPerSecond: round(writes / seconds, 1),
    cpuShareOfOneCore: round((cpuSeconds / seconds) * 100, 1),
    cpuSecondsPer1000Calls: round((cpuSeconds / (counts + writes)) * 1000, 3),
    countSendsOverCap: chosen.reduce((sum, phase) => sum + phase.countSendsOverCap, 0),
    longestStallMs: round(chosen.reduce((most, phase) => Math.max(most, phase.longestStallMs), 0)),
    sampleAgeS: {
      p50: round(percentile(ages, 50) / 1000),
      p99: round(percentile(ages, 99) / 1000),
      max: round(ages.reduce((most, age) => Math.max(most, age), 0) / 1000),
    },
  };
}

const without = summary(false);
const withWrites = summary(true);
const commands = [...new Set(log.map((request) => request.command))];
const byCommand = Object.fromEntries(
  commands.map((command) => {
    const cap = COMMAND_CAPS[command as ImCommand] ?? CAP;
    const sent = sends.get(command) ?? [];
    const received = log.filter((request) => request.command === command);
    const codes: Record<string, number> = {};
    for (const { errorCode } of received) codes[errorCode] = (codes[errorCode] ?? 0) + 1;
    return [
      command,
      {
        cap,
        sent: sent.length,
        mostSentInAnySecond: maxInAnyWindow(sent),
        sendsOverCapInTheirSecond: windowsOverCap(sent, cap),
        mostReceivedInAnySecond: maxInAnyWindow(received.map((request) => request.at)),
        answersByErrorCode: codes,
      },
    ];
  }),
);
const counted = byCommand[COUNT_COMMAND] as
  | {
      mostSentInAnySecond: number;
      mostReceivedInAnySecond: number;
      answersByErrorCode: Record<string, number>;
    }
  | undefined;
const results = {
  when: new Date().toISOString(),
  node: process.version,
  setup: {
    rooms: ROOMS,
    intervalS: INTERVAL_MS / 1000,
    capPerSecond: CAP,
    phaseS: PHASE_MS / 1000,
    phases: phases.map((phase) => (phase.pushing ? 'writes' : 'counts only')),
  },
  callsPerSecond: without.countsPerSecond,
  mostCallsInAnySecond: {
    sent: counted?.mostSentInAnySecond ?? 0,
    receivedBySimulator: counted?.mostReceivedInAnySecond ?? 0,
  },
  sendsOverCapInTheirSecond: windowsOverCap(sends.get(COUNT_COMMAND) ?? [], CAP),
  rateLimitedAnswers:
    (counted?.answersByErrorCode['60007'] ?? 0) + (counted?.answersByErrorCode['60011'] ?? 0),
  sampleAgeS: without.sampleAgeS,
  cpuSecondsPer1000Calls: without.cpuSecondsPer1000Calls,
  cpuShareOfOneCore: `${without.cpuShareOfOneCore} %`,
  peakRssMb: round(peakRssMb, 1),
  errorsByKind: Object.fromEntries(errors),
  pushes: {
    withoutWrites: without,
    withWrites,
    // With ÷ without, in the same run: what writing every room's count costs.
    cpuRatio: round(withWrites.cpuShareOfOneCore / without.cpuShareOfOneCore, 2),
    ageP99Ratio: round(withWrites.sampleAgeS.p99 / without.sampleAgeS.p99, 3),
    countsPerSecondRatio: round(withWrites.countsPerSecond / without.countsPerSecond, 3),
    byCommand,
    phases: phases.map(({ ages, ...phase }) => ({
      ...phase,
      seconds: round(phase.seconds, 1),
      cpuShareOfOneCore: round((phase.cpuSeconds / phase.seconds) * 100, 1),
      cpuSeconds: round(phase.cpuSeconds, 2),
      ageP99S: round(percentile(ages, 99) / 1000),
      longestStallMs: round(phase.longestStallMs),
    })),
  },
  wallS: round((performance.now() - start) / 1000, 1),
};
// Run by `npm run bench` from the project root; the bundle itself lives in dist/bench/.
mkdirSync('bench/results', { recursive: true });
writeFileSync('bench/results/engine.json', `${JSON.stringify(results, null, 2)}\n`);
process.stdout.write(`${JSON.stringify(results, null, 2)}\nwritten to bench/results/engine.json\n`);

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
