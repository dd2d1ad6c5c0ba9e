/**
 * The room's chart, drawn by uPlot on a canvas: the count as a line, the min-max band of bucketed
 * ranges, and a vertical mark at each alert. The marks are buttons over the plot, so the alert's
 * title shows on hover and on keyboard focus; the same alerts are listed as text below the chart
 * by the room view. uPlot styles its elements through the CSSOM, which the page's CSP allows; its
 * stylesheet is part of popover.css.
 *
 * Built as a bundle of its own (room-chart.js, see scripts/build.mjs) that the page loads only when
 * a room is opened, so uPlot costs nothing to the popover's first paint; room-chart-view.ts is the
 * side the page holds.
 */
import uPlot from 'uplot';
import { el, setText } from '../dom';
import type { Translator } from '../i18n/translator';
import type { ChartColumns, ChartMark } from './chart-series';
import { timeAxisLabels } from './time-axis';

const HEIGHT = 170;
/** The count axis's tick steps: 1, 2, 5, 10, 20, 50… */
const WHOLE_STEPS = Array.from(
  { length: 24 },
  (_, i) => ([1, 2, 5][i % 3] as number) * 10 ** Math.floor(i / 3),
);

/** A colour of the page's theme, read from its CSS variables (a canvas cannot use var()). */
const themeColour = (name: string, fallback: string) =>
  getComputedStyle(document.documentElement).getPropertyValue(name).trim() || fallback;

/** One chart in the room view, drawn into its frame; rebuilt for each range, updated in place for live points. */
export class RoomChartPlot {
  private readonly plot = el('div', { class: 'chart-plot', role: 'img' });
  private readonly marksLayer = el('div', { class: 'chart-marks' });
  private readonly tip = el('div', { class: 'chart-tip', hidden: '' });
  private chart: uPlot | null = null;
  private marks: ChartMark[] = [];
  private readonly resize = new ResizeObserver(() => this.fit());

  /** Draws into `element` (the room view's chart frame, empty until now). */
  constructor(
    private readonly element: HTMLElement,
    private readonly tr: () => Translator,
  ) {
    this.element.append(this.plot, this.marksLayer, this.tip);
    this.resize.observe(this.element);
  }

  /** Draws new columns (a new range); `label` describes the chart for screen readers. */
  show(columns: ChartColumns, banded: boolean, marks: ChartMark[], label: string): void {
    this.chart?.destroy();
    this.plot.setAttribute('aria-label', label);
    this.marks = marks;
    const accent = themeColour('--accent', '#1a5fd0');
    const muted = themeColour('--muted', '#5f6368');
    const line = themeColour('--line', '#e3e5e8');
    const axis = { stroke: muted, grid: { stroke: line, width: 1 }, ticks: { stroke: line, width: 1 } };
    const tr = this.tr();
    const options: uPlot.Options = {
      width: this.width(),
      height: HEIGHT,
      legend: { show: false },
      cursor: { y: false, points: { show: false } },
      scales: { x: { time: true } },
      axes: [
        { ...axis, values: (_self, ticks) => timeAxisLabels(ticks) },
        // People come whole: ticks at whole numbers only, so the axis never reads 12.5 or repeats 13.
        { ...axis, size: 56, incrs: WHOLE_STEPS, values: (_self, ticks) => ticks.map((v) => tr.count(v)) },
      ],
      series: [
        {},
        { stroke: accent, width: 1.5, spanGaps: false, points: { show: false } },
        { stroke: 'transparent', points: { show: false } },
        { stroke: 'transparent', points: { show: false } },
      ],
      bands: banded ? [{ series: [3, 2], fill: `${accent}33` }] : [],
      hooks: { draw: [() => this.placeMarks()] },
    };
    this.chart = new uPlot(options, columns, this.plot);
  }

  /** Redraws after live points were appended to the columns given to {@link show}. */
  update(columns: ChartColumns): void {
    this.chart?.setData(columns);
  }

  /** The chart as a PNG on the page's background, or null before it is drawn. */
  png(): Promise<Blob | null> {
    const source = this.chart?.ctx.canvas;
    if (!source) return Promise.resolve(null);
    const canvas = document.createElement('canvas');
    canvas.width = source.width;
    canvas.height = source.height;
    const ctx = canvas.getContext('2d');
    if (!ctx) return Promise.resolve(null);
    ctx.fillStyle = themeColour('--bg', '#ffffff');
    ctx.fillRect(0, 0, canvas.width, canvas.height);
    ctx.drawImage(source, 0, 0);
    return new Promise((resolve) => canvas.toBlob(resolve, 'image/png'));
  }

  /** Shows the tip of the alert with this id, as its mark's hover or focus does (null hides it). */
  highlight(id: string | null): void {
    for (const button of this.marksLayer.children) {
      (button as HTMLElement).classList.toggle('active', (button as HTMLElement).dataset.id === id);
    }
    const mark = this.marks.find((m) => m.id === id);
    const button = mark && this.marksLayer.querySelector<HTMLElement>(`[data-id="${CSS.escape(mark.id)}"]`);
    if (!mark || !button) {
      this.tip.hidden = true;
      return;
    }
    setText(this.tip, `${this.tr().time(mark.at)} ${mark.title}`);
    this.tip.hidden = false;
    const left = button.offsetLeft + this.marksLayer.offsetLeft;
    const room = this.element.clientWidth - this.tip.offsetWidth;
    this.tip.style.left = `${Math.max(0, Math.min(room, left - this.tip.offsetWidth / 2))}px`;
  }

  /** Stops following the frame's size and frees the canvas. */
  destroy(): void {
    this.resize.disconnect();
    this.chart?.destroy();
    this.chart = null;
  }

  private width(): number {
    return Math.max(200, this.element.clientWidth || 340);
  }

  private fit(): void {
    if (this.chart && this.chart.width !== this.width())
      this.chart.setSize({ width: this.width(), height: HEIGHT });
  }

  /** Puts a button over the plot at each alert in view, reusing those already there. */
  private placeMarks(): void {
    const chart = this.chart;
    if (!chart) return;
    const ratio = window.devicePixelRatio || 1;
    const box = chart.bbox;
    this.marksLayer.style.left = `${box.left / ratio}px`;
    this.marksLayer.style.top = `${box.top / ratio}px`;
    this.marksLayer.style.width = `${box.width / ratio}px`;
    this.marksLayer.style.height = `${box.height / ratio}px`;
    const tr = this.tr();
    const existing = new Map<string, HTMLButtonElement>();
    for (const node of [...this.marksLayer.children]) {
      const button = node as HTMLButtonElement;
      existing.set(button.dataset.id ?? '', button);
    }
    const [from, to] = [chart.scales.x?.min ?? 0, chart.scales.x?.max ?? 0];
    for (const mark of this.marks) {
      let button = existing.get(mark.id);
      existing.delete(mark.id);
      const seconds = mark.at / 1000;
      if (seconds < from || seconds > to) {
        button?.remove();
        continue;
      }
      if (!button) {
        const label = tr.t('chart.mark', { time: tr.time(mark.at), title: mark.title });
        button = el('button', {
          type: 'button',
          class: 'chart-mark',
          'data-id': mark.id,
          'data-severity': mark.severity,
          'aria-label': label,
        });
        const id = mark.id;
        button.addEventListener('mouseenter', () => this.highlight(id));
        button.addEventListener('focus', () => this.highlight(id));
        button.addEventListener('mouseleave', () => this.highlight(null));
        button.addEventListener('blur', () => this.highlight(null));
        this.marksLayer.append(button);
      }
      button.style.left = `${chart.valToPos(seconds, 'x')}px`;
    }
    for (const stale of existing.values()) stale.remove();
  }
}
