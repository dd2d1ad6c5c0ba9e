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

/** An {@link HttpPost} that owns its connection pools; `close()` ends every pooled connection. */
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
  const targets = new RequestTargets();

  const post = async (request: HttpRequest): Promise<HttpResponse> => {
    const target = targets.of(request.url);
    const agent = target.origin.protocol === 'https:' ? agents['https:'] : agents['http:'];
    const exchange = {
      target,
      request,
      agent,
      maxBodyBytes,
      deadline: performance.now() + request.timeoutMs,
    };
    try {
      return await attempt(exchange, true);
    } catch (error) {
      // A pooled connection the server had already closed: Node's documented remedy is one retry
      // on a fresh connection (https://nodejs.org/api/http.html#requestreusedsocket).
      if (error instanceof StaleConnection) return attempt(exchange, false);
      throw error;
    }
  };
  return Object.assign(post, {
    close(): void {
      agents['http:'].destroy();
      agents['https:'].destroy();
    },
  });
}

interface Exchange {
  target: RequestTarget;
  request: HttpRequest;
  agent: http.Agent;
  maxBodyBytes: number;
  deadline: number;
}

class StaleConnection extends Error {}

function attempt(exchange: Exchange, mayRetryStale: boolean): Promise<HttpResponse> {
  const { target, request, agent, maxBodyBytes } = exchange;
  const { origin } = target;
  const transport = origin.protocol === 'https:' ? https : http;
  return new Promise((resolve, reject) => {
    let stage: RequestStage = 'queued';
    let settled = false;
    let answered = false;
    const req = transport.request({
      protocol: origin.protocol,
      hostname: hostnameOf(origin),
      port: origin.port,
      path: target.path,
      method: 'POST',
      agent,
      headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(request.body) },
    });
    const timer = setTimeout(
      () => fail(timeoutError(stage, origin, request.timeoutMs)),
      Math.max(0, exchange.deadline - performance.now()),
    );
    const finish = (outcome: () => void): void => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      outcome();
    };
    const fail = (error: Error): void =>
      finish(() => {
        req.destroy();
        reject(error);
      });
    const failWith = (cause: unknown): void => {
      const error = networkError(cause, fullUrl(target));
      fail(
        mayRetryStale && req.reusedSocket && !answered && error.phase === 'reset'
          ? new StaleConnection()
          : error,
      );
    };
    req.on('socket', (socket: Socket) => {
      if (!socket.connecting) {
        stage = 'connected';
        return;
      }
      stage = isIP(hostnameOf(origin)) ? 'connecting' : 'resolving';
      socket.once('lookup', () => {
        stage = 'connecting';
      });
      socket.once('connect', () => {
        stage = 'connected';
      });
    });
    // Written to the socket, headers and body: the rate budget counts a request sent again as a call.
    req.once('finish', () => request.onSent?.());
    req.on('error', failWith);
    req.on('response', (res) => {
      answered = true;
      const chunks: Buffer[] = [];
      let size = 0;
      const declared = Number(res.headers['content-length']);
      if (declared > maxBodyBytes) {
        fail(tooLarge(origin, maxBodyBytes));
        return;
      }
      res.on('data', (chunk: Buffer) => {
        size += chunk.length;
        if (size > maxBodyBytes) fail(tooLarge(origin, maxBodyBytes));
        else chunks.push(chunk);
      });
      res.on('error', failWith);
      res.on('end', () =>
        finish(() => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') })),
      );
      res.on('close', () => {
        if (!res.complete) failWith(Object.assign(new Error('aborted'), { code: 'ECONNRESET' }));
      });
    });
    req.end(request.body);
  });
}

function hostnameOf(url: URL): string {
  return url.hostname.replace(/^\[|\]$/g, '');
}
