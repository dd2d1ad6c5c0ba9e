import { describe, expect, it } from 'vitest';
import { imErrorFromCode } from '../../main/core/error-kind';
import type { PushStatus } from '../../main/core/push/push-status';
import type { PushTarget } from '../../main/core/push/push-target';
import {
  applyRoomPushes,
  checkedPush,
  memoryRoomPush,
  overriddenRoomPush,
  roomPushView,
} from '../../main/service/room-push';
import type { ProfileEngine, RoomPushStore } from '../../main/service/service-ports';

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

describe('room pushes applied to an engine', () => {
  it('reads the store once for all the rooms it opts in or out, the command line first', () => {
    const store = memoryRoomPush({ '@TGS#a': { via: 'group-attr', key: 'saved' } });
    let reads = 0;
    const counted: RoomPushStore = {
      ...store,
      read: () => {
        throw new Error('one read per room');
      },
      reader: () => {
        reads += 1;
        return store.reader();
      },
    };
    const run = overriddenRoomPush(counted, new Map([['@TGS#c', { via: 'message' as const, key: 'flag' }]]));
    const configured = new Map<string, PushTarget | null>();
    const engine = {
      pusher: { configure: (groupId: string, target: PushTarget | null) => configured.set(groupId, target) },
    } as unknown as ProfileEngine;
    applyRoomPushes(engine, run, ['@TGS#a', '@TGS#b', '@TGS#c']);
    expect(reads).toBe(1);
    expect(Object.fromEntries(configured)).toEqual({
      '@TGS#a': { via: 'group-attr', key: 'saved' },
      '@TGS#b': null,
      '@TGS#c': { via: 'message', key: 'flag' },
    });
  });

  it('answers from the store as it was when read', () => {
    const store = memoryRoomPush({ '@TGS#a': { via: 'group-attr', key: 'before' } });
    const read = store.reader();
    store.write('@TGS#a', { via: 'group-counter', key: 'after' });
    expect(read('@TGS#a')).toEqual({ via: 'group-attr', key: 'before' });
    expect(store.reader()('@TGS#a')).toEqual({ via: 'group-counter', key: 'after' });
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
