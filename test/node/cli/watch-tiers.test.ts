import { writeFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RunningSimulator, startSimulator } from '../../../main/simulator';
import { jsonLines, simulatorEnv, startCli } from '../../support/cli';
import { eventually } from '../../support/eventually';

let sim: RunningSimulator;
const ids = Array.from({ length: 20 }, (_, i) => `@TGS#pace${i}`);

beforeAll(async () => {
  sim = await startSimulator({
    rooms: ids.map((groupId, i) => ({ groupId, audience: { kind: 'fixed', online: i === 0 ? 5000 : 100 } })),
  });
});
afterAll(() => sim.close());

describe('headcount watch when the rooms do not fit the cap', () => {
  it('keeps the room whose alert fires at the interval, and says so in the status', async () => {
    const env = simulatorEnv(sim);
    writeFileSync(
      env.HEADCOUNT_CONFIG as string,
      JSON.stringify({ rules: { above: { threshold: 4000, forSeconds: 0 }, spike: null, drop: null } }),
    );
    // 20 rooms at 10 s need 2 calls a second; 1 is allowed.
    const run = startCli(['watch', ...ids, '--interval', '10', '--max-rate', '1', '--json'], env);
    const tiered = '"tiers":[{"rooms":1,"intervalS":10,"reasons":["alert"]}';
    await eventually(() => run.output().includes(tiered), 'a status with the alerting room fast', 20_000);
    run.child.kill('SIGTERM');
    const { code, stdout } = await run.done;
    expect(code).toBe(0);
    const status = jsonLines(stdout).find(
      (line) => line.type === 'status' && JSON.stringify(line).includes(tiered),
    );
    expect(status).toMatchObject({ rooms: 20, stretched: true, intervalS: 10 });
    expect((status?.tiers as Array<{ rooms: number }> | undefined)?.[1]?.rooms).toBe(19);
    expect(status?.effectiveIntervalS).toBeGreaterThan(20.5);
  });
});
