import { describe, expect, it } from 'vitest';
import type { ImError } from '../../main/core/error-kind';
import { type AppFacts, judgeRoom, type RoomFacts, roomStateOf } from '../../main/core/room-state';

const running: AppFacts = { state: 'running', effectiveIntervalMs: 10_000 };
const error = (kind: ImError['kind'], code?: number): ImError => ({ kind, code, message: 'words' });
const room = (facts: Partial<RoomFacts>): RoomFacts => ({
  status: 'live',
  online: 100,
  ageMs: 1_000,
  error: null,
  ...facts,
});

describe("a room's state", () => {
  it('is live with a current count, stale once that count is older than two intervals', () => {
    expect(roomStateOf(room({}), running)).toEqual({ state: 'live' });
    expect(roomStateOf(room({ ageMs: 20_001 }), running)).toEqual({ state: 'stale' });
    expect(roomStateOf(room({ status: 'stale', ageMs: 40_000 }), running)).toEqual({ state: 'stale' });
  });

  it('tells a closed room (it answered before) from one that was never found (10010 both)', () => {
    const gone = error('group-gone', 10010);
    expect(roomStateOf(room({ status: 'stopped', online: 500, error: gone }), running)).toEqual({
      state: 'closed',
    });
    expect(roomStateOf(room({ status: 'stopped', online: null, ageMs: null, error: gone }), running)).toEqual(
      { state: 'not-found' },
    );
    // Closed before this run began: no count in this run, but one in the room's history.
    const closedEarlier = room({
      status: 'stopped',
      online: null,
      ageMs: null,
      error: gone,
      answeredBefore: true,
    });
    expect(roomStateOf(closedEarlier, running)).toEqual({ state: 'closed' });
  });

  it('names a group that is not a live room and an invalid id', () => {
    const stopped = (kind: ImError['kind']) => room({ status: 'stopped', online: null, error: error(kind) });
    expect(roomStateOf(stopped('not-live-room'), running)).toEqual({ state: 'not-live-room' });
    expect(roomStateOf(stopped('invalid-group'), running)).toEqual({ state: 'invalid-group' });
  });

  it('says why polls fail, and waits for a first answer without calling it a fault', () => {
    expect(roomStateOf(room({ status: 'failing', error: error('transient', 502) }), running)).toEqual({
      state: 'failing',
      kind: 'transient',
    });
    expect(roomStateOf(room({ status: 'waiting', online: null, ageMs: null }), running)).toEqual({
      state: 'waiting',
    });
  });

  it("keeps the app's condition off the room: rate limiting leaves it live or stale by its own age", () => {
    const slowed: AppFacts = { state: 'rate-limited', effectiveIntervalMs: 10_000 };
    expect(roomStateOf(room({}), slowed)).toEqual({ state: 'live' });
    expect(roomStateOf(room({ ageMs: 30_000 }), slowed)).toEqual({ state: 'stale' });
  });

  it('is paused once its count is no longer current in a paused or stopped app, unless it stopped for good', () => {
    for (const state of ['paused', 'auth-failed'] as const) {
      const app: AppFacts = { state, effectiveIntervalMs: 10_000 };
      expect(roomStateOf(room({}), app)).toEqual({ state: 'live' });
      expect(roomStateOf(room({ ageMs: 30_000 }), app)).toEqual({ state: 'paused' });
      expect(roomStateOf(room({ status: 'failing', error: error('transient') }), app)).toEqual({
        state: 'paused',
      });
      const closed = room({ status: 'stopped', error: error('group-gone', 10010) });
      expect(roomStateOf(closed, app)).toEqual({ state: 'closed' });
    }
  });

  it('judges the state and the count by one rule: a room is live exactly while its count is current', () => {
    for (const ageMs of [0, 19_999, 20_000, 20_001, 45_000]) {
      const { condition, current } = judgeRoom(room({ ageMs }), running);
      expect(current).toBe(ageMs <= 20_000);
      expect(condition.state === 'live').toBe(current);
    }
    expect(judgeRoom(room({ status: 'stopped', error: error('group-gone', 10010) }), running)).toEqual({
      condition: { state: 'closed' },
      current: false,
    });
  });
});
