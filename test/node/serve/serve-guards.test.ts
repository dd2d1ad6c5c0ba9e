import { request } from 'node:http';
import { connect, type Socket } from 'node:net';
import { networkInterfaces } from 'node:os';
import { fileURLToPath } from 'node:url';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { type RunningWebServer, startWebServer } from '../../../main/node/serve/web-server';
import type { MonitorService } from '../../../main/service/monitor-service';
import { cliEnv, runCli } from '../../support/cli';
import { startDemoService } from './demo-service';

const TOKEN = 'kG3v-Qx9Lm2Tz7Rp4Wb8Ny5Hc1Js6';
const PAGE_ROOT = fileURLToPath(new URL('../../../dist/renderer/', import.meta.url));

let service: MonitorService;
const servers: RunningWebServer[] = [];
beforeAll(async () => {
  service = await startDemoService();
});
afterAll(() => service.stop());
afterEach(async () => {
  await Promise.all(servers.splice(0).map((server) => server.close()));
});

async function serveOn(host: string, more: { allowHosts?: string[] } = {}): Promise<number> {
  const server = await startWebServer({
    api: service,
    token: TOKEN,
    host,
    port: 0,
    pageRoot: PAGE_ROOT,
    metrics: async () => ({ contentType: 'text/plain; version=0.0.4', body: '' }),
    acceptsSecretKeys: false,
    ...more,
  });
  servers.push(server);
  return server.port;
}

/** One request with the headers exactly as given (fetch would not let a test set Host). */
function send(
  port: number,
  options: { method?: string; path?: string; headers: Record<string, string>; body?: string },
): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const outgoing = request(
      {
        host: '127.0.0.1',
        port,
        method: options.method ?? 'GET',
        path: options.path ?? '/api/events',
        headers: options.headers,
        // A connection of its own each time, as a new visitor's would be.
        agent: false,
      },
      (response) => {
        let body = '';
        response.on('data', (chunk: Buffer) => {
          body += chunk.toString('utf8');
          // An event stream never ends: its first bytes are enough.
          if (response.statusCode === 200) response.destroy();
        });
        response.on('close', () => resolve({ status: response.statusCode ?? 0, body }));
      },
    );
    outgoing.on('error', reject);
    outgoing.end(options.body);
  });
}

const bearer = { authorization: `Bearer ${TOKEN}` };
const post = (port: number, host: string, origin?: string) =>
  send(port, {
    method: 'POST',
    path: '/api/getSnapshot',
    headers: { ...bearer, host, 'content-type': 'application/json', ...(origin ? { origin } : {}) },
    body: '[]',
  });

describe('serve answers only to the names it listens as (DNS rebinding)', () => {
  it('on loopback: the loopback names, refused for any other before the token is looked at', async () => {
    const port = await serveOn('127.0.0.1');
    for (const host of [`127.0.0.1:${port}`, `localhost:${port}`, `LOCALHOST.:${port}`, `[::1]:${port}`]) {
      expect((await send(port, { headers: { ...bearer, host } })).status, host).toBe(200);
    }
    // Every route: the OBS overlay's too.
    const overlay = await send(port, {
      path: '/overlay?room=x&token=y',
      headers: { host: `attacker.example:${port}` },
    });
    expect(overlay.status).toBe(421);
    const rebound = await send(port, { headers: { host: `attacker.example:${port}` } });
    expect(rebound.status).toBe(421);
    expect(JSON.parse(rebound.body).error).toMatch(
      /Host names a host this headcount serve does not listen as.*--allow-host/,
    );
    expect(
      (await send(port, { headers: { ...bearer, host: `127.0.0.1.attacker.example:${port}` } })).status,
    ).toBe(421);
  });

  it('checks Origin on a change, and lets one without Origin (curl, scripts) through', async () => {
    const port = await serveOn('127.0.0.1');
    expect((await post(port, `127.0.0.1:${port}`)).status).toBe(200);
    expect((await post(port, `127.0.0.1:${port}`, `http://127.0.0.1:${port}`)).status).toBe(200);
    const foreign = await post(port, `127.0.0.1:${port}`, 'http://attacker.example');
    expect(foreign.status).toBe(421);
    expect(JSON.parse(foreign.body).error).toMatch(/Origin names a host/);
    expect((await post(port, `127.0.0.1:${port}`, 'null')).status).toBe(421);
  });

  it('takes a proxy name given with --allow-host', async () => {
    const port = await serveOn('127.0.0.1', { allowHosts: ['monitor.example.com'] });
    expect((await send(port, { headers: { ...bearer, host: 'monitor.example.com' } })).status).toBe(200);
    expect((await post(port, 'monitor.example.com', 'https://monitor.example.com')).status).toBe(200);
    expect((await send(port, { headers: { ...bearer, host: 'other.example.com' } })).status).toBe(421);
  });

  it('on 0.0.0.0: the addresses of this machine too', async () => {
    const port = await serveOn('0.0.0.0');
    const external = Object.values(networkInterfaces())
      .flat()
      .find((address) => address && !address.internal && address.family === 'IPv4');
    const hosts = [`127.0.0.1:${port}`, ...(external ? [`${external.address}:${port}`] : [])];
    for (const host of hosts)
      expect((await send(port, { headers: { ...bearer, host } })).status, host).toBe(200);
    expect((await send(port, { headers: { ...bearer, host: `attacker.example:${port}` } })).status).toBe(421);
  });
});

describe('serve holds at most 256 connections at once', () => {
  it('answers the next one 503 with the reason, and takes connections again once some close', async () => {
    const port = await serveOn('127.0.0.1');
    const held: Socket[] = [];
    for (let i = 0; i < 256; i++) {
      const socket = connect(port, '127.0.0.1');
      await new Promise((resolve) => socket.once('connect', resolve));
      held.push(socket);
    }
    // The server counts a connection once it accepts it: ask until the 256 held are all counted.
    let busy = { status: 0, body: '' };
    await expect
      .poll(async () => {
        busy = await send(port, { headers: { ...bearer, host: `127.0.0.1:${port}` } });
        return busy.status;
      })
      .toBe(503);
    expect(JSON.parse(busy.body).error).toMatch(
      /Too many connections to headcount serve \(at most 256 at once\)/,
    );
    for (const socket of held) socket.destroy();
    await expect
      .poll(async () => (await send(port, { headers: { ...bearer, host: `127.0.0.1:${port}` } })).status)
      .toBe(200);
  });
});

describe('serve takes only a token that is hard to guess', () => {
  it('refuses aaaaaaaaaaaaaaaa on 0.0.0.0 with exit 2 and says why', async () => {
    const refused = await runCli(
      ['serve', '--host', '0.0.0.0', '--port', '0', '--token', 'aaaaaaaaaaaaaaaa'],
      cliEnv(),
    );
    expect(refused.code).toBe(2);
    expect(refused.stderr).toMatch(
      /too easy to guess: about 20 bits by a simple estimate, and at least 80 are needed/,
    );
    expect(refused.stdout).toBe('');
  });
});
