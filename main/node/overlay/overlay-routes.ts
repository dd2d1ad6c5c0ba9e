import type { IncomingMessage, ServerResponse } from 'node:http';
import { parseOverlayOptions } from '../../common/overlay-options';
import type { MonitorApi } from '../../contract/monitor-api';
import type { OverlayCount } from '../../contract/overlay-api';
import { OverlayFeed, type OverlayRoom } from '../../service/overlay-feed';
import { tokenMatches } from '../serve/serve-token';
import { openSseResponse, type SseResponse } from '../serve/sse-response';
import type { OverlayAssets } from './overlay-page';
import { renderOverlay } from './overlay-page';

/** The overlay page's path, and its event stream's. */
export const OVERLAY_PATH = '/overlay';
export const OVERLAY_EVENTS_PATH = '/overlay/events';

/** What the overlay routes answer from, and behind which token. */
export interface OverlayRoutesOptions {
  api: Pick<MonitorApi, 'getSnapshot' | 'onPush'>;
  /** The overlay token now; null while the overlay is off. */
  token: () => string | null;
  assets: OverlayAssets;
  /** Who may show the page in a frame: the dashboard, for its preview ('self', or app://headcount). */
  frameAncestors: readonly string[];
  /** What to tell someone who opens an overlay while it is off. */
  offHint: string;
  heartbeatMs?: number;
}

/** The overlay's pages and streams, for a web server to hand their paths to. */
export interface OverlayRoutes {
  /** Whether `pathname` is the overlay's: such a request is answered by {@link answer} alone. */
  serves(pathname: string): boolean;
  answer(request: IncomingMessage, response: ServerResponse, url: URL): Promise<void>;
  /** Ends every open stream: after a new link, so that the old one stops at once. */
  endStreams(): void;
  close(): void;
}

/** Headers of every overlay answer but the page's CSP, which names the page's own hashes. */
const OVERLAY_HEADERS: Readonly<Record<string, string>> = {
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
  'cache-control': 'no-store',
};
const LONGEST_ROOM = 200;

/**
 * `GET /overlay?room=<groupId>&token=<overlay token>[&profile=<id>]`, the page OBS shows, and
 * `GET /overlay/events` with the same query, its Server-Sent Events: one {@link OverlayCount} a
 * line, the current one first. The overlay token opens these two and nothing else; the dashboard's
 * token does not open them (each link carries exactly what it needs).
 */
export function createOverlayRoutes(options: OverlayRoutesOptions): OverlayRoutes {
  const feed = new OverlayFeed(options.api);
  const streams = new Set<SseResponse>();

  async function answer(request: IncomingMessage, response: ServerResponse, url: URL): Promise<void> {
    const method = request.method ?? 'GET';
    const page = url.pathname === OVERLAY_PATH;
    if (!page && url.pathname !== OVERLAY_EVENTS_PATH) return text(response, 404, 'Not found.');
    if (method !== 'GET' && !(page && method === 'HEAD')) {
      return text(response, 405, 'Use GET.', { allow: page ? 'GET, HEAD' : 'GET' });
    }
    const token = options.token();
    if (token === null) return text(response, 404, options.offHint);
    const presented = url.searchParams.get('token');
    if (presented === null) {
      return text(response, 401, 'This overlay link needs its token: copy it again from Headcount.');
    }
    if (!tokenMatches(token, presented)) {
      return text(
        response,
        403,
        'Wrong overlay token: the link is old or mistyped. Copy it again from Headcount.',
      );
    }
    const room = roomOf(url.searchParams);
    if (!room) {
      return text(
        response,
        400,
        'The link names no room: add room=<group id>, URL-encoded (# is %23). Headcount copies links that way.',
      );
    }
    await feed.ready;
    if (page) {
      const rendered = renderOverlay(
        parseOverlayOptions(url.searchParams),
        feed.current(room),
        options.assets,
        options.frameAncestors,
      );
      const body = Buffer.from(rendered.html, 'utf8');
      response.writeHead(200, {
        ...OVERLAY_HEADERS,
        'content-security-policy': rendered.csp,
        'content-type': 'text/html; charset=utf-8',
        'content-length': body.length,
      });
      response.end(method === 'HEAD' ? undefined : body);
      return;
    }
    const stream = openSseResponse(response, options.heartbeatMs, {
      ...OVERLAY_HEADERS,
      'content-security-policy': "default-src 'none'",
    });
    const send = (count: OverlayCount) => stream.send(JSON.stringify(count));
    send(feed.current(room));
    const stop = feed.watch(room, send);
    streams.add(stream);
    stream.onEnd(() => {
      stop();
      streams.delete(stream);
    });
  }

  const endStreams = () => {
    for (const stream of [...streams]) stream.end();
  };
  return {
    serves: (pathname) => pathname === OVERLAY_PATH || pathname.startsWith(`${OVERLAY_PATH}/`),
    answer,
    endStreams,
    close() {
      endStreams();
      feed.close();
    },
  };
}

/** The room a link names, or null when it names none (or something far too long to be an id). */
function roomOf(query: URLSearchParams): OverlayRoom | null {
  const groupId = query.get('room') ?? '';
  if (groupId.trim() === '' || groupId.length > LONGEST_ROOM) return null;
  const profileId = query.get('profile') ?? '';
  return { groupId, profileId: profileId === '' ? null : profileId };
}

/** A short answer in words, as every overlay refusal is. */
export function text(
  response: ServerResponse,
  status: number,
  message: string,
  headers: Record<string, string> = {},
): void {
  response.writeHead(status, {
    ...OVERLAY_HEADERS,
    ...headers,
    'content-security-policy': "default-src 'none'",
    'content-type': 'text/plain; charset=utf-8',
  });
  response.end(`${message}\n`);
}
