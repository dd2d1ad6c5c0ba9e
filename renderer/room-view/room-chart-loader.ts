/**
 * Loads the chart bundle (room-chart.js: uPlot and {@link RoomChartPlot}) the first time a room is
 * opened. It is a classic script added to the page rather than an ES module import: the page's CSP
 * (script-src 'self') allows it as it allows popover.js, it loads the same way from app:// in the
 * tray app and from headcount serve (with the page's cookie), and it needs nothing from the network.
 */
import type * as RoomChartBundle from './room-chart-plot';

declare global {
  interface Window {
    /** What room-chart.js exports, once it has run (esbuild's `globalName`, see scripts/build.mjs). */
    headcountRoomChart?: typeof RoomChartBundle;
  }
}

/** The bundle's file, beside popover.js. */
export const ROOM_CHART_SCRIPT = 'room-chart.js';

let loading: Promise<typeof RoomChartBundle> | null = null;

/**
 * The chart bundle's exports, loading it on the first call; later calls share that load. A failed
 * load is forgotten, so the next room opened tries again.
 */
export function loadRoomChart(): Promise<typeof RoomChartBundle> {
  const loaded = window.headcountRoomChart;
  if (loaded) return Promise.resolve(loaded);
  loading ??= new Promise<typeof RoomChartBundle>((resolve, reject) => {
    const script = document.createElement('script');
    script.src = new URL(ROOM_CHART_SCRIPT, document.baseURI).href;
    script.addEventListener('load', () => {
      const bundle = window.headcountRoomChart;
      if (bundle) resolve(bundle);
      else reject(new Error(`${ROOM_CHART_SCRIPT} did not provide the chart`));
    });
    script.addEventListener('error', () => reject(new Error(`${ROOM_CHART_SCRIPT} could not be loaded`)));
    document.head.append(script);
  }).catch((error: unknown) => {
    loading = null;
    throw error;
  });
  return loading;
}
