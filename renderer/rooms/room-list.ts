/**
 * The room list, virtualised: only the rows in view (plus a margin) are in the DOM, each positioned
 * from precomputed offsets. Pushed counts change the texts of rendered rows in place; the order is
 * set from outside with {@link RoomList.setEntries}. Keyboard: arrows, Page Up/Down, Home/End move
 * between rooms, Right/Left between a row and its pin, Enter opens the detail line, Escape closes it.
 */
import { el, placeInOrder, setAttr } from '../dom';
import type { Translator } from '../i18n/translator';
import { listMove, stepRooms } from './list-navigation';
import type { RoomListSource } from './room-list-source';
import type { ListEntry } from './room-order';
import { HeadingView, RoomRowView } from './room-row-view';
import { ScrollViewport } from './scroll-viewport';
import { layoutOffsets, scrollToReveal, visibleRange } from './virtual-window';

// Heights in px, fixed per kind so that the layout changes with the arrangement, never with a count.
const ROW_HEIGHT = 52;
const HEADING_HEIGHT = 32;
const DETAIL_HEIGHT = 64;
// A detail line with a failure to explain (up to two lines of it) is taller.
const DETAIL_WITH_PROBLEM_HEIGHT = 100;
const MARGIN_PX = 6 * ROW_HEIGHT;

/** What the list asks of the page when a row's buttons are pressed. */
export interface RoomListActions {
  togglePin(key: string): void;
  retry(key: string): void;
  /** Opens the room view (the detail line's "Chart and details"). */
  open?(key: string): void;
  /** These rooms' rows are drawn now (to fetch their sparklines). */
  shown?(keys: string[]): void;
}

/** A room's last 30 minutes for its sparkline, or null while none has arrived. */
export type SparkSource = (key: string) => ReadonlyArray<number | null> | null;

const idOf = (entry: ListEntry) => (entry.kind === 'room' ? entry.key : `heading:${entry.id}`);

/** The room list of the popover; see the file's comment. */
export class RoomList {
  /** The scrolling element to place in the page. */
  readonly element = el('div', { class: 'room-scroll' });
  private readonly canvas = el('div', {
    role: 'list',
    class: 'room-canvas',
    'aria-describedby': 'room-list-help',
  });
  private readonly help = el('p', { id: 'room-list-help', class: 'sr-only' });
  private entries: ListEntry[] = [];
  private offsets = layoutOffsets([]);
  private readonly indexOf = new Map<string, number>();
  private readonly views = new Map<string, RoomRowView | HeadingView>();
  private activeKey: string | null = null;
  private expandedKey: string | null = null;
  private detailHeight = DETAIL_HEIGHT;
  private frame = 0;
  /** The list's height and scroll position, kept: drawing the rows never asks for a layout. */
  private readonly viewport: ScrollViewport;

  constructor(
    private readonly source: RoomListSource,
    private readonly actions: RoomListActions,
    private readonly sparks: SparkSource = () => null,
  ) {
    this.element.append(this.help, this.canvas);
    this.viewport = new ScrollViewport(this.element, () => this.schedule());
    this.canvas.addEventListener('keydown', (event) => this.onKey(event));
    this.canvas.addEventListener('click', (event) => this.onClick(event));
    this.canvas.addEventListener('focusin', (event) => {
      const key = (event.target as HTMLElement).closest<HTMLElement>('.room')?.dataset.key;
      if (key) this.setActive(key);
    });
  }

  /** Names the list and says how to move in it, for screen readers (in the UI's language). */
  setLabel(label: string, help: string): void {
    this.canvas.setAttribute('aria-label', label);
    this.help.textContent = help;
  }

  /** Shows a new arrangement. A focused row keeps its place on screen unless the list is at its top. */
  setEntries(entries: ListEntry[]): void {
    const anchor = this.focusedAnchor();
    this.entries = entries;
    this.indexOf.clear();
    entries.forEach((entry, index) => {
      this.indexOf.set(idOf(entry), index);
    });
    if (this.expandedKey && !this.indexOf.has(this.expandedKey)) this.expandedKey = null;
    if (!this.activeKey || !this.indexOf.has(this.activeKey))
      this.activeKey = entries.find((entry) => entry.kind === 'room')?.key ?? null;
    this.relayout();
    const index = anchor ? this.indexOf.get(anchor.key) : undefined;
    if (anchor && index !== undefined)
      this.viewport.scrollTo((this.offsets[index] ?? 0) - anchor.delta, this.height());
    this.renderNow();
  }

  /** Rewrites the texts of these rooms where they are rendered. */
  refresh(keys: Iterable<string>): void {
    const tr = this.source.translator();
    let expandedChanged = false;
    for (const key of keys) {
      const view = this.views.get(key);
      if (view instanceof RoomRowView) this.fillRow(view, tr);
      expandedChanged ||= key === this.expandedKey;
    }
    // The open detail line grows or shrinks when a failure starts or ends.
    if (expandedChanged && this.expandedDetailHeight() !== this.detailHeight) {
      this.relayout();
      this.renderNow();
    }
  }

  /**
   * Rewrites every rendered entry: the ages moved on, the language changed, or the headings' totals
   * are due (summing a group is too much work for every push, so it happens here).
   */
  refreshAll(): void {
    this.refresh(this.views.keys());
    for (const view of this.views.values()) if (view instanceof HeadingView) this.fillHeading(view);
  }

  /** Focuses the list's current room (the first, until one was chosen); false when the list is empty. */
  focusCurrent(): boolean {
    return this.activeKey !== null && this.focusRoom(this.activeKey);
  }

  /** Scrolls to a room and focuses it; false when it is not in the list. */
  focusRoom(key: string, column: 'main' | 'pin' = 'main'): boolean {
    const index = this.indexOf.get(key);
    if (index === undefined) return false;
    this.setActive(key);
    this.reveal(index);
    const view = this.views.get(key);
    if (!(view instanceof RoomRowView)) return false;
    (column === 'pin' ? view.pin : view.main).focus({ preventScroll: true });
    return true;
  }

  /** Draws the rows now (e.g. after the list became visible again). */
  renderNow(): void {
    cancelAnimationFrame(this.frame);
    this.frame = 0;
    // Hidden behind the table or the wall, it draws nothing (nor asks for sparklines): it is drawn
    // again from the arrangement when shown.
    if (this.element.hidden) return;
    const { start, end } = visibleRange(
      this.offsets,
      this.viewport.scrollTop(this.height()),
      this.viewport.viewportHeight,
      MARGIN_PX,
    );
    const wanted: number[] = [];
    for (let i = start; i < end; i++) wanted.push(i);
    // The active row stays rendered off screen, so focus is never dropped by scrolling.
    const active = this.activeKey === null ? undefined : this.indexOf.get(this.activeKey);
    if (active !== undefined && (active < start || active >= end)) {
      wanted.push(active);
      wanted.sort((a, b) => a - b);
    }
    const ids = new Set(wanted.map((i) => idOf(this.entries[i] as ListEntry)));
    for (const [id, view] of this.views)
      if (!ids.has(id)) {
        view.element.remove();
        this.views.delete(id);
      }
    const tr = this.source.translator();
    const ordered = wanted.map((i) => this.place(i, tr));
    placeInOrder(this.canvas, ordered, document.activeElement?.closest('.entry') ?? null);
    this.actions.shown?.(this.renderedRooms());
  }

  /** The keys of the rooms whose rows are drawn. */
  renderedRooms(): string[] {
    const keys: string[] = [];
    for (const [id, view] of this.views) if (view instanceof RoomRowView) keys.push(id);
    return keys;
  }

  /** Redraws the sparklines of these rooms where their rows are drawn. */
  drawSparks(keys: Iterable<string>): void {
    for (const key of keys) {
      const view = this.views.get(key);
      if (view instanceof RoomRowView) view.drawSpark(this.sparks(key));
    }
  }

  private place(index: number, tr: Translator): HTMLElement {
    const entry = this.entries[index] as ListEntry;
    const id = idOf(entry);
    let view = this.views.get(id);
    if (!view) {
      view = entry.kind === 'room' ? new RoomRowView(entry.key) : new HeadingView(id);
      this.views.set(id, view);
      if (view instanceof RoomRowView) {
        view.main.tabIndex = id === this.activeKey ? 0 : -1;
        this.fillRow(view, tr);
        view.drawSpark(this.sparks(id));
      }
    }
    // A heading's totals depend on the arrangement (a filter changes them), so it is rewritten each time.
    if (view instanceof HeadingView) this.fillHeading(view);
    const top = this.offsets[index] ?? 0;
    const height = (this.offsets[index + 1] ?? top) - top;
    if (view.top !== top) {
      view.top = top;
      view.element.style.transform = `translateY(${top}px)`;
    }
    if (view.height !== height) {
      view.height = height;
      view.element.style.height = `${height}px`;
    }
    setAttr(view.element, 'aria-posinset', String(index + 1));
    setAttr(view.element, 'aria-setsize', String(this.entries.length));
    return view.element;
  }

  private fillRow(view: RoomRowView, tr: Translator): void {
    const row = this.source.row(view.key);
    if (!row) return;
    view.fill(row, tr);
    view.fillDetail(view.key === this.expandedKey ? this.source.detail(view.key) : null, tr);
  }

  private fillHeading(view: HeadingView): void {
    const entry = this.entries[this.indexOf.get(view.key) ?? -1];
    if (entry?.kind !== 'heading') return;
    const { title, meta } = this.source.heading(entry);
    view.fill(title, meta);
  }

  private expandedDetailHeight(): number {
    const detail = this.expandedKey === null ? null : this.source.detail(this.expandedKey);
    return detail?.problem ? DETAIL_WITH_PROBLEM_HEIGHT : DETAIL_HEIGHT;
  }

  private relayout(): void {
    this.detailHeight = this.expandedDetailHeight();
    const heights = this.entries.map((entry) =>
      entry.kind === 'heading'
        ? HEADING_HEIGHT
        : ROW_HEIGHT + (entry.key === this.expandedKey ? this.detailHeight : 0),
    );
    this.offsets = layoutOffsets(heights);
    this.canvas.style.height = `${this.offsets[this.entries.length] ?? 0}px`;
  }

  private schedule(): void {
    if (this.frame === 0) this.frame = requestAnimationFrame(() => this.renderNow());
  }

  /** Back to the first row, as a new order or filter starts there. */
  scrollToTop(): void {
    this.viewport.scrollTo(0, this.height());
  }

  /** The height of every entry together. */
  private height(): number {
    return this.offsets[this.entries.length] ?? 0;
  }

  private reveal(index: number): void {
    const height = this.height();
    const now = this.viewport.scrollTop(height);
    this.viewport.scrollTo(scrollToReveal(this.offsets, index, now, this.viewport.viewportHeight), height);
    this.renderNow();
  }

  private setActive(key: string): void {
    if (key === this.activeKey) return;
    const before = this.activeKey === null ? undefined : this.views.get(this.activeKey);
    if (before instanceof RoomRowView) before.main.tabIndex = -1;
    this.activeKey = key;
    const after = this.views.get(key);
    if (after instanceof RoomRowView) after.main.tabIndex = 0;
  }

  private toggle(key: string): void {
    const previous = this.expandedKey;
    this.expandedKey = previous === key ? null : key;
    const tr = this.source.translator();
    for (const changed of [previous, this.expandedKey]) {
      const view = changed === null ? undefined : this.views.get(changed);
      if (view instanceof RoomRowView) this.fillRow(view, tr);
    }
    this.relayout();
    const index = this.indexOf.get(key);
    if (index !== undefined) this.reveal(index);
  }

  /** Where the focused row sits on screen, to keep it there when the order changes. */
  private focusedAnchor(): { key: string; delta: number } | null {
    const key = this.activeKey;
    const top = this.viewport.scrollTop(this.height());
    if (key === null || top === 0) return null;
    if (!this.canvas.contains(document.activeElement)) return null;
    const index = this.indexOf.get(key);
    return index === undefined ? null : { key, delta: (this.offsets[index] ?? 0) - top };
  }

  private onClick(event: MouseEvent): void {
    const target = event.target as HTMLElement;
    const key = target.closest<HTMLElement>('.room')?.dataset.key;
    if (!key) return;
    if (target.closest('.pin, .detail-pin')) this.actions.togglePin(key);
    else if (target.closest('.detail-retry')) this.actions.retry(key);
    else if (target.closest('.detail-open')) this.actions.open?.(key);
    else if (!target.closest('.detail')) this.toggle(key);
  }

  private onKey(event: KeyboardEvent): void {
    const target = event.target as HTMLElement;
    const key = target.closest<HTMLElement>('.room')?.dataset.key;
    if (!key) return;
    if (event.key === 'Escape' && key === this.expandedKey) {
      event.preventDefault();
      this.toggle(key);
      this.focusRoom(key);
      return;
    }
    // Keys inside the open detail line keep their usual meaning there.
    if (!target.matches('.pin, .room-main')) return;
    const column = target.classList.contains('pin') ? 'pin' : 'main';
    const page = Math.max(1, Math.floor(this.viewport.viewportHeight / ROW_HEIGHT) - 1);
    const move = listMove(event.key, column, page, this.entries.length);
    if (!move) return;
    event.preventDefault();
    if ('column' in move) this.focusRoom(key, move.column);
    else {
      const entry = this.entries[stepRooms(this.entries, this.indexOf.get(key) ?? 0, move.rooms)];
      if (entry?.kind === 'room') this.focusRoom(entry.key, column);
    }
  }
}
