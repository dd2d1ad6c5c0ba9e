import type { MonitorApi } from '../main/contract/monitor-api';
import { startPopover } from './popover';

declare global {
  interface Window {
    /** The engine, through the preload bridge (or the web client of `headcount serve`). */
    headcount: MonitorApi;
  }
}

const root = document.getElementById('app');
if (root) startPopover(window.headcount, root);
