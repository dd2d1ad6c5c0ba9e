import { describe, expect, it } from 'vitest';
import type { AlertView, ChartData } from '../../../main/contract/monitor-api';
import { translator } from '../../../renderer/i18n/translator';
import { withViewWords } from '../../../renderer/i18n/view-words';
import {
  appendLive,
  chartColumns,
  chartMarks,
  columnsSummary,
  exportFileName,
} from '../../../renderer/room-view/chart-series';
import { NO_FACTS } from '../../support/view-parts';

const T = Date.UTC(2026, 10, 26, 12, 0, 0);

function chart(partial: Partial<ChartData>): ChartData {
  return {
    range: 'live',
    at: [],
    online: [],
    min: [],
    max: [],
    summary: { peak: null, min: null, avg: null },
    alerts: [],
    ...partial,
  };
}

function alert(id: string, at: number, title: string, rule: AlertView['rule'] = 'above'): AlertView {
  return {
    id,
    rule,
    phase: rule === 'session' ? 'notice' : 'firing',
    severity: 'warning',
    profileId: 'p',
    roomKey: 'p/@TGS#a',
    title,
    message: 'm',
    at,
    facts: NO_FACTS,
  };
}

describe('chartColumns', () => {
  it('gives uPlot seconds and keeps gaps as null; only bucketed charts have a band', () => {
    const live = chartColumns(
      chart({ at: [T, T + 10_000], online: [5, null], min: [null, null], max: [null, null] }),
    );
    expect(live.columns).toEqual([
      [T / 1000, T / 1000 + 10],
      [5, null],
      [null, null],
      [null, null],
    ]);
    expect(live.banded).toBe(false);
    const day = chartColumns(chart({ range: '24h', at: [T], online: [5.5], min: [4], max: [7] }));
    expect(day.banded).toBe(true);
    expect(day.columns[2]).toEqual([4]);
  });
});

describe('appendLive', () => {
  it('appends newer counts, ignores repeats, and drops what left the window', () => {
    const { columns } = chartColumns(
      chart({ at: [T, T + 10_000], online: [1, 2], min: [null, null], max: [null, null] }),
    );
    expect(appendLive(columns, T + 10_000, 3)).toBe(false);
    expect(appendLive(columns, T + 20_000, null, 15_000)).toBe(true);
    expect(columns).toEqual([
      [T / 1000 + 10, T / 1000 + 20],
      [2, null],
      [null, null],
      [null, null],
    ]);
    expect(columns.every((column) => column.length === 2)).toBe(true);
  });
});

describe('columnsSummary', () => {
  it('finds the latest peak, the min and the average, skipping gaps', () => {
    const { columns } = chartColumns(
      chart({ at: [T, T + 1000, T + 2000, T + 3000], online: [4, 9, null, 9], min: [], max: [] }),
    );
    expect(columnsSummary(columns)).toEqual({ peak: { online: 9, at: T + 3000 }, min: 4, avg: 7.3 });
    const empty = chartColumns(chart({ at: [T], online: [null] })).columns;
    expect(columnsSummary(empty)).toEqual({ peak: null, min: null, avg: null });
  });
});

describe('chartMarks', () => {
  it('keeps the alerts within the span, oldest first', () => {
    const marks = chartMarks(
      [alert('b', T + 5, 'later'), alert('a', T, 'first'), alert('x', T - 1, 'before')],
      T,
      T + 10,
      withViewWords(translator('en')),
    );
    expect(marks.map((mark) => mark.id)).toEqual(['a', 'b']);
    // Without facts a mark keeps the engine's English title.
    expect(marks[0]).toEqual({ id: 'a', at: T, title: 'first', severity: 'warning' });
  });

  it("titles a mark in the UI's language from the alert's facts", () => {
    const above = {
      ...alert('a', T, "Room 'Launch Day' 1,240 online"),
      facts: { ...NO_FACTS, label: 'Launch Day', value: 1240, threshold: 1000 },
    };
    expect(chartMarks([above], T, T, withViewWords(translator('zh-CN')))[0]?.title).toBe(
      '直播间「Launch Day」人数 1,240',
    );
    expect(chartMarks([above], T, T, withViewWords(translator('en')))[0]?.title).toBe(
      'Launch Day: 1,240 online',
    );
  });
});

describe('exportFileName', () => {
  it('names the room, range and local time, in characters every file system accepts', () => {
    const at = new Date(2026, 10, 26, 9, 5);
    expect(exportFileName('Launch Day: "VIP"/2', '24h', at, 'csv')).toBe(
      'headcount-Launch-Day-VIP-2-24h-20261126-0905.csv',
    );
    expect(exportFileName('新品发布会', 'live', at, 'png')).toBe(
      'headcount-新品发布会-live-20261126-0905.png',
    );
    expect(exportFileName('@TGS#/..', '7d', at, 'csv')).toBe('headcount-TGS-7d-20261126-0905.csv');
    expect(exportFileName('***', '1h', at, 'csv')).toBe('headcount-room-1h-20261126-0905.csv');
  });
});
