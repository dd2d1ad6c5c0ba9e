/**
 * A lock held for a moment around a change to a file several processes write (the alert log:
 * every serve and watch appends to it, `headcount alerts --ack` too, and any of them may compact
 * it). The lock is a file beside it, made with O_EXCL, naming its holder as the history folder's
 * lock does; one left by a process that died, or held far longer than any change takes, is taken
 * over.
 */
import { mkdir } from 'node:fs/promises';
import { hostname } from 'node:os';
import { dirname } from 'node:path';
import {
  createLock,
  type HistoryWriter,
  moveAsideIfUnchanged,
  olderThan,
  processIsRunning,
  readLock,
  releaseLock,
} from './history-lock';

/** No change holds the lock this long: a lock older than this was left behind. */
const STALE_AFTER_MS = 30_000;
/** How long a change waits for the lock before it fails (and is tried again later). */
const WAIT_AT_MOST_MS = 10_000;
/** A lock file that cannot be read is trusted this long: its writer may be mid-write. */
const UNREADABLE_GRACE_MS = 5_000;

/** Runs `task` while this process holds `lockPath`; rejects when the lock cannot be had in time. */
export async function withFileLock<T>(
  lockPath: string,
  task: () => Promise<T>,
  by = 'Headcount',
): Promise<T> {
  const me: HistoryWriter = { pid: process.pid, host: hostname(), startedAt: new Date().toISOString(), by };
  const deadline = Date.now() + WAIT_AT_MOST_MS;
  // The file the lock guards may be the first in its folder.
  await mkdir(dirname(lockPath), { recursive: true, mode: 0o700 });
  for (let pause = 2; !(await createLock(lockPath, me)); pause = Math.min(pause * 2, 100)) {
    const found = await readLock(lockPath);
    if (found === 'gone') continue;
    const stale =
      found === 'unreadable' ? await olderThan(lockPath, UNREADABLE_GRACE_MS, Date.now()) : isStale(found);
    if (stale) {
      await moveAsideIfUnchanged(lockPath, found, me.pid);
      continue;
    }
    if (Date.now() > deadline) {
      const who =
        found === 'unreadable' ? 'another Headcount' : `${found.by} (process ${found.pid} on ${found.host})`;
      throw new Error(`${lockPath} is held by ${who} for longer than ${WAIT_AT_MOST_MS / 1000} s`);
    }
    await new Promise((resolve) => setTimeout(resolve, pause));
  }
  try {
    return await task();
  } finally {
    await releaseLock(lockPath, me);
  }
}

function isStale(found: HistoryWriter): boolean {
  const age = Date.now() - Date.parse(found.startedAt);
  if (age > STALE_AFTER_MS) return true;
  return found.host === hostname() && !processIsRunning(found.pid);
}
