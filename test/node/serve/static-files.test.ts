import { mkdtemp, rm, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { MonitorSnapshot } from '../../../main/contract/monitor-api';
import { entityTag, stillFresh } from '../../../main/node/serve/static-files';
import { type RunningWebServer, startWebServer } from '../../../main/node/serve/web-server';
import type { MonitorService } from '../../../main/service/monitor-service';
import { startDemoService } from './demo-service';

const TOKEN = 'a-token-for-the-static-files-test';

let root = '';
let service: MonitorService | null = null;
let server: RunningWebServer | null = null;
let base = '';

beforeEach(async () => {
  root = await mkdtemp(join(tmpdir(), 'headcount-static-'));
  await writeFile(join(root, 'index.html'), '<!doctype html><script src="popover.js" defer></script>');
  await writeFile(join(root, 'popover.js'), 'console.log("page");');
  await writeFile(join(root, 'room-chart.js'), 'var headcountRoomChart = {};');
  service = await startDemoService();
  server = await startWebServer({
    api: service,
    token: TOKEN,
    host: '127.0.0.1',
    port: 0,
    pageRoot: root,
    metrics: async () => ({ contentType: 'text/plain; version=0.0.4', body: '' }),
    acceptsSecretKeys: true,
  });
  base = `http://127.0.0.1:${server.port}`;
});

afterEach(async () => {
  await server?.close();
  await service?.stop();
  await rm(root, { recursive: true, force: true });
  server = null;
  service = null;
});

/** Opens the page as the printed link does, and returns the cookie it sets for its own files. */
async function openPage(): Promise<{ cookie: string; response: Response }> {
  const response = await fetch(`${base}/?token=${TOKEN}`);
  const cookie = (response.headers.get('set-cookie') ?? '').split(';')[0] as string;
  return { cookie, response };
}

describe("the page's files over HTTP", () => {
  it('are sent with validators and kept only on condition of asking again', async () => {
    const { cookie, response } = await openPage();
    expect(response.status).toBe(200);
    // The page itself holds a snapshot of this moment: never kept (see below).
    expect(response.headers.get('cache-control')).toBe('no-store');
    expect(response.headers.get('etag')).toBeNull();
    expect(cookie).toMatch(/^headcount-token-\d+=/);

    for (const name of ['popover.js', 'room-chart.js']) {
      const script = await fetch(`${base}/${name}`, { headers: { cookie } });
      expect(script.status, name).toBe(200);
      expect(script.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
      expect(script.headers.get('cache-control')).toBe('no-cache');
      expect(script.headers.get('content-security-policy')).toContain("script-src 'self'");
    }
  });

  it('answers 304 with no body while the browser copy is current, and the file once it changed', async () => {
    const { cookie } = await openPage();
    const first = await fetch(`${base}/popover.js`, { headers: { cookie } });
    const tag = first.headers.get('etag') as string;
    const modified = first.headers.get('last-modified') as string;
    expect(await first.text()).toBe('console.log("page");');

    const again = await fetch(`${base}/popover.js`, { headers: { cookie, 'if-none-match': tag } });
    expect(again.status).toBe(304);
    expect(await again.text()).toBe('');
    expect(again.headers.get('etag')).toBe(tag);
    expect(again.headers.get('cache-control')).toBe('no-cache');
    expect(again.headers.get('content-security-policy')).toContain("default-src 'self'");
    const byDate = await fetch(`${base}/popover.js`, { headers: { cookie, 'if-modified-since': modified } });
    expect(byDate.status).toBe(304);

    // A new build: other content, a later time. The old tag and date no longer match.
    await writeFile(join(root, 'popover.js'), 'console.log("the next build");');
    const later = new Date(Date.parse(modified) + 5000);
    await utimes(join(root, 'popover.js'), later, later);
    const rebuilt = await fetch(`${base}/popover.js`, { headers: { cookie, 'if-none-match': tag } });
    expect(rebuilt.status).toBe(200);
    expect(rebuilt.headers.get('etag')).not.toBe(tag);
    expect(await rebuilt.text()).toBe('console.log("the next build");');
    const rebuiltByDate = await fetch(`${base}/popover.js`, {
      headers: { cookie, 'if-modified-since': modified },
    });
    expect(rebuiltByDate.status).toBe(200);

    // The same size again, only newer: still read anew, not served from what was kept.
    await writeFile(join(root, 'popover.js'), 'console.log("the last build");');
    const latest = new Date(later.getTime() + 5000);
    await utimes(join(root, 'popover.js'), latest, latest);
    const sameSize = await fetch(`${base}/popover.js`, { headers: { cookie } });
    expect(await sameSize.text()).toBe('console.log("the last build");');
  });

  it('sends the page itself whole at every opening, with a snapshot of that moment and its cookie', async () => {
    await openPage();
    const again = await fetch(`${base}/?token=${TOKEN}`, { headers: { 'if-none-match': '*' } });
    expect(again.status).toBe(200);
    expect(again.headers.get('set-cookie')).toMatch(/HttpOnly; SameSite=Strict/);
    expect(await again.text()).toContain('<script type="application/json" id="headcount-snapshot"');
  });

  it('still wants the token to revalidate, and keeps refusals, errors and the API out of caches', async () => {
    const { cookie } = await openPage();
    const tag = (await fetch(`${base}/popover.js`, { headers: { cookie } })).headers.get('etag') as string;

    const anonymous = await fetch(`${base}/popover.js`, { headers: { 'if-none-match': tag } });
    expect(anonymous.status).toBe(401);
    expect(anonymous.headers.get('cache-control')).toBe('no-store');
    expect(anonymous.headers.get('etag')).toBeNull();
    const wrong = await fetch(`${base}/popover.js?token=not-the-token`, {
      headers: { 'if-none-match': tag },
    });
    expect(wrong.status).toBe(403);

    const missing = await fetch(`${base}/gone.js`, { headers: { cookie } });
    expect(missing.status).toBe(404);
    expect(missing.headers.get('cache-control')).toBe('no-store');
    const outside = await fetch(`${base}/%2e%2e/secret.js`, { headers: { cookie, 'if-none-match': '*' } });
    expect(outside.status).toBe(404);

    const api = await fetch(`${base}/api/getSnapshot`, {
      method: 'POST',
      headers: { authorization: `Bearer ${TOKEN}`, 'content-type': 'application/json' },
      body: '[]',
    });
    expect(api.status).toBe(200);
    expect(api.headers.get('cache-control')).toBe('no-store');
    expect(api.headers.get('etag')).toBeNull();
    const metrics = await fetch(`${base}/metrics`, { headers: { authorization: `Bearer ${TOKEN}` } });
    expect(metrics.headers.get('cache-control')).toBe('no-store');
  });

  it('answers HEAD with the headers of GET and no body', async () => {
    const { cookie } = await openPage();
    const head = await fetch(`${base}/room-chart.js`, { method: 'HEAD', headers: { cookie } });
    expect(head.status).toBe(200);
    expect(head.headers.get('content-length')).toBe(String('var headcountRoomChart = {};'.length));
    expect(head.headers.get('etag')).toMatch(/^W\//);
    expect(await head.text()).toBe('');
  });

  it('brings the snapshot at the end of its body, and answers GET with the cookie as POST answers', async () => {
    await writeFile(
      join(root, 'index.html'),
      '<!doctype html><head><script src="popover.js" async></script></head><body><main id="app"></main></body></html>',
    );
    const { cookie, response } = await openPage();
    const page = await response.text();
    const inline =
      /^(.*<main id="app"><\/main>)<script type="application\/json" id="headcount-snapshot" data-after="([0-9a-f]+\.\d+)">(.*)<\/script>(<\/body><\/html>)$/s.exec(
        page,
      );
    expect(inline?.[1]).toBe(
      '<!doctype html><head><script src="popover.js" async></script></head><body><main id="app"></main>',
    );
    expect(inline?.[4]).toBe('</body></html>');
    const brought = JSON.parse(inline?.[3] ?? '') as MonitorSnapshot;
    expect(brought).toMatchObject({ demo: true });
    // A page without a body's end gets it at its end.
    await writeFile(join(root, 'index.html'), '<!doctype html><p>no body</p>');
    expect(await (await openPage()).response.text()).toMatch(
      /^<!doctype html><p>no body<\/p><script type="application\/json" id="headcount-snapshot" data-after="[^"]+">\{.*\}<\/script>$/s,
    );
    // HEAD: the headers alone, no snapshot made for nothing.
    const head = await fetch(`${base}/?token=${TOKEN}`, { method: 'HEAD' });
    expect(head.status).toBe(200);
    expect(await head.text()).toBe('');

    const read = await fetch(`${base}/api/getSnapshot`, { headers: { cookie } });
    expect(read.status).toBe(200);
    expect(read.headers.get('cache-control')).toBe('no-store');
    const asked = await fetch(`${base}/api/getSnapshot`, {
      method: 'POST',
      headers: { authorization: `Bearer ${TOKEN}`, 'content-type': 'application/json' },
      body: '[]',
    });
    type Answer = { ok: boolean; value: MonitorSnapshot };
    const [got, posted] = [(await read.json()) as Answer, (await asked.json()) as Answer];
    expect(got).toMatchObject({ ok: true, value: { demo: true } });
    expect(Object.keys(got.value)).toEqual(Object.keys(posted.value));
    expect(got.value.summary.rooms).toBe(posted.value.summary.rooms);
    // No token, no snapshot; arguments where none are taken are refused as before.
    expect((await fetch(`${base}/api/getSnapshot`)).status).toBe(401);
    const refused = await fetch(`${base}/api/getSnapshot`, {
      method: 'POST',
      headers: { authorization: `Bearer ${TOKEN}`, 'content-type': 'application/json' },
      body: '[1]',
    });
    expect(refused.status).toBe(400);
  });
});

describe('freshness of a browser copy', () => {
  const file = { size: 300, mtimeMs: 1_780_000_000_123.5 };
  const tag = entityTag(file);
  const request = (headers: Record<string, string>) => ({ headers });

  it('compares entity tags weakly, in a list, or any with *', () => {
    expect(tag).toBe(`W/"12c-${Math.floor(file.mtimeMs).toString(16)}"`);
    expect(stillFresh(request({ 'if-none-match': tag }), file)).toBe(true);
    expect(stillFresh(request({ 'if-none-match': tag.slice(2) }), file)).toBe(true);
    expect(stillFresh(request({ 'if-none-match': `"other", ${tag}` }), file)).toBe(true);
    expect(stillFresh(request({ 'if-none-match': '*' }), file)).toBe(true);
    expect(stillFresh(request({ 'if-none-match': '"other"' }), file)).toBe(false);
    expect(stillFresh(request({ 'if-none-match': entityTag({ ...file, size: 301 }) }), file)).toBe(false);
  });

  it('uses If-Modified-Since only without If-None-Match, to the second', () => {
    const when = new Date(file.mtimeMs).toUTCString();
    expect(stillFresh(request({ 'if-modified-since': when }), file)).toBe(true);
    expect(
      stillFresh(request({ 'if-modified-since': new Date(file.mtimeMs - 1000).toUTCString() }), file),
    ).toBe(false);
    expect(stillFresh(request({ 'if-modified-since': 'yesterday' }), file)).toBe(false);
    expect(stillFresh(request({ 'if-none-match': '"other"', 'if-modified-since': when }), file)).toBe(false);
    expect(stillFresh(request({}), file)).toBe(false);
  });
});
