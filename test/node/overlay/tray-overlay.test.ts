/**
 * The tray app's overlay server, for real on loopback, over the demo's MonitorService: off until
 * turned on, its token kept in the settings across a restart, "make a new link" revoking the old
 * one at once (streams too), a busy port said as such, and a foreign Host refused.
 */
import { createServer, request } from 'node:http';
import { type AddressInfo, connect } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { type OverlaySettings, TrayOverlay } from '../../../main/node/overlay/tray-overlay';
import type { MonitorService } from '../../../main/service/monitor-service';
import { startDemoService } from '../serve/demo-service';

let service: MonitorService | null = null;
const overlays: TrayOverlay[] = [];
const blockers: Array<ReturnType<typeof createServer>> = [];
afterEach(async () => {
  for (const overlay of overlays.splice(0)) await overlay.stop();
  for (const blocker of blockers.splice(0)) await new Promise((resolve) => blocker.close(resolve));
  await service?.stop();
  service = null;
});

async function freePort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const { port } = probe.address() as AddressInfo;
  await new Promise((resolve) => probe.close(resolve));
  return port;
}

/** The settings file's overlay section, in memory. */
function memorySettings(initial: OverlaySettings) {
  const box = { saved: { ...initial } };
  const write = (next: OverlaySettings) => {
    box.saved = next;
  };
  return { box, port: { read: () => box.saved, write } };
}

async function overlayOver(settings: ReturnType<typeof memorySettings>['port']) {
  service ??= await startDemoService();
  const running = service;
  const overlay = new TrayOverlay({
    settings,
    api: () => running,
    pageRoot: 'dist/renderer',
    frameAncestors: ['app://headcount'],
  });
  overlays.push(overlay);
  return overlay;
}

async function firstRoom(): Promise<string> {
  const rooms = (await service?.getSnapshot())?.rooms ?? [];
  return rooms[0]?.groupId ?? '';
}

const pageOf = async (origin: string, groupId: string, token: string) =>
  fetch(`${origin}/overlay?${new URLSearchParams({ room: groupId, token })}`);

describe('the tray app’s overlay server', () => {
  it('stays off until turned on, then serves with a token it keeps in the settings', async () => {
    const port = await freePort();
    const settings = memorySettings({ on: false, port });
    const overlay = await overlayOver(settings.port);
    expect(await overlay.start()).toEqual({
      switchable: true,
      on: false,
      origin: null,
      token: null,
      port,
      problem: null,
    });
    await expect(fetch(`http://127.0.0.1:${port}/overlay`)).rejects.toThrow();

    const on = await overlay.change({ on: true });
    expect(on).toMatchObject({ on: true, origin: `http://127.0.0.1:${port}`, port, problem: null });
    expect(on.token?.length).toBeGreaterThanOrEqual(16);
    expect(settings.box.saved).toEqual({ on: true, port, token: on.token });
    const page = await pageOf(on.origin ?? '', await firstRoom(), on.token ?? '');
    expect(page.status).toBe(200);
    expect(page.headers.get('content-security-policy')).toContain('frame-ancestors app://headcount');
    expect(await page.text()).toMatch(/<span class="count">[\d,]+<\/span>/);

    await overlay.change({ on: false });
    await expect(fetch(`http://127.0.0.1:${port}/overlay`)).rejects.toThrow();
    expect(settings.box.saved.token).toBe(on.token);
  });

  it('serves the same link after a restart, until a new link revokes it, streams and all', async () => {
    const settings = memorySettings({ on: true, port: await freePort(), token: 'kept-token-0123456789' });
    const before = await overlayOver(settings.port);
    const started = await before.start();
    expect(started.token).toBe('kept-token-0123456789');
    await before.stop();
    const after = await overlayOver(settings.port);
    const restarted = await after.start();
    const origin = restarted.origin ?? '';
    const room = await firstRoom();
    expect((await pageOf(origin, room, 'kept-token-0123456789')).status).toBe(200);

    const stream = await fetch(
      `${origin}/overlay/events?${new URLSearchParams({ room, token: 'kept-token-0123456789' })}`,
    );
    expect(stream.headers.get('content-type')).toBe('text/event-stream; charset=utf-8');
    const reading = stream.text();
    const fresh = await after.change({ newLink: true });
    expect(fresh.token).not.toBe('kept-token-0123456789');
    // The old stream ends at once; its page and stream are refused from now on.
    expect(await reading).toMatch(/^retry: 2000\n\ndata: \{"online":/);
    expect((await pageOf(origin, room, 'kept-token-0123456789')).status).toBe(403);
    expect((await pageOf(origin, room, fresh.token ?? '')).status).toBe(200);
    expect(settings.box.saved.token).toBe(fresh.token);
  });

  it('says when its port is taken, and moves to another port when asked', async () => {
    const blocker = createServer();
    blockers.push(blocker);
    await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve));
    const busy = (blocker.address() as AddressInfo).port;
    const settings = memorySettings({ on: true, port: busy, token: 'kept-token-0123456789' });
    const overlay = await overlayOver(settings.port);
    expect(await overlay.start()).toMatchObject({
      on: true,
      origin: null,
      problem: { kind: 'port-in-use', port: busy },
    });
    const free = await freePort();
    expect(await overlay.change({ port: free })).toMatchObject({
      origin: `http://127.0.0.1:${free}`,
      port: free,
      problem: null,
    });
  });

  it('refuses a Host that is not this machine’s, as a rebound DNS name would send', async () => {
    const settings = memorySettings({ on: true, port: await freePort(), token: 'kept-token-0123456789' });
    const overlay = await overlayOver(settings.port);
    const { port } = await overlay.start();
    const status = (host: string) =>
      new Promise<number>((resolve, reject) => {
        const asked = request({ host: '127.0.0.1', port, path: '/overlay', headers: { host } }, (answer) => {
          answer.resume();
          resolve(answer.statusCode ?? 0);
        });
        asked.on('error', reject);
        asked.end();
      });
    expect(await status(`evil.example:${port}`)).toBe(421);
    expect(await status(`localhost:${port}`)).toBe(401);
    expect(await status(`127.0.0.1:${port}`)).toBe(401);
  });

  it('holds at most 256 connections, as serve does, answering the next one 503', async () => {
    const port = await freePort();
    const overlay = await overlayOver(memorySettings({ on: false, port }).port);
    await overlay.start();
    await overlay.change({ on: true });
    const held = await Promise.all(
      Array.from(
        { length: 256 },
        () =>
          new Promise<import('node:net').Socket>((resolve) => {
            const socket = connect(port, '127.0.0.1', () => resolve(socket));
          }),
      ),
    );
    const status = () =>
      new Promise<number>((resolve) => {
        request(
          { port, host: '127.0.0.1', path: '/overlay', agent: false, headers: { host: `127.0.0.1:${port}` } },
          (r) => {
            r.resume();
            resolve(r.statusCode ?? 0);
          },
        ).end();
      });
    await expect.poll(status).toBe(503);
    for (const socket of held) socket.destroy();
    await expect.poll(status).not.toBe(503);
  });
});
