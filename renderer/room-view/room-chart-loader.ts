/**
 * Loads the chart bundle (room-chart.js: uPlot and {@link RoomChartPlot}) the first time a room's
 * chart is shown: see script-bundle.ts.
 */
import { scriptBundle } from '../script-bundle';
import type * as RoomChartBundle from './room-chart-plot';

declare global {
  interface Window {
    /** What room-chart.js exports, once it has run (esbuild's `globalName`, see scripts/build.mjs). */
    headcountRoomChart?: typeof RoomChartBundle;
  }
}

/** The bundle's file, beside popover.js. */
export const ROOM_CHART_SCRIPT = 'room-chart.js';

/**
 * The chart bundle's exports, loading it on the first call; later calls share that load. A failed
 * load is forgotten, so the next room opened tries again.
 */
export const loadRoomChart = scriptBundle(ROOM_CHART_SCRIPT, () => window.headcountRoomChart);
