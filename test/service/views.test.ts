import { describe, expect, it } from 'vitest';
import { imErrorFromCode } from '../../main/core/error-kind';
import type { AppStatus, RoomSnapshot } from '../../main/core/monitor-events';
import type { ProfileRecord } from '../../main/service/service-ports';
import { parseRoomKey, profileView, roomView } from '../../main/service/views';
import { NO_CHANGES } from '../support/view-parts';

const PROFILE: ProfileRecord = {
  id: 'app-1',
  label: 'Events',
  sdkAppId: 1400000001,
  identifier: 'admin',
  region: 'singapore',
  rooms: [{ groupId: '@TGS#main', label: 'Main stage', pinned: true }, { groupId: 'club/vip' }],
};
/** The room's entry in its profile, as the service looks it up once for every room. */
const recordOf = (groupId: string) => PROFILE.rooms.find((room) => room.groupId === groupId);
const KEY = { keyStorage: 'protected' as const, note: 'Saved in the keyring.' };

describe('room keys', () => {
  it('split at the first slash, a group id keeping its own', () => {
    expect(parseRoomKey('app-1/club/vip')).toEqual({ profileId: 'app-1', groupId: 'club/vip' });
    expect(parseRoomKey('/club')).toBeNull();
    expect(parseRoomKey('app-1/')).toBeNull();
    expect(parseRoomKey('app-1')).toBeNull();
  });
});

describe('a room as the UI shows it', () => {
  const snapshot: RoomSnapshot = {
    groupId: 'club/vip',
    status: 'failing',
    online: 40,
    measuredAt: 1_000,
    ageMs: 12_000,
    error: null,
    consecutiveFailures: 2,
    peak: { online: 55, at: 900 },
    stoppedAt: null,
  };
  const extra = { snoozedUntil: null, change1m: 3, changes: NO_CHANGES, push: null };

  it('says why a failing room fails even before its error is known', () => {
    const view = roomView(
      PROFILE,
      recordOf(snapshot.groupId),
      snapshot,
      { condition: { state: 'failing', kind: 'transient' }, current: false },
      extra,
    );
    expect(view).toMatchObject({
      key: 'app-1/club/vip',
      label: null,
      pinned: false,
      state: 'failing',
      current: false,
      error: { kind: 'transient', message: 'Polling this room fails; it is tried again.' },
      peak: { online: 55, at: 900 },
      change1m: 3,
    });
  });

  it('gives its label, pin, and error with the code only where there is one', () => {
    const judged = { condition: { state: 'stale' as const }, current: false };
    const coded = roomView(
      PROFILE,
      recordOf('@TGS#main'),
      { ...snapshot, groupId: '@TGS#main', error: imErrorFromCode(10002, 'x') },
      judged,
      extra,
    );
    expect(coded).toMatchObject({ label: 'Main stage', pinned: true, error: { code: 10002 } });
    const { code: _code, ...uncoded } = imErrorFromCode(10002, 'x');
    expect(
      roomView(PROFILE, recordOf(snapshot.groupId), { ...snapshot, error: uncoded }, judged, extra).error,
    ).not.toHaveProperty('code');
    expect(roomView(PROFILE, recordOf(snapshot.groupId), snapshot, judged, extra).error).toBeNull();
  });

  it('has no label and no pin for a room its profile does not list', () => {
    const judged = { condition: { state: 'live' as const }, current: true };
    expect(roomView(PROFILE, undefined, snapshot, judged, extra)).toMatchObject({
      label: null,
      pinned: false,
    });
  });
});

describe('an app profile as the UI shows it', () => {
  it('without an engine: paused until its key is entered, its own interval, and the default cap', () => {
    expect(profileView({ ...PROFILE, intervalSeconds: 30 }, KEY, null)).toMatchObject({
      region: 'singapore',
      endpoint: null,
      state: 'paused',
      reason: 'Enter the secret key to start polling.',
      error: null,
      weakStorageOffered: false,
      plan: {
        rooms: 2,
        requestedIntervalS: 30,
        effectiveIntervalS: 30,
        stretched: false,
        callsPerSecond: 0,
        capPerSecond: 200,
      },
      budgets: [],
    });
    expect(profileView(PROFILE, KEY, null).plan.requestedIntervalS).toBe(10);
    expect(profileView({ ...PROFILE, maxRate: 50 }, { ...KEY, weakOptIn: true }, null)).toMatchObject({
      weakStorageOffered: true,
      plan: { capPerSecond: 50 },
    });
    expect(profileView(PROFILE, KEY, null)).not.toHaveProperty('retryAt');
  });

  it('with an engine: its state, reason, error and plan as the engine says', () => {
    const status: AppStatus = {
      state: 'auth-failed',
      reason: 'The secret key was refused.',
      error: imErrorFromCode(70009, 'x'),
      retryAt: 9_000,
      plan: {
        rooms: 2,
        requestedIntervalMs: 10_000,
        effectiveIntervalMs: 15_000,
        stretch: 1.5,
        callsPerSecond: 0.13,
      },
      capPerSecond: 20,
      limitPerSecond: 20,
    };
    expect(profileView(PROFILE, KEY, status)).toMatchObject({
      state: 'auth-failed',
      reason: 'The secret key was refused.',
      error: { kind: 'auth', code: 70009 },
      retryAt: 9_000,
      plan: {
        requestedIntervalS: 10,
        effectiveIntervalS: 15,
        stretched: true,
        callsPerSecond: 0.13,
        capPerSecond: 20,
      },
    });
    const running = { ...status, state: 'running' as const, plan: { ...status.plan, stretch: 1 } };
    const { reason: _reason, error: _error, retryAt: _retryAt, ...plain } = running;
    const { code: _code, ...uncoded } = imErrorFromCode(70009, 'x');
    expect(profileView(PROFILE, KEY, { ...status, error: uncoded }).error).toStrictEqual({ kind: 'auth' });
    expect(profileView(PROFILE, KEY, plain)).toMatchObject({
      reason: null,
      error: null,
      plan: { stretched: false },
    });
    // Slow answers, as the budget timed them, go with the plan; quick ones say nothing.
    expect(profileView(PROFILE, KEY, { ...status, answerMs: 150 }).plan.answerMs).toBe(150);
    expect(profileView(PROFILE, KEY, status).plan).not.toHaveProperty('answerMs');
  });
});
