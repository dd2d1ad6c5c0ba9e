/** `screen`: a set of displays and a cursor that tests arrange. */

interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface FakeDisplay {
  id: number;
  bounds: Rect;
  workArea: Rect;
  scaleFactor: number;
}

const DEFAULT_DISPLAY: FakeDisplay = {
  id: 1,
  bounds: { x: 0, y: 0, width: 1920, height: 1080 },
  workArea: { x: 0, y: 0, width: 1920, height: 1040 },
  scaleFactor: 1,
};

function distanceTo(rect: Rect, x: number, y: number): number {
  const dx = Math.max(rect.x - x, 0, x - (rect.x + rect.width));
  const dy = Math.max(rect.y - y, 0, y - (rect.y + rect.height));
  return Math.hypot(dx, dy);
}

export const screen = {
  displays: [DEFAULT_DISPLAY] as FakeDisplay[],
  cursor: { x: 0, y: 0 },

  getCursorScreenPoint(): { x: number; y: number } {
    return { ...screen.cursor };
  },

  getPrimaryDisplay(): FakeDisplay {
    return screen.displays[0] as FakeDisplay;
  },

  getDisplayNearestPoint(point: { x: number; y: number }): FakeDisplay {
    return screen.displays.reduce((best, display) =>
      distanceTo(display.bounds, point.x, point.y) < distanceTo(best.bounds, point.x, point.y)
        ? display
        : best,
    );
  },

  /** The display holding the centre of `rect` (a simplification of Electron's largest overlap). */
  getDisplayMatching(rect: Rect): FakeDisplay {
    return screen.getDisplayNearestPoint({ x: rect.x + rect.width / 2, y: rect.y + rect.height / 2 });
  },

  reset(): void {
    screen.displays = [DEFAULT_DISPLAY];
    screen.cursor = { x: 0, y: 0 };
  },
};
