import { mkdir, mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Alert, Delivery } from '../../../main/core/alerts/alert';
import { AlertLog } from '../../../main/core/alerts/alert-log';
import type { FilePort } from '../../../main/core/file-port';
import { nodeFilePort } from '../../../main/node/file-port';
import { FakeClock } from '../../support/fake-clock';

let folder: string;
let path: string;

beforeEach(async () => {
  folder = await mkdtemp(join(tmpdir(), 'headcount-alert-log-'));
  path = join(folder, 'logs', 'alerts.jsonl');
});

afterEach(async () => {
  await rm(folder, { recursive: true, force: true });
});

function alertOf(n: number, fields: Partial<Alert> = {}): Alert {
  return {
    id: `alert-${String(n).padStart(5, '0')}`,
    rule: 'spike',
    phase: 'firing',
    severity: 'warning',
    profile: 'prod',
    groupId: '@TGS#a',
    title: `Room spiked (${n})`,
    message: '+85% in 2 min',
    at: 1_000 * n,
    ...fields,
  };
}

const sent = (channel: string, at = 5): Delivery => ({ channel, outcome: 'sent', at });
const fileLines = async () => (await readFile(path, 'utf8')).split('\n').filter((line) => line !== '');

describe('AlertLog', () => {
  it('keeps alerts, deliveries and acknowledgements across a restart', async () => {
    const clock = new FakeClock();
    const log = await AlertLog.open(nodeFilePort, path, { clock });
    await log.record(alertOf(1));
    await log.record(alertOf(2, { rule: 'auth', groupId: undefined }));
    await log.recordDelivery('alert-00001', sent('desktop'));
    await log.recordDelivery('alert-00001', {
      channel: 'webhook',
      outcome: 'failed',
      at: 6,
      detail: 'HTTP 500',
    });
    expect(await log.acknowledge('alert-00002')).toBe(true);
    expect(await log.acknowledge('no-such-alert')).toBe(false);

    const reopened = await AlertLog.open(nodeFilePort, path);
    expect(reopened.list()).toEqual(log.list());
    const [second, first] = reopened.list();
    expect(second?.alert.id).toBe('alert-00002');
    expect(second?.acknowledgedAt).toBe(clock.wall());
    expect(first?.deliveries.map((delivery) => delivery.outcome)).toEqual(['sent', 'failed']);
    expect(reopened.problems()).toMatchObject({ skippedLines: 0, truncatedLastLine: false, messages: [] });
  });

  it('keeps the facts of an alert across a restart, and reads a line written before there were any', async () => {
    const facts: Partial<Alert> = {
      rule: 'session',
      phase: 'notice',
      value: 1240,
      threshold: 1000,
      peak: { online: 2100, at: 60_000 },
      session: { event: 'ended', sawStart: false, durationMs: 7_500_000, average: 1217.5 },
      errorKind: 'group-gone',
    };
    const older = {
      type: 'alert',
      alert: {
        id: 'alert-00000',
        rule: 'above',
        phase: 'firing',
        severity: 'warning',
        profile: 'prod',
        groupId: '@TGS#a',
        title: "Room '@TGS#a' 1,240 online",
        message: 'above 1,000',
        at: 500,
        value: 1240,
      },
    };
    await mkdir(join(folder, 'logs'));
    await writeFile(path, `${JSON.stringify(older)}\n`);
    const log = await AlertLog.open(nodeFilePort, path);
    await log.record(alertOf(1, facts));

    const reopened = await AlertLog.open(nodeFilePort, path);
    const [newer, old] = reopened.list();
    expect(newer?.alert).toEqual(alertOf(1, facts));
    expect(old?.alert).toEqual(older.alert);
    expect(old?.alert).not.toHaveProperty('threshold');
    expect(reopened.problems().skippedLines).toBe(0);
  });

  it('lists newest first and filters by time, room, rule, profile and count', async () => {
    const log = await AlertLog.open(nodeFilePort, path);
    await log.record(alertOf(3));
    await log.record(alertOf(1, { groupId: '@TGS#b' }));
    await log.record(alertOf(2, { rule: 'drop', profile: 'staging' }));
    await log.record(alertOf(4, { rule: 'failing', groupId: undefined, groupIds: ['@TGS#b', '@TGS#c'] }));
    const ids = (entries: ReturnType<AlertLog['list']>) => entries.map((entry) => entry.alert.id.slice(-1));
    expect(ids(log.list())).toEqual(['4', '3', '2', '1']);
    expect(ids(log.list({ since: 2_000 }))).toEqual(['4', '3', '2']);
    expect(ids(log.list({ groupId: '@TGS#b' }))).toEqual(['4', '1']);
    expect(ids(log.list({ rule: 'drop' }))).toEqual(['2']);
    expect(ids(log.list({ profile: 'prod', limit: 2 }))).toEqual(['4', '3']);
  });

  it('skips a line cut off by a crash, and starts the next write on a line of its own', async () => {
    await mkdir(join(folder, 'logs'));
    const whole = `${JSON.stringify({ type: 'alert', alert: alertOf(1) })}\n`;
    await writeFile(path, `${whole}{"type":"delivery","alertId":"alert-00001","deliv`);
    const log = await AlertLog.open(nodeFilePort, path);
    expect(log.list()).toHaveLength(1);
    expect(log.problems()).toMatchObject({ truncatedLastLine: true, skippedLines: 0 });
    expect(log.problems().messages[0]).toMatch(/last line .* was cut off/);

    await log.record(alertOf(2));
    const reopened = await AlertLog.open(nodeFilePort, path);
    expect(reopened.list().map((entry) => entry.alert.id)).toEqual(['alert-00002', 'alert-00001']);
    expect(reopened.problems()).toMatchObject({ truncatedLastLine: false, skippedLines: 1 });
  });

  it('skips and counts lines that are not records', async () => {
    await mkdir(join(folder, 'logs'));
    const lines = [
      JSON.stringify({ type: 'alert', alert: alertOf(1) }),
      'not json at all',
      '[1,2,3]',
      JSON.stringify({ type: 'alert', alert: { id: 'x' } }),
      JSON.stringify({
        type: 'delivery',
        alertId: 'alert-00001',
        delivery: { channel: 'd', outcome: 'lost', at: 1 },
      }),
      '',
      JSON.stringify({ type: 'delivery', alertId: 'alert-00001', delivery: sent('desktop') }),
    ];
    await writeFile(path, `${lines.join('\n')}\n`);
    const log = await AlertLog.open(nodeFilePort, path);
    expect(log.list()).toEqual([{ alert: alertOf(1), deliveries: [sent('desktop')] }]);
    expect(log.problems().skippedLines).toBe(4);
    expect(log.problems().messages).toEqual([
      expect.stringMatching(
        /4 unreadable line\(s\) in .* were skipped\. The readable lines are kept in it; the file as it was is kept as .*alerts\.jsonl\.damaged-/,
      ),
    ]);
    // The damaged file, kept aside whole; the readable lines in its place, met again with no damage.
    const aside = (await readdir(join(folder, 'logs'))).find((name) =>
      name.startsWith('alerts.jsonl.damaged-'),
    );
    expect(await readFile(join(folder, 'logs', aside as string), 'utf8')).toBe(`${lines.join('\n')}\n`);
    const again = await AlertLog.open(nodeFilePort, path);
    expect(again.list()).toEqual(log.list());
    expect(again.problems().messages).toEqual([]);
  });

  it('keeps a wholly unreadable file aside and starts empty, saying so', async () => {
    await mkdir(join(folder, 'logs'));
    const garbage = Buffer.from([0, 159, 146, 150, 10, 255, 0, 10, 1, 2, 3]);
    await writeFile(path, garbage);
    const clock = new FakeClock();
    const log = await AlertLog.open(nodeFilePort, path, { clock });
    expect(log.list()).toEqual([]);
    const aside = `${path}.corrupt-2026-11-26T12-00-00-000Z`;
    expect(log.problems().keptAside).toBe(aside);
    expect(log.problems().messages[0]).toMatch(
      /was unusable: no line of it is an alert record.*starts empty/,
    );
    expect(await readFile(aside)).toEqual(garbage);

    await log.record(alertOf(1));
    expect(await fileLines()).toHaveLength(1);
    expect((await AlertLog.open(nodeFilePort, path)).list()).toHaveLength(1);
  });

  it('keeps aside whatever sits in the way when the file cannot be read at all', async () => {
    await mkdir(path, { recursive: true });
    const log = await AlertLog.open(nodeFilePort, path, { clock: new FakeClock() });
    expect(log.problems().keptAside).toMatch(/alerts\.jsonl\.corrupt-/);
    expect(log.problems().messages[0]).toMatch(
      /could not be read \(a folder stands where the file should be\)/,
    );
    await log.record(alertOf(1));
    expect((await stat(path)).isFile()).toBe(true);
  });

  it('compacts the file to the newest alerts, atomically and with their deliveries', async () => {
    const log = await AlertLog.open(nodeFilePort, path, { maxEntries: 5 });
    for (let n = 1; n <= 10; n++) await log.record(alertOf(n));
    expect(await fileLines()).toHaveLength(10);
    await log.recordDelivery('alert-00010', sent('desktop'));
    // Line 11 is more than twice maxEntries: the file shrinks to the newest five alerts, one line each.
    expect(await fileLines()).toHaveLength(5);
    expect(await readdir(join(folder, 'logs'))).toEqual(['alerts.jsonl']);
    expect(log.list().map((entry) => entry.alert.id)).toEqual([10, 9, 8, 7, 6].map((n) => alertOf(n).id));

    const reopened = await AlertLog.open(nodeFilePort, path, { maxEntries: 5 });
    expect(reopened.list()).toEqual(log.list());
    expect(reopened.list()[0]?.deliveries).toEqual([sent('desktop')]);
    expect((await stat(path)).mode & 0o777).toBe(0o600);
  });

  it('compacts an oversized file when it opens, and keeps memory to maxEntries', async () => {
    const big = await AlertLog.open(nodeFilePort, path, { maxEntries: 100 });
    await Promise.all(Array.from({ length: 30 }, (_, n) => big.record(alertOf(n + 1))));
    const small = await AlertLog.open(nodeFilePort, path, { maxEntries: 10 });
    expect(small.list()).toHaveLength(10);
    expect(small.list().at(-1)?.alert.id).toBe(alertOf(21).id);
    expect(await fileLines()).toHaveLength(10);
  });

  it('writes many alerts arriving at once whole and in order', async () => {
    const log = await AlertLog.open(nodeFilePort, path);
    const count = 300;
    await Promise.all(
      Array.from({ length: count }, (_, n) =>
        log.record(alertOf(n)).then(() => log.recordDelivery(alertOf(n).id, sent('desktop', n))),
      ),
    );
    const parsed = (await fileLines()).map((line) => JSON.parse(line) as { type: string; alert?: Alert });
    expect(parsed).toHaveLength(2 * count);
    const firstAlert = parsed.findIndex((line) => line.type === 'alert' && line.alert?.id === alertOf(7).id);
    const firstDelivery = parsed.findIndex(
      (line) => line.type === 'delivery' && (line as { alertId?: string }).alertId === alertOf(7).id,
    );
    expect(firstAlert).toBeLessThan(firstDelivery);
    const reopened = await AlertLog.open(nodeFilePort, path);
    expect(reopened.list()).toHaveLength(count);
    expect(reopened.list().every((entry) => entry.deliveries.length === 1)).toBe(true);
    expect((await stat(path)).mode & 0o777).toBe(0o600);
  });

  it('never lets two appends overlap, even on a port that writes in pieces', async () => {
    let writing = 0;
    let overlapped = false;
    const piecemeal: FilePort = {
      ...nodeFilePort,
      append: async (target, text) => {
        writing++;
        overlapped ||= writing > 1;
        const middle = Math.floor(text.length / 2);
        await nodeFilePort.append(target, text.slice(0, middle));
        await new Promise((resolve) => setTimeout(resolve, 1));
        await nodeFilePort.append(target, text.slice(middle));
        writing--;
      },
    };
    const log = await AlertLog.open(piecemeal, path);
    await Promise.all(
      Array.from({ length: 50 }, async (_, n) => {
        await new Promise((resolve) => setTimeout(resolve, n % 7));
        await log.record(alertOf(n));
      }),
    );
    expect(overlapped).toBe(false);
    const reopened = await AlertLog.open(nodeFilePort, path);
    expect(reopened.list()).toHaveLength(50);
    expect(reopened.problems().skippedLines).toBe(0);
  });

  it('keeps a failed write waiting, writes it with the next one, and says so', async () => {
    let failNext = true;
    const flaky: FilePort = {
      ...nodeFilePort,
      append: async (target, text) => {
        if (failNext) {
          failNext = false;
          throw new Error('ENOSPC: no space left on device');
        }
        await nodeFilePort.append(target, text);
      },
    };
    const log = await AlertLog.open(flaky, path);
    await expect(log.record(alertOf(1))).resolves.toBeUndefined();
    await log.record(alertOf(2));
    expect(log.list()).toHaveLength(2);
    expect(log.problems().writeFailures).toBe(1);
    expect(log.problems().messages[0]).toMatch(/Could not write the alert log .*ENOSPC/);
    expect(log.unsavedLines()).toBe(0);
    expect((await AlertLog.open(nodeFilePort, path)).list().map((entry) => entry.alert.id)).toEqual([
      alertOf(2).id,
      alertOf(1).id,
    ]);
  });

  it('writes what waited once the disk has room, with no new alert to carry it', async () => {
    let full = true;
    const disk: FilePort = {
      ...nodeFilePort,
      append: async (target, text) => {
        if (full) throw Object.assign(new Error('ENOSPC: no space left on device'), { code: 'ENOSPC' });
        await nodeFilePort.append(target, text);
      },
    };
    const log = await AlertLog.open(disk, path);
    await log.record(alertOf(1));
    await log.recordDelivery(alertOf(1).id, sent('desktop'));
    expect(log.unsavedLines()).toBe(2);
    expect(log.problems().messages[0]).toMatch(/Could not write the alert log .*: the disk is full/);
    full = false;
    await log.retryUnsaved();
    expect(log.unsavedLines()).toBe(0);
    expect((await AlertLog.open(nodeFilePort, path)).list()).toEqual(log.list());
  });

  it('stays in memory when an unreadable file cannot be moved aside', async () => {
    const stuck: FilePort = {
      ...nodeFilePort,
      read: async () => 'garbage\n',
      rename: async () => {
        throw new Error('EACCES: permission denied');
      },
    };
    const log = await AlertLog.open(stuck, path);
    expect(log.problems().messages[0]).toMatch(/could not be moved aside .*in memory only/);
    await log.record(alertOf(1));
    expect(log.list()).toHaveLength(1);
    await expect(stat(path)).rejects.toThrow(/ENOENT/);
  });
});

describe('AlertLog, record by record', () => {
  const lineOf = (alert: Alert) => `${JSON.stringify({ type: 'alert', alert })}\n`;
  const text = () => readFile(path, 'utf8');

  it('refuses a maxEntries below 1 or not whole, and takes 1', async () => {
    const refusal = new RangeError('maxEntries must be at least 1.');
    await expect(AlertLog.open(nodeFilePort, path, { maxEntries: 0 })).rejects.toThrow(refusal);
    await expect(AlertLog.open(nodeFilePort, path, { maxEntries: 1.5 })).rejects.toThrow(refusal);
    const one = await AlertLog.open(nodeFilePort, path, { maxEntries: 1 });
    await one.record(alertOf(1));
    await one.record(alertOf(2));
    expect(one.list().map((entry) => entry.alert.id)).toEqual([alertOf(2).id]);
  });

  it('writes a repeated alert, a delivery for an alert it does not hold and a second acknowledgement not at all', async () => {
    const log = await AlertLog.open(nodeFilePort, path, { clock: new FakeClock() });
    await log.record(alertOf(1));
    await log.record(alertOf(1, { title: 'again' }));
    await log.recordDelivery('no-such-alert', sent('desktop'));
    expect(await log.acknowledge(alertOf(1).id)).toBe(true);
    expect(await log.acknowledge(alertOf(1).id)).toBe(true);
    const lines = await fileLines();
    expect(lines.map((line) => (JSON.parse(line) as { type: string }).type)).toEqual(['alert', 'ack']);
    expect(log.list()).toMatchObject([{ alert: alertOf(1), deliveries: [] }]);
  });

  it('lists alerts of the same moment newest recorded first, and only the profile asked for', async () => {
    const log = await AlertLog.open(nodeFilePort, path);
    await log.record(alertOf(1, { at: 5_000 }));
    await log.record(alertOf(2, { at: 5_000 }));
    await log.record(alertOf(3, { profile: 'staging' }));
    expect(log.list().map((entry) => entry.alert.id)).toEqual([alertOf(2).id, alertOf(1).id, alertOf(3).id]);
    expect(log.list({ profile: 'staging' }).map((entry) => entry.alert.id)).toEqual([alertOf(3).id]);
  });

  it('writes no blank line: on a new file, one after another, and on a file opened again', async () => {
    const log = await AlertLog.open(nodeFilePort, path);
    await log.record(alertOf(1));
    expect(await text()).toBe(lineOf(alertOf(1)));
    await log.record(alertOf(2));
    const reopened = await AlertLog.open(nodeFilePort, path);
    await reopened.record(alertOf(3));
    expect(await text()).toBe([1, 2, 3].map((n) => lineOf(alertOf(n))).join(''));
  });

  it('opens an empty file as an empty log, and writes on it from its first line', async () => {
    await mkdir(join(folder, 'logs'));
    await writeFile(path, '');
    const log = await AlertLog.open(nodeFilePort, path);
    expect(log.problems()).toMatchObject({ keptAside: null, messages: [] });
    await log.record(alertOf(1));
    expect(await text()).toBe(lineOf(alertOf(1)));
  });

  it('passes over lines of spaces as it does empty ones', async () => {
    await mkdir(join(folder, 'logs'));
    await writeFile(path, `${lineOf(alertOf(1))}   \n${lineOf(alertOf(2))}`);
    const log = await AlertLog.open(nodeFilePort, path);
    expect(log.list()).toHaveLength(2);
    expect(log.problems()).toMatchObject({ skippedLines: 0, messages: [] });
  });

  it('keeps the damaged file under the time it was found, and goes on with no blank line', async () => {
    await mkdir(join(folder, 'logs'));
    await writeFile(path, `${lineOf(alertOf(1))}not a record\n${lineOf(alertOf(2))}`);
    const log = await AlertLog.open(nodeFilePort, path, { clock: new FakeClock() });
    expect((await readdir(join(folder, 'logs'))).sort()).toEqual([
      'alerts.jsonl',
      'alerts.jsonl.damaged-2026-11-26T12-00-00-000Z',
    ]);
    await log.record(alertOf(3));
    expect(await text()).toBe([1, 2, 3].map((n) => lineOf(alertOf(n))).join(''));
  });

  it('leaves a damaged file as it is when it cannot be kept aside, and says so', async () => {
    await mkdir(join(folder, 'logs'));
    const damaged = `${lineOf(alertOf(1))}not a record\n`;
    await writeFile(path, damaged);
    const stuck: FilePort = {
      ...nodeFilePort,
      rename: async () => {
        throw new Error('EACCES: permission denied');
      },
    };
    const log = await AlertLog.open(stuck, path, { clock: new FakeClock() });
    expect(log.list()).toHaveLength(1);
    expect(log.problems().messages).toEqual([
      expect.stringMatching(
        /^1 unreadable line\(s\) in .*alerts\.jsonl were skipped; the file could not be kept aside \(/,
      ),
    ]);
    expect(await text()).toBe(damaged);
  });

  it('opens a file of exactly twice maxEntries lines as it is, and compacts one line more', async () => {
    await mkdir(join(folder, 'logs'));
    const ten = Array.from({ length: 10 }, (_, n) => lineOf(alertOf(n + 1))).join('');
    await writeFile(path, ten);
    const log = await AlertLog.open(nodeFilePort, path, { maxEntries: 5 });
    expect(log.list()).toHaveLength(5);
    expect(await text()).toBe(ten);
    await log.record(alertOf(11));
    // A compacted line holds the alert with its deliveries.
    const compacted = [7, 8, 9, 10, 11].map(
      (n) => `${JSON.stringify({ type: 'alert', alert: alertOf(n), deliveries: [] })}\n`,
    );
    expect(await text()).toBe(compacted.join(''));
    await log.record(alertOf(12));
    expect(await text()).toBe(compacted.join('') + lineOf(alertOf(12)));
  });

  it('keeps deliveries and acknowledgements through a compaction, and adds none to an alert that had none', async () => {
    const clock = new FakeClock();
    const log = await AlertLog.open(nodeFilePort, path, { maxEntries: 2, clock });
    await log.record(alertOf(1));
    await log.record(alertOf(2));
    await log.acknowledge(alertOf(2).id);
    await log.recordDelivery(alertOf(2).id, sent('desktop'));
    await log.recordDelivery(alertOf(2).id, sent('webhook'));
    expect(await fileLines()).toHaveLength(2);
    const [second, first] = (await AlertLog.open(nodeFilePort, path, { maxEntries: 2 })).list();
    expect(second).toEqual({
      alert: alertOf(2),
      deliveries: [sent('desktop'), sent('webhook')],
      acknowledgedAt: clock.wall(),
    });
    expect(first).toEqual({ alert: alertOf(1), deliveries: [] });
    expect(first).not.toHaveProperty('acknowledgedAt');
  });

  it('keeps the first record of an alert written twice, with its deliveries', async () => {
    await mkdir(join(folder, 'logs'));
    const delivery = `${JSON.stringify({ type: 'delivery', alertId: alertOf(1).id, delivery: sent('desktop') })}\n`;
    await writeFile(path, `${lineOf(alertOf(1))}${delivery}${lineOf(alertOf(1, { title: 'again' }))}`);
    const log = await AlertLog.open(nodeFilePort, path);
    expect(log.list()).toEqual([{ alert: alertOf(1), deliveries: [sent('desktop')] }]);
  });

  it('starts the next write on a line of its own after a write cut short', async () => {
    let cut = true;
    const cutting: FilePort = {
      ...nodeFilePort,
      append: async (target, written) => {
        if (cut) {
          cut = false;
          await nodeFilePort.append(target, written.slice(0, 20));
          throw new Error('EIO: i/o error');
        }
        await nodeFilePort.append(target, written);
      },
    };
    const log = await AlertLog.open(cutting, path);
    await log.record(alertOf(1));
    await log.record(alertOf(2));
    const reopened = await AlertLog.open(nodeFilePort, path);
    expect(reopened.list().map((entry) => entry.alert.id)).toEqual([alertOf(2).id, alertOf(1).id]);
    expect(reopened.problems().skippedLines).toBe(1);
  });

  it('does not write a line again when the compaction after its append fails', async () => {
    const noReplace: FilePort = {
      ...nodeFilePort,
      replace: async () => {
        throw new Error('EACCES: permission denied');
      },
    };
    const log = await AlertLog.open(noReplace, path, { maxEntries: 1 });
    for (const n of [1, 2, 3]) await log.record(alertOf(n));
    expect(log.problems().writeFailures).toBe(1);
    expect(log.unsavedLines()).toBe(0);
    await log.record(alertOf(4));
    expect(await text()).toBe([1, 2, 3, 4].map((n) => lineOf(alertOf(n))).join(''));
  });

  it('touches no file when nothing waits to be written', async () => {
    let appends = 0;
    const counting: FilePort = {
      ...nodeFilePort,
      append: async (target, written) => {
        appends++;
        await nodeFilePort.append(target, written);
      },
    };
    const log = await AlertLog.open(counting, path);
    await log.retryUnsaved();
    expect(appends).toBe(0);
    await expect(stat(path)).rejects.toThrow(/ENOENT/);
  });

  it('keeps 20,000 lines waiting for a full disk, gives up the oldest beyond, and says how many', async () => {
    let full = true;
    const disk: FilePort = {
      ...nodeFilePort,
      append: async (target, written) => {
        if (full) throw Object.assign(new Error('ENOSPC: no space left on device'), { code: 'ENOSPC' });
        await nodeFilePort.append(target, written);
      },
    };
    const log = await AlertLog.open(disk, path, { maxEntries: 30_000 });
    await Promise.all(Array.from({ length: 20_000 }, (_, n) => log.record(alertOf(n))));
    expect(log.unsavedLines()).toBe(20_000);
    expect(log.problems().messages.filter((m) => m.includes('given up'))).toEqual([]);
    await log.record(alertOf(20_000));
    expect(log.unsavedLines()).toBe(20_000);
    expect(log.problems().messages.filter((m) => m.includes('given up'))).toEqual([
      expect.stringMatching(
        /^1 alert log line\(s\) waited too long for .* and were given up \(the oldest\)\.$/,
      ),
    ]);
    full = false;
    await log.retryUnsaved();
    const lines = await fileLines();
    expect(lines).toHaveLength(20_000);
    expect(lines[0]).toBe(lineOf(alertOf(1)).trimEnd());
    expect(lines.at(-1)).toBe(lineOf(alertOf(20_000)).trimEnd());
  });

  it('keeps its first problem and the latest 19 when problems keep coming', async () => {
    await mkdir(join(folder, 'logs'));
    await writeFile(path, `${lineOf(alertOf(0))}{"type":"al`);
    let failures = 0;
    const failing: FilePort = {
      ...nodeFilePort,
      append: async () => {
        failures++;
        throw new Error(`EIO: i/o error ${failures}`);
      },
    };
    const log = await AlertLog.open(failing, path);
    await log.record(alertOf(1));
    await log.record(alertOf(2));
    expect(log.problems().messages).toHaveLength(3);
    for (let n = 3; n <= 25; n++) await log.record(alertOf(n));
    const { messages } = log.problems();
    expect(messages).toHaveLength(20);
    expect(messages[0]).toMatch(/last line .* was cut off/);
    expect(messages.at(-1)).toMatch(/EIO: i\/o error 25/);
    expect(messages[1]).toMatch(/EIO: i\/o error 7\b/);
  });
});
