import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { capConnections, MAX_CONNECTIONS } from '../serve/connection-cap';
import { type OverlayRoutes, text } from './overlay-routes';

/** The tray app's overlay server listens on loopback only: OBS runs on the streamer's machine. */
export const OVERLAY_HOST = '127.0.0.1';

/** A listening overlay server. */
export interface RunningOverlayServer {
  port: number;
  /** Ends every connection and stops listening. */
  close(): Promise<void>;
}

/** The port is taken by another program (or another Headcount). */
export class OverlayPortInUse extends Error {
  constructor(readonly port: number) {
    super(`Port ${port} is in use by another program: choose another port for the overlay.`);
    this.name = 'OverlayPortInUse';
  }
}

/**
 * The tray app's overlay server: the overlay's two routes on loopback, nothing else. A request
 * whose Host is not this machine's own name for the port is refused, so a web page that rebinds
 * its DNS name to 127.0.0.1 cannot reach it through the browser (the token alone would stop it
 * from reading a count; this stops it from trying).
 */
export async function startOverlayServer(routes: OverlayRoutes, port: number): Promise<RunningOverlayServer> {
  const server = createServer((request, response) => {
    answer(request, response).catch(() => {
      if (!response.headersSent) text(response, 500, 'Headcount failed to answer.');
      else response.destroy();
    });
  });
  let listening = port;
  // As serve's: a few hundred idle or streaming clients must not hold the app's sockets for ever.
  const cap = capConnections(server);
  async function answer(request: IncomingMessage, response: ServerResponse): Promise<void> {
    if (cap.isOverCap(request.socket)) {
      const why = `Too many connections to the overlay (at most ${MAX_CONNECTIONS} at once): try again shortly.`;
      return text(response, 503, why, { connection: 'close', 'retry-after': '5' });
    }
    if (!loopbackHostHeader(request.headers.host, listening)) {
      return text(response, 421, 'Open the overlay at 127.0.0.1 or localhost, as Headcount copies it.');
    }
    const url = new URL(request.url ?? '/', 'http://headcount.invalid');
    if (!routes.serves(url.pathname)) return text(response, 404, 'Not found.');
    await routes.answer(request, response, url);
  }
  await new Promise<void>((resolve, reject) => {
    server.once('error', (error: NodeJS.ErrnoException) =>
      reject(error.code === 'EADDRINUSE' ? new OverlayPortInUse(port) : error),
    );
    server.listen(port, OVERLAY_HOST, () => resolve());
  });
  listening = (server.address() as AddressInfo).port;
  return {
    port: listening,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

/** Whether a Host header names this machine's loopback at `port`. */
export function loopbackHostHeader(host: string | undefined, port: number): boolean {
  if (!host) return false;
  const lower = host.toLowerCase();
  return [`127.0.0.1:${port}`, `localhost:${port}`, `[::1]:${port}`].includes(lower);
}
