/**
 * The wall: every room as a tile coloured by its state, troubled rooms first, sized so that 2,000
 * rooms fit one 1280×800 screen. Big tiles carry the name and count; small ones only the colour,
 * with the room in words in their accessible name, and in a tooltip while the pointer is on them.
 * Tiles are built once per room and rewritten in place on a push: their colour at once, their words
 * in the page's idle time ({@link DrawQueue}); arrows move between them, Enter opens a room.
 *
 * The tiles sit in bands of whole rows, some {@link TILES_PER_BAND} tiles each, each band painted
 * on its own (paint containment): a new colour repaints its band, and the browser keeps the other
 * bands' paint as it was. Ten thousand tiles in one painted layer cost every frame after a push a
 * repaint and layerisation of all of them; ten thousand tiles each painted apart cost the same
 * walk over each. A room moving up the wall moves one tile across each band it passes: bands of
 * several rows rather than one keep those moves (each a tile's style made again) few.
 */
import { el, setAttr } from '../dom';
import { DrawQueue } from './draw-queue';
import type { TileWords } from './room-rows';
import { roomState } from './room-state';
import { wallLayout } from './wall-layout';
import type { WideActions, WideSource } from './wide-source';

/** Tiles at least this wide show the name and count. */
const WORDS_FROM = 96;
/**
 * The most tiles made in one frame. A wall of 2,000 first draws the first of them (the troubled
 * rooms come first) and adds the rest over the next frames, each tile already at its final size,
 * rather than keeping the screen empty until every tile is made.
 */
const NEW_TILES_PER_FRAME = 250;
/** About how many tiles a band holds: a whole number of rows, at least one. */
const TILES_PER_BAND = 256;
/** The longest a pushed tile's words wait for a turn to be written, idle page or not. */
const WORDS_WITHIN_MS = 250;
/** What a turn of writing words may take when the page had no idle time before {@link WORDS_WITHIN_MS}. */
const BUSY_PAGE_BUDGET_MS = 4;
/**
 * The most a turn of writing words takes in idle time (which can last 50 ms): a push that comes
 * meanwhile waits for the turn to end, so turns are kept short.
 */
const IDLE_SLICE_MS = 4;

/** What a tile's colour and marks come from: what a frame shows of it. */
type TileLook = Pick<TileWords, 'tone' | 'stateKey'> & { firing: boolean };
/** What a tile says: its name and count (shown on big tiles) and its words (its accessible name). */
type TileSaid = Pick<TileWords, 'name' | 'count'> & { words: string };

/** One room's tile. */
class WallTile {
  readonly element: HTMLButtonElement;
  private readonly name = el('span', { class: 'tile-name' });
  private readonly count = el('span', { class: 'tile-count' });
  /** What the tile shows and says now, kept so that a push compares with it rather than reading the DOM back. */
  private look: TileLook | null = null;
  private said: TileSaid | null = null;
  /** The name and count last written into the tile's spans, null while they are not written. */
  private written: { name: string; count: string } | null = null;
  /** Whether the pointer is on the tile: only then does it carry a tooltip (its `title`). */
  private hovered = false;

  constructor(readonly key: string) {
    this.element = el('button', { type: 'button', class: 'wall-tile', tabindex: '-1', 'data-key': key });
    this.element.append(this.name, this.count);
  }

  /** Writes all of the room that changed: its colour and marks, then its words. */
  fill(source: WideSource, withWords: boolean): void {
    this.paint(source);
    this.say(source, withWords);
  }

  /** Writes the colour and marks: the room's state and whether an alert fires (no words to make). */
  paint(source: WideSource): void {
    const room = source.room(this.key);
    if (!room) return;
    const { key: stateKey, tone } = roomState(room);
    const firing = source.firing(this.key);
    const before = this.look;
    if (before?.tone === tone && before.stateKey === stateKey && before.firing === firing) return;
    this.look = { tone, stateKey, firing };
    const element = this.element;
    if (before?.tone !== tone) element.setAttribute('data-tone', tone);
    if (before?.stateKey !== stateKey) element.setAttribute('data-state', stateKey);
    if (before?.firing !== firing) setAttr(element, 'data-firing', firing ? 'true' : null);
  }

  /**
   * Writes the words: the accessible name, the tooltip while the pointer is on the tile and, when
   * `withWords` (the wall shows them), the name and count. A small tile's hidden spans would cost two
   * text writes per push for nothing seen or heard (its accessible name says both).
   */
  say(source: WideSource, withWords: boolean): void {
    const tile = source.tile(this.key);
    if (!tile) return;
    // No age: it would rewrite two thousand labels every second for nothing a tile shows.
    const words = `${tile.name}: ${source.translator().join([tile.countWords, tile.state])}`;
    const before = this.said;
    this.said = { name: tile.name, count: tile.count, words };
    if (before?.words !== words) {
      this.element.setAttribute('aria-label', words);
      if (this.hovered) this.element.setAttribute('title', words);
    }
    if (withWords) this.writeWords();
  }

  /** Puts the name and count into the tile's spans, where they differ from what they hold. */
  writeWords(): void {
    const said = this.said;
    if (!said) return;
    if (this.written?.name !== said.name) this.name.textContent = said.name;
    if (this.written?.count !== said.count) this.count.textContent = said.count;
    this.written = { name: said.name, count: said.count };
  }

  /**
   * The pointer came to the tile or left it. A tooltip says the tile's words; written only for
   * the tile under the pointer (and kept current while it stays), not for every tile at every count.
   */
  hover(on: boolean): void {
    this.hovered = on;
    if (on && this.said) this.element.setAttribute('title', this.said.words);
    else this.element.removeAttribute('title');
  }

  /** Whether the tile's words are wanted at once: the pointer or the keyboard is on it. */
  get attended(): boolean {
    return this.hovered || this.element === document.activeElement;
  }
}

/** The room of the tile an event happened on, or undefined off the tiles. */
function tileKeyOf(event: Event): string | undefined {
  return (event.target as HTMLElement).closest<HTMLElement>('.wall-tile')?.dataset.key;
}

/** The wall; see the file's comment. */
export class RoomWall {
  readonly element = el('div', { class: 'room-wall', role: 'group' });
  private readonly tiles = new Map<string, WallTile>();
  /** The bands of tiles, the same whole number of rows each but the last. */
  private readonly bands: HTMLElement[] = [];
  private keys: string[] = [];
  private active: string | null = null;
  /** The tile with tabindex 0: the current room's, once made. */
  private tabbed: WallTile | undefined;
  private columns = 1;
  /** The tile size last set, so an unchanged one costs no style recalculation of every tile. */
  private sized = '';
  /**
   * The wall's content box, read once before its first tiles are made and then as its
   * ResizeObserver tells it (after a layout the browser did anyway): making and sizing tiles never
   * asks for a layout after that first one, which comes before any tile is in the page.
   */
  private space: { width: number; height: number } | null = null;
  /** The frame that makes the tiles still missing, while there are some. */
  private frame = 0;
  /** Whether the tiles are big enough to show their name and count. */
  private words = false;
  /** The tile under the pointer, the one with a tooltip. */
  private hovered: WallTile | undefined;
  /**
   * The tiles whose words wait to be written after a push, in the page's idle time (see
   * {@link refresh}). A tile's words are heard, not seen: a screen reader reads its accessible name
   * when it comes to the tile, so writing them a moment after its colour loses nobody anything.
   */
  private readonly unsaid = new DrawQueue((key) => this.tiles.get(key)?.say(this.source, this.words), {
    request: (run) =>
      requestIdleCallback(
        (idle) => run(idle.didTimeout ? BUSY_PAGE_BUDGET_MS : Math.min(IDLE_SLICE_MS, idle.timeRemaining())),
        { timeout: WORDS_WITHIN_MS },
      ),
    cancel: (handle) => cancelIdleCallback(handle),
    now: () => performance.now(),
  });

  constructor(
    private readonly source: WideSource,
    actions: WideActions,
  ) {
    this.element.addEventListener('click', (event) => {
      const key = tileKeyOf(event);
      if (key) actions.open(key);
    });
    this.element.addEventListener('keydown', (event) => this.onKey(event));
    // One listener for every tile: the pointer moving onto a tile, a gap or out of the wall.
    this.element.addEventListener('pointerover', (event) => {
      const key = tileKeyOf(event);
      this.hover(key === undefined ? undefined : this.tiles.get(key));
    });
    this.element.addEventListener('pointerleave', () => this.hover(undefined));
    // A tile the keyboard comes to says its room as it is now, not as before a push whose words wait.
    this.element.addEventListener('focusin', (event) => {
      const key = tileKeyOf(event);
      const tile = key === undefined ? undefined : this.tiles.get(key);
      if (tile) this.sayNow(tile);
    });
    new ResizeObserver((entries) => {
      const box = entries[entries.length - 1]?.contentRect;
      // A hidden wall has no size worth keeping; it is told again when shown.
      if (!box || this.element.hidden) return;
      this.space = { width: box.width, height: box.height };
      // Another number of columns makes other bands.
      if (this.fit()) this.place();
    }).observe(this.element);
  }

  translate(): void {
    this.element.setAttribute('aria-label', this.source.translator().t('wall.label'));
  }

  /** Shows these rooms in this order (troubled first). */
  setRooms(keys: string[]): void {
    // The usual push moves nobody: nothing to do then.
    if (keys.length === this.keys.length && keys.every((key, i) => key === this.keys[i])) return;
    this.keys = keys;
    // Sized for every room before any tile is laid out, so the first tiles drawn keep their size.
    this.space ??= this.measure();
    this.fit();
    this.place();
  }

  /** Puts the tiles in the order of the rooms, making at most {@link NEW_TILES_PER_FRAME} of them now. */
  private place(): void {
    cancelAnimationFrame(this.frame);
    this.frame = 0;
    const keys = this.keys;
    const ordered: HTMLElement[] = [];
    let made = 0;
    /** Tiles not found among the rooms (yet): their rooms went, unless the loop stops early. */
    let unseen = this.tiles.size;
    for (const key of keys) {
      let tile = this.tiles.get(key);
      if (tile) unseen--;
      else {
        if (made === NEW_TILES_PER_FRAME) {
          this.frame = requestAnimationFrame(() => this.place());
          break;
        }
        tile = new WallTile(key);
        tile.fill(this.source, this.words);
        this.tiles.set(key, tile);
        made++;
      }
      ordered.push(tile.element);
    }
    this.arrange(ordered);
    // Only when some room went is every room looked up (the usual re-sort has the same rooms).
    if (unseen > 0) {
      const wanted = new Set(keys);
      for (const [key, tile] of this.tiles)
        if (!wanted.has(key)) {
          tile.element.remove();
          this.tiles.delete(key);
          if (tile === this.hovered) this.hovered = undefined;
        }
    }
    if (this.active === null || (!this.tiles.has(this.active) && !keys.includes(this.active)))
      this.active = keys[0] ?? null;
    this.tab(this.active === null ? undefined : this.tiles.get(this.active));
  }

  /** Gives `tile` the tooltip, its words as they are now, and takes it from the tile that had it. */
  private hover(tile: WallTile | undefined): void {
    if (tile === this.hovered) return;
    this.hovered?.hover(false);
    if (tile) this.sayNow(tile);
    tile?.hover(true);
    this.hovered = tile;
  }

  /** Writes a tile's words now rather than in idle time. */
  private sayNow(tile: WallTile): void {
    tile.say(this.source, this.words);
    this.unsaid.delete(tile.key);
  }

  /** Makes `tile` the one the Tab key reaches (tabindex 0), and the one before it not. */
  private tab(tile: WallTile | undefined): void {
    if (tile === this.tabbed) return;
    if (this.tabbed) this.tabbed.element.tabIndex = -1;
    if (tile) tile.element.tabIndex = 0;
    this.tabbed = tile;
  }

  /**
   * Puts the tiles in bands of whole rows. Moves only the tiles whose place changed: a re-sort of a
   * few rooms costs a few moves, and a room moving up the wall one move per band it passes. A
   * focused tile that had to move keeps the focus.
   */
  private arrange(ordered: HTMLElement[]): void {
    const focused = document.activeElement;
    const columns = Math.max(1, this.columns);
    const size = columns * Math.max(1, Math.round(TILES_PER_BAND / columns));
    const needed = Math.ceil(ordered.length / size);
    for (let b = 0; b < needed; b++) {
      let band = this.bands[b];
      if (!band) {
        band = el('div', { class: 'wall-band' });
        this.bands.push(band);
        this.element.append(band);
      }
      let expected = band.firstElementChild;
      const end = Math.min(ordered.length, (b + 1) * size);
      for (let i = b * size; i < end; i++) {
        const node = ordered[i] as HTMLElement;
        if (node !== expected) band.insertBefore(node, expected);
        expected = node.nextElementSibling;
      }
    }
    // Bands past the last are empty now: each of their tiles went to its own band above.
    for (const band of this.bands.splice(needed)) band.remove();
    if (
      focused instanceof HTMLElement &&
      focused !== document.activeElement &&
      this.element.contains(focused)
    )
      focused.focus({ preventScroll: true });
  }

  /**
   * Writes these rooms' tiles again. What a frame shows (colour, marks, and the name and count on
   * big tiles) is written now, so that the frame after a push shows all of it; the words of a small
   * tile (its accessible name) follow in the page's idle time, within {@link WORDS_WITHIN_MS}, but
   * at once for the tile under the pointer or with the focus. With 10,000 rooms the words were
   * most of a push's cost, and a frame waited for them to be made for every tile pushed.
   */
  refresh(keys: Iterable<string>): void {
    const later: string[] = [];
    for (const key of keys) {
      const tile = this.tiles.get(key);
      if (!tile) continue;
      tile.paint(this.source);
      if (this.words || tile.attended) this.sayNow(tile);
      else later.push(key);
    }
    this.unsaid.add(later);
  }

  /** Writes every tile again now (the wall coming on screen, a whole snapshot). */
  refreshAll(): void {
    this.unsaid.clear();
    for (const tile of this.tiles.values()) tile.fill(this.source, this.words);
  }

  focusCurrent(): void {
    if (this.active) this.tiles.get(this.active)?.element.focus();
  }

  /**
   * The wall's content box, read from the page: once, before the ResizeObserver has told it and
   * before any tile is in the wall (a layout of the page without them). Null while hidden.
   */
  private measure(): { width: number; height: number } | null {
    if (this.element.hidden) return null;
    const style = getComputedStyle(this.element);
    const across = Number.parseFloat(style.paddingLeft) + Number.parseFloat(style.paddingRight);
    const down = Number.parseFloat(style.paddingTop) + Number.parseFloat(style.paddingBottom);
    return { width: this.element.clientWidth - across, height: this.element.clientHeight - down };
  }

  /**
   * Sizes the tiles to the space the wall has (its content box: inside its padding); true when the
   * number of columns changed, so that the tiles need other bands.
   */
  private fit(): boolean {
    if (this.element.hidden || this.space === null) return false;
    const { tile, tileHeight, columns } = wallLayout(this.keys.length, this.space.width, this.space.height);
    const reflow = columns !== this.columns;
    this.columns = columns;
    const sized = `${tile}/${tileHeight}`;
    if (sized === this.sized) return reflow;
    this.sized = sized;
    this.element.style.setProperty('--tile', `${tile}px`);
    this.element.style.setProperty('--tile-height', `${tileHeight}px`);
    const words = tile >= WORDS_FROM;
    setAttr(this.element, 'data-words', words ? 'true' : null);
    // Tiles made while they were too small hold no words yet.
    if (words && !this.words) for (const each of this.tiles.values()) each.writeWords();
    this.words = words;
    return reflow;
  }

  private onKey(event: KeyboardEvent): void {
    const key = tileKeyOf(event);
    const i = key === undefined ? -1 : this.keys.indexOf(key);
    if (i < 0) return;
    const steps: Record<string, number> = {
      ArrowRight: 1,
      ArrowLeft: -1,
      ArrowDown: this.columns,
      ArrowUp: -this.columns,
      Home: -this.keys.length,
      End: this.keys.length,
    };
    const step = steps[event.key];
    if (step === undefined) return;
    event.preventDefault();
    const next = this.keys[Math.max(0, Math.min(this.keys.length - 1, i + step))];
    const tile = next === undefined ? undefined : this.tiles.get(next);
    if (!tile || next === undefined) return;
    this.active = next;
    this.tab(tile);
    tile.element.focus();
  }
}
