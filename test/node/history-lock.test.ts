import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import {
  type ClaimOptions,
  claimHistoryFolder,
  HISTORY_LOCK_FILE,
  type HistoryClaim,
} from '../../main/node/history-lock';

describe('claimHistoryFolder', () => {
  let root = '';
  const held: HistoryClaim[] = [];

  afterEach(async () => {
    for (const claim of held.splice(0)) if (claim.ok) await claim.release();
    if (root) await rm(root, { recursive: true, force: true });
    root = '';
  });

  async function folder(): Promise<string> {
    root = await mkdtemp(join(tmpdir(), 'headcount-history-lock-'));
    return join(root, 'history');
  }

  async function claim(path: string, by: string, extra: Omit<ClaimOptions, 'by'> = {}) {
    const result = await claimHistoryFolder(path, { ...extra, by });
    held.push(result);
    return result;
  }

  it('gives the folder to one writer, says who holds it to the next, and frees it on release', async () => {
    const history = await folder();
    const first = await claim(history, 'the tray app');
    expect(first.ok).toBe(true);
    const written = JSON.parse(await readFile(join(history, HISTORY_LOCK_FILE), 'utf8'));
    expect(written).toMatchObject({ pid: process.pid, host: hostname(), by: 'the tray app' });
    expect(Date.parse(written.startedAt)).toBeGreaterThan(Date.now() - 60_000);

    const second = await claim(history, 'headcount serve');
    expect(second.ok).toBe(false);
    if (second.ok) return;
    expect(second.holder).toMatchObject({ pid: process.pid, by: 'the tray app' });
    expect(second.message).toContain(history);
    expect(second.message).toContain(`the tray app (process ${process.pid}`);
    expect(second.message).toMatch(/in memory only/);

    if (first.ok) await first.release();
    expect(existsSync(join(history, HISTORY_LOCK_FILE))).toBe(false);
    expect((await claim(history, 'headcount serve')).ok).toBe(true);
  });

  it('takes over the lock of a process that has exited', async () => {
    const history = await folder();
    const dead = await exitedPid();
    await mkdir(history, { recursive: true });
    const stale = {
      pid: dead,
      host: hostname(),
      startedAt: '2026-01-01T00:00:00.000Z',
      by: 'headcount serve',
    };
    await writeFile(join(history, HISTORY_LOCK_FILE), JSON.stringify(stale));

    const taken = await claim(history, 'the tray app');
    expect(taken.ok).toBe(true);
    const written = JSON.parse(await readFile(join(history, HISTORY_LOCK_FILE), 'utf8'));
    expect(written).toMatchObject({ pid: process.pid, by: 'the tray app' });
    expect(await readdir(history)).toEqual([HISTORY_LOCK_FILE]);
  });

  it('refuses a lock whose process runs, and one from another machine it cannot check', async () => {
    const history = await folder();
    await mkdir(history, { recursive: true });
    const lock = join(history, HISTORY_LOCK_FILE);
    const other = {
      pid: 4242,
      host: hostname(),
      startedAt: '2026-11-26T05:00:00.000Z',
      by: 'headcount serve',
    };
    await writeFile(lock, JSON.stringify(other));
    const running = await claim(history, 'the tray app', { isRunning: (pid) => pid === 4242 });
    expect(running).toMatchObject({ ok: false, holder: other });

    await writeFile(lock, JSON.stringify({ ...other, host: 'some-other-machine' }));
    const remote = await claim(history, 'the tray app', { isRunning: () => false });
    expect(remote.ok).toBe(false);
    if (!remote.ok) expect(remote.message).toContain('on some-other-machine');
  });

  it('trusts an unreadable lock for a few seconds only (its writer may be mid-write)', async () => {
    const history = await folder();
    await mkdir(history, { recursive: true });
    await writeFile(join(history, HISTORY_LOCK_FILE), '');
    const fresh = await claim(history, 'the tray app');
    expect(fresh).toMatchObject({ ok: false, holder: null });
    const later = await claim(history, 'the tray app', { now: () => Date.now() + 60_000 });
    expect(later.ok).toBe(true);
  });

  it('lets only one of two processes take over the same stale lock', async () => {
    const history = await folder();
    await mkdir(history, { recursive: true });
    const stale = { pid: 4242, host: hostname(), startedAt: '2026-01-01T00:00:00.000Z', by: 'old' };
    await writeFile(join(history, HISTORY_LOCK_FILE), JSON.stringify(stale));
    const running = new Set([101, 202]);
    const claims = await Promise.all(
      [101, 202].map((pid) => claim(history, `writer ${pid}`, { pid, isRunning: (p) => running.has(p) })),
    );
    expect(claims.filter((c) => c.ok)).toHaveLength(1);
    const written = JSON.parse(await readFile(join(history, HISTORY_LOCK_FILE), 'utf8'));
    expect([101, 202]).toContain(written.pid);
  });

  it('keeps the history in memory, with the reason, when the folder cannot be made', async () => {
    await folder();
    await writeFile(join(root, 'not-a-folder'), '');
    const refused = await claim(join(root, 'not-a-folder', 'history'), 'headcount serve');
    expect(refused).toMatchObject({ ok: false, holder: null });
    if (!refused.ok) expect(refused.message).toMatch(/cannot be kept in .*not-a-folder.*in memory only/);
  });

  it('never removes a lock that another process has taken over since', async () => {
    const history = await folder();
    const mine = await claim(history, 'headcount serve');
    const lock = join(history, HISTORY_LOCK_FILE);
    const newer = { pid: 4242, host: hostname(), startedAt: '2026-11-26T06:00:00.000Z', by: 'the tray app' };
    await writeFile(lock, JSON.stringify(newer));
    if (mine.ok) await mine.release();
    expect(JSON.parse(await readFile(lock, 'utf8'))).toEqual(newer);
  });
});

/** The pid of a Node process that has run and exited. */
function exitedPid(): Promise<number> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['-e', '']);
    child.once('error', reject);
    child.once('exit', () => resolve(child.pid as number));
  });
}
