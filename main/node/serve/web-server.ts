import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { PUSHES_AFTER_HEADER, RESUME_PARAMETER } from '../../common/push-resume';
import type { MonitorApi } from '../../contract/monitor-api';
import { ConfigError } from '../../core/config-error';
import type { OverlayRoutes } from '../overlay/overlay-routes';
import { answerApiCall } from './api-calls';
import { capConnections, MAX_CONNECTIONS } from './connection-cap';
import { streamPushes } from './event-stream';
import { hostCheck } from './host-check';
import { PushLog } from './push-log';
import {
  type AuthOutcome,
  authenticate,
  authenticateScrape,
  cookieName,
  setCookieHeader,
} from './request-auth';
import { SnapshotText } from './snapshot-text';
import { pagePath, SECURITY_HEADERS, sendPageFile, sendPageWithSnapshot } from './static-files';

/** What the web server serves, where, and behind which token. */
export interface WebServerOptions {
  api: MonitorApi;
  /** The token every request must carry (see request-auth.ts). */
  token: string;
  /** A token that opens `/metrics` only, as a bearer token; null when none is set. */
  metricsToken?: string | null;
  host: string;
  /** 0 picks a free port. */
  port: number;
  /** The built renderer: index.html, popover.js, popover.css, room-chart.js. */
  pageRoot: string;
  /** The /metrics exposition. */
  metrics: () => Promise<{ contentType: string; body: string }>;
  /** Whether the browser may send a secret key in (loopback only). */
  acceptsSecretKeys: boolean;
  /** Names besides those it listens as that a request's Host may give (a proxy's); see host-check.ts. */
  allowHosts?: readonly string[];
  /** Most connections held at once; those beyond are answered 503. */
  maxConnections?: number;
  heartbeatMs?: number;
  /** The OBS overlay's pages and streams, behind the overlay token rather than this token. */
  overlay?: OverlayRoutes;
}

/** A listening web server. */
export interface RunningWebServer {
  port: number;
  /** Ends every event stream and connection, then stops listening. */
  close(): Promise<void>;
}

/** Largest API request body: 5000 pasted room ids of up to 48 bytes, escaped, with room to spare. */
const MAX_BODY_BYTES = 2 * 1024 * 1024;

/**
 * The web transport of MonitorApi on node:http: the dashboard page, `POST /api/<method>`,
 * `GET /api/events` (Server-Sent Events) and `GET /metrics`, every one behind the run's token.
 * Before the token, every request of every route is checked for the connection cap and for the
 * names it gives in Host and Origin.
 */
export async function startWebServer(options: WebServerOptions): Promise<RunningWebServer> {
  const streams = new Set<() => void>();
  const pushes = new PushLog(options.api);
  const snapshots = new SnapshotText(options.api, undefined, pushes);
  let cookie = '';
  const server = createServer((request, response) => {
    handle(request, response).catch(() => {
      if (!response.headersSent) json(response, 500, { ok: false, error: 'Headcount failed to answer.' });
      else response.destroy();
    });
  });
  const cap = capConnections(server, options.maxConnections ?? MAX_CONNECTIONS);
  const misdirected = hostCheck(options.host, options.allowHosts ?? []);

  async function handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const url = new URL(request.url ?? '/', 'http://headcount.invalid');
    const { pathname } = url;
    if (cap.isOverCap(request.socket)) {
      const error = `Too many connections to headcount serve (at most ${options.maxConnections ?? MAX_CONNECTIONS} at once): try again shortly.`;
      return json(response, 503, { ok: false, error }, { connection: 'close', 'retry-after': '5' });
    }
    const wrongHost = misdirected(request);
    if (wrongHost) return json(response, 421, { ok: false, error: wrongHost }, { connection: 'close' });
    if (options.overlay?.serves(pathname)) return options.overlay.answer(request, response, url);
    const auth =
      pathname === '/metrics'
        ? authenticateScrape(
            request,
            url,
            { token: options.token, metricsToken: options.metricsToken ?? null },
            cookie,
          )
        : authenticate(request, url, options.token, cookie);
    if (auth !== 'ok') return deny(response, auth, pathname.startsWith('/api/'));
    const method = request.method ?? 'GET';
    const reading = method === 'GET' || method === 'HEAD';
    if (pathname === '/metrics') {
      if (!reading) return notAllowed(response, 'GET');
      const { contentType, body } = await options.metrics();
      response.writeHead(200, { ...SECURITY_HEADERS, 'content-type': contentType });
      response.end(method === 'HEAD' ? undefined : body);
      return;
    }
    if (pathname === '/api/events') {
      if (method !== 'GET') return notAllowed(response, 'GET');
      // A page that holds a snapshot already starts its stream after it (see push-log.ts).
      const after = url.searchParams.get(RESUME_PARAMETER);
      const replay = after === null ? null : pushes.since(after);
      const end = streamPushes(response, options.api, options.heartbeatMs, () => snapshots.read(), replay);
      streams.add(end);
      response.on('close', () => streams.delete(end));
      return;
    }
    // The snapshot as the web client asks for it when its page came without one (GET carries the page's
    // cookie alone, POST the token); one JSON text serves every reader for a while.
    if (pathname === SNAPSHOT_PATH && reading) return answerSnapshot(response);
    if (pathname.startsWith('/api/')) {
      if (method !== 'POST') return notAllowed(response, 'POST');
      if (!/^application\/json\b/i.test(request.headers['content-type'] ?? '')) {
        return json(response, 415, { ok: false, error: 'Send the arguments as application/json.' });
      }
      const body = await readBody(request);
      if (body === null) {
        return json(
          response,
          413,
          { ok: false, error: 'The request body is too large.' },
          { connection: 'close' },
        );
      }
      if (pathname === SNAPSHOT_PATH && isEmptyArgumentList(body)) return answerSnapshot(response);
      const { status, answer } = await answerApiCall(pathname.slice('/api/'.length), body, options);
      snapshots.invalidate();
      return json(response, status, answer);
    }
    if (!reading) return notAllowed(response, 'GET');
    if (pathname === '/favicon.ico') {
      // Browsers ask for it on their own; the page has no icon, and a 404 would read as a fault.
      response.writeHead(204, SECURITY_HEADERS);
      response.end();
      return;
    }
    const file = pagePath(pathname, options.pageRoot);
    const page = pathname === '/' || pathname === '/index.html';
    if (page)
      return sendPageWithSnapshot(
        request,
        response,
        file,
        { 'set-cookie': setCookieHeader(cookie, options.token) },
        // Made at once: the page brings its script and stylesheet, so no request of its own waits
        // behind the snapshot, and the browser runs the script while it is made.
        () => snapshots.readMarked(),
      );
    await sendPageFile(request, response, file);
  }

  async function answerSnapshot(response: ServerResponse): Promise<void> {
    try {
      const { json: snapshot, mark } = await snapshots.readMarked();
      jsonText(response, 200, `{"ok":true,"value":${snapshot}}`, { [PUSHES_AFTER_HEADER]: mark });
    } catch (error) {
      json(response, 422, { ok: false, error: error instanceof Error ? error.message : String(error) });
    }
  }

  await listen(server, options.host, options.port);
  const port = (server.address() as AddressInfo).port;
  cookie = cookieName(port);
  return {
    port,
    close: () =>
      new Promise<void>((resolve) => {
        for (const end of streams) end();
        snapshots.close();
        pushes.close();
        options.overlay?.close();
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

function listen(server: ReturnType<typeof createServer>, host: string, port: number): Promise<void> {
  return new Promise((resolve, reject) => {
    server.once('error', (error: NodeJS.ErrnoException) => {
      if (error.code === 'EADDRINUSE') {
        reject(
          new ConfigError(
            `Port ${port} on ${host} is in use: choose another with --port (0 picks a free one).`,
          ),
        );
      } else if (error.code === 'EACCES') {
        reject(
          new ConfigError(`Not allowed to listen on port ${port} of ${host}: choose a port above 1023.`),
        );
      } else if (error.code === 'EADDRNOTAVAIL' || error.code === 'ENOTFOUND') {
        reject(new ConfigError(`Cannot listen on ${host}: it is not an address of this machine.`));
      } else reject(error);
    });
    server.listen(port, host, () => resolve());
  });
}

function deny(response: ServerResponse, outcome: Exclude<AuthOutcome, 'ok'>, api: boolean): void {
  const error =
    outcome === 'missing'
      ? 'This dashboard needs its token: open the link headcount serve printed (…/?token=…), or send Authorization: Bearer <token>.'
      : 'Wrong token: open the link this run of headcount serve printed (the token changes every run unless you set one).';
  const status = outcome === 'missing' ? 401 : 403;
  const headers: Record<string, string> =
    outcome === 'missing' ? { 'www-authenticate': 'Bearer realm="headcount"' } : {};
  if (api) {
    json(response, status, { ok: false, error }, headers);
    return;
  }
  response.writeHead(status, {
    ...SECURITY_HEADERS,
    ...headers,
    'content-type': 'text/plain; charset=utf-8',
  });
  response.end(`${error}\n`);
}

function notAllowed(response: ServerResponse, allow: string): void {
  json(response, 405, { ok: false, error: `Use ${allow}.` }, { allow });
}

/** Where the snapshot is answered from one shared text (any other call goes through answerApiCall). */
const SNAPSHOT_PATH = '/api/getSnapshot';

/** Whether an API body is no arguments at all (nothing, or `[]`); anything else is checked as usual. */
function isEmptyArgumentList(body: string): boolean {
  return /^\s*(\[\s*\])?\s*$/.test(body);
}

function json(
  response: ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
): void {
  jsonText(response, status, JSON.stringify(body), headers);
}

function jsonText(
  response: ServerResponse,
  status: number,
  text: string,
  headers: Record<string, string> = {},
): void {
  response.writeHead(status, {
    ...SECURITY_HEADERS,
    ...headers,
    'content-type': 'application/json; charset=utf-8',
    'content-length': Buffer.byteLength(text),
  });
  response.end(text);
}

/** The request body as text, or null when it is larger than {@link MAX_BODY_BYTES}. */
async function readBody(request: IncomingMessage): Promise<string | null> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > MAX_BODY_BYTES) return null;
    chunks.push(chunk);
  }
  return Buffer.concat(chunks).toString('utf8');
}
