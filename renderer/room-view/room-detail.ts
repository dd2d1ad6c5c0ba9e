/**
 * One room in full: its chart over a chosen range with the alerts marked and listed, the peak, min
 * and average, the stream sessions, snoozing its alerts, its own rules, showing its count to its
 * viewers, and exporting its history as CSV or the chart as PNG. The live range grows with each pushed count; other ranges load once
 * when chosen.
 */
import type { ChartData, ChartRange, MonitorApi, RoomView } from '../../main/contract/monitor-api';
import { button, el, setText } from '../dom';
import type { ViewTranslator } from '../i18n/view-words';
import type { RoomRow } from '../rooms/room-rows';
import { ChartLegend } from './chart-legend';
import {
  appendLive,
  type ChartColumns,
  type ChartMark,
  chartColumns,
  chartMarks,
  columnsSummary,
} from './chart-series';
import { OverlaySection } from './overlay-section';
import { PushSection } from './push-section';
import { RoomChartView } from './room-chart-view';
import { lookWhileOpen } from './room-look';
import { RoomRulesForm } from './room-rules-form';
import { ExportSection, reasonOf, SessionsSection, SnoozeSection } from './room-sections';

/** The ranges offered, shortest first. */
export const RANGES: readonly ChartRange[] = ['live', '1h', '6h', '24h', '7d'];

/** What the room view reads of the popover: the room as last pushed and its row's words. */
export interface RoomDetailSource {
  room(key: string): RoomView | undefined;
  row(key: string): RoomRow | null;
  translator(): ViewTranslator;
  /** Every room as last pushed: an overlay link names the profile when two watch one group id. */
  rooms(): Iterable<RoomView>;
}

/** The room view of one room; see the file's comment. */
export class RoomDetail {
  readonly element = el('section', { class: 'room-view', 'aria-labelledby': 'room-view-title' });
  private readonly back: HTMLButtonElement;
  private readonly title = el('h2', { id: 'room-view-title', tabindex: '-1' });
  private readonly now = el('p', { class: 'room-now' });
  private readonly ranges = el('div', { class: 'range-bar', role: 'group' });
  private readonly status = el('p', { class: 'chart-status', role: 'status' });
  private readonly chart: RoomChartView;
  private readonly summary = el('p', { class: 'chart-summary' });
  private readonly alertsTitle = el('h3');
  private readonly legend = new ChartLegend();
  private readonly alertList = el('ul', { class: 'alert-list' });
  private readonly rulesTitle = el('h3');
  private readonly rulesHelp = el('p', { class: 'none' });
  private readonly rules: RoomRulesForm;
  private readonly sessions: SessionsSection;
  private readonly snooze: SnoozeSection;
  private readonly exports: ExportSection;
  private readonly overlay: OverlaySection;
  private readonly push: PushSection;
  private range: ChartRange = 'live';
  private data: ChartData | null = null;
  private columns: ChartColumns | null = null;
  /** Where the marked alerts of the range shown start (its first point). */
  private marksFrom = 0;
  private lastMeasured: number | null;
  private loading = 0;
  private readonly stopLooking: () => void;

  constructor(
    private readonly api: MonitorApi,
    readonly key: string,
    private readonly source: RoomDetailSource,
    close: () => void,
  ) {
    const tr = source.translator();
    this.chart = new RoomChartView(() => this.source.translator());
    const words = () => this.source.translator();
    this.rules = new RoomRulesForm(api, key, words);
    this.sessions = new SessionsSection(api, key, words);
    this.snooze = new SnoozeSection(api, key, words);
    this.exports = new ExportSection(
      api,
      {
        key,
        name: () => this.source.row(key)?.name ?? key,
        range: () => this.range,
        png: () => this.chart.png(),
      },
      words,
    );
    this.overlay = new OverlaySection(
      api,
      key,
      { room: () => this.source.room(key), rooms: () => this.source.rooms() },
      words,
    );
    this.push = new PushSection(api, key, () => this.source.room(key), words);
    this.stopLooking = lookWhileOpen(api, key);
    this.back = button(`← ${tr.t('roomView.back')}`, close, { class: 'back' });
    this.lastMeasured = source.room(key)?.measuredAt ?? null;
    const header = el('div', { class: 'room-view-head' });
    header.append(this.back, this.title, this.now);
    this.element.append(
      header,
      this.ranges,
      this.status,
      this.chart.element,
      this.legend.element,
      this.summary,
      this.alertsTitle,
      this.alertList,
      this.sessions.element,
      this.snooze.element,
      this.rulesTitle,
      this.rulesHelp,
      this.rules.element,
      this.push.element,
      this.exports.element,
      this.overlay.element,
    );
    this.element.addEventListener('keydown', (event) => {
      if (event.key === 'Escape') {
        event.preventDefault();
        close();
      }
    });
    this.alertList.addEventListener('mouseover', (event) => {
      this.chart.highlight((event.target as HTMLElement).closest('li')?.dataset.id ?? null);
    });
    this.alertList.addEventListener('mouseleave', () => this.chart.highlight(null));
    this.translate();
    this.load('live');
  }

  /** Puts the keyboard in the view: on its title, so a screen reader says which room this is. */
  focus(): void {
    this.title.focus();
  }

  /** Writes the view's words in the UI's language (the chart's axes follow at the next draw). */
  translate(): void {
    const tr = this.source.translator();
    setText(this.back, `← ${tr.t('roomView.back')}`);
    this.ranges.setAttribute('aria-label', tr.t('roomView.ranges'));
    this.ranges.replaceChildren(
      ...RANGES.map((range) =>
        button(tr.t(`range.${range}`), () => this.load(range), {
          'aria-pressed': String(range === this.range),
          'data-range': range,
        }),
      ),
    );
    setText(this.alertsTitle, tr.t('alerts.heading'));
    setText(this.rulesTitle, tr.t('rules.heading'));
    setText(this.rulesHelp, tr.t('rules.help'));
    this.rules.translate();
    this.sessions.translate(tr);
    this.exports.translate(tr);
    this.overlay.translate();
    this.push.translate();
    this.snooze.show(this.source.room(this.key)?.snoozedUntil ?? null, true);
    this.roomChanged();
    if (this.data) {
      this.showSummary();
      this.showAlertList(chartMarks(this.data.alerts, this.marksFrom, Number.POSITIVE_INFINITY, tr));
    }
  }

  /** The room was pushed: new words, and on the live range a new point when the count is new. */
  roomChanged(): void {
    const tr = this.source.translator();
    const room = this.source.room(this.key);
    const row = this.source.row(this.key);
    if (row) {
      setText(this.title, row.name);
      const count = row.hasCount ? tr.t('room.online', { count: row.count }) : tr.t('chart.noCount');
      setText(this.now, tr.join([count, row.state, row.age], 'inline'));
    }
    this.snooze.show(room?.snoozedUntil ?? null);
    this.push.roomChanged();
    const measured = room?.measuredAt ?? null;
    if (!room || measured === null || measured === this.lastMeasured) return;
    this.lastMeasured = measured;
    if (this.range !== 'live' || !this.columns || !this.data) return;
    if (appendLive(this.columns, measured, room.online)) {
      this.data.summary = columnsSummary(this.columns);
      this.chart.update(this.columns);
      this.showSummary();
    }
  }

  destroy(): void {
    this.stopLooking();
    this.chart.destroy();
    this.overlay.destroy();
  }

  private load(range: ChartRange): void {
    this.range = range;
    for (const node of this.ranges.children)
      node.setAttribute('aria-pressed', String((node as HTMLElement).dataset.range === range));
    const tr = this.source.translator();
    const ticket = ++this.loading;
    setText(this.status, tr.t('chart.loading'));
    this.status.hidden = false;
    this.element.setAttribute('aria-busy', 'true');
    this.api.getChart(this.key, range).then(
      (data) => {
        if (ticket !== this.loading) return;
        this.element.removeAttribute('aria-busy');
        this.show(data);
      },
      (error: unknown) => {
        if (ticket !== this.loading) return;
        this.element.removeAttribute('aria-busy');
        setText(this.status, tr.t('chart.failed', { reason: reasonOf(error) }));
      },
    );
  }

  private show(data: ChartData): void {
    const tr = this.source.translator();
    this.data = data;
    const { columns, banded } = chartColumns(data);
    this.columns = columns;
    // The engine sends the range's alerts; only those before the first point are left out.
    this.marksFrom = (columns[0][0] ?? 0) * 1000;
    const marks = chartMarks(data.alerts, this.marksFrom, Number.POSITIVE_INFINITY, tr);
    const empty = data.online.every((value) => value === null);
    setText(this.status, empty ? tr.t('chart.empty') : '');
    this.status.hidden = !empty;
    this.chart.show(columns, banded, marks, this.chartLabel());
    this.showSummary();
    this.showAlertList(marks);
  }

  /** The range's alerts listed under the chart, titled in the UI's language. */
  private showAlertList(marks: readonly ChartMark[]): void {
    const tr = this.source.translator();
    this.legend.show(marks, tr);
    this.alertList.replaceChildren(
      ...(marks.length === 0
        ? [el('li', { class: 'none' }, tr.t('alerts.none'))]
        : marks.map((mark) =>
            el(
              'li',
              { 'data-id': mark.id, 'data-severity': mark.severity },
              tr.t('alerts.item', { time: tr.time(mark.at), title: mark.title }),
            ),
          )),
    );
  }

  private chartLabel(): string {
    const tr = this.source.translator();
    return tr.t('chart.label', { range: tr.t(`range.${this.range}.long`), summary: this.summaryText() });
  }

  private summaryText(): string {
    const tr = this.source.translator();
    const summary = this.data?.summary;
    if (!summary?.peak) return tr.t('chart.noCount');
    return tr.join(
      [
        tr.t('chart.peak', { count: summary.peak.online, time: tr.time(summary.peak.at) }),
        summary.min === null ? null : tr.t('chart.min', { count: summary.min }),
        summary.avg === null ? null : tr.t('chart.avg', { count: Math.round(summary.avg) }),
      ],
      'inline',
    );
  }

  private showSummary(): void {
    setText(this.summary, this.summaryText());
  }
}
