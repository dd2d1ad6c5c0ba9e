/**
 * Writes each opted-in room's count into the room, for its viewers, from the monitor's events.
 */

import type { PushState } from '../../common/room-push';
import type { Clock } from '../clock';
import type { ImCommand } from '../command-budgets';
import type { ApiResult } from '../im-response';
import type { MonitorEvent } from '../monitor-events';
import { type BackoffPolicy, backoffMs, DEFAULT_BACKOFF, DEFAULT_INTERVAL_MS } from '../poll-plan';
import { pushFailure } from './push-outcome';
import type { PushStatus } from './push-status';
import { MESSAGE_HEARTBEAT_MS, PUSH_COMMAND, type PushTarget, pushedValue } from './push-target';
import { type Reading, RoomPush } from './room-push-state';

/** The writes the pusher sends: the IM client, or anything that answers like it. */
export interface PushWriter {
  modifyGroupAttr(groupId: string, key: string, value: string, sendIf?: SendIf): Promise<ApiResult<void>>;
  updateGroupCounter(groupId: string, key: string, value: number, sendIf?: SendIf): Promise<ApiResult<void>>;
  sendGroupCustomMessage(
    groupId: string,
    key: string,
    data: string,
    sendIf?: SendIf,
  ): Promise<ApiResult<void>>;
}

/** Asked when a write's slot comes: false sends nothing. */
type SendIf = () => boolean;

export interface CountPusherOptions {
  writer: PushWriter;
  clock: Clock;
  /** Slows one command's budget after the server said the app is over that API's rate. */
  slowDown: (command: ImCommand, code?: number) => void;
  /** Each change of a room's push state (not each write). */
  onStatus: (status: PushStatus) => void;
  backoff?: BackoffPolicy;
  random?: () => number;
}

/** A count is written only while it is current: two effective intervals, the totals rule's bound. */
const FRESH_FOR_INTERVALS = 2;
/** After 10049, the room waits this long before its next attribute write, doubling to the ceiling. */
const ROOM_SLOW_FIRST_MS = 1_000;
const ROOM_SLOW_CEILING_MS = 30_000;
/** After the command's own rate limit, as long as its budget pauses. */
const COMMAND_SLOW_MS = 1_000;

/**
 * The pusher of one app profile. A room is written after a fresh count that differs from the last
 * one written (and, for messages, which the room does not keep, at least every minute); never a
 * failure, a count gone stale, one measured before a pause, or a closed room's. One write at a time
 * per room, the newest count winning while one is on its way; each command's own budget paces the
 * writes, so they never take a slot from the counts. A room whose writes fail retries with backoff
 * and says why; one the server refuses stops until the user changes it.
 */
export class CountPusher {
  private readonly rooms = new Map<string, RoomPush>();
  private intervalMs = DEFAULT_INTERVAL_MS;
  private paused = false;

  constructor(private readonly options: CountPusherOptions) {}

  /** Opts a room in (or changes how), or out with null. A change starts over: nothing written yet. */
  configure(groupId: string, target: PushTarget | null): void {
    const old = this.rooms.get(groupId);
    if (old && target && old.target.via === target.via && old.target.key === target.key) return;
    if (old) {
      this.forget(old);
      this.rooms.delete(groupId);
      if (!target) this.options.onStatus({ ...old.status(), state: 'off', reason: null, error: null });
    }
    if (!target) return;
    const room = new RoomPush(groupId, { via: target.via, key: target.key });
    this.rooms.set(groupId, room);
    this.options.onStatus(room.status());
  }

  /** The room's push, when it is opted in. */
  status(groupId: string): PushStatus | undefined {
    return this.rooms.get(groupId)?.status();
  }

  statuses(): PushStatus[] {
    return [...this.rooms.values()].map((room) => room.status());
  }

  /** Stops every timer; writes still on their way are ignored when they answer. */
  stop(): void {
    for (const room of this.rooms.values()) this.forget(room);
    this.rooms.clear();
  }

  /** Feeds one monitor event. */
  handle(event: MonitorEvent): void {
    switch (event.type) {
      case 'status':
        this.intervalMs = event.status.plan.effectiveIntervalMs;
        this.paused = event.status.state === 'paused' || event.status.state === 'auth-failed';
        if (this.paused) for (const room of this.rooms.values()) this.notCurrent(room);
        return;
      case 'sample':
        this.onSample(event.groupId, event.online, event.at);
        return;
      case 'room': {
        const room = this.rooms.get(event.room.groupId);
        if (!room || room.stopped) return;
        if (event.room.status === 'stopped') {
          const why = event.room.error?.kind === 'group-gone' ? 'The room closed' : 'The room is not polled';
          this.settleState(room, 'closed', `${why}: nothing more is written into it.`, null);
          this.forget(room);
        } else if (event.room.status !== 'live') this.notCurrent(room);
        return;
      }
      case 'resumed':
        for (const room of this.rooms.values()) this.notCurrent(room);
        return;
      default:
        return;
    }
  }

  private onSample(groupId: string, online: number, sampledAt: number): void {
    const room = this.rooms.get(groupId);
    if (!room || room.stopped || this.paused) return;
    const now = this.options.clock.monotonic();
    room.current = true;
    const written = room.written;
    const changed = !written || written.online !== online;
    // A message is gone once sent: one goes out when the next count would come too late.
    const due =
      room.target.via === 'message' &&
      written !== null &&
      now - written.writtenMono + this.intervalMs > MESSAGE_HEARTBEAT_MS;
    // While failing, every fresh count is worth a try (at the backoff's pace): it may be the one
    // that shows the push works again, even when viewers still see this number from before.
    const wanted = changed || due || room.state === 'failing';
    room.pending = wanted ? { online, sampledAt, sampledMono: now } : null;
    this.kick(room);
  }

  private kick(room: RoomPush): void {
    if (room.inFlight || room.timer !== null || !room.pending) return;
    const reading = room.pending;
    room.pending = null;
    if (!this.isFresh(reading)) return;
    room.inFlight = true;
    this.write(room.target, room.groupId, reading, () => this.wanted(room, reading)).then(
      (result) => this.settle(room, reading, result),
      (cause: unknown) => {
        const message = `Writing the count failed inside Headcount: ${cause instanceof Error ? cause.message : String(cause)}`;
        this.settle(room, reading, { ok: false, error: { kind: 'unknown', message } });
      },
    );
  }

  private write(
    target: PushTarget,
    groupId: string,
    reading: Reading,
    sendIf: SendIf,
  ): Promise<ApiResult<void>> {
    const { writer } = this.options;
    const value = pushedValue(target.via, reading.online, reading.sampledAt);
    switch (target.via) {
      case 'group-attr':
        return writer.modifyGroupAttr(groupId, target.key, String(value), sendIf);
      case 'group-counter':
        return writer.updateGroupCounter(groupId, target.key, Number(value), sendIf);
      case 'message':
        return writer.sendGroupCustomMessage(groupId, target.key, String(value), sendIf);
    }
  }

  /**
   * Whether `reading` is still worth writing into the room: asked again when its write's slot
   * comes, since a write may wait its turn behind others (the budget is per command, not per room).
   */
  private wanted(room: RoomPush, reading: Reading): boolean {
    return (
      this.rooms.get(room.groupId) === room &&
      !room.stopped &&
      !this.paused &&
      room.current &&
      this.isFresh(reading)
    );
  }

  /** The room's count is not current any more (a failure, staleness, a pause, sleep): nothing waits. */
  private notCurrent(room: RoomPush): void {
    room.current = false;
    room.pending = null;
  }

  private settle(room: RoomPush, sent: Reading, result: ApiResult<void>): void {
    room.inFlight = false;
    // Reconfigured or removed while the write was on its way: that room is not this one any more.
    if (this.rooms.get(room.groupId) !== room || room.stopped) return;
    if (result.ok) {
      const { clock } = this.options;
      room.written = { ...sent, writtenAt: clock.wall(), writtenMono: clock.monotonic() };
      room.failures = 0;
      room.slowed = 0;
      this.settleState(room, 'ok', null, null);
      this.kick(room);
      return;
    }
    // Held back when its slot came (gone stale while it waited): nothing was sent, nothing failed.
    if (!this.wanted(room, sent)) {
      this.kick(room);
      return;
    }
    const failure = pushFailure(room.target.via, result.error);
    if (failure.action === 'close' || failure.action === 'refuse') {
      this.settleState(room, failure.action === 'close' ? 'closed' : 'refused', failure.reason, result.error);
      this.forget(room);
      return;
    }
    // The count that failed goes again unless a newer one came meanwhile (or it is no longer fresh).
    room.pending ??= sent;
    let waitMs: number;
    if (failure.action === 'slow') {
      if (failure.scope === 'command')
        this.options.slowDown(PUSH_COMMAND[room.target.via], result.error.code);
      room.slowed++;
      waitMs =
        failure.scope === 'room'
          ? Math.min(ROOM_SLOW_CEILING_MS, ROOM_SLOW_FIRST_MS * 2 ** (room.slowed - 1))
          : COMMAND_SLOW_MS;
    } else {
      room.failures++;
      this.settleState(room, 'failing', failure.reason, result.error);
      const policy = this.options.backoff ?? DEFAULT_BACKOFF;
      waitMs = backoffMs(room.failures, policy, this.options.random ?? Math.random);
    }
    room.timer = this.options.clock.setTimer(() => {
      room.timer = null;
      this.kick(room);
    }, waitMs);
  }

  private isFresh(reading: Reading): boolean {
    const age = this.options.clock.monotonic() - reading.sampledMono;
    return age <= FRESH_FOR_INTERVALS * this.intervalMs;
  }

  private settleState(
    room: RoomPush,
    state: PushState,
    reason: string | null,
    error: PushStatus['error'],
  ): void {
    const changed = room.state !== state;
    room.state = state;
    room.reason = reason;
    room.error = error;
    // Reported on a change of state, and while failing once per failed write, so the alert rule
    // can tell a blip from a failing push; never once per poll of a healthy room.
    if (changed || state === 'failing') this.options.onStatus(room.status());
  }

  /** Drops the room's waiting count and its timer. */
  private forget(room: RoomPush): void {
    if (room.timer !== null) this.options.clock.clearTimer(room.timer);
    room.timer = null;
    room.pending = null;
  }
}
