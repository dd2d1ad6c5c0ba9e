/**
 * MonitorApi over HTTP, for the page `headcount serve` serves to a browser: each method is one
 * `POST api/<method>` with its arguments as a JSON array and the run's token as a bearer token;
 * pushes arrive over Server-Sent Events from `api/events`. Made from the contract's method list and
 * checked against it at compile time, like the Electron preload.
 */
import { INLINE_SNAPSHOT_AFTER, INLINE_SNAPSHOT_ID } from '../../main/common/inline-snapshot';
import { forwardMethods } from '../../main/common/method-bridge';
import { RESUME_PARAMETER } from '../../main/common/push-resume';
import {
  MONITOR_METHODS,
  type MonitorApi,
  type MonitorMethod,
  type MonitorPush,
  type MonitorSnapshot,
} from '../../main/contract/monitor-api';

type Answer = { ok: true; value?: unknown } | { ok: false; error: string };

/** The longest wait before opening the event stream again after the server refused or vanished. */
const MAX_REOPEN_MS = 30_000;
const FIRST_REOPEN_MS = 1_000;

/** The token of the dashboard link (`?token=`), which the page's URL carries. */
export function tokenFromLocation(location: Pick<Location, 'search'>): string {
  return new URLSearchParams(location.search).get('token') ?? '';
}

/**
 * A MonitorApi that talks to `headcount serve` at `baseUrl` (the folder the page was served from).
 * The event stream starts after the first snapshot, with the pushes since it; each later connection
 * starts with a fresh snapshot, so after a reconnect the page is never stale.
 */
export function createWebClient(baseUrl: string, token: string, page: Document = document): MonitorApi {
  // The page brought it; the stream waits for its mark.
  const preloaded = inlineSnapshot(page);
  const pushes = pushStream(
    baseUrl,
    token,
    preloaded.then(
      (first) => first.after,
      () => null,
    ),
  );
  const methods = forwardMethods<MonitorApi, MonitorMethod>(MONITOR_METHODS, (method, args) =>
    request(baseUrl, token, method, args),
  );
  let first = true;
  return {
    ...methods,
    getSnapshot: () => {
      if (!first) return methods.getSnapshot();
      first = false;
      return preloaded.then((answer) => answer.snapshot).catch(() => methods.getSnapshot());
    },
    onPush: (listener: (push: MonitorPush) => void) => pushes.subscribe(listener),
  } satisfies MonitorApi;
}

/**
 * The first snapshot, which serve's page brings at the end of its body (inline-snapshot.ts), with
 * the mark of the last push it holds: read once the page has arrived whole. This script runs as
 * soon as it is loaded, so the popover is built while the rest of the page is still on its way. A
 * page without it falls back to the usual call, which says what went wrong.
 */
async function inlineSnapshot(page: Document): Promise<{ snapshot: MonitorSnapshot; after: string | null }> {
  if (page.readyState === 'loading')
    await new Promise((resolve) => page.addEventListener('DOMContentLoaded', resolve, { once: true }));
  const block = page.getElementById(INLINE_SNAPSHOT_ID);
  if (!block) throw new Error('no snapshot in the page');
  const snapshot = JSON.parse(block.textContent ?? '') as MonitorSnapshot;
  // Read once: the page's DOM need not hold 800 KB of text for the rest of its life.
  block.remove();
  return { snapshot, after: block.getAttribute(INLINE_SNAPSHOT_AFTER) || null };
}

async function request(baseUrl: string, token: string, method: MonitorMethod, args: unknown[]) {
  // JSON has no undefined: a trailing optional argument left out must not arrive as null.
  const sent = [...args];
  while (sent.length > 0 && sent[sent.length - 1] === undefined) sent.pop();
  let response: Response;
  try {
    response = await fetch(new URL(`api/${method}`, baseUrl), {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify(sent),
      cache: 'no-store',
    });
  } catch {
    throw new Error('Headcount is not reachable: is headcount serve still running?');
  }
  let answer: Answer;
  try {
    answer = (await response.json()) as Answer;
  } catch {
    throw new Error(`Headcount answered HTTP ${response.status} without a result.`);
  }
  if (!answer.ok) throw new Error(answer.error);
  return answer.value;
}

/**
 * One EventSource shared by every listener, opened with the first and closed with the last. The
 * first connection waits for the first snapshot's mark (`firstAfter`) and starts after it; should
 * it break, the next starts with a snapshot. The browser reconnects by itself after a network
 * break; when the server refused the stream (a restart with a new token, a proxy error) it is
 * opened again with a growing delay.
 */
function pushStream(baseUrl: string, token: string, firstAfter: Promise<string | null> | null) {
  const listeners = new Set<(push: MonitorPush) => void>();
  const url = new URL('api/events', baseUrl);
  url.searchParams.set('token', token);
  let source: EventSource | null = null;
  let reopenTimer: ReturnType<typeof setTimeout> | null = null;
  let reopenMs = FIRST_REOPEN_MS;
  let waiting = false;
  let resumed = false;

  let firstMark = firstAfter;
  const openFirst = (mark: Promise<string | null>) => {
    waiting = true;
    void mark.then((after) => {
      waiting = false;
      if (listeners.size === 0 || source !== null) return;
      if (after === null) return open();
      const resuming = new URL(url);
      resuming.searchParams.set(RESUME_PARAMETER, after);
      resumed = true;
      open(resuming);
    });
  };
  const open = (from: URL = url) => {
    reopenTimer = null;
    const stream = new EventSource(from);
    source = stream;
    stream.onopen = () => {
      reopenMs = FIRST_REOPEN_MS;
    };
    stream.onmessage = (event: MessageEvent<string>) => {
      let push: MonitorPush;
      try {
        push = JSON.parse(event.data) as MonitorPush;
      } catch {
        return;
      }
      for (const listener of [...listeners]) listener(push);
    };
    stream.onerror = () => {
      if (source !== stream) return;
      // The browser would reconnect with the first mark; a break is mended by a fresh snapshot.
      if (resumed) {
        resumed = false;
        stream.close();
        return open();
      }
      if (stream.readyState !== EventSource.CLOSED) return;
      reopenTimer = setTimeout(open, reopenMs);
      reopenMs = Math.min(MAX_REOPEN_MS, reopenMs * 2);
    };
  };
  const close = () => {
    if (reopenTimer !== null) clearTimeout(reopenTimer);
    reopenTimer = null;
    source?.close();
    source = null;
  };

  return {
    subscribe(listener: (push: MonitorPush) => void): () => void {
      listeners.add(listener);
      if (source === null && reopenTimer === null && !waiting) {
        if (firstMark === null) open();
        else openFirst(firstMark);
        firstMark = null;
      }
      return () => {
        listeners.delete(listener);
        if (listeners.size === 0) close();
      };
    },
  };
}
