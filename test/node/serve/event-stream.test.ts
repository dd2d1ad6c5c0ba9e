import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import type { MonitorApi } from '../../../main/contract/monitor-api';
import { streamPushes } from '../../../main/node/serve/event-stream';
import type { MonitorService } from '../../../main/service/monitor-service';
import { eventually } from '../../support/eventually';
import { startDemoService } from './demo-service';

let server: Server | null = null;
let service: MonitorService | null = null;
afterEach(async () => {
  server?.closeAllConnections();
  await new Promise((resolve) => server?.close(resolve) ?? resolve(null));
  await service?.stop();
  server = null;
  service = null;
});

/** The demo's service, counting the push subscriptions that are open. */
async function demoService() {
  service = await startDemoService();
  const running = service;
  const counted = { open: 0 };
  const api: Pick<MonitorApi, 'onPush' | 'getSnapshot'> = {
    getSnapshot: () => running.getSnapshot(),
    onPush(listener) {
      counted.open++;
      const off = running.onPush(listener);
      return () => {
        counted.open--;
        off();
      };
    },
  };
  return { api, counted };
}

describe('the event stream', () => {
  it('starts with a snapshot, sends heartbeats and pushes, and drops a client that goes away', async () => {
    const { api, counted } = await demoService();
    server = createServer((_request, response) => void streamPushes(response, api, 50));
    await new Promise<void>((resolve) => server?.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;

    const abort = new AbortController();
    const response = await fetch(`http://127.0.0.1:${port}/`, { signal: abort.signal });
    expect(response.headers.get('content-type')).toBe('text/event-stream; charset=utf-8');
    let text = '';
    const reading = (async () => {
      const decoder = new TextDecoder();
      try {
        for await (const chunk of response.body as unknown as AsyncIterable<Uint8Array>)
          text += decoder.decode(chunk, { stream: true });
      } catch {
        // Aborted below.
      }
    })();
    await eventually(
      () => text.includes(': heartbeat') && text.includes('data: {"type":"rooms"'),
      'pushes',
      10_000,
    );
    const events = text.split('\n\n').filter((block) => block.startsWith('data: '));
    expect(JSON.parse((events[0] as string).slice('data: '.length))).toMatchObject({
      type: 'snapshot',
      snapshot: { demo: true },
    });
    expect(counted.open).toBe(1);

    abort.abort();
    await reading;
    await eventually(() => counted.open === 0, 'the subscription to end', 5_000);
  });
});
