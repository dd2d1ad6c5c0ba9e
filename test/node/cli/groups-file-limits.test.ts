import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RunningSimulator, startSimulator } from '../../../main/simulator';
import { runCli, simulatorEnv } from '../../support/cli';

let sim: RunningSimulator;
const folder = mkdtempSync(join(tmpdir(), 'headcount-groups-'));
beforeAll(async () => {
  sim = await startSimulator({ rooms: [{ groupId: '@TGS#aLive', audience: { kind: 'fixed', online: 5 } }] });
});
afterAll(() => sim.close());

const file = (name: string, text: string) => {
  const path = join(folder, name);
  writeFileSync(path, text);
  return path;
};

describe('groups files are read within limits', () => {
  it('refuses an endless file (/dev/zero) with exit 2 rather than running out of memory', async () => {
    const result = await runCli(
      ['watch', '--groups-file', '/dev/zero', '--duration', '1'],
      simulatorEnv(sim),
    );
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(
      /The groups file \/dev\/zero is larger than 10 MB: it should list room ids, one a line, at most 100,000\./,
    );
  });

  it('quotes at most 80 characters of a 10 MB id', async () => {
    const huge = file('huge.txt', `${'a'.repeat(10_000_000)}\n`);
    const result = await runCli(['watch', '--groups-file', huge, '--duration', '1'], simulatorEnv(sim));
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(
      `room 1 ("${'a'.repeat(80)}"… (10000000 characters)): The group id is 10000000 bytes long`,
    );
    expect(result.stderr.length).toBeLessThan(1_000);
  });

  it('quotes at most 80 characters of a bad line, and names at most ten bad ids', async () => {
    const bad = file('bad.txt', `@TGS#aLive\n"${'b'.repeat(500_000)}\n`);
    const quoted = await runCli(['watch', '--groups-file', bad, '--duration', '1'], simulatorEnv(sim));
    expect(quoted.code).toBe(2);
    expect(quoted.stderr).toContain(
      `line 2: a quoted id must be one JSON string, like "my room" (got "\\"${'b'.repeat(79)}"… (500001 characters))`,
    );
    const many = file('many.txt', Array.from({ length: 50 }, (_, i) => `bad id ${i} ${'é'}`).join('\n'));
    const listed = await runCli(['watch', '--groups-file', many, '--duration', '1'], simulatorEnv(sim));
    expect(listed.code).toBe(2);
    expect(listed.stderr).toContain('and 40 more');
  });

  it('refuses more than 100,000 lines', async () => {
    const lines = file('lines.txt', `${Array.from({ length: 100_001 }, () => '# a comment').join('\n')}\n`);
    const result = await runCli(['watch', '--groups-file', lines, '--duration', '1'], simulatorEnv(sim));
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/has more than 100,000 lines/);
  });
});
