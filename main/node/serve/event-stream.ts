import type { ServerResponse } from 'node:http';
import type { MonitorApi, MonitorPush } from '../../contract/monitor-api';
import { HEARTBEAT_MS, openSseResponse } from './sse-response';

/**
 * Streams the service's pushes to one browser as Server-Sent Events, each MonitorPush as one
 * `data:` line. A connection starts with a fresh snapshot, so a client that reconnects after a
 * break is never left stale; `snapshotText` gives it as JSON where a server shares one text between
 * its readers (see snapshot-text.ts). Given `replay`, the pushes since the snapshot the client
 * already holds (see push-log.ts, taken in the same turn as this call), it starts with those instead.
 * Returns the function that ends the stream.
 */
export function streamPushes(
  response: ServerResponse,
  api: Pick<MonitorApi, 'onPush' | 'getSnapshot'>,
  heartbeatMs = HEARTBEAT_MS,
  snapshotText: () => Promise<string> = () => api.getSnapshot().then((snapshot) => JSON.stringify(snapshot)),
  replay: readonly MonitorPush[] | null = null,
): () => void {
  const stream = openSseResponse(response, heartbeatMs);
  let ready = false;
  const queued: MonitorPush[] = [];
  const send = (push: MonitorPush) => stream.send(JSON.stringify(push));
  // Subscribing and taking the snapshot in the same turn means no push falls between the two.
  const unsubscribe = api.onPush((push) => (ready ? send(push) : queued.push(push)));
  stream.onEnd(unsubscribe);
  if (replay) {
    for (const push of replay) send(push);
    ready = true;
    return () => stream.end();
  }
  void snapshotText().then(
    (snapshot) => {
      stream.send(`{"type":"snapshot","snapshot":${snapshot}}`);
      ready = true;
      for (const push of queued.splice(0)) send(push);
    },
    () => stream.end(),
  );
  return () => stream.end();
}
