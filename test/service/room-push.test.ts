import { describe, expect, it } from 'vitest';
import { imErrorFromCode } from '../../main/core/error-kind';
import type { PushStatus } from '../../main/core/push/push-status';
import { checkedPush, memoryRoomPush, overriddenRoomPush, roomPushView } from '../../main/service/room-push';

describe('a room push as the UI asks for it', () => {
  it('takes a group attribute or counter at once, and a message only once its quota is acknowledged', () => {
    expect(checkedPush({ via: 'group-attr', key: 'viewers' }, false)).toEqual({
      via: 'group-attr',
      key: 'viewers',
    });
    expect(checkedPush({ via: 'group-counter', key: 'viewers' }, false)).toEqual({
      via: 'group-counter',
      key: 'viewers',
    });
    expect(() => checkedPush({ via: 'message', key: 'viewers' }, false)).toThrow(
      /uses the app's message quota \(1,000 a day on trial and developer editions\): confirm that first/,
    );
    expect(checkedPush({ via: 'message', key: 'viewers' }, true)).toEqual({ via: 'message', key: 'viewers' });
    expect(checkedPush(null, false)).toBeNull();
    expect(() => checkedPush({ via: 'group-attr', key: ' ' }, true)).toThrow('The key is empty.');
  });
});

describe('room pushes kept for this run', () => {
  it('keeps, replaces and removes a room’s push', () => {
    const store = memoryRoomPush({ '@TGS#a': { via: 'group-attr', key: 'viewers' } });
    expect(store.read('@TGS#a')).toEqual({ via: 'group-attr', key: 'viewers' });
    store.write('@TGS#b', { via: 'group-counter', key: 'n' });
    store.write('@TGS#a', null);
    expect(store.read('@TGS#a')).toBeUndefined();
    expect(store.read('@TGS#b')).toEqual({ via: 'group-counter', key: 'n' });
  });

  it('lets the command line choose for the rooms it names until the user changes one', () => {
    const store = memoryRoomPush({ '@TGS#a': { via: 'group-attr', key: 'saved' } });
    const run = overriddenRoomPush(
      store,
      new Map([
        ['@TGS#a', { via: 'message' as const, key: 'flag' }],
        ['@TGS#c', { via: 'group-attr' as const, key: 'flag' }],
      ]),
    );
    expect(run.read('@TGS#a')).toEqual({ via: 'message', key: 'flag' });
    expect(run.read('@TGS#b')).toBeUndefined();
    run.write('@TGS#a', { via: 'group-counter', key: 'chosen' });
    expect(run.read('@TGS#a')).toEqual({ via: 'group-counter', key: 'chosen' });
    expect(store.read('@TGS#a')).toEqual({ via: 'group-counter', key: 'chosen' });
    expect(run.read('@TGS#c')).toEqual({ via: 'group-attr', key: 'flag' });
  });
});

describe("a room's push as the UI shows it", () => {
  const status: PushStatus = {
    groupId: '@TGS#a',
    via: 'group-attr',
    key: 'viewers',
    state: 'failing',
    reason: 'The server failed for a moment.',
    error: imErrorFromCode(10002, 'from the test'),
    consecutiveFailures: 2,
    written: { online: 5, sampledAt: 1, writtenAt: 2 },
  };

  it('names the error by its kind and code, and leaves out a code it does not have', () => {
    expect(roomPushView(status)).toEqual({
      via: 'group-attr',
      key: 'viewers',
      state: 'failing',
      reason: 'The server failed for a moment.',
      error: { kind: status.error?.kind, code: 10002 },
      written: { online: 5, sampledAt: 1, writtenAt: 2 },
    });
    const { code: _code, ...uncoded } = status.error ?? imErrorFromCode(10002, '');
    expect(roomPushView({ ...status, error: uncoded })?.error).toStrictEqual({ kind: status.error?.kind });
    expect(roomPushView({ ...status, error: null })?.error).toBeNull();
  });

  it('is nothing for a room that does not show its count', () => {
    expect(roomPushView(undefined)).toBeNull();
    expect(roomPushView({ ...status, state: 'off' })).toBeNull();
  });
});
