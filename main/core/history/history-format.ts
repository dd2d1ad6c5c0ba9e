/**
 * The history files: JSON Lines, one line per write, each line complete in itself.
 *
 * Layout, in one folder:
 * - `samples-<h>.jsonl`, h = (hours since the epoch) mod 7: every count of that UTC hour. Seven
 *   files hold the current hour and the six before it, so the full-resolution window (6 h) is on disk.
 * - `minutes-<d>.jsonl`, d = (days since the epoch) mod 8: one bucket per room and minute of that
 *   UTC day. Eight files hold today and the seven days before it.
 * A file is reused for a later hour or day by replacing it, so the folder never holds more than 15
 * files and nothing has to be deleted; expired data goes with the file it was in.
 *
 * Lines:
 * - header, the first line of each file:
 *   `{"headcount":"history","v":1,"kind":"samples","from":"2026-11-26T12:00:00.000Z"}`
 * - samples: `{"t":1764158400,"r":{"<room key>":[3,1234,10,1240,10,null]}}`: for each room, pairs
 *   of seconds since the previous sample (the first since `t`, epoch seconds) and the count, null
 *   for a failed poll.
 * - minutes: `{"m":29402640,"r":{"<room key>":[0,1230,1234.5,1240,6]}}`: for each room, groups of
 *   five: minutes since the previous bucket (the first since `m`, minutes since the epoch), min,
 *   average (one decimal), max, and the number of counts.
 * A line that does not parse or does not fit this shape is skipped whole; the others stand alone.
 */
import type { MinuteRecord } from './room-history';

/** The two kinds of file: every count of an hour, or the minute buckets of a day. */
export type HistoryFileKind = 'samples' | 'minutes';

/** The `v` of the headers written; a file with a higher one is left unread. */
export const FORMAT_VERSION = 1;
const HOUR_MS = 3_600_000;
const DAY_MS = 86_400_000;

/** The period a file holds, its length and how many files take turns. */
export const FILE_KINDS: Record<HistoryFileKind, { periodMs: number; slots: number }> = {
  samples: { periodMs: HOUR_MS, slots: 7 },
  minutes: { periodMs: DAY_MS, slots: 8 },
};

/** The hour (samples) or day (minutes) since the epoch that `ms` falls in. */
export const periodOf = (kind: HistoryFileKind, ms: number) => Math.floor(ms / FILE_KINDS[kind].periodMs);

/** The file a period goes to: its number modulo the kind's number of files. */
export const fileNameOf = (kind: HistoryFileKind, period: number) =>
  `${kind}-${period % FILE_KINDS[kind].slots}.jsonl`;

/** The first line of a file, naming its kind and the start of its period. */
export function headerLine(kind: HistoryFileKind, period: number): string {
  const from = new Date(period * FILE_KINDS[kind].periodMs).toISOString();
  return JSON.stringify({ headcount: 'history', v: FORMAT_VERSION, kind, from });
}

/**
 * A samples line from each room's samples, flat as [epoch s, count or -1 for a failure, ...],
 * oldest first.
 */
export function samplesLine(rooms: ReadonlyMap<string, readonly number[]>): string {
  let base = Number.POSITIVE_INFINITY;
  for (const flat of rooms.values()) if (flat.length > 0) base = Math.min(base, flat[0] as number);
  const r: Record<string, Array<number | null>> = {};
  for (const [key, flat] of rooms) {
    const out: Array<number | null> = [];
    let previous = base;
    for (let i = 0; i < flat.length; i += 2) {
      const at = flat[i] as number;
      const online = flat[i + 1] as number;
      out.push(at - previous, online < 0 ? null : online);
      previous = at;
    }
    r[key] = out;
  }
  return JSON.stringify({ t: base, r });
}

/** A minutes line from each room's closed minutes, oldest first. */
export function minutesLine(rooms: ReadonlyMap<string, readonly MinuteRecord[]>): string {
  let base = Number.POSITIVE_INFINITY;
  for (const list of rooms.values()) if (list[0]) base = Math.min(base, list[0].minute);
  const r: Record<string, number[]> = {};
  for (const [key, list] of rooms) {
    const out: number[] = [];
    let previous = base;
    for (const m of list) {
      out.push(m.minute - previous, m.min, m.avgTenths / 10, m.max, m.count);
      previous = m.minute;
    }
    r[key] = out;
  }
  return JSON.stringify({ m: base, r });
}

/** What a line of a history file holds, handed over one entry at a time. */
export interface LineVisitor {
  header(kind: HistoryFileKind, period: number, version: number): void;
  sample(key: string, atS: number, online: number | null): void;
  minute(key: string, record: MinuteRecord): void;
}

const isCount = (value: unknown): value is number =>
  typeof value === 'number' && Number.isSafeInteger(value) && value >= 0;
const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * Parses one line and hands its entries to `visit`; false (and nothing handed over) when the line
 * is not a history line of `kind`.
 */
export function readLine(text: string, kind: HistoryFileKind, visit: LineVisitor): boolean {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return false;
  }
  if (!isRecord(value)) return false;
  if (value.headcount === 'history') {
    const from = typeof value.from === 'string' ? Date.parse(value.from) : Number.NaN;
    if (value.kind !== kind || !Number.isFinite(from) || !isCount(value.v)) return false;
    visit.header(kind, periodOf(kind, from), value.v);
    return true;
  }
  const base = kind === 'samples' ? value.t : value.m;
  if (!isCount(base) || !isRecord(value.r)) return false;
  const rooms = Object.entries(value.r);
  const valid = kind === 'samples' ? validSamples : validMinutes;
  if (!rooms.every(([, list]) => valid(list))) return false;
  for (const [key, list] of rooms) {
    let at = base;
    const values = list as Array<number | null>;
    if (kind === 'samples') {
      for (let i = 0; i < values.length; i += 2) {
        at += values[i] as number;
        visit.sample(key, at, values[i + 1] as number | null);
      }
    } else {
      for (let i = 0; i < values.length; i += 5) {
        at += values[i] as number;
        const [min, avg, max, count] = values.slice(i + 1, i + 5) as number[];
        visit.minute(key, {
          minute: at,
          min: min as number,
          avgTenths: Math.round((avg as number) * 10),
          max: max as number,
          count: count as number,
        });
      }
    }
  }
  return true;
}

function validSamples(list: unknown): boolean {
  if (!Array.isArray(list) || list.length % 2 !== 0) return false;
  for (let i = 0; i < list.length; i += 2) {
    if (!isCount(list[i]) || !(list[i + 1] === null || isCount(list[i + 1]))) return false;
  }
  return true;
}

function validMinutes(list: unknown): boolean {
  if (!Array.isArray(list) || list.length % 5 !== 0) return false;
  for (let i = 0; i < list.length; i += 5) {
    const [delta, min, avg, max, count] = list.slice(i, i + 5);
    if (!isCount(delta) || !isCount(min) || !isCount(max) || !isCount(count) || count === 0) return false;
    if (typeof avg !== 'number' || avg < min || avg > max) return false;
  }
  return true;
}
