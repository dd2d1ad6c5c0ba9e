/**
 * One opted-in room as the pusher keeps it: how its push stands, the last count written, the one
 * waiting to be written, and its retry timer.
 */

import type { PushState } from '../../common/room-push';
import type { TimerHandle } from '../clock';
import type { PushStatus } from './push-status';
import type { PushTarget } from './push-target';

/** A count as measured, waiting to be written. */
export interface Reading {
  online: number;
  /** Wall-clock ms of the sample: what viewers are told as `at`. */
  sampledAt: number;
  /** Monotonic ms of the sample: how fresh it still is. */
  sampledMono: number;
}

/** A room's push; the pusher changes its fields. */
export class RoomPush {
  state: PushState = 'waiting';
  reason: string | null = null;
  error: PushStatus['error'] = null;
  failures = 0;
  slowed = 0;
  written: (PushStatus['written'] & { writtenMono: number }) | null = null;
  pending: Reading | null = null;
  inFlight = false;
  /** Whether the room's latest count is a fresh one (no failure, staleness or sleep since). */
  current = false;
  timer: TimerHandle | null = null;

  constructor(
    readonly groupId: string,
    readonly target: PushTarget,
  ) {}

  get stopped(): boolean {
    return this.state === 'refused' || this.state === 'closed';
  }

  status(): PushStatus {
    const { groupId, target, state, reason, error, failures, written } = this;
    const shown = written && {
      online: written.online,
      sampledAt: written.sampledAt,
      writtenAt: written.writtenAt,
    };
    return { groupId, ...target, state, reason, error, consecutiveFailures: failures, written: shown };
  }
}
