import { describe, expect, it } from 'vitest';
import { imErrorFromCode } from '../../../main/core/error-kind';
import type { RoomSnapshot } from '../../../main/core/monitor-events';
import { CountPusher, type PushWriter } from '../../../main/core/push/count-pusher';
import type { PushStatus } from '../../../main/core/push/push-status';
import { FakeClock, flushPromises } from '../../support/fake-clock';

/** A pusher whose writes all succeed at once, noting each write and each status it says. */
function pusher() {
  const clock = new FakeClock();
  const writes: Array<[string, string, string]> = [];
  const ok = async () => ({ ok: true as const, value: undefined });
  const writer: PushWriter = {
    modifyGroupAttr: (groupId, key, value) => {
      writes.push([groupId, key, value]);
      return ok();
    },
    updateGroupCounter: ok,
    sendGroupCustomMessage: ok,
  };
  const statuses: PushStatus[] = [];
  const push = new CountPusher({ writer, clock, slowDown: () => {}, onStatus: (s) => statuses.push(s) });
  const count = async (online: number) => {
    push.handle({ type: 'sample', groupId: 'live', online, at: clock.wall(), previous: null });
    await flushPromises();
  };
  return { push, writes, statuses, count };
}

describe("a room's push chosen again", () => {
  it('changes nothing when it is the same choice: what was written stands, and nothing is written again', async () => {
    const { push, writes, statuses, count } = pusher();
    push.configure('live', { via: 'group-attr', key: 'viewers' });
    await count(120);
    expect(push.status('live')?.written?.online).toBe(120);
    const said = statuses.length;
    push.configure('live', { via: 'group-attr', key: 'viewers' });
    await count(120);
    expect(statuses).toHaveLength(said);
    expect(push.status('live')?.written?.online).toBe(120);
    expect(writes).toHaveLength(1);
  });

  it('starts over under a new key or way, without saying the room was switched off', async () => {
    const { push, writes, statuses, count } = pusher();
    push.configure('live', { via: 'group-attr', key: 'viewers' });
    await count(120);
    statuses.length = 0;
    push.configure('live', { via: 'group-attr', key: 'audience' });
    expect(statuses.map((s) => [s.key, s.state])).toEqual([['audience', push.status('live')?.state]]);
    expect(statuses[0]?.state).not.toBe('off');
    expect(push.status('live')?.written).toBeNull();
    await count(120);
    expect(writes.map(([, key]) => key)).toEqual(['viewers', 'audience']);

    push.configure('live', { via: 'group-counter', key: 'audience' });
    expect(push.status('live')).toMatchObject({ via: 'group-counter', key: 'audience', written: null });

    statuses.length = 0;
    push.configure('live', null);
    expect(statuses.map((s) => s.state)).toEqual(['off']);
    expect(push.status('live')).toBeUndefined();
  });
});

describe('a room that stops being polled', () => {
  const stopped = (code: number): RoomSnapshot => ({
    groupId: 'live',
    status: 'stopped',
    online: 120,
    measuredAt: null,
    ageMs: null,
    error: imErrorFromCode(code, ''),
    consecutiveFailures: 1,
    peak: null,
    stoppedAt: 0,
  });

  it('says the room closed when it was disbanded, and that it is not polled otherwise', () => {
    for (const [code, reason] of [
      [10010, 'The room closed: nothing more is written into it.'],
      [10007, 'The room is not polled: nothing more is written into it.'],
    ] as const) {
      const { push } = pusher();
      push.configure('live', { via: 'group-attr', key: 'viewers' });
      push.handle({ type: 'room', room: stopped(code), at: 0 });
      expect(push.status('live')).toMatchObject({ state: 'closed', reason });
    }
  });
});

describe('a machine that wakes from sleep', () => {
  it('drops the count waiting behind a write on its way: it was measured before the sleep', async () => {
    const clock = new FakeClock();
    const written: string[] = [];
    let answer: () => void = () => {};
    const writer: PushWriter = {
      modifyGroupAttr: (_groupId, _key, value) => {
        written.push(value);
        return new Promise((resolve) => {
          answer = () => resolve({ ok: true, value: undefined });
        });
      },
      updateGroupCounter: async () => ({ ok: true, value: undefined }),
      sendGroupCustomMessage: async () => ({ ok: true, value: undefined }),
    };
    const push = new CountPusher({ writer, clock, slowDown: () => {}, onStatus: () => {} });
    push.configure('live', { via: 'group-attr', key: 'viewers' });
    const sample = (online: number) =>
      push.handle({ type: 'sample', groupId: 'live', online, at: clock.wall(), previous: null });
    sample(120);
    sample(130);
    push.handle({ type: 'resumed', sleptMs: 60_000, at: clock.wall() });
    answer();
    await flushPromises();
    expect(written.map((value) => JSON.parse(value).online)).toEqual([120]);
  });
});

describe('a write that throws inside the app', () => {
  it('fails the push with what went wrong, as any failure, and is tried again', async () => {
    const clock = new FakeClock();
    const writer: PushWriter = {
      modifyGroupAttr: async () => {
        throw new Error('the socket was closed');
      },
      updateGroupCounter: async () => ({ ok: true, value: undefined }),
      sendGroupCustomMessage: async () => ({ ok: true, value: undefined }),
    };
    const push = new CountPusher({ writer, clock, slowDown: () => {}, onStatus: () => {} });
    push.configure('live', { via: 'group-attr', key: 'viewers' });
    push.handle({ type: 'sample', groupId: 'live', online: 120, at: clock.wall(), previous: null });
    await flushPromises();
    expect(push.status('live')).toMatchObject({
      state: 'failing',
      reason: expect.stringContaining('Writing the count failed inside Headcount: the socket was closed'),
    });
  });
});
