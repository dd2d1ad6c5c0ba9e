import type { ProfileView, RoomView } from '../../../main/contract/monitor-api';

/** A live room of profile `p` with a count, for the renderer's tests; override what a test is about. */
export function roomView(overrides: Partial<RoomView> = {}): RoomView {
  const groupId = overrides.groupId ?? 'r';
  const profileId = overrides.profileId ?? 'p';
  return {
    key: `${profileId}/${groupId}`,
    profileId,
    groupId,
    label: null,
    state: 'live',
    current: true,
    status: 'live',
    online: 1234,
    measuredAt: 0,
    ageMs: 3000,
    change1m: 12,
    changes: { '5m': 40, '15m': -25, '30m': null, '1h': null },
    error: null,
    peak: null,
    stoppedAt: null,
    pinned: false,
    snoozedUntil: null,
    push: null,
    ...overrides,
  };
}

export function profileView(overrides: Partial<ProfileView> = {}): ProfileView {
  return {
    id: 'p',
    label: 'Events',
    sdkAppId: 1,
    identifier: 'admin',
    region: 'singapore',
    endpoint: null,
    keyStorage: 'protected',
    keyStorageNote: '',
    weakStorageOffered: false,
    state: 'running',
    reason: null,
    error: null,
    plan: {
      rooms: 3000,
      requestedIntervalS: 10,
      effectiveIntervalS: 15.375,
      stretched: false,
      callsPerSecond: 195,
      capPerSecond: 200,
    },
    budgets: [],
    ...overrides,
  };
}
