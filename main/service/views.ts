import type { ProfileView, RoomKey, RoomView } from '../contract/monitor-api';
import type { AppStatus, RoomSnapshot } from '../core/monitor-events';
import { tierLinesOf } from '../core/poll-plan';
import type { RoomJudgement } from '../core/room-state';
import type { ProfileRecord } from './service-ports';

export function roomKey(profileId: string, groupId: string): RoomKey {
  return `${profileId}/${groupId}`;
}

/** Splits a room key at its first slash (profile ids have none; group ids may). */
export function parseRoomKey(key: RoomKey): { profileId: string; groupId: string } | null {
  const slash = key.indexOf('/');
  if (slash <= 0 || slash === key.length - 1) return null;
  return { profileId: key.slice(0, slash), groupId: key.slice(slash + 1) };
}

/**
 * A room as the UI shows it: what the engine knows, never recomputed by the UI. `record` is the
 * room's entry in its profile (label, pin), looked up by the caller once for every room.
 */
export function roomView(
  profile: ProfileRecord,
  record: ProfileRecord['rooms'][number] | undefined,
  room: RoomSnapshot,
  judgement: RoomJudgement,
  extra: Pick<RoomView, 'snoozedUntil' | 'change1m' | 'changes' | 'push'>,
): RoomView {
  const { error } = room;
  const { condition } = judgement;
  return {
    key: roomKey(profile.id, room.groupId),
    profileId: profile.id,
    groupId: room.groupId,
    label: record?.label ?? null,
    state: condition.state,
    current: judgement.current,
    status: room.status,
    online: room.online,
    measuredAt: room.measuredAt,
    ageMs: room.ageMs,
    change1m: extra.change1m,
    changes: extra.changes,
    error: errorView(error, condition),
    peak: room.peak,
    stoppedAt: room.stoppedAt,
    pinned: record?.pinned === true,
    snoozedUntil: extra.snoozedUntil,
    push: extra.push,
  };
}

/** The room's error; a failing room always has one, so that its kind can be said. */
function errorView(error: RoomSnapshot['error'], condition: RoomJudgement['condition']): RoomView['error'] {
  if (!error && condition.state === 'failing')
    return { kind: condition.kind, message: 'Polling this room fails; it is tried again.' };
  return error
    ? {
        kind: error.kind,
        ...(error.code === undefined ? {} : { code: error.code }),
        message: error.message,
      }
    : null;
}

export function profileView(
  profile: ProfileRecord,
  key: { keyStorage: ProfileView['keyStorage']; note: string; weakOptIn?: boolean },
  status: AppStatus | null,
  budgets: ProfileView['budgets'] = [],
): ProfileView {
  const plan = status?.plan;
  return {
    id: profile.id,
    label: profile.label,
    sdkAppId: profile.sdkAppId,
    identifier: profile.identifier,
    region: profile.region ?? null,
    endpoint: profile.endpoint ?? null,
    keyStorage: key.keyStorage,
    keyStorageNote: key.note,
    weakStorageOffered: key.weakOptIn === true,
    state: status?.state ?? 'paused',
    reason: status ? (status.reason ?? null) : 'Enter the secret key to start polling.',
    error: status?.error
      ? { kind: status.error.kind, ...(status.error.code === undefined ? {} : { code: status.error.code }) }
      : null,
    ...(status?.retryAt === undefined ? {} : { retryAt: status.retryAt }),
    plan: {
      rooms: plan?.rooms ?? profile.rooms.length,
      requestedIntervalS: (plan?.requestedIntervalMs ?? (profile.intervalSeconds ?? 10) * 1000) / 1000,
      effectiveIntervalS: (plan?.effectiveIntervalMs ?? (profile.intervalSeconds ?? 10) * 1000) / 1000,
      stretched: (plan?.stretch ?? 1) > 1,
      callsPerSecond: plan?.callsPerSecond ?? 0,
      capPerSecond: status?.capPerSecond ?? profile.maxRate ?? 200,
      ...(status?.answerMs ? { answerMs: status.answerMs } : {}),
      ...(plan?.tiers ? { tiers: tierLinesOf(plan) ?? [] } : {}),
    },
    budgets,
  };
}
