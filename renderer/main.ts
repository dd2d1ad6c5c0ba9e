import type { MonitorApi } from '../main/contract/monitor-api';
import { startPopover } from './popover';
import { createWebClient, tokenFromLocation } from './web-client';

declare global {
  interface Window {
    /** The engine through the Electron preload bridge; absent in a browser. */
    headcount?: MonitorApi;
  }
}

// In the tray app the preload provides the engine; in a browser, headcount serve does over HTTP.
const api =
  window.headcount ?? createWebClient(new URL('.', location.href).href, tokenFromLocation(location));
const root = document.getElementById('app');
if (root) startPopover(api, root);
