/**
 * The DOM of one room row and of a group heading. A row is built once when it scrolls into view and
 * then only its texts change in place, so a push of new counts never rebuilds it.
 *
 * The row's button is named by the room's name alone, and described by the count, the changes
 * (last minute, chosen window), state and age in words (the row shows the chosen window's change): a name that changed with every poll would
 * make screen readers repeat it.
 */
import { el, setAttr, setText } from '../dom';
import type { Translator } from '../i18n/translator';
import type { RoomDetail, RoomRow } from './room-rows';
import { drawSparkline } from './sparkline';

let nextId = 0;

/** One room's row: its button (name), summary, pin, and detail line. */
export class RoomRowView {
  readonly element: HTMLDivElement;
  readonly main: HTMLButtonElement;
  readonly pin: HTMLButtonElement;
  private readonly name = el('span', { class: 'name' });
  private readonly stateWords = el('span', { class: 'state-words' });
  private readonly age = el('span', { class: 'age' });
  private readonly push = el('span', { class: 'push-problem' });
  private readonly count = el('span', { class: 'count', 'aria-hidden': 'true' });
  /** The chosen window's change with the window named after it ("+312 / 15 min"). */
  private readonly changes = el('span', { class: 'changes', 'aria-hidden': 'true' });
  private readonly windowChange = el('span', { class: 'window-change' });
  private readonly windowValue = el('span', { class: 'window-value' });
  private readonly windowName = el('span', { class: 'window-name' });
  private readonly spoken: HTMLSpanElement;
  private readonly detail: HTMLDivElement;
  private readonly detailLines = el('p', { class: 'detail-lines' });
  private readonly problem = el('p', { class: 'problem' });
  private readonly pinToggle = el('button', { type: 'button', class: 'detail-pin' });
  private readonly retry = el('button', { type: 'button', class: 'detail-retry' });
  private readonly open = el('button', { type: 'button', class: 'detail-open' });
  private readonly spark = el('span', { class: 'spark', 'aria-hidden': 'true', 'data-spark': '' });
  /** Where and how tall the row is drawn, to skip writing an unchanged layout. */
  top = -1;
  height = -1;

  constructor(readonly key: string) {
    const id = ++nextId;
    this.spoken = el('span', { id: `room-says-${id}`, hidden: '' });
    this.element = el('div', { role: 'listitem', class: 'entry room', 'data-key': key });
    this.main = el('button', {
      type: 'button',
      class: 'room-main',
      tabindex: '-1',
      'aria-expanded': 'false',
      'aria-controls': `room-detail-${id}`,
      'aria-describedby': this.spoken.id,
    });
    this.main.append(this.name);
    const state = el('span', { class: 'state', 'aria-hidden': 'true' });
    state.append(el('span', { class: 'dot' }), this.stateWords, this.age, this.push);
    this.pin = el('button', { type: 'button', class: 'pin', tabindex: '-1' });
    this.pin.append(el('span', { 'aria-hidden': 'true' }));
    this.detail = el('div', { class: 'detail', id: `room-detail-${id}`, hidden: '' });
    const actions = el('div', { class: 'detail-actions' });
    actions.append(this.pinToggle, this.retry, this.open);
    this.detail.append(this.detailLines, this.problem, actions);
    this.windowChange.append(this.windowValue, this.windowName);
    this.changes.append(this.windowChange);
    this.element.append(
      this.main,
      state,
      this.spark,
      this.count,
      this.changes,
      this.spoken,
      this.pin,
      this.detail,
    );
  }

  fill(row: RoomRow, tr: Translator): void {
    setAttr(this.element, 'data-tone', row.tone);
    setAttr(this.element, 'data-state', row.stateKey);
    setAttr(this.element, 'data-pinned', row.pinned ? 'true' : null);
    setAttr(this.element, 'data-historic', row.historic ? 'true' : null);
    setText(this.name, row.name);
    setText(this.stateWords, row.state);
    setText(this.age, row.age ? tr.t('separator.inline') + row.age : '');
    setText(this.push, row.push ? tr.t('separator.inline') + row.push : '');
    setAttr(this.push, 'title', row.push);
    setText(this.count, row.count);
    setText(this.windowValue, row.windowChange);
    setText(this.windowName, row.window);
    setAttr(this.windowChange, 'data-direction', row.windowChangeDirection);
    setAttr(this.windowChange, 'title', row.windowTitle);
    setText(this.spoken, row.spoken);
    // A toggle keeps one name and says its state with aria-pressed; the tooltip and the detail's
    // button say what a press does.
    const pinLabel = tr.t(row.pinned ? 'room.unpin' : 'room.pin', { name: row.name });
    setAttr(this.pin, 'aria-label', tr.t('room.pin', { name: row.name }));
    setAttr(this.pin, 'aria-pressed', String(row.pinned));
    setAttr(this.pin, 'title', pinLabel);
    setText(this.pin.firstChild as Node, row.pinned ? '★' : '☆');
    setText(this.pinToggle, pinLabel);
  }

  /** Shows the detail line (null hides it). */
  fillDetail(detail: RoomDetail | null, tr: Translator): void {
    setAttr(this.main, 'aria-expanded', String(detail !== null));
    setAttr(this.element, 'data-expanded', detail ? 'true' : null);
    this.detail.hidden = detail === null;
    if (!detail) return;
    setText(this.detailLines, tr.join(detail.lines, 'inline'));
    setText(this.problem, detail.problem ?? '');
    this.problem.hidden = detail.problem === null;
    setText(this.retry, tr.t('detail.retry'));
    this.retry.hidden = !detail.canRetry;
    setText(this.open, tr.t('detail.open'));
  }

  /** Draws the last 30 minutes (null clears the line until one arrives). */
  drawSpark(values: ReadonlyArray<number | null> | null): void {
    drawSparkline(this.spark, values);
  }
}

/** A heading over the pinned rooms or one app profile's rooms. */
export class HeadingView {
  readonly element: HTMLDivElement;
  private readonly title = el('span', { class: 'heading-title' });
  private readonly meta = el('span', { class: 'heading-meta' });
  top = -1;
  height = -1;

  constructor(readonly key: string) {
    this.element = el('div', { role: 'listitem', class: 'entry heading' });
    const heading = el('div', { role: 'heading', 'aria-level': '2' });
    heading.append(this.title, ' · ', this.meta);
    this.element.append(heading);
  }

  fill(title: string, meta: string): void {
    setText(this.title, title);
    setText(this.meta, meta);
  }
}
