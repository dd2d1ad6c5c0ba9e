import type { ServerResponse } from 'node:http';
import type { MonitorApi, MonitorPush } from '../../contract/monitor-api';
import { SECURITY_HEADERS } from './static-files';

/** A comment line every so often keeps proxies and the browser from timing the stream out. */
export const HEARTBEAT_MS = 15_000;
/** A client that reads slower than this much is piling up is dropped; it reconnects and resyncs. */
const MAX_BUFFERED_BYTES = 4 * 1024 * 1024;
/** How long a browser waits before reconnecting after the stream broke. */
const RETRY_MS = 2_000;

/**
 * Streams the service's pushes to one browser as Server-Sent Events, each MonitorPush as one
 * `data:` line. Every connection starts with a fresh snapshot, so a client that reconnects after a
 * break is never left stale. Returns the function that ends the stream.
 */
export function streamPushes(
  response: ServerResponse,
  api: Pick<MonitorApi, 'onPush' | 'getSnapshot'>,
  heartbeatMs = HEARTBEAT_MS,
): () => void {
  response.writeHead(200, {
    ...SECURITY_HEADERS,
    'content-type': 'text/event-stream; charset=utf-8',
    connection: 'keep-alive',
    'x-accel-buffering': 'no',
  });
  response.write(`retry: ${RETRY_MS}\n\n`);
  let ended = false;
  let ready = false;
  const queued: MonitorPush[] = [];
  const send = (push: MonitorPush) => {
    if (ended) return;
    response.write(`data: ${JSON.stringify(push)}\n\n`);
    if (response.writableLength > MAX_BUFFERED_BYTES) end(true);
  };
  // Subscribing and taking the snapshot in the same turn means no push falls between the two.
  const unsubscribe = api.onPush((push) => (ready ? send(push) : queued.push(push)));
  void api.getSnapshot().then(
    (snapshot) => {
      send({ type: 'snapshot', snapshot });
      ready = true;
      for (const push of queued.splice(0)) send(push);
    },
    () => end(),
  );
  const heartbeat = setInterval(() => {
    if (!ended) response.write(': heartbeat\n\n');
  }, heartbeatMs);
  const end = (drop = false) => {
    if (ended) return;
    ended = true;
    clearInterval(heartbeat);
    unsubscribe();
    if (drop) response.destroy();
    else response.end();
  };
  response.on('close', () => end());
  return end;
}
