import { once } from 'node:events';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach } from 'vitest';
import type { Alert } from '../../../main/core/alerts/alert';
import { FakeClock } from '../../support/fake-clock';

/** A spike alert as the rules engine writes one. */
export const ALERT: Alert = {
  id: '01JDX0000000000000000000',
  rule: 'spike',
  phase: 'firing',
  severity: 'warning',
  profile: 'Main app',
  groupId: '@TGS#launch',
  label: 'Launch Day',
  title: "Room 'Launch Day' 1,240 online",
  message: '+85% in 2 min, peak 1,300',
  at: Date.UTC(2026, 10, 26, 12, 0, 0),
};

/** One request as the receiver got it. */
export interface Received {
  method: string;
  /** Path and query, as sent. */
  path: string;
  contentType: string | undefined;
  body: string;
}

/** How the receiver answers request number `index` (0-based); `undefined` leaves it hanging. */
export type Answer = (received: Received, index: number) => { status: number; body?: string } | undefined;

export interface Receiver {
  /** `http://127.0.0.1:<port>` */
  base: string;
  received: Received[];
  /** Requests whose connection closed before an answer was written. */
  abandoned: number;
  /** Stops the server and drops its connections; calling it again does nothing. */
  close(): Promise<void>;
}

/** An answer that is the same for every request. */
export const always =
  (status: number, body = ''): Answer =>
  () => ({ status, body });

/** A way to start receivers in a test file, each closed after the test that started it. */
export function receiversForEachTest(): (answer: Answer) => Promise<Receiver> {
  const started: Receiver[] = [];
  afterEach(async () => {
    await Promise.all(started.splice(0).map((receiver) => receiver.close()));
  });
  return async (answer) => {
    const receiver = await startReceiver(answer);
    started.push(receiver);
    return receiver;
  };
}

/** A loopback HTTP server standing in for a chat robot. */
export async function startReceiver(answer: Answer): Promise<Receiver> {
  const received: Received[] = [];
  const state = { abandoned: 0 };
  const server = http.createServer((req, res) => {
    let body = '';
    req.on('data', (chunk: Buffer) => {
      body += chunk.toString('utf8');
    });
    req.on('end', () => {
      const entry = {
        method: req.method ?? '',
        path: req.url ?? '',
        contentType: req.headers['content-type'],
        body,
      };
      received.push(entry);
      const reply = answer(entry, received.length - 1);
      if (!reply) {
        res.on('close', () => {
          if (!res.writableEnded) state.abandoned += 1;
        });
        return;
      }
      res.writeHead(reply.status, { 'content-type': 'text/plain; charset=utf-8' });
      res.end(reply.body ?? '');
    });
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as AddressInfo;
  return {
    base: `http://127.0.0.1:${port}`,
    received,
    get abandoned() {
      return state.abandoned;
    },
    async close() {
      if (!server.listening) return;
      server.closeAllConnections();
      server.close();
      await once(server, 'close');
    },
  };
}

/** A {@link FakeClock} that remembers the delay of every timer asked of it, in order. */
export class RecordingClock extends FakeClock {
  readonly requested: number[] = [];

  override setTimer(fn: () => void, ms: number): unknown {
    this.requested.push(ms);
    return super.setTimer(fn, ms);
  }
}
