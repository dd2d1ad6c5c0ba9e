import type { OverlayCount } from '../../main/contract/overlay-api';

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

/** The count an event carries, or null for anything else. */
export function countOf(data: string): OverlayCount | null {
  let value: Partial<OverlayCount>;
  try {
    value = JSON.parse(data) as Partial<OverlayCount>;
  } catch {
    return null;
  }
  const { online, ageMs, state } = value ?? {};
  const number = (x: unknown) => x === null || (typeof x === 'number' && Number.isFinite(x) && x >= 0);
  if (!number(online) || !number(ageMs) || (state !== 'live' && state !== 'held' && state !== 'closed'))
    return null;
  return { online: online ?? null, ageMs: ageMs ?? null, state };
}
