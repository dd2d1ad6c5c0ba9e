/**
 * What the rooms area shows in a window 900 px wide or more: the dense table or the wall, as the
 * person chose; narrower, the list of rows. Only the view on screen does any work.
 */
import { el } from '../dom';
import type { WideView } from './preferences';
import type { SortKey } from './room-order';
import { RoomTable } from './room-table';
import { RoomWall } from './room-wall';
import type { WideActions, WideSource } from './wide-source';

export type { WideView } from './preferences';

/** The width from which the rooms area shows the table or the wall instead of rows. */
export const WIDE_QUERY = '(min-width: 900px)';

/** The table and the wall, one of them on screen while the window is wide. */
export class WideViews {
  readonly element = el('div', { class: 'wide-views', hidden: '' });
  readonly table: RoomTable;
  readonly wall: RoomWall;
  private readonly media = window.matchMedia(WIDE_QUERY);
  private view: WideView = 'table';
  /** Shown unless the rooms area has a panel to show instead. */
  private allowed = false;
  /** What {@link show} last put on screen: the window's width may have changed since. */
  private shown: WideView | null = null;

  constructor(
    source: WideSource,
    actions: WideActions & { sort(key: SortKey): void },
    sparks: (key: string) => ReadonlyArray<number | null> | null,
    private readonly changed: () => void,
  ) {
    this.table = new RoomTable(source, actions, sparks);
    this.wall = new RoomWall(source, actions);
    this.element.append(this.table.element, this.wall.element);
    this.media.addEventListener('change', () => this.changed());
  }

  /** Whether the window is wide enough for the table or the wall. */
  get wide(): boolean {
    return this.media.matches;
  }

  /** The wide view in use, or null while rows are shown. */
  get showing(): WideView | null {
    return this.wide && this.allowed ? this.view : null;
  }

  /** Picks the table or the wall, and whether either may be on screen now (no panel in the way). */
  show(view: WideView, allowed: boolean): void {
    const before = this.shown;
    this.view = view;
    this.allowed = allowed;
    const now = this.showing;
    this.shown = now;
    this.element.hidden = now === null;
    this.table.element.hidden = now !== 'table';
    this.wall.element.hidden = now !== 'wall';
    if (now === 'table' && before !== 'table') this.table.renderNow();
    if (now === 'wall' && before !== 'wall') this.wall.refreshAll();
  }

  /** The rooms in the list's order (the table) and in "Needs attention" order (the wall). */
  setRooms(listed: () => string[], troubledFirst: () => string[]): void {
    const now = this.showing;
    if (now === 'table') this.table.setRooms(listed());
    else if (now === 'wall') this.wall.setRooms(troubledFirst());
  }

  refresh(keys: Iterable<string>): void {
    const now = this.showing;
    if (now === 'table') this.table.refresh(keys);
    else if (now === 'wall') this.wall.refresh(keys);
  }

  /** Rewrites what time moves on (the table's ages); a tile shows nothing that ages. */
  refreshAll(): void {
    if (this.showing === 'table') this.table.refreshAll();
  }

  /** Rewrites every line or tile drawn: after a whole snapshot, any room may read differently. */
  redrawAll(): void {
    if (this.showing === 'table') this.table.refreshAll();
    else if (this.showing === 'wall') this.wall.refreshAll();
  }

  focusCurrent(): void {
    if (this.showing === 'table') this.table.focusCurrent();
    else if (this.showing === 'wall') this.wall.focusCurrent();
  }
}
