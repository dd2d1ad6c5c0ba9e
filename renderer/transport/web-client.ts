/**
 * MonitorApi over HTTP, for the page `headcount serve` serves to a browser: each method is one
 * `POST api/<method>` with its arguments as a JSON array and the run's token as a bearer token;
 * pushes arrive over Server-Sent Events from `api/events`. Made from the contract's method list and
 * checked against it at compile time, like the Electron preload.
 */
import { forwardMethods } from '../../main/common/method-bridge';
import { PUSHES_AFTER_HEADER, RESUME_PARAMETER } from '../../main/common/push-resume';
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
export function createWebClient(baseUrl: string, token: string): MonitorApi {
  // Taken at once: the page's head asked for it, and the stream waits for its mark.
  const preloaded = preloadedSnapshot(baseUrl);
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
 * The first snapshot, which serve's page asked for in its head while this script was on its way:
 * the same GET (the page's cookie, no header of ours) takes that answer rather than asking again.
 * With it, the mark of the last push it holds. Anything but a snapshot falls back to the usual
 * call, which says what went wrong.
 */
async function preloadedSnapshot(
  baseUrl: string,
): Promise<{ snapshot: MonitorSnapshot; after: string | null }> {
  const response = await fetch(new URL('api/getSnapshot', baseUrl));
  const answer = (await response.json()) as Answer;
  if (!response.ok || !answer.ok) throw new Error('no preloaded snapshot');
  return { snapshot: answer.value as MonitorSnapshot, after: response.headers.get(PUSHES_AFTER_HEADER) };
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
