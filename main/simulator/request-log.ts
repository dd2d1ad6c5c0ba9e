/**
 * Everything the simulator received on `/v4/`, with the counters tests and benchmarks read.
 */
import type { RequestRecord, SimulatorStats } from './types';

/** get_online_member_num, the command the sliding-window maximum counts. */
const COUNTED_COMMAND = 'get_online_member_num';

/** The request log and its stats, kept in arrival order. */
export class RequestLog {
  private records: RequestRecord[] = [];
  private recentCounted: number[] = [];
  private maxInAnyWindow = 0;

  /** Logs a request on arrival; the caller fills in the outcome on the returned record. */
  received(at: number, command: string, groupId: string | undefined, body?: unknown): RequestRecord {
    const record: RequestRecord = { at, command, errorCode: -1, httpStatus: 0 };
    if (groupId !== undefined) record.groupId = groupId;
    if (body !== undefined) record.body = body;
    this.records.push(record);
    if (command === COUNTED_COMMAND) this.countInWindow(at);
    return record;
  }

  list(): RequestRecord[] {
    return this.records.map((record) => ({ ...record }));
  }

  reset(): void {
    this.records = [];
    this.recentCounted = [];
    this.maxInAnyWindow = 0;
  }

  stats(): SimulatorStats {
    const byErrorCode: Record<string, number> = {};
    for (const { errorCode } of this.records) {
      byErrorCode[errorCode] = (byErrorCode[errorCode] ?? 0) + 1;
    }
    return { total: this.records.length, byErrorCode, maxInAnyWindow: this.maxInAnyWindow };
  }

  private countInWindow(at: number): void {
    const recent = this.recentCounted;
    const last = recent[recent.length - 1];
    // A clock set back (a test's fake clock) starts the window afresh.
    if (last !== undefined && at < last) recent.length = 0;
    let expired = 0;
    while (expired < recent.length && at - (recent[expired] as number) >= 1000) expired++;
    if (expired > 0) recent.splice(0, expired);
    recent.push(at);
    this.maxInAnyWindow = Math.max(this.maxInAnyWindow, recent.length);
  }
}
