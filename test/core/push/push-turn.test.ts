/**
 * A count waits for its write's turn (each command's budget paces the writes): when the turn comes,
 * the pusher is asked again whether the count is still worth writing.
 */
import { describe, expect, it } from 'vitest';
import { type ImError, imErrorFromCode } from '../../../main/core/error-kind';
import type { AppStatus, MonitorEvent } from '../../../main/core/monitor-events';
import type { PollPlan } from '../../../main/core/poll-plan';
import { CountPusher, type PushWriter } from '../../../main/core/push/count-pusher';
import type { PushStatus } from '../../../main/core/push/push-status';
import { FakeClock, flushPromises } from '../../support/fake-clock';

const INTERVAL = 1_000;
const status = (state: AppStatus['state']): MonitorEvent => ({
  type: 'status',
  status: {
    state,
    plan: { effectiveIntervalMs: INTERVAL } as PollPlan,
    capPerSecond: 200,
    limitPerSecond: 200,
  },
  at: 0,
});

/**
 * A pusher whose writes wait until the test gives them their turn, as the budget would: `turn()`
 * asks the oldest waiting write's `sendIf`, and sends it (answering ok) or not (answering the
 * client's "not sent" failure).
 */
function pusherWithTurns() {
  const clock = new FakeClock();
  const sent: unknown[] = [];
  const waiting: Array<{
    value: string;
    sendIf?: () => boolean;
    answer: (sent: boolean, failing?: ImError) => void;
  }> = [];
  const write = (value: string, sendIf?: () => boolean) =>
    new Promise<{ ok: true; value: undefined } | { ok: false; error: ImError }>((resolve) =>
      waiting.push({
        value,
        sendIf,
        answer: (went, failing) =>
          resolve(
            went && failing
              ? { ok: false, error: failing }
              : went
                ? { ok: true, value: undefined }
                : {
                    ok: false,
                    error: { kind: 'transient', message: 'Not sent: no longer wanted when its turn came.' },
                  },
          ),
      }),
    );
  const writer: PushWriter = {
    modifyGroupAttr: (_groupId, _key, value, sendIf) => write(value, sendIf),
    updateGroupCounter: (_groupId, _key, value, sendIf) => write(String(value), sendIf),
    sendGroupCustomMessage: (_groupId, _key, value, sendIf) => write(value, sendIf),
  };
  const statuses: PushStatus[] = [];
  const slowed: Array<[string, number | undefined]> = [];
  const push = new CountPusher({
    writer,
    clock,
    slowDown: (command, code) => slowed.push([command, code]),
    onStatus: (s) => statuses.push(s),
    // The first retry after a failure comes 1 s later.
    random: () => 0,
  });
  push.handle(status('running'));
  push.configure('live', { via: 'group-attr', key: 'viewers' });
  /** Gives the oldest waiting write its turn; `meanwhile` runs after it went, before its answer. */
  const turn = async (meanwhile: () => void = () => {}, failing?: ImError) => {
    const next = waiting.shift();
    if (!next) throw new Error('no write is waiting');
    const went = next.sendIf?.() ?? true;
    if (went) sent.push(JSON.parse(next.value).online);
    meanwhile();
    next.answer(went, failing);
    await flushPromises();
    return went;
  };
  const sample = (online: number) =>
    push.handle({ type: 'sample', groupId: 'live', online, at: clock.wall(), previous: null });
  return { clock, push, statuses, slowed, sent, waiting, turn, sample };
}

describe('a count waiting for its write’s turn', () => {
  it('is written when its turn comes while it is still current', async () => {
    const { push, sent, turn, sample } = pusherWithTurns();
    sample(120);
    expect(await turn()).toBe(true);
    expect(sent).toEqual([120]);
    expect(push.status('live')).toMatchObject({ state: 'ok', written: { online: 120 } });
  });

  it('is one write at a time per room: a newer count waits for the one on its way, and wins over older ones', async () => {
    const { sent, waiting, turn, sample } = pusherWithTurns();
    sample(120);
    sample(130);
    sample(140);
    expect(waiting).toHaveLength(1);
    await turn();
    await turn();
    expect(sent).toEqual([120, 140]);
  });

  it('writes a room attribute again only when the count changes: the room keeps it, unlike a message', async () => {
    const { clock, waiting, turn, sample } = pusherWithTurns();
    sample(120);
    await turn();
    await clock.advance(90_000);
    sample(120);
    expect(waiting).toHaveLength(0);
  });

  it('while failing, tries each fresh count, even the one the viewers still see, to learn that writes work again', async () => {
    const { clock, push, waiting, turn, sample } = pusherWithTurns();
    sample(120);
    await turn();
    sample(130);
    await turn(() => {}, imErrorFromCode(10002, 'from the test'));
    expect(push.status('live')?.state).toBe('failing');
    await clock.advance(500);
    sample(120);
    await clock.advance(600);
    expect(waiting).toHaveLength(1);
    await turn();
    expect(push.status('live')).toMatchObject({ state: 'ok', written: { online: 120 } });
  });

  it('is still written at exactly two intervals old, and no longer after', async () => {
    const first = pusherWithTurns();
    first.sample(120);
    await first.clock.advance(2 * INTERVAL);
    expect(await first.turn()).toBe(true);
    const second = pusherWithTurns();
    second.sample(120);
    await second.clock.advance(2 * INTERVAL + 1);
    expect(await second.turn()).toBe(false);
  });

  it('says ok once, not once per write, while writes go well', async () => {
    const { statuses, turn, sample } = pusherWithTurns();
    for (const online of [120, 130, 140]) {
      sample(online);
      await turn();
    }
    expect(statuses.map((s) => s.state)).toEqual(['waiting', 'ok']);
  });

  it('closes the room when the server says it is gone, and writes nothing more', async () => {
    const { clock, push, waiting, turn, sample } = pusherWithTurns();
    sample(120);
    await turn(() => {}, imErrorFromCode(10010, 'from the test'));
    expect(push.status('live')?.state).toBe('closed');
    await clock.advance(60_000);
    sample(130);
    expect(waiting).toHaveLength(0);
  });

  it("slows the command on its own rate limit, and only the room on the group's five writes a second", async () => {
    const { clock, slowed, waiting, turn, sample } = pusherWithTurns();
    sample(120);
    await turn(() => {}, imErrorFromCode(10049, 'from the test'));
    expect(slowed).toEqual([]);
    await clock.advance(1_000);
    await turn(() => {}, imErrorFromCode(60007, 'from the test'));
    expect(slowed).toEqual([['modify_group_attr', 60007]]);
    await clock.advance(1_000);
    // The command's pause stays a second, however often it comes; the room's doubles.
    expect(waiting).toHaveLength(1);
  });

  it('drops the retry of an old push once the push is changed', async () => {
    const { clock, push, waiting, turn, sample } = pusherWithTurns();
    sample(120);
    await turn(() => {}, imErrorFromCode(10002, 'from the test'));
    push.configure('live', { via: 'group-attr', key: 'other' });
    await clock.advance(5_000);
    expect(waiting).toHaveLength(0);
  });

  const heldBack: Array<[string, (p: ReturnType<typeof pusherWithTurns>) => unknown]> = [
    [
      'the room’s push was changed',
      ({ push }) => push.configure('live', { via: 'group-attr', key: 'other' }),
    ],
    [
      'the room closed',
      ({ push }) =>
        push.handle({
          type: 'room',
          room: {
            groupId: 'live',
            status: 'stopped',
            online: 120,
            measuredAt: null,
            ageMs: null,
            error: imErrorFromCode(10010, ''),
            consecutiveFailures: 1,
            peak: null,
            stoppedAt: 0,
          },
          at: 0,
        }),
    ],
    ['the app was paused', ({ push }) => push.handle(status('paused'))],
    ['the machine slept', ({ push }) => push.handle({ type: 'resumed', sleptMs: 60_000, at: 0 })],
    ['the count went stale', ({ clock }) => clock.advance(2 * INTERVAL + 1)],
  ];
  for (const [what, change] of heldBack) {
    it(`is held back, and counts as no failure, when ${what} meanwhile`, async () => {
      const scenario = pusherWithTurns();
      scenario.sample(120);
      const said = scenario.statuses.length;
      await change(scenario);
      expect(await scenario.turn()).toBe(false);
      expect(scenario.sent).toEqual([]);
      expect(scenario.statuses.slice(said).some((s) => s.state === 'failing' || s.state === 'ok')).toBe(
        false,
      );
    });
  }

  it('says nothing of the old push when a write sent under it is answered after the push changed', async () => {
    const { push, statuses, sent, turn, sample } = pusherWithTurns();
    sample(120);
    let said = 0;
    await turn(() => {
      push.configure('live', { via: 'group-attr', key: 'other' });
      said = statuses.length;
    });
    expect(sent).toEqual([120]);
    expect(statuses.slice(said)).toEqual([]);
    expect(push.status('live')).toMatchObject({ key: 'other', state: 'waiting', written: null });
  });
});
