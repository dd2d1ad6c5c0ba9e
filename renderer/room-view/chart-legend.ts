/**
 * The key to the chart's alert marks: one line in each severity's colour, named. Shown under the
 * chart only while the range has marks to explain.
 */
import type { Severity } from '../../main/contract/monitor-api';
import { el, setText } from '../dom';
import type { ViewTranslator } from '../i18n/view-words';

const SEVERITIES: readonly Severity[] = ['critical', 'warning', 'info'];

/** The legend of the chart's alert marks. */
export class ChartLegend {
  readonly element = el('p', { class: 'chart-legend' });
  private readonly title = el('span', { class: 'legend-title' });
  private readonly items = SEVERITIES.map((severity) => {
    const item = el('span', { class: 'legend-item', 'data-severity': severity });
    item.append(el('span', { class: 'legend-swatch', 'aria-hidden': 'true' }), el('span'));
    return item;
  });

  constructor() {
    this.element.append(this.title, ...this.items);
  }

  /** Writes the legend for the severities among `shown` marks (hidden when there are none). */
  show(shown: ReadonlyArray<{ severity: Severity }>, tr: ViewTranslator): void {
    const present = new Set(shown.map((mark) => mark.severity));
    this.element.hidden = present.size === 0;
    setText(this.title, tr.t('chart.legend'));
    SEVERITIES.forEach((severity, index) => {
      const item = this.items[index] as HTMLElement;
      item.hidden = !present.has(severity);
      setText(item.lastChild as Node, tr.t(`severity.${severity}`));
    });
  }
}
