/**
 * The rate cap under stress: 2000 rooms at a 10 s interval with the cap at 200 calls/s, against the
 * simulator in another process over loopback HTTP, with two busy loops (one per core of the
 * development machine) spinning beside them for the whole run. Prints one JSON line: the calls'
 * leaving times as seen by the engine against the cap, what the simulator received, its 60007
 * answers, and the engine's longest event-loop stall. Run alone, or alternating with a build of an
 * earlier version (see the README's performance section).
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { COUNT_COMMAND } from '../main/core/command-budgets';
import { createEngine } from '../main/node/engine';
import { maxInAnyWindow, windowsOverCap } from '../test/support/call-windows';
import { round } from './distribution';
import { spawnSimulator } from './simulator-child';

const ROOMS = 2000;
const CAP = 200;
const SECONDS = Number(process.env.STRESS_SECONDS ?? 60);
const BUSY_LOOPS = Number(process.env.BUSY_LOOPS ?? 2);

const busy: ChildProcess[] = Array.from({ length: BUSY_LOOPS }, () =>
  spawn(process.execPath, ['-e', 'for (;;) {}'], { stdio: 'ignore' }),
);
const simulator = await spawnSimulator(ROOMS);

/** When each count was handed to the transport, and when it was written to its socket. */
const posted: number[] = [];
const left: number[] = [];
const engine = createEngine({
  connection: { ...simulator.credentials, endpoint: { primary: simulator.baseUrl } },
  maxRate: CAP,
  wrapPost: (post) => (request) => {
    if (!request.url.includes(`/${COUNT_COMMAND}?`)) return post(request);
    posted.push(performance.now());
    const onSent = request.onSent;
    return post({
      ...request,
      onSent: () => {
        left.push(performance.now());
        onSent?.();
      },
    });
  },
});
const stalls = monitorEventLoopDelay({ resolution: 10 });
stalls.enable();
engine.monitor.addRooms(Array.from({ length: ROOMS }, (_, i) => `@TGS#bench${i}`));
engine.monitor.start();
await new Promise((resolve) => setTimeout(resolve, SECONDS * 1000));
stalls.disable();
engine.close();
for (const loop of busy) loop.kill();
const log = await simulator.finish();
const received = log.filter((request) => request.command === COUNT_COMMAND);
// An earlier build never reports the send: its calls are taken to leave when posted.
const leaving = left.length > 0 ? left : posted;
process.stdout.write(
  `${JSON.stringify({
    seconds: SECONDS,
    busyLoops: BUSY_LOOPS,
    calls: posted.length,
    callsPerSecond: round(posted.length / SECONDS, 1),
    mostLeavingInAnySecond: maxInAnyWindow(leaving),
    leavingOverCapInTheirSecond: windowsOverCap(leaving, CAP),
    mostReceivedInAnySecond: maxInAnyWindow(received.map((request) => request.at)),
    rateLimitedAnswers: received.filter((request) => request.errorCode === 60007).length,
    longestStallMs: round(stalls.max / 1e6),
  })}\n`,
);
