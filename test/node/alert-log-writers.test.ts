import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Alert } from '../../main/core/alerts/alert';
import { AlertLog } from '../../main/core/alerts/alert-log';
import { nodeFilePort } from '../../main/node/file-port';
import { cliEnv, runCli } from '../support/cli';

/**
 * The alert log has several writers: each `serve` or `watch` appends its alerts, `headcount alerts
 * --ack` its acknowledgements. Compaction, which any of them may start, keeps what every one of
 * them wrote.
 */
let folder: string;
let path: string;
let env: NodeJS.ProcessEnv;

beforeEach(async () => {
  folder = await mkdtemp(join(tmpdir(), 'headcount-log-writers-'));
  path = join(folder, 'alerts.jsonl');
  env = { ...cliEnv(), HEADCOUNT_CONFIG: join(folder, 'config.json') };
});
afterEach(() => rm(folder, { recursive: true, force: true }));

function alertOf(id: string, at: number): Alert {
  return {
    id,
    rule: 'spike',
    phase: 'firing',
    severity: 'warning',
    profile: 'prod',
    groupId: '@TGS#a',
    title: 'Room spiked',
    message: '+85% in 2 min',
    at,
  };
}

/** A log of `lines` alerts, as a long-running serve leaves it just short of compaction. */
async function logOf(lines: number): Promise<void> {
  const text = Array.from({ length: lines }, (_, i) =>
    JSON.stringify({ type: 'alert', alert: alertOf(`old-${i}`, i) }),
  );
  await writeFile(path, `${text.join('\n')}\n`);
}

describe('the alert log with more than one writer', () => {
  it("keeps another process's acknowledgements when this one compacts", async () => {
    await logOf(19_990);
    const serve = await AlertLog.open(nodeFilePort, path);
    // Another process acknowledges two alerts while this one runs (the newest, so compaction keeps them).
    for (const id of ['old-19989', 'old-19988'])
      expect((await runCli(['alerts', '--ack', id], env)).code).toBe(0);
    for (let i = 0; i < 20; i++) await serve.record(alertOf(`new-${i}`, 100_000 + i));
    await serve.flush();

    const reread = await AlertLog.open(nodeFilePort, path);
    const entries = reread.list({ limit: 10_000 });
    expect(entries).toHaveLength(10_000);
    expect(entries.filter((e) => e.alert.id.startsWith('new-'))).toHaveLength(20);
    const acked = entries.filter((e) => e.acknowledgedAt !== undefined).map((e) => e.alert.id);
    expect(acked.sort()).toEqual(['old-19988', 'old-19989']);
  });

  it("keeps another serve's alerts when this one compacts, both writing at once", async () => {
    await logOf(19_000);
    const first = await AlertLog.open(nodeFilePort, path);
    const second = await AlertLog.open(nodeFilePort, path);
    const writes: Array<Promise<void>> = [];
    for (let i = 0; i < 1_200; i++) {
      writes.push(first.record(alertOf(`first-${i}`, 200_000 + i)));
      writes.push(second.record(alertOf(`second-${i}`, 200_000 + i)));
    }
    await Promise.all(writes);
    await Promise.all([first.flush(), second.flush()]);
    const ids = new Set(
      (await AlertLog.open(nodeFilePort, path)).list({ limit: 10_000 }).map((e) => e.alert.id),
    );
    for (let i = 0; i < 1_200; i++) {
      expect(ids.has(`first-${i}`), `first-${i}`).toBe(true);
      expect(ids.has(`second-${i}`), `second-${i}`).toBe(true);
    }
  });
});
