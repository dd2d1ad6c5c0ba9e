/**
 * The dense table for wide windows (900 px and more): name, id, count, change over the chosen
 * window, a sparkline, age, state and a badge for a firing alert, one 32 px line per room under a
 * header that stays put. Virtualised like the list: only the lines in view are in the DOM, and a
 * push rewrites the texts of those in place. Column headers sort; arrows move between rooms,
 * Enter opens one.
 */
import { button, el, setAttr, setText } from '../dom';
import type { SortKey } from './room-order';
import { ScrollViewport } from './scroll-viewport';
import { drawSparkline } from './sparkline';
import type { WideActions, WideSource } from './wide-source';

const LINE_HEIGHT = 32;
const MARGIN_PX = 10 * LINE_HEIGHT;

/** The columns, and the order each one sorts by (null: not sortable). */
const COLUMNS = [
  ['name', 'name'],
  ['id', null],
  ['count', 'count'],
  ['change', 'change'],
  ['trend', null],
  ['age', null],
  ['state', 'attention'],
  ['alert', null],
] as const satisfies ReadonlyArray<readonly [string, SortKey | null]>;

/** One line of the table. */
class TableLine {
  readonly element = el('div', { role: 'row', class: 'table-line' });
  readonly open = el('button', { type: 'button', class: 'table-open', tabindex: '-1' });
  readonly cells: Record<'id' | 'count' | 'change' | 'age' | 'state' | 'alert', HTMLElement>;
  readonly spark = el('span', { class: 'spark', 'aria-hidden': 'true' });
  top = -1;

  constructor(readonly key: string) {
    const cell = (name: string) => el('span', { role: 'cell', class: `cell-${name}` });
    const name = cell('name');
    name.append(this.open);
    const trend = cell('trend');
    trend.append(this.spark);
    this.cells = {
      id: cell('id'),
      count: cell('count'),
      change: cell('change'),
      age: cell('age'),
      state: cell('state'),
      alert: cell('alert'),
    };
    const c = this.cells;
    this.element.dataset.key = key;
    this.element.append(name, c.id, c.count, c.change, trend, c.age, c.state, c.alert);
  }
}

/** The table; see the file's comment. */
export class RoomTable {
  readonly element = el('div', { class: 'room-table', role: 'table' });
  private readonly head = el('div', { role: 'row', class: 'table-line table-head' });
  private readonly scroller = el('div', { class: 'table-scroll' });
  private readonly body = el('div', { role: 'rowgroup', class: 'table-body' });
  private readonly headers = new Map<string, HTMLElement>();
  private keys: string[] = [];
  private readonly lines = new Map<string, TableLine>();
  private active: string | null = null;
  /**
   * Where the current room is among {@link keys} (-1: none). The only place kept: the lines in view
   * know theirs from where they are drawn, so a new order of 10,000 rooms makes no index of them.
   */
  private activeAt = -1;
  private frame = 0;
  /** The scroller's height and position, kept: drawing the lines never asks for a layout. */
  private readonly viewport: ScrollViewport;

  constructor(
    private readonly source: WideSource,
    private readonly actions: WideActions & { sort(key: SortKey): void },
    private readonly sparks: (key: string) => ReadonlyArray<number | null> | null,
  ) {
    const group = el('div', { role: 'rowgroup', class: 'table-headgroup' });
    group.append(this.head);
    for (const [column, sort] of COLUMNS) {
      const header = el('span', { role: 'columnheader', class: `cell-${column}` });
      if (sort) header.append(button('', () => actions.sort(sort), { class: 'sort-by' }));
      this.headers.set(column, header);
      this.head.append(header);
    }
    this.scroller.append(this.body);
    this.element.append(group, this.scroller);
    this.viewport = new ScrollViewport(this.scroller, () => this.schedule());
    this.body.addEventListener('click', (event) => {
      const key = (event.target as HTMLElement).closest<HTMLElement>('.table-line')?.dataset.key;
      if (key) actions.open(key);
    });
    this.body.addEventListener('keydown', (event) => this.onKey(event));
  }

  /** Writes the headers in the UI's language and marks the column the rows are sorted by. */
  translate(sort: SortKey, window: string): void {
    const tr = this.source.translator();
    this.element.setAttribute('aria-label', tr.t('table.label'));
    for (const [column, by] of COLUMNS) {
      const header = this.headers.get(column) as HTMLElement;
      const words = tr.t(`table.${column}`, { window });
      const target = header.querySelector('button') ?? header;
      setText(target, words);
      setAttr(
        header,
        'aria-sort',
        by === sort ? (sort === 'name' ? 'ascending' : 'descending') : by ? 'none' : null,
      );
    }
  }

  /** Shows these rooms in this order. */
  setRooms(keys: string[]): void {
    this.keys = keys;
    this.activeAt = this.active === null ? -1 : keys.indexOf(this.active);
    if (this.activeAt < 0) {
      this.active = keys[0] ?? null;
      this.activeAt = this.active === null ? -1 : 0;
    }
    this.element.setAttribute('aria-rowcount', String(keys.length + 1));
    this.body.style.height = `${this.height()}px`;
    this.renderNow();
  }

  /** Rewrites the lines of these rooms where they are drawn. */
  refresh(keys: Iterable<string>): void {
    for (const key of keys) {
      const line = this.lines.get(key);
      if (line) this.fill(line);
    }
  }

  refreshAll(): void {
    this.refresh(this.lines.keys());
  }

  /** Redraws the sparklines of these rooms where they are drawn. */
  drawSparks(keys: Iterable<string>): void {
    for (const key of keys) {
      const line = this.lines.get(key);
      if (line) drawSparkline(line.spark, this.sparks(key));
    }
  }

  /** The rooms whose lines are drawn. */
  drawn(): string[] {
    return [...this.lines.keys()];
  }

  /** Puts the keyboard on the current room's line. */
  focusCurrent(): void {
    if (this.active) this.focus(this.active);
  }

  renderNow(): void {
    cancelAnimationFrame(this.frame);
    this.frame = 0;
    if (this.element.hidden) return;
    const top = this.viewport.scrollTop(this.height());
    const start = Math.max(0, Math.floor((top - MARGIN_PX) / LINE_HEIGHT));
    const end = Math.min(
      this.keys.length,
      Math.ceil((top + this.viewport.viewportHeight + MARGIN_PX) / LINE_HEIGHT),
    );
    // Each room drawn, with its place.
    const wanted = new Map<string, number>();
    for (let i = start; i < end; i++) wanted.set(this.keys[i] as string, i);
    if (this.active !== null && this.activeAt >= 0) wanted.set(this.active, this.activeAt);
    for (const [key, line] of this.lines)
      if (!wanted.has(key) && !line.element.contains(document.activeElement)) {
        line.element.remove();
        this.lines.delete(key);
      }
    for (const [key, i] of wanted) {
      let line = this.lines.get(key);
      if (!line) {
        line = new TableLine(key);
        this.lines.set(key, line);
        this.fill(line);
        drawSparkline(line.spark, this.sparks(key));
        this.body.append(line.element);
      }
      const top = i * LINE_HEIGHT;
      if (line.top !== top) {
        line.top = top;
        line.element.style.transform = `translateY(${top}px)`;
        line.element.setAttribute('aria-rowindex', String(i + 2));
      }
      line.open.tabIndex = key === this.active ? 0 : -1;
    }
    this.actions.shown?.(this.drawn());
  }

  private fill(line: TableLine): void {
    const row = this.source.row(line.key);
    const room = this.source.room(line.key);
    if (!row || !room) return;
    const tr = this.source.translator();
    const c = line.cells;
    setAttr(line.element, 'data-tone', row.tone);
    setAttr(line.element, 'data-historic', row.historic ? 'true' : null);
    setText(line.open, row.name);
    setAttr(line.open, 'aria-describedby', null);
    setAttr(line.open, 'title', row.spoken);
    setText(c.id, room.groupId);
    setText(c.count, row.count);
    setText(c.change, row.windowChange === '—' ? `— ${tr.t('change.noHistory')}` : row.windowChange);
    setAttr(c.change, 'data-direction', row.windowChangeDirection);
    setAttr(c.change, 'title', row.windowTitle);
    setText(c.age, row.age);
    setText(c.state, row.state);
    setAttr(c.state, 'title', row.state);
    const firing = this.source.firing(line.key);
    setText(c.alert, firing ? tr.t('table.firing') : '');
    setAttr(c.alert, 'data-firing', firing ? 'true' : null);
  }

  private focus(key: string): void {
    const i = this.keys.indexOf(key);
    if (i < 0) return;
    this.active = key;
    this.activeAt = i;
    const top = i * LINE_HEIGHT;
    const now = this.viewport.scrollTop(this.height());
    const height = this.viewport.viewportHeight;
    if (top < now) this.viewport.scrollTo(top, this.height());
    else if (top + LINE_HEIGHT > now + height)
      this.viewport.scrollTo(top + LINE_HEIGHT - height, this.height());
    this.renderNow();
    this.lines.get(key)?.open.focus({ preventScroll: true });
  }

  private onKey(event: KeyboardEvent): void {
    const key = (event.target as HTMLElement).closest<HTMLElement>('.table-line')?.dataset.key;
    const i = key === undefined ? -1 : this.keys.indexOf(key);
    if (i < 0) return;
    const page = Math.max(1, Math.floor(this.viewport.viewportHeight / LINE_HEIGHT) - 1);
    const steps: Record<string, number> = {
      ArrowDown: 1,
      ArrowUp: -1,
      PageDown: page,
      PageUp: -page,
      Home: -this.keys.length,
      End: this.keys.length,
    };
    const step = steps[event.key];
    if (step === undefined) return;
    event.preventDefault();
    const next = this.keys[Math.max(0, Math.min(this.keys.length - 1, i + step))];
    if (next) this.focus(next);
  }

  private schedule(): void {
    if (this.frame === 0) this.frame = requestAnimationFrame(() => this.renderNow());
  }

  /** The height of every line together. */
  private height(): number {
    return this.keys.length * LINE_HEIGHT;
  }
}
