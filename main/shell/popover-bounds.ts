/** A rectangle in screen coordinates (device-independent pixels), as Electron gives them. */
export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** A window's width and height. */
export interface Size {
  width: number;
  height: number;
}

/** Which edge of the work area the popover hangs from: where the menu bar or taskbar is. */
export type Edge = 'top' | 'bottom' | 'left' | 'right';

/** Space between the tray icon and the popover. */
export const POPOVER_GAP = 4;
/** Space kept between the popover and the edges of the work area. */
export const POPOVER_MARGIN = 4;

function isEmpty(rect: Rect): boolean {
  return rect.width <= 0 && rect.height <= 0 && rect.x === 0 && rect.y === 0;
}

/**
 * The edge of `workArea` nearest `anchor` (the tray icon). The menu bar or taskbar lies outside the
 * work area, so an icon outside it says where the bar is; an icon inside it (an auto-hiding taskbar,
 * a cursor position) goes to the nearest edge.
 */
export function taskbarEdge(anchor: Rect, workArea: Rect): Edge {
  const right = workArea.x + workArea.width;
  const bottom = workArea.y + workArea.height;
  if (anchor.y + anchor.height <= workArea.y) return 'top';
  if (anchor.y >= bottom) return 'bottom';
  if (anchor.x + anchor.width <= workArea.x) return 'left';
  if (anchor.x >= right) return 'right';
  const cx = anchor.x + anchor.width / 2;
  const cy = anchor.y + anchor.height / 2;
  const distances: Array<[Edge, number]> = [
    ['top', cy - workArea.y],
    ['bottom', bottom - cy],
    ['left', cx - workArea.x],
    ['right', right - cx],
  ];
  return distances.reduce((best, next) => (next[1] < best[1] ? next : best))[0];
}

function clamp(value: number, min: number, max: number): number {
  return Math.min(Math.max(value, min), max);
}

/**
 * Where the popover goes: against the tray icon on the side away from the menu bar or taskbar,
 * centred on the icon, and kept inside `workArea` (the work area of the display the icon is on),
 * shrunk when the work area is smaller than the window. With no icon bounds (Linux gives none,
 * electron#15003) it goes to the corner where that platform's tray usually is.
 * @param trayBounds The icon's bounds, or null/empty when unknown.
 * @param size The window's preferred size.
 * @param platform `process.platform`.
 */
export function popoverBounds(trayBounds: Rect | null, size: Size, workArea: Rect, platform: string): Rect {
  const width = Math.min(size.width, workArea.width - 2 * POPOVER_MARGIN);
  const height = Math.min(size.height, workArea.height - 2 * POPOVER_MARGIN);
  const minX = workArea.x + POPOVER_MARGIN;
  const minY = workArea.y + POPOVER_MARGIN;
  const maxX = workArea.x + workArea.width - POPOVER_MARGIN - width;
  const maxY = workArea.y + workArea.height - POPOVER_MARGIN - height;
  let x: number;
  let y: number;
  if (!trayBounds || isEmpty(trayBounds)) {
    x = maxX;
    y = platform === 'win32' ? maxY : minY;
  } else {
    const cx = trayBounds.x + trayBounds.width / 2;
    const cy = trayBounds.y + trayBounds.height / 2;
    const edge = taskbarEdge(trayBounds, workArea);
    if (edge === 'top' || edge === 'bottom') {
      x = cx - width / 2;
      y =
        edge === 'top'
          ? Math.max(workArea.y, trayBounds.y + trayBounds.height) + POPOVER_GAP
          : Math.min(workArea.y + workArea.height, trayBounds.y) - POPOVER_GAP - height;
    } else {
      y = cy - height / 2;
      x =
        edge === 'left'
          ? Math.max(workArea.x, trayBounds.x + trayBounds.width) + POPOVER_GAP
          : Math.min(workArea.x + workArea.width, trayBounds.x) - POPOVER_GAP - width;
    }
  }
  return {
    x: Math.round(clamp(x, minX, maxX)),
    y: Math.round(clamp(y, minY, maxY)),
    width: Math.round(width),
    height: Math.round(height),
  };
}
