/**
 * How a room's push stands, as the pusher reports it to the alert rules, the UI, the terminal and
 * /metrics.
 */

import type { PushState, PushVia } from '../../common/room-push';
import type { ImError } from '../error-kind';

export interface PushStatus {
  groupId: string;
  via: PushVia;
  key: string;
  state: PushState;
  /** Why it is failing, refused or closed, and what to do, in plain English. */
  reason: string | null;
  /** The last error, while failing or refused. */
  error: ImError | null;
  consecutiveFailures: number;
  /** The last value written: the count, when it was measured and when it was written (epoch ms). */
  written: { online: number; sampledAt: number; writtenAt: number } | null;
}
