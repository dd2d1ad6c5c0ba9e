import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

/** A request a {@link Stranger} received: its path and query, and its body. */
export interface StrangerRequest {
  url: string;
  body: string;
}

/**
 * A loopback HTTP server standing for someone else's machine: whatever reaches it is recorded, and
 * answered as an IM server would refuse it. Tests point a profile's endpoint at it to prove that
 * nothing signed with a stored key is sent there.
 */
export interface Stranger {
  /** `http://127.0.0.1:PORT` */
  baseUrl: string;
  received: StrangerRequest[];
  close(): Promise<void>;
}

export async function startStranger(): Promise<Stranger> {
  const received: StrangerRequest[] = [];
  const server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      received.push({ url: request.url ?? '', body: Buffer.concat(chunks).toString('utf8') });
      response.writeHead(200, { 'content-type': 'application/json' });
      response.end('{"ActionStatus":"FAIL","ErrorCode":70009,"ErrorInfo":"not yours"}');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    baseUrl: `http://127.0.0.1:${port}`,
    received,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
