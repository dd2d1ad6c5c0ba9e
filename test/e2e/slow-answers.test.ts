/**
 * Late answers end to end, against the service and the simulator: when every count is answered
 * 150 ms late, the rooms do not fit the cap at their interval, and the page says the interval they
 * are really polled at, checked against the simulator's own log, and that the answers' time is why.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { callsAWindow } from '../../main/common/budget-pace';
import type { MonitorSnapshot, ProfileView } from '../../main/contract/monitor-api';
import { type Stage, startStage } from './support/stage';

const ROOMS = Array.from({ length: 60 }, (_, i) => `@TGS#late${i}`);
const ANSWER_MS = 150;
/** 60 rooms a second want 60 calls/s; a cap of 40 lets 39 calls a window go, each holding its place 1 s and its answer. */
const MAX_RATE = 40;

let stage: Stage;

beforeAll(async () => {
  stage = await startStage({
    rooms: ROOMS.map((groupId) => ({ groupId, audience: { kind: 'fixed' as const, online: 100 } })),
    watched: ROOMS,
  });
  stage.sim.control.injectFault({ kind: 'slow', delayMs: ANSWER_MS, command: 'get_online_member_num' });
});

afterAll(async () => {
  const code = await stage?.stop();
  expect(code).toBe(0);
});

const profile = async () =>
  ((await stage.call<MonitorSnapshot>('getSnapshot', [])).profiles[0] as ProfileView).plan;

describe('answers that come late', () => {
  it('are timed, and the interval the page says is the one the simulator sees', async () => {
    const [{ id }] = (await stage.call<MonitorSnapshot>('getSnapshot', [])).profiles as [ProfileView];
    await stage.call('setPolling', [id, { intervalSeconds: 1, maxRate: MAX_RATE }]);
    // The pace moves in steps of a tenth, from a mean that began with the answers before the fault.
    await expect
      .poll(async () => (await profile()).answerMs ?? 0, { timeout: 20_000 })
      .toBeGreaterThanOrEqual(ANSWER_MS * 0.9);
    const counts = () => stage.sim.control.requests().filter((r) => r.command === 'get_online_member_num');
    // Two rounds more, so that the rooms' places follow the new plan, then the plan as said now.
    const settling = counts().length + 2 * ROOMS.length;
    await expect.poll(() => counts().length, { timeout: 20_000 }).toBeGreaterThanOrEqual(settling);
    const plan = await profile();
    const answerMs = plan.answerMs as number;
    expect(answerMs).toBeLessThan(ANSWER_MS * 2);
    // The cap less its headroom a window, each call holding its place 1 s and its answer's time.
    expect(plan.effectiveIntervalS).toBeCloseTo(
      (ROOMS.length * (1000 + answerMs)) / (callsAWindow(MAX_RATE) * 1000),
      2,
    );

    // The simulator's log over the next three polls of every room: each room's mean time between them.
    const from = Date.now();
    const pollsOf = (id: string) =>
      counts()
        .filter((r) => r.groupId === id && r.at >= from)
        .map((r) => r.at);
    await expect
      .poll(() => Math.min(...ROOMS.map((id) => pollsOf(id).length)), { timeout: 20_000 })
      .toBeGreaterThanOrEqual(3);
    const meanGaps = ROOMS.map((id) => {
      const times = pollsOf(id).slice(0, 3);
      return ((times[2] as number) - (times[0] as number)) / 2 / 1000;
    }).sort((a, b) => a - b);
    const median = meanGaps[Math.floor(meanGaps.length / 2)] as number;
    // On a busy machine answers take longer still, and the plan follows them meanwhile: the rooms'
    // time is within 5 % of what the engine said at the start of those polls or at their end.
    const said = [plan.effectiveIntervalS, (await profile()).effectiveIntervalS];
    expect(Math.min(...said.map((interval) => Math.abs(median / interval - 1)))).toBeLessThan(0.05);

    const { page, problems } = await stage.open({ viewport: { width: 1280, height: 800 } });
    const banners = page.locator('.banner');
    await expect
      .poll(() => banners.allTextContents())
      .toEqual(
        expect.arrayContaining([
          expect.stringMatching(/60 rooms do not fit 40 calls\/s, so each is polled every \d+(\.\d)? s\./),
          expect.stringMatching(
            /answers take about \d+ ms, and each call counts against the cap until a second after its answer\./,
          ),
        ]),
      );
    // The page says the interval the engine says now, to a tenth of a second.
    const onPage = async () =>
      Number(/polled every ([\d.]+) s/.exec((await banners.allTextContents()).join('\n'))?.[1]);
    await expect
      .poll(async () => Math.abs((await onPage()) - (await profile()).effectiveIntervalS))
      .toBeLessThanOrEqual(0.05);
    expect(problems).toEqual([]);
  }, 60_000);
});
