import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  POPOVER_GAP,
  POPOVER_MARGIN,
  popoverBounds,
  type Rect,
  taskbarEdge,
} from '../../main/shell/popover-bounds';

const size = { width: 380, height: 520 };

describe('popoverBounds', () => {
  it('hangs below a macOS menu bar icon, centred on it', () => {
    const workArea = { x: 0, y: 25, width: 1440, height: 875 };
    const tray = { x: 1000, y: 0, width: 24, height: 24 };
    expect(popoverBounds(tray, size, workArea, 'darwin')).toEqual({
      x: 822,
      y: 25 + POPOVER_GAP,
      width: 380,
      height: 520,
    });
  });

  it('sits above a Windows taskbar at the bottom, pulled in from the screen corner', () => {
    const workArea = { x: 0, y: 0, width: 1920, height: 1040 };
    const tray = { x: 1880, y: 1044, width: 24, height: 32 };
    expect(popoverBounds(tray, size, workArea, 'win32')).toEqual({
      x: 1920 - POPOVER_MARGIN - 380,
      y: 1040 - POPOVER_GAP - 520,
      width: 380,
      height: 520,
    });
  });

  it('opens beside a taskbar on the left or the right', () => {
    const left = { x: 48, y: 0, width: 1872, height: 1080 };
    expect(popoverBounds({ x: 12, y: 1000, width: 24, height: 24 }, size, left, 'win32')).toMatchObject({
      x: 48 + POPOVER_GAP,
      y: 1080 - POPOVER_MARGIN - 520,
    });
    const right = { x: 0, y: 0, width: 1872, height: 1080 };
    expect(popoverBounds({ x: 1884, y: 500, width: 24, height: 24 }, size, right, 'win32')).toMatchObject({
      x: 1872 - POPOVER_GAP - 380,
      y: 512 - 260,
    });
  });

  it('hangs below a taskbar at the top on Windows too', () => {
    const workArea = { x: 0, y: 40, width: 1920, height: 1040 };
    expect(popoverBounds({ x: 1700, y: 4, width: 24, height: 32 }, size, workArea, 'win32')).toMatchObject({
      y: 40 + POPOVER_GAP,
    });
  });

  it('works on a second display left of and above the first (negative coordinates)', () => {
    const workArea = { x: -2560, y: -200, width: 2560, height: 1400 };
    const tray = { x: -600, y: 1204, width: 24, height: 32 };
    const bounds = popoverBounds(tray, size, workArea, 'win32');
    expect(bounds).toEqual({ x: -588 - 190, y: 1200 - POPOVER_GAP - 520, width: 380, height: 520 });
  });

  it('goes to the nearest edge when the icon is inside the work area (auto-hidden taskbar, a cursor)', () => {
    const workArea = { x: 0, y: 0, width: 1920, height: 1080 };
    expect(popoverBounds({ x: 1900, y: 1070, width: 0, height: 0 }, size, workArea, 'linux')).toMatchObject({
      x: 1920 - POPOVER_MARGIN - 380,
      y: 1070 - POPOVER_GAP - 520,
    });
    expect(popoverBounds({ x: 960, y: 10, width: 0, height: 0 }, size, workArea, 'linux')).toMatchObject({
      x: 960 - 190,
      y: 10 + POPOVER_GAP,
    });
  });

  it('uses the platform’s usual tray corner when the icon’s place is unknown', () => {
    const workArea = { x: 0, y: 0, width: 1920, height: 1080 };
    const empty = { x: 0, y: 0, width: 0, height: 0 };
    expect(popoverBounds(empty, size, workArea, 'linux')).toMatchObject({ x: 1536, y: POPOVER_MARGIN });
    expect(popoverBounds(null, size, workArea, 'win32')).toMatchObject({
      x: 1536,
      y: 1080 - POPOVER_MARGIN - 520,
    });
  });

  it('shrinks to a work area smaller than the window', () => {
    const workArea = { x: 0, y: 0, width: 300, height: 400 };
    expect(popoverBounds({ x: 280, y: 410, width: 16, height: 16 }, size, workArea, 'win32')).toEqual({
      x: POPOVER_MARGIN,
      y: POPOVER_MARGIN,
      width: 300 - 2 * POPOVER_MARGIN,
      height: 400 - 2 * POPOVER_MARGIN,
    });
  });

  it('always lands inside the work area', () => {
    const rect = fc.record({
      x: fc.integer({ min: -5000, max: 5000 }),
      y: fc.integer({ min: -5000, max: 5000 }),
      width: fc.integer({ min: 200, max: 4000 }),
      height: fc.integer({ min: 200, max: 3000 }),
    });
    const anchor = fc.record({
      x: fc.integer({ min: -6000, max: 9000 }),
      y: fc.integer({ min: -6000, max: 9000 }),
      width: fc.integer({ min: 0, max: 64 }),
      height: fc.integer({ min: 0, max: 64 }),
    });
    const wanted = fc.record({
      width: fc.integer({ min: 100, max: 3000 }),
      height: fc.integer({ min: 100, max: 3000 }),
    });
    fc.assert(
      fc.property(
        rect,
        anchor,
        wanted,
        fc.constantFrom('darwin', 'win32', 'linux'),
        (workArea, tray, want, platform) => {
          const b = popoverBounds(tray, want, workArea, platform);
          expect(b.x).toBeGreaterThanOrEqual(workArea.x);
          expect(b.y).toBeGreaterThanOrEqual(workArea.y);
          expect(b.x + b.width).toBeLessThanOrEqual(workArea.x + workArea.width);
          expect(b.y + b.height).toBeLessThanOrEqual(workArea.y + workArea.height);
          expect(b.width).toBeLessThanOrEqual(want.width);
          expect(b.height).toBeLessThanOrEqual(want.height);
        },
      ),
    );
  });
});

describe('taskbarEdge', () => {
  const workArea: Rect = { x: 0, y: 30, width: 1000, height: 700 };
  it('reads the bar’s edge from where the icon lies outside the work area', () => {
    expect(taskbarEdge({ x: 900, y: 0, width: 20, height: 30 }, workArea)).toBe('top');
    expect(taskbarEdge({ x: 900, y: 740, width: 20, height: 20 }, workArea)).toBe('bottom');
    expect(taskbarEdge({ x: -30, y: 400, width: 20, height: 20 }, workArea)).toBe('left');
    expect(taskbarEdge({ x: 1005, y: 400, width: 20, height: 20 }, workArea)).toBe('right');
  });
});
