/**
 * CPU time and resident memory of another process, read from Linux's /proc, so that a benchmark can
 * measure a child (the engine, the reference poller) without running inside it.
 */
import { readFileSync } from 'node:fs';

/** Clock ticks per second of /proc/<pid>/stat's times (USER_HZ, 100 on Linux). */
const TICKS_PER_SECOND = 100;

/** CPU seconds (user and system, the process's own threads) the process has used so far. */
export function cpuSecondsOf(pid: number): number {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  // The command name, in parentheses, may hold spaces: the fields are counted after it.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  const utime = Number(fields[11]);
  const stime = Number(fields[12]);
  return (utime + stime) / TICKS_PER_SECOND;
}

/**
 * How many times the process's main thread has gone to sleep waiting (its voluntary context switches):
 * for a Node process, about once for every time its event loop waited for a timer or for I/O, so
 * the count of its wake-ups.
 */
export function wakeUpsOf(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  return Number(/^voluntary_ctxt_switches:\s+(\d+)/m.exec(status)?.[1] ?? Number.NaN);
}

/** The process's resident set size now, in MB (2^20 bytes). */
export function rssMbOf(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = Number(/^VmRSS:\s+(\d+) kB/m.exec(status)?.[1] ?? Number.NaN);
  return kb / 1024;
}

/**
 * Resolves once the process's CPU share of a core has stopped falling: the mean of its last three
 * windows of `windowMs` no lower than nine tenths of the three before, or `giveUpMs` passed. A
 * server that has just counted every room still spends more than it will (V8 compiling its hot code,
 * the work of its first minute): about twice its later share at first, falling over half a minute.
 * Measuring pages against that start would count the start's work, not the pages'. Returns the
 * shares seen.
 */
export async function cpuShareSettled(pid: number, windowMs = 3000, giveUpMs = 90_000): Promise<number[]> {
  const shares: number[] = [];
  const mean = (values: number[]) => values.reduce((sum, value) => sum + value, 0) / values.length;
  const began = performance.now();
  for (;;) {
    const cpu = cpuSecondsOf(pid);
    const started = performance.now();
    await new Promise((resolve) => setTimeout(resolve, windowMs));
    shares.push((cpuSecondsOf(pid) - cpu) / ((performance.now() - started) / 1000));
    if (shares.length >= 6 && mean(shares.slice(-3)) >= 0.9 * mean(shares.slice(-6, -3))) return shares;
    if (performance.now() - began > giveUpMs) return shares;
  }
}
