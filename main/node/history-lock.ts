/**
 * One writer per history folder. The tray app and `headcount serve` may point at the same folder,
 * and two processes flushing the same files interleave their batches and corrupt them, so the
 * first to start holds `writer.lock` (its pid, host and start time) and the other keeps its
 * history in memory for that run. A lock left by a process that has died is taken over. The
 * lock file's steps are shared with the short-held locks of file-lock.ts.
 */
import { link, mkdir, open, readFile, rename, stat, unlink } from 'node:fs/promises';
import { hostname } from 'node:os';
import { join } from 'node:path';

/** The lock file's name inside the history folder. */
export const HISTORY_LOCK_FILE = 'writer.lock';

/** Who holds a history folder, as its lock file says. */
export interface HistoryWriter {
  pid: number;
  host: string;
  /** ISO-8601, when the holder took the lock. */
  startedAt: string;
  /** What the holder is, in words (e.g. "headcount serve"). */
  by: string;
}

/** The outcome of {@link claimHistoryFolder}. */
export type HistoryClaim =
  | { ok: true; lockPath: string; release(): Promise<void> }
  | { ok: false; lockPath: string; holder: HistoryWriter | null; message: string };

export interface ClaimOptions {
  /** What this process is, in words, written for whoever finds the lock. */
  by: string;
  pid?: number;
  now?: () => number;
  /** Whether a process of this machine is running; `process.kill(pid, 0)` unless told. */
  isRunning?: (pid: number) => boolean;
}

/** A lock file that cannot be read is only trusted this long: its writer may be mid-write. */
const UNREADABLE_GRACE_MS = 5_000;

/**
 * Takes the history folder for this process, creating the folder if need be. A lock held by a
 * running process (or by another machine, whose processes cannot be checked) is refused with a
 * message saying who holds it; a lock whose process is gone is taken over. A folder that cannot
 * be written is refused too, with the reason. Never rejects.
 */
export async function claimHistoryFolder(folder: string, options: ClaimOptions): Promise<HistoryClaim> {
  const lockPath = join(folder, HISTORY_LOCK_FILE);
  try {
    return await claim(folder, lockPath, options);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    return {
      ok: false,
      lockPath,
      holder: null,
      message: `The count history cannot be kept in ${folder} (${reason}), so this run keeps it in memory only.`,
    };
  }
}

async function claim(folder: string, lockPath: string, options: ClaimOptions): Promise<HistoryClaim> {
  const now = options.now ?? Date.now;
  const isRunning = options.isRunning ?? processIsRunning;
  const me: HistoryWriter = {
    pid: options.pid ?? process.pid,
    host: hostname(),
    startedAt: new Date(now()).toISOString(),
    by: options.by,
  };
  // Counts of someone's rooms are theirs: the folder is for this account alone.
  await mkdir(folder, { recursive: true, mode: 0o700 });
  // A stale lock is moved aside in one round and the lock created in the next; a third round
  // covers another process taking over the same stale lock at the same moment.
  for (let round = 0; round < 3; round += 1) {
    if (await createLock(lockPath, me)) {
      return { ok: true, lockPath, release: () => releaseLock(lockPath, me) };
    }
    const found = await readLock(lockPath);
    if (found === 'gone') continue;
    const holder = found === 'unreadable' ? null : found;
    const stale = holder
      ? holder.host === me.host && !isRunning(holder.pid)
      : await olderThan(lockPath, UNREADABLE_GRACE_MS, now());
    if (!stale) return { ok: false, lockPath, holder, message: heldMessage(folder, holder) };
    await moveAsideIfUnchanged(lockPath, found, me.pid);
  }
  return { ok: false, lockPath, holder: null, message: heldMessage(folder, null) };
}

/** Creates the lock file only if there is none (O_EXCL), with this process as its writer. */
export async function createLock(lockPath: string, me: HistoryWriter): Promise<boolean> {
  let file: Awaited<ReturnType<typeof open>>;
  try {
    file = await open(lockPath, 'wx', 0o600);
  } catch (error) {
    if (codeOf(error) === 'EEXIST') return false;
    throw error;
  }
  try {
    await file.writeFile(`${JSON.stringify(me)}\n`);
  } catch (error) {
    // A lock that names nobody (a full disk took its line) would hold others off for nothing.
    await file.close();
    await unlink(lockPath).catch(() => {});
    throw error;
  }
  await file.close();
  return true;
}

/** Who a lock file names, or why it names nobody. */
export async function readLock(lockPath: string): Promise<HistoryWriter | 'unreadable' | 'gone'> {
  let text: string;
  try {
    text = await readFile(lockPath, 'utf8');
  } catch (error) {
    return codeOf(error) === 'ENOENT' ? 'gone' : 'unreadable';
  }
  try {
    const value = JSON.parse(text) as Partial<HistoryWriter>;
    if (
      Number.isInteger(value.pid) &&
      typeof value.host === 'string' &&
      typeof value.startedAt === 'string'
    ) {
      return { pid: value.pid as number, host: value.host, startedAt: value.startedAt, by: value.by ?? '' };
    }
  } catch {}
  return 'unreadable';
}

/**
 * Moves a stale lock aside under a name of this process's own, so that of two processes taking
 * it over at once only one succeeds. Should the lock moved turn out to be a fresh one (another
 * process took over in between), it is put back where it was.
 */
export async function moveAsideIfUnchanged(
  lockPath: string,
  seen: HistoryWriter | 'unreadable',
  pid: number,
): Promise<void> {
  const aside = `${lockPath}.stale-${pid}`;
  try {
    await rename(lockPath, aside);
  } catch (error) {
    if (codeOf(error) === 'ENOENT') return;
    throw error;
  }
  const moved = await readLock(aside);
  const same = seen === 'unreadable' ? moved === 'unreadable' : sameWriter(moved, seen);
  if (!same) {
    try {
      await link(aside, lockPath);
    } catch {
      // A third process created a lock meanwhile: it holds the folder, and ours is refused later.
    }
  }
  await unlink(aside).catch(() => {});
}

/** Removes the lock, but only while it is still this process's (never one taken over from it). */
export async function releaseLock(lockPath: string, me: HistoryWriter): Promise<void> {
  if (!sameWriter(await readLock(lockPath), me)) return;
  await unlink(lockPath).catch(() => {});
}

function sameWriter(found: HistoryWriter | 'unreadable' | 'gone', writer: HistoryWriter): boolean {
  return (
    typeof found === 'object' &&
    found.pid === writer.pid &&
    found.host === writer.host &&
    found.startedAt === writer.startedAt
  );
}

/** Whether the file at `path` was last changed more than `ms` before `now` (or is gone). */
export async function olderThan(path: string, ms: number, now: number): Promise<boolean> {
  try {
    return now - (await stat(path)).mtimeMs > ms;
  } catch {
    return true;
  }
}

function heldMessage(folder: string, holder: HistoryWriter | null): string {
  const who = holder
    ? `${holder.by || 'another Headcount'} (process ${holder.pid} on ${holder.host}, since ${holder.startedAt})`
    : 'another Headcount';
  return (
    `The count history in ${folder} is being written by ${who}; two writers would corrupt it, so ` +
    'this run keeps its history in memory only. Stop the other one and start this one again to keep ' +
    'the history on disk.'
  );
}

/** Signal 0 checks that the process exists; EPERM means it does, under another user. */
export function processIsRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return codeOf(error) === 'EPERM';
  }
}

function codeOf(error: unknown): string | undefined {
  return (error as NodeJS.ErrnoException | null)?.code;
}
