/**
 * `headcount watch` on a real pseudo-terminal: tmux runs the built CLI in a window of 80×24 against
 * the simulator with 2,000 rooms, and the test reads the screen as a person sees it.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RunningSimulator, startSimulator } from '../../../main/simulator';
import type { RoomSpec } from '../../../main/simulator/types';
import { CLI, simulatorEnv } from '../../support/cli';
import { eventually } from '../../support/eventually';

const ROOMS = 2_000;
/**
 * The rooms that close, among the first the watch polls: each is disbanded as soon as the simulator
 * has answered it once, so that its next poll, one interval later, finds it gone just after the
 * first round of all 2,000 ends (not a second interval on, as closing them after that round would).
 */
const CLOSING = [3, 50, 100, 150];
const SESSION = `headcount-watch-${process.pid}`;
let sim: RunningSimulator;
let folder: string;

/** Room i: live rooms of every size. */
function room(i: number): RoomSpec {
  const groupId = `@TGS#room${String(i).padStart(4, '0')}`;
  return { groupId, name: `Stage ${i}`, audience: { kind: 'fixed', online: 100 + ((i * 7919) % 40_000) } };
}

const tmux = (...args: string[]) => execFileSync('tmux', args, { encoding: 'utf8' });
/** The window's text, line by line, as shown. */
const screen = () => tmux('capture-pane', '-p', '-t', SESSION).replace(/\n+$/, '').split('\n');

beforeAll(async () => {
  sim = await startSimulator({ rooms: Array.from({ length: ROOMS }, (_, i) => room(i)) });
  folder = mkdtempSync(join(tmpdir(), 'headcount-watch-tty-'));
  // Three ids that never existed, polled first: their alerts ("not found") come before the closed
  // rooms' ones, which the screen's box of the four most recent alerts must still show at the end.
  const ids = [
    '@TGS#typo1',
    '@TGS#typo2',
    '@TGS#typo3',
    ...Array.from({ length: ROOMS }, (_, i) => room(i).groupId),
  ];
  writeFileSync(join(folder, 'rooms.txt'), `${ids.join('\n')}\n`);
  const env = simulatorEnv(sim);
  const vars = Object.entries(env)
    .filter(([key]) => key.startsWith('HEADCOUNT_'))
    .map(([key, value]) => `${key}=${JSON.stringify(value)}`);
  // Every 20 s, 100 calls a second: on a busy machine the two processes keep up, so that a count
  // is late (stale) only when something is wrong, and the screen's figures can be told exactly.
  const command = `env ${vars.join(' ')} TZ=UTC ${JSON.stringify(process.execPath)} ${JSON.stringify(CLI)} watch --interval 20 --groups-file ${JSON.stringify(join(folder, 'rooms.txt'))}`;
  tmux('new-session', '-d', '-s', SESSION, '-x', '80', '-y', '24', command);
}, 30_000);

afterAll(async () => {
  try {
    tmux('kill-session', '-t', SESSION);
  } catch {
    // Already gone: the CLI ended with its session.
  }
  await sim.close();
});

describe('headcount watch on an 80×24 terminal with 2,000 rooms', () => {
  it('keeps the header, fits the window, puts troubled rooms first and says how many more there are', async () => {
    // Each closing room once counted (the simulator has answered it), then disbanded.
    const closing = new Set(CLOSING.map((i) => room(i).groupId));
    await eventually(
      () => {
        for (const request of sim.control.requests()) {
          const { command, errorCode, groupId } = request;
          if (command !== 'get_online_member_num' || errorCode !== 0) continue;
          if (groupId === undefined || !closing.has(groupId)) continue;
          sim.control.disband(groupId);
          closing.delete(groupId);
        }
        return closing.size === 0;
      },
      'the closing rooms counted once',
      60_000,
      100,
    );
    // One screen on which every other room is live (on a busy machine a count may be late for a
    // moment, and stale): the assertions read that screen, not a later one.
    let lines: string[] = [];
    await eventually(
      () => {
        lines = screen();
        return lines[2] === '1,996 live · 4 closed · 3 not found';
      },
      'the closed rooms',
      60_000,
    );
    expect(lines).toHaveLength(24);
    for (const line of lines) expect(line.length).toBeLessThanOrEqual(80);
    expect(lines[0]).toMatch(/^Headcount {2}\d\d:\d\d:\d\d$/);
    // The total adds only current counts: not the closed rooms' last ones, nor the ids never found.
    const expected = Array.from({ length: ROOMS }, (_, i) => i)
      .filter((i) => !CLOSING.includes(i))
      .reduce((sum, i) => sum + (room(i).audience as { online: number }).online, 0);
    expect(lines[1]).toBe(`${expected.toLocaleString('en-US')} online in 1,996 of 2,003 rooms`);
    expect(lines[2]).toBe('1,996 live · 4 closed · 3 not found');
    // The interval and each API's calls in the last second against its cap.
    expect(lines[3]).toMatch(/^Every \d+(\.\d)? s.* · calls\/s: get_online_member_num \d+\/200/);
    // The alerts raised so far, named, between the header and the rooms.
    expect(lines).toContain('Recent alerts:');
    const first = lines.indexOf('Recent alerts:') + 1;
    const alerts = lines.slice(first, lines.indexOf('', first));
    expect(alerts.length).toBeGreaterThan(0);
    expect(alerts.length).toBeLessThanOrEqual(4);
    expect(
      alerts.some((line) => / CRITICAL {2}Stage \d+: room closed · Room closed: fired · /.test(line)),
    ).toBe(true);
    const top = lines.findIndex((line) => /^ROOM +ONLINE +1 MIN +AGE +PEAK +STATE$/.test(line));
    expect(top).toBeGreaterThan(4);
    const rows = lines.slice(top + 1, -1);
    // Troubled first (not found, then closed), then the largest live rooms.
    expect(rows.slice(0, 3).every((row) => /^@TGS#typo\d +- +- +- +- +not found$/.test(row))).toBe(true);
    expect(rows.slice(3, 7).every((row) => /^Stage \d+ .* closed$/.test(row))).toBe(true);
    const counts = rows
      .slice(7)
      .map((row) => Number(/^Stage \d+ +([\d,]+)/.exec(row)?.[1]?.replace(/,/g, '')));
    expect(counts.length).toBeGreaterThan(2);
    expect(counts).toEqual([...counts].sort((a, b) => b - a));
    expect(lines.at(-1)).toBe(`… and ${(2_003 - rows.length).toLocaleString('en-US')} more`);
  }, 150_000);

  it('redraws to fill the window when it is resized', async () => {
    tmux('resize-window', '-t', SESSION, '-x', '120', '-y', '40');
    await eventually(() => screen().length === 40, 'the larger window filled', 10_000);
    const lines = screen();
    const shown = lines.length - 1 - (lines.findIndex((line) => line.startsWith('ROOM ')) + 1);
    expect(shown).toBeGreaterThan(20);
    expect(lines.at(-1)).toBe(`… and ${(2_003 - shown).toLocaleString('en-US')} more`);
    for (const line of lines) expect(line.length).toBeLessThanOrEqual(120);
    tmux('resize-window', '-t', SESSION, '-x', '60', '-y', '12');
    await eventually(() => screen().length === 12, 'the smaller window filled', 10_000);
    for (const line of screen()) expect(line.length).toBeLessThanOrEqual(60);
  }, 30_000);
});
