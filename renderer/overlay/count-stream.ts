import type { OverlayCount } from '../../main/contract/overlay-api';
import { countOf } from './count-event';

const FIRST_REOPEN_MS = 1_000;
const MAX_REOPEN_MS = 30_000;

/**
 * Follows the overlay's event stream at `url`, handing each count to `onCount`. The browser
 * reconnects by itself after a network break; when the server refused the stream or was gone (a
 * restart, a busy server) it is opened again with a growing delay, for as long as the page is up.
 */
export function followCounts(url: string, onCount: (count: OverlayCount) => void): void {
  let reopenMs = FIRST_REOPEN_MS;
  const open = () => {
    const source = new EventSource(url);
    source.onopen = () => {
      reopenMs = FIRST_REOPEN_MS;
    };
    source.onmessage = (event: MessageEvent<string>) => {
      const count = countOf(event.data);
      if (count) onCount(count);
    };
    source.onerror = () => {
      if (source.readyState !== EventSource.CLOSED) return;
      setTimeout(open, reopenMs);
      reopenMs = Math.min(MAX_REOPEN_MS, reopenMs * 2);
    };
  };
  open();
}
