import type { MonitorApi } from '../main/contract/monitor-api';
import { applyPageStyle } from './page-style';
import { startPopover } from './popover';
import { createWebClient, tokenFromLocation } from './transport/web-client';
import { loadViews } from './views-loader';

declare global {
  interface Window {
    /** The engine through the Electron preload bridge; absent in a browser. */
    headcount?: MonitorApi;
  }
}

// In the tray app the preload provides the engine; in a browser, headcount serve does over HTTP.
const api =
  window.headcount ?? createWebClient(new URL('.', location.href).href, tokenFromLocation(location));
// The popover replaces the placeholder rows once its stylesheet applies. In the tray app the script
// runs as soon as it arrives (async), in practice after the page's body has been read; should it come
// before the body, it waits for it. headcount serve brings script and stylesheet inside the page
// (main/node/serve/inline-page.ts): the script, an async module at the end of the body, runs once the
// placeholder rows can paint, and builds the popover while the snapshot that follows it is on its way.
const start = () => {
  const root = document.getElementById('app');
  if (root) void applyPageStyle().then(() => startPopover(api, root));
};
if (document.getElementById('app') || document.readyState !== 'loading') start();
else document.addEventListener('DOMContentLoaded', start, { once: true });

// The code of the views besides the rooms (views.js) and the chart's (room-chart.js) stays out of
// the first rows. Settings, the alert log and a room are a click away and a room's chart two, so the
// first touch of the page starts loading both, in time for the click.
const intents = ['pointerdown', 'keydown'] as const;
const loadViewsSoon = () => {
  for (const intent of intents) window.removeEventListener(intent, loadViewsSoon, true);
  // A failed load is not lost: the view asked for says so, and the next one tries again.
  requestIdleCallback(
    () =>
      void loadViews()
        .then((views) => views.loadRoomChart())
        .catch(() => {}),
    { timeout: 500 },
  );
};
for (const intent of intents) window.addEventListener(intent, loadViewsSoon, true);
