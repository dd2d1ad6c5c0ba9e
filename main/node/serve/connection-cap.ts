import type { Server } from 'node:http';
import type { Socket } from 'node:net';

/** Most connections `headcount serve` holds open at once (event streams included). */
export const MAX_CONNECTIONS = 256;
/** A connection over the cap that sends no request in this long is closed. */
const OVER_CAP_GRACE_MS = 5_000;

/**
 * Counts the server's open connections. One that arrives while `max` are open is not refused
 * blindly at the socket: its request is answered 503 with the reason (see `isOverCap`), then it is
 * closed. Without a cap, a few hundred idle or streaming clients would hold file descriptors and
 * memory for as long as they liked.
 */
export function capConnections(
  server: Server,
  max = MAX_CONNECTIONS,
): { isOverCap(socket: Socket): boolean } {
  const overCap = new WeakSet<Socket>();
  let open = 0;
  server.on('connection', (socket: Socket) => {
    if (open >= max) {
      overCap.add(socket);
      socket.setTimeout(OVER_CAP_GRACE_MS, () => socket.destroy());
      return;
    }
    open++;
    socket.once('close', () => {
      open--;
    });
  });
  return { isOverCap: (socket) => overCap.has(socket) };
}
