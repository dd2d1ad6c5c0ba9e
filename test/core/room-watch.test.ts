import { describe, expect, it } from 'vitest';
import { imErrorFromCode } from '../../main/core/error-kind';
import { RoomWatch } from '../../main/core/room-watch';

const T0 = Date.UTC(2026, 10, 26, 12, 0, 0);

describe('RoomWatch', () => {
  it('keeps the highest count as the peak, with its time, also after the count falls', () => {
    const room = new RoomWatch('@TGS#a');
    room.recordSample(100, T0, 0);
    room.recordSample(300, T0 + 10_000, 10_000);
    room.recordSample(200, T0 + 20_000, 20_000);
    // An equal count later is not a new peak: the peak keeps the time it was first reached.
    room.recordSample(300, T0 + 30_000, 30_000);
    expect(room.peak).toEqual({ online: 300, at: T0 + 10_000 });
    expect(room.online).toBe(300);
  });

  it('starts the peak at a first count of zero', () => {
    const room = new RoomWatch('@TGS#a');
    room.recordSample(0, T0, 0);
    expect(room.peak).toEqual({ online: 0, at: T0 });
  });

  it('returns the count a new one replaces, none for the first', () => {
    const room = new RoomWatch('@TGS#a');
    expect(room.recordSample(5, T0, 0)).toBeNull();
    expect(room.recordSample(7, T0 + 10_000, 10_000)).toBe(5);
  });

  it('counts failures in a row, keeps the last count beside them, and clears them with the next count', () => {
    const room = new RoomWatch('@TGS#a');
    room.recordSample(40, T0, 0);
    room.recordFailure(imErrorFromCode(10002, ''));
    room.recordFailure(imErrorFromCode(60008, ''));
    expect(room).toMatchObject({ status: 'failing', consecutiveFailures: 2, online: 40 });
    expect(room.error?.code).toBe(60008);
    room.recordSample(41, T0 + 30_000, 30_000);
    expect(room).toMatchObject({ status: 'live', consecutiveFailures: 0, error: null });
  });

  it('stops a room for good with its reason, counting the failure', () => {
    const room = new RoomWatch('@TGS#a');
    room.stop(imErrorFromCode(10010, ''), T0);
    expect(room).toMatchObject({ status: 'stopped', consecutiveFailures: 1, online: null, stoppedAt: T0 });
    expect(room.error?.kind).toBe('group-gone');
  });

  it('lets only a live room go stale, once', () => {
    const failing = new RoomWatch('f');
    failing.recordSample(1, T0, 0);
    failing.recordFailure(imErrorFromCode(10002, ''));
    const stopped = new RoomWatch('s');
    stopped.stop(imErrorFromCode(10010, ''), T0);
    const waiting = new RoomWatch('w');
    for (const room of [failing, stopped, waiting]) {
      const before = room.status;
      expect(room.markStale()).toBe(false);
      expect(room.status).toBe(before);
    }
    const live = new RoomWatch('l');
    live.recordSample(1, T0, 0);
    expect(live.markStale()).toBe(true);
    expect(live.status).toBe('stale');
    expect(live.markStale()).toBe(false);
  });

  it('ages the latest count on the elapsed timeline, never below zero, and has no age without one', () => {
    const room = new RoomWatch('@TGS#a');
    expect(room.ageMs(5_000)).toBeNull();
    room.recordSample(9, T0, 5_000);
    expect(room.ageMs(17_000)).toBe(12_000);
    expect(room.ageMs(4_000)).toBe(0);
  });

  it('shows all of it in a snapshot', () => {
    const room = new RoomWatch('@TGS#a');
    expect(room.snapshot(0)).toEqual({
      groupId: '@TGS#a',
      status: 'waiting',
      online: null,
      measuredAt: null,
      ageMs: null,
      error: null,
      consecutiveFailures: 0,
      peak: null,
      stoppedAt: null,
    });
    room.recordSample(12, T0, 1_000);
    const error = imErrorFromCode(10002, '');
    room.recordFailure(error);
    expect(room.snapshot(4_000)).toEqual({
      groupId: '@TGS#a',
      status: 'failing',
      online: 12,
      measuredAt: T0,
      ageMs: 3_000,
      error,
      consecutiveFailures: 1,
      peak: { online: 12, at: T0 },
      stoppedAt: null,
    });
  });
});
