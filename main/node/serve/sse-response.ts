import type { ServerResponse } from 'node:http';
import { SECURITY_HEADERS } from './static-files';

/** A comment line every so often keeps proxies and the browser from timing the stream out. */
export const HEARTBEAT_MS = 15_000;
/** A client that reads slower than this much is piling up is dropped; it reconnects and resyncs. */
const MAX_BUFFERED_BYTES = 4 * 1024 * 1024;
/** How long a browser waits before reconnecting after the stream broke. */
const RETRY_MS = 2_000;

/** One open Server-Sent Events response. */
export interface SseResponse {
  /** Sends one event whose data is `data` (one line: JSON has no raw newline). */
  send(data: string): void;
  /** Ends the stream; `drop` cuts the connection rather than closing it cleanly. */
  end(drop?: boolean): void;
  /** Called once the stream ended, whoever ended it. */
  onEnd(listener: () => void): void;
}

/**
 * Starts a Server-Sent Events answer on `response`: the headers, the browser's reconnection delay,
 * a heartbeat comment every `heartbeatMs`, and a client that falls too far behind dropped.
 */
export function openSseResponse(
  response: ServerResponse,
  heartbeatMs = HEARTBEAT_MS,
  headers: Record<string, string> = SECURITY_HEADERS,
): SseResponse {
  response.writeHead(200, {
    ...headers,
    'content-type': 'text/event-stream; charset=utf-8',
    connection: 'keep-alive',
    'x-accel-buffering': 'no',
  });
  response.write(`retry: ${RETRY_MS}\n\n`);
  let ended = false;
  const endListeners: Array<() => void> = [];
  const heartbeat = setInterval(() => {
    if (!ended) response.write(': heartbeat\n\n');
  }, heartbeatMs);
  const end = (drop = false) => {
    if (ended) return;
    ended = true;
    clearInterval(heartbeat);
    for (const listener of endListeners) listener();
    if (drop) response.destroy();
    else response.end();
  };
  response.on('close', () => end());
  return {
    send(data) {
      if (ended) return;
      response.write(`data: ${data}\n\n`);
      if (response.writableLength > MAX_BUFFERED_BYTES) end(true);
    },
    end,
    onEnd(listener) {
      if (ended) listener();
      else endListeners.push(listener);
    },
  };
}
