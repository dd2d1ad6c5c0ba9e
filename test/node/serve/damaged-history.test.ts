import { randomBytes } from 'node:crypto';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MonitorSnapshot } from '../../../main/contract/monitor-api';
import { type RunningSimulator, startSimulator } from '../../../main/simulator';
import { simulatorEnv } from '../../support/cli';
import { eventually } from '../../support/eventually';
import { startServe } from './serve-run';

let sim: RunningSimulator;
beforeAll(async () => {
  sim = await startSimulator({ rooms: [{ groupId: '@TGS#aLive', audience: { kind: 'fixed', online: 64 } }] });
});
afterAll(() => sim.close());

describe('serve with a damaged history file', () => {
  it('says which file, keeps it aside, and keeps what could be read', async () => {
    const env = simulatorEnv(sim);
    writeFileSync(env.HEADCOUNT_CONFIG as string, '{}');
    const history = join(dirname(env.HEADCOUNT_CONFIG as string), 'history');
    const first = await startServe(['@TGS#aLive', '--interval', '1'], env);
    await eventually(async () => {
      const csv = (await first.call<string>('exportCsv', ['main/@TGS#aLive', '1h'])).body.value;
      return csv.split('\n').filter((row) => row.includes(',64,')).length >= 3 ? true : undefined;
    }, 'three counts');
    expect((await first.stop()).code).toBe(0);

    const name = readdirSync(history).find((file) => /^samples-\d\.jsonl$/.test(file)) as string;
    const lines = readFileSync(join(history, name), 'utf8').trimEnd().split('\n');
    // Random bytes over a line in the middle, as a bad sector or a stray write leaves them.
    writeFileSync(
      join(history, name),
      [...lines, randomBytes(200).toString('latin1').replace(/\n/g, ' '), ...lines.slice(1)].join('\n') +
        '\n',
    );

    const second = await startServe(['@TGS#aLive', '--interval', '1'], env);
    try {
      const notice = (await second.call<MonitorSnapshot>('getSnapshot', [])).body.value.notices.join('\n');
      expect(notice).toMatch(
        new RegExp(`1 unreadable line\\(s\\) in .*${name} were skipped: their counts are missing`),
      );
      const aside = readdirSync(history).find((file) => file.startsWith(`${name}.damaged-`));
      expect(aside).toBeDefined();
      expect(notice).toContain(`the file as it was is kept as ${join(history, aside as string)}`);
      expect(second.stderr()).toContain('unreadable line(s) in');
      const csv = (await second.call<string>('exportCsv', ['main/@TGS#aLive', '1h'])).body.value;
      expect(csv.split('\n').filter((row) => row.includes(',64,')).length).toBeGreaterThanOrEqual(3);
    } finally {
      await second.stop();
    }
  });
});
