/**
 * The room view's chart as the page holds it: a frame placed at once, drawn by
 * {@link RoomChartPlot} once the chart bundle has loaded (see room-chart-loader.ts). Until then the
 * latest columns are kept and drawn when it arrives, so the room view never waits for uPlot.
 */
import { el } from '../dom';
import type { Translator } from '../i18n/translator';
import type { ChartColumns, ChartMark } from './chart-series';
import { loadRoomChart } from './room-chart-loader';
import type { RoomChartPlot } from './room-chart-plot';

/** What {@link RoomChartView.show} was last asked to draw. */
interface Drawing {
  columns: ChartColumns;
  banded: boolean;
  marks: ChartMark[];
  label: string;
}

/** One chart in the room view; rebuilt for each range, updated in place for live points. */
export class RoomChartView {
  /** The chart's element to place in the page. */
  readonly element = el('div', { class: 'chart-frame' });
  private plot: RoomChartPlot | null = null;
  private pending: Drawing | null = null;
  private destroyed = false;
  private ready: Promise<RoomChartPlot | null> | null = null;

  constructor(private readonly tr: () => Translator) {}

  /** Draws new columns (a new range); `label` describes the chart for screen readers. */
  show(columns: ChartColumns, banded: boolean, marks: ChartMark[], label: string): void {
    if (this.plot) {
      this.plot.show(columns, banded, marks, label);
      return;
    }
    this.pending = { columns, banded, marks, label };
    this.load();
  }

  /** Redraws after live points were appended to the columns given to {@link show}. */
  update(columns: ChartColumns): void {
    if (this.plot) this.plot.update(columns);
    else if (this.pending) this.pending.columns = columns;
  }

  /** The chart as a PNG on the page's background, or null before it is drawn. */
  async png(): Promise<Blob | null> {
    const plot = this.plot ?? (await this.ready) ?? null;
    return plot ? plot.png() : null;
  }

  /** Shows the tip of the alert with this id, as its mark's hover or focus does (null hides it). */
  highlight(id: string | null): void {
    this.plot?.highlight(id);
  }

  /** Frees the chart; a bundle still loading then draws nothing. */
  destroy(): void {
    this.destroyed = true;
    this.pending = null;
    this.plot?.destroy();
    this.plot = null;
  }

  /** Loads the bundle once per view, then draws what was last shown. */
  private load(): void {
    this.ready ??= loadRoomChart().then(
      ({ RoomChartPlot }) => {
        if (this.destroyed) return null;
        this.element.replaceChildren();
        const plot = new RoomChartPlot(this.element, this.tr);
        this.plot = plot;
        const drawing = this.pending;
        this.pending = null;
        if (drawing) plot.show(drawing.columns, drawing.banded, drawing.marks, drawing.label);
        return plot;
      },
      (error: unknown) => {
        // Said where the chart would be; the next range chosen tries again.
        this.ready = null;
        if (!this.destroyed) {
          const reason = error instanceof Error ? error.message : String(error);
          this.element.replaceChildren(
            el('p', { class: 'chart-status', role: 'status' }, this.tr().t('chart.failed', { reason })),
          );
        }
        return null;
      },
    );
  }
}
