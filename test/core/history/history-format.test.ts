import { describe, expect, it } from 'vitest';
import {
  type HistoryFileKind,
  headerLine,
  minutesLine,
  readLine,
  samplesLine,
} from '../../../main/core/history/history-format';
import type { MinuteRecord } from '../../../main/core/history/room-history';

/** What readLine hands over for a line, or false when it refuses it (and then hands over nothing). */
function read(text: string, kind: HistoryFileKind) {
  const seen: unknown[] = [];
  const ok = readLine(text, kind, {
    header: (k, period, version) => seen.push(['header', k, period, version]),
    sample: (key, atS, online) => seen.push([key, atS, online]),
    minute: (key, record) => seen.push([key, record]),
  });
  if (!ok) expect(seen).toEqual([]);
  return ok ? seen : false;
}

describe('the history lines', () => {
  it('write each room against the earliest time of the line, a failed poll as null', () => {
    const rooms = new Map<string, number[]>([
      ['b', [1_000_020, 7, 1_000_030, -1]],
      ['empty', []],
      ['a', [1_000_010, 5, 1_000_011, 0]],
    ]);
    const line = samplesLine(rooms);
    // A count of 0 is a count; only a failure (-1 in memory) is null.
    expect(line).toBe('{"t":1000010,"r":{"b":[10,7,10,null],"empty":[],"a":[0,5,1,0]}}');
    expect(read(line, 'samples')).toEqual([
      ['b', 1_000_020, 7],
      ['b', 1_000_030, null],
      ['a', 1_000_010, 5],
      ['a', 1_000_011, 0],
    ]);
  });

  it('write minutes against the earliest minute, the average in one decimal', () => {
    const minute = (at: number, avgTenths: number): MinuteRecord => ({
      minute: at,
      min: 3,
      avgTenths,
      max: 9,
      count: 4,
    });
    const rooms = new Map<string, MinuteRecord[]>([
      ['b', [minute(29_402_645, 45), minute(29_402_647, 61)]],
      ['empty', []],
      ['a', [minute(29_402_641, 30)]],
    ]);
    const line = minutesLine(rooms);
    expect(line).toBe('{"m":29402641,"r":{"b":[4,3,4.5,9,4,2,3,6.1,9,4],"empty":[],"a":[0,3,3,9,4]}}');
    expect(read(line, 'minutes')).toEqual([
      ['b', minute(29_402_645, 45)],
      ['b', minute(29_402_647, 61)],
      ['a', minute(29_402_641, 30)],
    ]);
  });

  it('start each file with a header naming its kind, version and period', () => {
    expect(headerLine('samples', 491_160)).toBe(
      '{"headcount":"history","v":1,"kind":"samples","from":"2026-01-12T00:00:00.000Z"}',
    );
    expect(read(headerLine('samples', 491_160), 'samples')).toEqual([['header', 'samples', 491_160, 1]]);
    expect(read(headerLine('minutes', 20_465), 'minutes')).toEqual([['header', 'minutes', 20_465, 1]]);
    expect(
      read('{"headcount":"history","v":7,"kind":"minutes","from":"2026-01-12T00:00:00.000Z"}', 'minutes'),
    ).toEqual([['header', 'minutes', 20_465, 7]]);
  });

  it('refuse, whole, every line that is not one of its kind', () => {
    const refused: Array<[string, HistoryFileKind]> = [
      ['not json', 'samples'],
      ['null', 'samples'],
      ['42', 'samples'],
      ['"text"', 'samples'],
      ['[1,2]', 'samples'],
      ['{"t":-1,"r":{}}', 'samples'],
      ['{"t":1.5,"r":{}}', 'samples'],
      ['{"t":"1","r":{}}', 'samples'],
      ['{"t":1,"r":[]}', 'samples'],
      ['{"t":1,"r":null}', 'samples'],
      ['{"t":1,"r":{"a":"x"}}', 'samples'],
      ['{"t":1,"r":{"a":[1]}}', 'samples'],
      ['{"t":1,"r":{"a":[-1,5]}}', 'samples'],
      ['{"t":1,"r":{"a":[1,-5]}}', 'samples'],
      ['{"t":1,"r":{"a":[1,"5"]}}', 'samples'],
      ['{"t":1,"r":{"a":[1,5.5]}}', 'samples'],
      // One bad room spoils the line: nothing of it is handed over.
      ['{"t":1,"r":{"a":[0,5],"b":[0]}}', 'samples'],
      ['{"m":1,"r":{"a":[0,3,3,3,1]}}', 'samples'],
      ['{"t":1,"r":{"a":[0,5]}}', 'minutes'],
      ['{"m":1,"r":{"a":[0,3,3,3]}}', 'minutes'],
      ['{"m":1,"r":{"a":[0,3,3,3,0]}}', 'minutes'],
      ['{"m":1,"r":{"a":[0,3,2.9,5,2]}}', 'minutes'],
      ['{"m":1,"r":{"a":[0,3,5.1,5,2]}}', 'minutes'],
      ['{"m":1,"r":{"a":[0,3,"4",5,2]}}', 'minutes'],
      ['{"m":1,"r":{"a":[0,-3,4,5,2]}}', 'minutes'],
      ['{"m":1,"r":{"a":[0,3,4,5.5,2]}}', 'minutes'],
      ['{"m":1,"r":{"a":[0.5,3,4,5,2]}}', 'minutes'],
      ['{"m":1,"r":{"a":[0,3,4,5,-2]}}', 'minutes'],
      ['{"m":1,"r":{"a":[0,3,4,5,2],"b":"x"}}', 'minutes'],
      ['{"headcount":"history","v":1,"kind":"minutes","from":"2026-01-12T00:00:00.000Z"}', 'samples'],
      ['{"headcount":"history","v":1,"kind":"samples","from":"not a date"}', 'samples'],
      ['{"headcount":"history","v":1,"kind":"samples","from":1768176000000}', 'samples'],
      ['{"headcount":"history","v":1,"kind":"samples"}', 'samples'],
      ['{"headcount":"history","v":-1,"kind":"samples","from":"2026-01-12T00:00:00.000Z"}', 'samples'],
      ['{"headcount":"history","v":1.5,"kind":"samples","from":"2026-01-12T00:00:00.000Z"}', 'samples'],
      ['{"headcount":"history","v":"1","kind":"samples","from":"2026-01-12T00:00:00.000Z"}', 'samples'],
    ];
    for (const [text, kind] of refused) expect([text, read(text, kind)]).toEqual([text, false]);
  });

  it('take the edges of what is allowed: zero, an average at the min or the max', () => {
    expect(read('{"t":0,"r":{"a":[0,0,0,null]}}', 'samples')).toEqual([
      ['a', 0, 0],
      ['a', 0, null],
    ]);
    expect(read('{"m":0,"r":{"a":[0,3,3,5,1,1,3,5,5,1]}}', 'minutes')).toEqual([
      ['a', { minute: 0, min: 3, avgTenths: 30, max: 5, count: 1 }],
      ['a', { minute: 1, min: 3, avgTenths: 50, max: 5, count: 1 }],
    ]);
    expect(read('{"t":5,"r":{}}', 'samples')).toEqual([]);
  });
});
