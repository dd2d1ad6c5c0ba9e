import { ConfigError } from '../config-error';
import type { Alert } from './alert';
import { checkTimeZone, instantOf, localTime } from './local-time';

/** What a snooze silences: everything, one app profile, or one room of a profile. */
export type SnoozeScope =
  | { kind: 'all' }
  | { kind: 'profile'; profile: string }
  | { kind: 'room'; profile: string; groupId: string };

/** The durations a person picks from a menu. */
export type SnoozePreset = '15m' | '1h' | '4h' | 'tomorrow-morning';

/** One active snooze: its scope and when it ends (epoch ms). */
export interface Snooze {
  scope: SnoozeScope;
  until: number;
}

/** What {@link SnoozeBook.toJSON} writes and {@link SnoozeBook.fromJSON} reads back. */
export interface SnoozeState {
  version: 1;
  snoozes: Snooze[];
}

const PRESET_MS = { '15m': 15 * 60_000, '1h': 3_600_000, '4h': 4 * 3_600_000 } as const;

/**
 * When a snooze picked from a preset at `now` ends. `tomorrow-morning` is the next
 * `morningHour`:00 still ahead on the local clock of `timeZone` (the system's when absent): said
 * at 23:30 it means 08:00 the next day; said before `morningHour` (02:00, 07:30) the small hours
 * still count as tonight, so it means 08:00 the same day. DST changes are followed: the result is
 * 08:00 on the wall clock, whatever the length of the night.
 * @throws ConfigError for an unknown time zone or a morning hour outside 0-23.
 */
export function snoozeUntil(preset: SnoozePreset, now: number, timeZone?: string, morningHour = 8): number {
  if (preset !== 'tomorrow-morning') return now + PRESET_MS[preset];
  if (!Number.isInteger(morningHour) || morningHour < 0 || morningHour > 23) {
    throw new ConfigError(`Morning hour ${morningHour} is not an hour of the day: use a whole number 0-23.`);
  }
  checkTimeZone(timeZone);
  const today = localTime(now, timeZone);
  const day = today.hour < morningHour ? today.day : today.day + 1;
  return instantOf({ year: today.year, month: today.month, day, hour: morningHour, minute: 0 }, timeZone);
}

function keyOf(scope: SnoozeScope): string {
  if (scope.kind === 'all') return '["all"]';
  if (scope.kind === 'profile') return JSON.stringify(['profile', scope.profile]);
  return JSON.stringify(['room', scope.profile, scope.groupId]);
}

function copyScope(scope: SnoozeScope): SnoozeScope {
  if (scope.kind === 'all') return { kind: 'all' };
  if (scope.kind === 'profile') return { kind: 'profile', profile: scope.profile };
  return { kind: 'room', profile: scope.profile, groupId: scope.groupId };
}

function parseScope(value: unknown): SnoozeScope | null {
  if (typeof value !== 'object' || value === null) return null;
  const { kind, profile, groupId } = value as Record<string, unknown>;
  if (kind === 'all') return { kind };
  if (kind === 'profile' && typeof profile === 'string') return { kind, profile };
  if (kind === 'room' && typeof profile === 'string' && typeof groupId === 'string') {
    return { kind, profile, groupId };
  }
  return null;
}

/**
 * The snoozes a person set, held in memory and saved by the caller through {@link toJSON}. Pure:
 * every question takes `now` (wall-clock epoch ms). A room alert is held by a snooze of its room,
 * of its profile, or of everything; an app-level alert by its profile's or everything's; an alert
 * that summarises several rooms by its profile's, everything's, or snoozes covering all its rooms.
 */
export class SnoozeBook {
  private readonly snoozes = new Map<string, Snooze>();

  /** Snoozes `scope` until `until`, replacing an earlier snooze of the same scope (shorter or longer). */
  snooze(scope: SnoozeScope, until: number): void {
    this.snoozes.set(keyOf(scope), { scope: copyScope(scope), until });
  }

  /** Ends the snooze of exactly this scope; true when there was one. */
  unsnooze(scope: SnoozeScope): boolean {
    return this.snoozes.delete(keyOf(scope));
  }

  /** True when some active snooze holds `alert` at `now`. */
  isSnoozed(alert: Alert, now: number): boolean {
    return this.heldUntil(alert, now) !== null;
  }

  /** When the last of the snoozes holding `alert` ends, or null when none holds it at `now`. */
  heldUntil(alert: Alert, now: number): number | null {
    this.dropExpired(now);
    // Asked for every room at every snapshot and alert: with no snooze, no key need be made.
    if (this.snoozes.size === 0) return null;
    const untilOf = (scope: SnoozeScope) => this.snoozes.get(keyOf(scope))?.until ?? null;
    const found: (number | null)[] = [
      untilOf({ kind: 'all' }),
      untilOf({ kind: 'profile', profile: alert.profile }),
    ];
    const rooms = alert.groupId !== undefined ? [alert.groupId] : (alert.groupIds ?? []);
    if (rooms.length > 0) {
      const each = rooms.map((groupId) => untilOf({ kind: 'room', profile: alert.profile, groupId }));
      // A summary of several rooms is held only while every one of them is.
      if (each.every((until) => until !== null)) found.push(Math.min(...(each as number[])));
    }
    const held = found.filter((until): until is number => until !== null);
    return held.length > 0 ? Math.max(...held) : null;
  }

  /** The snoozes still running at `now`, soonest to end first. */
  active(now: number): Snooze[] {
    this.dropExpired(now);
    return [...this.snoozes.values()]
      .sort((a, b) => a.until - b.until)
      .map((entry) => ({ scope: copyScope(entry.scope), until: entry.until }));
  }

  /** A plain, JSON-ready copy of every snooze (expired ones included until a question drops them). */
  toJSON(): SnoozeState {
    return {
      version: 1,
      snoozes: [...this.snoozes.values()].map((entry) => ({
        scope: copyScope(entry.scope),
        until: entry.until,
      })),
    };
  }

  /**
   * Rebuilds a book from saved state. Entries that do not make sense (a hand-edited or older
   * settings file) are skipped rather than refused: a lost snooze is better than an app that will
   * not start.
   */
  static fromJSON(value: unknown): SnoozeBook {
    const book = new SnoozeBook();
    const list =
      typeof value === 'object' && value !== null ? (value as { snoozes?: unknown }).snoozes : null;
    if (!Array.isArray(list)) return book;
    for (const item of list) {
      if (typeof item !== 'object' || item === null) continue;
      const scope = parseScope((item as { scope?: unknown }).scope);
      const until = (item as { until?: unknown }).until;
      if (scope && typeof until === 'number' && Number.isFinite(until)) book.snooze(scope, until);
    }
    return book;
  }

  private dropExpired(now: number): void {
    for (const [key, entry] of this.snoozes) if (entry.until <= now) this.snoozes.delete(key);
  }
}
