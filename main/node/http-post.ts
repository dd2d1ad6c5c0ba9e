/**
 * The real {@link HttpPost} for Node and Electron main: node:http / node:https with keep-alive agents
 * (Tencent recommends connection reuse, doc 1047/34620). Certificate verification is always on.
 *
 * The request URL carries the UserSig in its query, so no error produced here contains the URL, its
 * path or its query: messages are built from the host and the error code only.
 */
import http from 'node:http';
import https from 'node:https';
import { isIP, type Socket } from 'node:net';
import { rootCertificates } from 'node:tls';
import type { HttpPost, HttpRequest, HttpResponse } from '../core/http-port';
import { networkError, type RequestStage, timeoutError, tooLarge } from './network-failure';
import { fullUrl, type RequestTarget, RequestTargets } from './request-target';

export interface HttpPostOptions {
  /** A PEM CA certificate trusted in addition to Node's bundled roots (a proxy's or a test server's). */
  ca?: string;
  /** Most connections open at once per host; unlimited when not set. */
  maxSockets?: number;
  /** Largest response body accepted; a larger one fails the request. */
  maxBodyBytes?: number;
}

/**
 * An {@link HttpPost} that owns its connection pools; `close()` ends every pooled connection, and the
 * requests still on their way fail rather than being sent again on fresh ones.
 */
export type PooledHttpPost = HttpPost & { close(): void };

// A full get_appid_group_list page (10 000 ids of up to 48 escaped bytes) stays just under 1.2 MB.
const DEFAULT_MAX_BODY_BYTES = 4 * 1024 * 1024;

/** Creates a POST function with its own keep-alive connection pools. */
export function createHttpPost(options: HttpPostOptions = {}): PooledHttpPost {
  const pool = { keepAlive: true, maxSockets: options.maxSockets };
  const agents = {
    'http:': new http.Agent(pool),
    'https:': new https.Agent(options.ca ? { ...pool, ca: [...rootCertificates, options.ca] } : pool),
  };
  const maxBodyBytes = options.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES;
  const pools: PoolState = { closed: false };
  const targets = new RequestTargets();
  const hosts = new WeakMap<URL, Host>();
  const hostOf = (origin: URL): Host => {
    let host = hosts.get(origin);
    if (!host) {
      const secure = origin.protocol === 'https:';
      host = {
        transport: secure ? https : http,
        agent: secure ? agents['https:'] : agents['http:'],
        protocol: origin.protocol,
        hostname: origin.hostname.replace(/^\[|\]$/g, ''),
        port: origin.port,
        hostHeader: origin.host,
      };
      hosts.set(origin, host);
    }
    return host;
  };

  const post = (request: HttpRequest): Promise<HttpResponse> => {
    let target: RequestTarget;
    try {
      target = targets.of(request.url);
    } catch (error) {
      return Promise.reject(error);
    }
    const host = hostOf(target.origin);
    const deadline = performance.now() + request.timeoutMs;
    return new Promise((resolve, reject) => {
      new Exchange({ target, host, request, maxBodyBytes, deadline, pools, resolve, reject }).send(true);
    });
  };
  return Object.assign(post, {
    close(): void {
      // First, so that the requests the destroyed connections end are not taken for stale ones.
      pools.closed = true;
      agents['http:'].destroy();
      agents['https:'].destroy();
    },
  });
}

/** Where requests to one origin go, worked out once per origin rather than for every request. */
interface Host {
  transport: typeof http | typeof https;
  agent: http.Agent;
  protocol: string;
  /** Without an IPv6 address's brackets, as node:http takes it. */
  hostname: string;
  port: string;
  /** The Host header node:http would write: brackets kept, the port only when not the default. */
  hostHeader: string;
}

/** Whether the pools were closed: then a reset connection is the closing's, not a stale one. */
interface PoolState {
  closed: boolean;
}

/** One POST: what it is sent with, the deadline it shares with a retry, and how it ends. */
interface PostJob {
  target: RequestTarget;
  host: Host;
  request: HttpRequest;
  maxBodyBytes: number;
  deadline: number;
  pools: PoolState;
  resolve: (response: HttpResponse) => void;
  reject: (error: Error) => void;
}

/**
 * Where each request and answer finds its attempt. The listeners below are the same functions for
 * every request, reading their attempt from the request or answer that calls them, rather than
 * closures made anew for each of some two hundred requests a second.
 */
const ATTEMPT = Symbol('attempt');
type Carrying = { [ATTEMPT]?: Exchange };

function attemptOf(emitter: object): Exchange {
  return (emitter as Carrying)[ATTEMPT] as Exchange;
}

/** One attempt at a POST: a second, on a fresh connection, may follow a stale pooled one. */
class Exchange {
  private stage: RequestStage = 'queued';
  private settled = false;
  private answered = false;
  private mayRetryStale = false;
  private readonly chunks: Buffer[] = [];
  private size = 0;
  private req: http.ClientRequest | null = null;
  private timer: ReturnType<typeof setTimeout> | null = null;

  constructor(private readonly job: PostJob) {}

  send(mayRetryStale: boolean): void {
    const { host, target, request } = this.job;
    this.mayRetryStale = mayRetryStale;
    const req = host.transport.request({
      protocol: host.protocol,
      hostname: host.hostname,
      port: host.port,
      path: target.path,
      method: 'POST',
      agent: host.agent,
      // As a list, the headers are written as they are, in this order, where an object of them is
      // first copied into the request's own map, header by header, with the Host added after.
      headers: [
        'content-type',
        'application/json',
        'content-length',
        String(Buffer.byteLength(request.body)),
        'Host',
        host.hostHeader,
      ],
    });
    this.req = req;
    (req as Carrying)[ATTEMPT] = this;
    this.timer = setTimeout(onDeadline, Math.max(0, this.job.deadline - performance.now()), this);
    req.on('socket', onSocket);
    // Written to the socket, headers and body: the rate budget counts a request sent again as a call.
    if (request.onSent) req.on('finish', onFinish);
    req.on('error', onRequestError);
    req.on('response', onResponse);
    req.end(request.body);
  }

  socket(socket: Socket): void {
    if (!socket.connecting) {
      this.stage = 'connected';
      return;
    }
    this.stage = isIP(this.job.host.hostname) ? 'connecting' : 'resolving';
    socket.once('lookup', () => {
      this.stage = 'connecting';
    });
    socket.once('connect', () => {
      this.stage = 'connected';
    });
  }

  sent(): void {
    this.job.request.onSent?.();
  }

  response(res: http.IncomingMessage): void {
    this.answered = true;
    const declared = Number(res.headers['content-length']);
    if (declared > this.job.maxBodyBytes) {
      this.fail(tooLarge(this.job.target.origin, this.job.maxBodyBytes));
      return;
    }
    (res as Carrying)[ATTEMPT] = this;
    res.on('data', onData);
    res.on('error', onAnswerError);
    res.on('end', onEnd);
    res.on('close', onClose);
  }

  data(chunk: Buffer): void {
    this.size += chunk.length;
    if (this.size > this.job.maxBodyBytes) this.fail(tooLarge(this.job.target.origin, this.job.maxBodyBytes));
    else this.chunks.push(chunk);
  }

  end(res: http.IncomingMessage): void {
    if (!this.finish()) return;
    // An answer of one chunk (a count's always is) is read as it is, not copied into a new buffer first.
    const [only] = this.chunks;
    const body =
      this.chunks.length === 1 && only
        ? only.toString('utf8')
        : Buffer.concat(this.chunks, this.size).toString('utf8');
    this.job.resolve({ status: res.statusCode ?? 0, body });
  }

  closed(res: http.IncomingMessage): void {
    if (!res.complete) this.failWith(Object.assign(new Error('aborted'), { code: 'ECONNRESET' }));
  }

  timedOut(): void {
    this.fail(timeoutError(this.stage, this.job.target.origin, this.job.request.timeoutMs));
  }

  failWith(cause: unknown): void {
    const error = networkError(cause, fullUrl(this.job.target));
    // A pooled connection the server had already closed: Node's documented remedy is one retry
    // on a fresh connection (https://nodejs.org/api/http.html#requestreusedsocket). Not when the
    // pools were closed: that reset every request on its way, and sending them all again would be
    // a burst of calls after the engine stopped, outside its rate budget.
    const stale = this.req?.reusedSocket && !this.answered && error.phase === 'reset';
    if (this.mayRetryStale && stale && !this.job.pools.closed) {
      if (!this.finish()) return;
      this.req?.destroy();
      new Exchange(this.job).send(false);
      return;
    }
    this.fail(error);
  }

  private fail(error: Error): void {
    if (!this.finish()) return;
    this.req?.destroy();
    this.job.reject(error);
  }

  /** Settles this attempt once: false when it already was. */
  private finish(): boolean {
    if (this.settled) return false;
    this.settled = true;
    if (this.timer !== null) clearTimeout(this.timer);
    return true;
  }
}

function onDeadline(attempt: Exchange): void {
  attempt.timedOut();
}
function onSocket(this: http.ClientRequest, socket: Socket): void {
  attemptOf(this).socket(socket);
}
function onFinish(this: http.ClientRequest): void {
  attemptOf(this).sent();
}
function onRequestError(this: http.ClientRequest, cause: unknown): void {
  attemptOf(this).failWith(cause);
}
function onResponse(this: http.ClientRequest, res: http.IncomingMessage): void {
  attemptOf(this).response(res);
}
function onData(this: http.IncomingMessage, chunk: Buffer): void {
  attemptOf(this).data(chunk);
}
function onAnswerError(this: http.IncomingMessage, cause: unknown): void {
  attemptOf(this).failWith(cause);
}
function onEnd(this: http.IncomingMessage): void {
  attemptOf(this).end(this);
}
function onClose(this: http.IncomingMessage): void {
  attemptOf(this).closed(this);
}
