/**
 * More apps for a running `headcount serve`: each a simulator in a process of its own (an app with
 * its own 200 calls/s cap) with the same 2,000-odd rooms, added as a profile through the dashboard's
 * API as a person would, its rooms with it.
 */
import type { ServeStack } from './serve-stack';
import { spawnSimulator } from './simulator-child';

/** Calls the dashboard's API as a browser on loopback does; resolves with the answer's value. */
export async function callServe(stack: ServeStack, method: string, args: unknown[]): Promise<unknown> {
  const base = new URL(stack.link).origin;
  const answer = await fetch(`${base}/api/${method}`, {
    method: 'POST',
    headers: { authorization: `Bearer ${stack.token}`, 'content-type': 'application/json' },
    body: JSON.stringify(args),
  });
  const body = (await answer.json()) as { ok: boolean; value?: unknown; error?: string };
  if (!body.ok) throw new Error(`${method}: ${body.error}`);
  return body.value;
}

/** Adds `count` apps of `rooms` rooms each (`@TGS#bench0`…) to `stack`; returns their simulators. */
export async function addApps(stack: ServeStack, count: number, rooms: number) {
  const ids = Array.from({ length: rooms }, (_, i) => `@TGS#bench${i}`);
  const simulators = await Promise.all(Array.from({ length: count }, () => spawnSimulator(rooms)));
  for (const [i, sim] of simulators.entries()) {
    const view = (await callServe(stack, 'saveProfile', [
      {
        label: `App ${i + 2}`,
        sdkAppId: sim.credentials.sdkAppId,
        identifier: sim.credentials.identifier,
        endpoint: sim.baseUrl,
        secretKey: sim.credentials.secretKey,
      },
    ])) as { id: string };
    await callServe(stack, 'addRooms', [view.id, ids]);
  }
  return simulators;
}
