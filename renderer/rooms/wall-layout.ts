/**
 * The wall's tile size: the largest square-ish tile that fits every room in the space given, so
 * that 2,000 rooms fill one 1280×800 screen and six rooms get tiles big enough for their names.
 * Pure.
 */

/** Tiles never grow past this (a few rooms would otherwise get posters). */
export const MAX_TILE = 168;
/** Nor shrink below this: past it the wall scrolls rather than becoming dust. */
export const MIN_TILE = 12;
/** The gap between tiles. */
export const TILE_GAP = 2;

/** Tile width and height in px and the number of columns for `count` tiles in `width`×`height`. */
export function wallLayout(
  count: number,
  width: number,
  height: number,
): { tile: number; tileHeight: number; columns: number } {
  const fitting = (tile: number) => {
    const columns = Math.max(1, Math.floor((width + TILE_GAP) / (tile + TILE_GAP)));
    const rows = Math.ceil(count / columns);
    return { columns, fits: rows * (tileHeightOf(tile) + TILE_GAP) - TILE_GAP <= height };
  };
  let low = MIN_TILE;
  let high = MAX_TILE;
  // The largest tile that fits, by bisection over whole pixels.
  while (low < high) {
    const middle = Math.ceil((low + high) / 2);
    if (fitting(middle).fits) low = middle;
    else high = middle - 1;
  }
  return { tile: low, tileHeight: tileHeightOf(low), columns: fitting(low).columns };
}

/** Big tiles are wider than tall (a name and a count); small ones are squares. */
function tileHeightOf(tile: number): number {
  return tile >= 96 ? Math.round(tile * 0.55) : tile;
}
