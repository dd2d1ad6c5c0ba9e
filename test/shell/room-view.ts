import type { RoomView } from '../../main/contract/monitor-api';
import { NO_CHANGES } from '../support/view-parts';

/** A live room of profile "p" with `online` viewers; `fields` override any part. */
export function roomView(groupId: string, online: number | null, fields: Partial<RoomView> = {}): RoomView {
  return {
    key: `p/${groupId}`,
    profileId: 'p',
    groupId,
    label: null,
    state: online === null ? 'waiting' : 'live',
    current: online !== null,
    status: online === null ? 'waiting' : 'live',
    online,
    measuredAt: online === null ? null : 1_000,
    ageMs: online === null ? null : 500,
    change1m: null,
    changes: NO_CHANGES,
    error: null,
    peak: null,
    stoppedAt: null,
    pinned: false,
    snoozedUntil: null,
    push: null,
    ...fields,
  };
}
