import type { RoomStatus } from '../common/room-states';
import type { ImError } from './error-kind';
import type { RoomSnapshot, Sample } from './monitor-events';
import { movedEnough, type PollTier, type TierReason } from './poll-tiers';

/**
 * One watched room: its latest count, status, failures and peak (its history is the service's
 * HistoryStore, fed from the monitor's events). Times named
 * `...Elapsed` are on the monitor's elapsed timeline (monotonic plus detected sleep), the others wall-clock.
 */
export class RoomWatch {
  status: RoomStatus = 'waiting';
  /** When the next poll is due, on the elapsed timeline. */
  dueAt = 0;
  inFlight = false;
  /** Set by a gap in the process's time: not judged stale until its next poll comes back. */
  staleHeld = false;
  consecutiveFailures = 0;
  error: ImError | null = null;
  peak: Sample | null = null;
  /** Wall-clock time (epoch ms) the room stopped being polled, while it is stopped. */
  stoppedAt: number | null = null;
  /** How soon it is polled again while the rooms do not fit the rate, and why (see PollScheduler). */
  tier: PollTier = 'normal';
  tierReasons: readonly TierReason[] = [];
  /** When its count last moved enough to keep it fast, and since when it has been 0 (elapsed timeline). */
  movedAt: number | null = null;
  zeroSince: number | null = null;
  /** When its last call left, and the interval it was then due again in (elapsed timeline). */
  polledAt: number | null = null;
  intervalMs: number | null = null;
  private latest: Sample | null = null;
  private latestElapsed = 0;
  /** The count moves are measured from: the first one, then the one of the last move. */
  private moveBase: number | null = null;

  constructor(readonly groupId: string) {}

  get online(): number | null {
    return this.latest?.online ?? null;
  }

  /** Records a fresh count; returns the previous one. */
  recordSample(online: number, at: number, elapsed: number): number | null {
    const previous = this.online;
    this.latest = { at, online };
    this.latestElapsed = elapsed;
    if (this.moveBase === null) this.moveBase = online;
    else if (movedEnough(this.moveBase, online)) {
      this.moveBase = online;
      this.movedAt = elapsed;
    }
    if (online !== 0) this.zeroSince = null;
    else this.zeroSince ??= elapsed;
    if (!this.peak || online > this.peak.online) this.peak = { at, online };
    this.consecutiveFailures = 0;
    this.error = null;
    this.stoppedAt = null;
    this.status = 'live';
    return previous;
  }

  /** Records a failure after which the room is retried. */
  recordFailure(error: ImError): void {
    this.consecutiveFailures++;
    this.error = error;
    this.status = 'failing';
  }

  /** Stops polling this room for good (gone, not a live room, invalid id) at `at`, keeping it visible. */
  stop(error: ImError, at: number): void {
    this.consecutiveFailures++;
    this.error = error;
    this.status = 'stopped';
    this.stoppedAt = at;
  }

  /** Age of the latest count in ms on the elapsed timeline, or null without one. */
  ageMs(elapsedNow: number): number | null {
    return this.latest ? Math.max(0, elapsedNow - this.latestElapsed) : null;
  }

  /** Marks a live count as stale; returns whether the status changed. */
  markStale(): boolean {
    if (this.status !== 'live') return false;
    this.status = 'stale';
    return true;
  }

  snapshot(elapsedNow: number): RoomSnapshot {
    return {
      groupId: this.groupId,
      status: this.status,
      online: this.online,
      measuredAt: this.latest?.at ?? null,
      ageMs: this.ageMs(elapsedNow),
      error: this.error,
      consecutiveFailures: this.consecutiveFailures,
      peak: this.peak,
      stoppedAt: this.status === 'stopped' ? this.stoppedAt : null,
      ...(this.intervalMs === null ? {} : { intervalMs: this.intervalMs }),
    };
  }
}
