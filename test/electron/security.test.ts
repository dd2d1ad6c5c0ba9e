import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { APP_CSP } from '../../main/common/content-security-policy';
import { installSecurity, registerAppScheme, serveAppPages } from '../../main/electron/security';
import { BrowserWindow } from '../support/fake-electron/browser-window';
import { protocol } from '../support/fake-electron/protocol';
import { resetShellFakes } from '../support/fake-electron/reset-shell';
import { session } from '../support/fake-electron/session';
import { shell } from '../support/fake-electron/shell';

let root: string;

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'headcount-renderer-'));
  await mkdir(join(root, 'renderer'));
  await writeFile(join(root, 'renderer', 'index.html'), '<!doctype html><title>Headcount</title>');
  await writeFile(join(root, 'renderer', 'app.js'), 'console.log(1)');
  await writeFile(join(root, 'secret.json'), '{"key":"never served"}');
});

afterAll(() => rm(root, { recursive: true, force: true }));

beforeEach(() => resetShellFakes());

describe('the app:// scheme', () => {
  it('is registered as a secure standard scheme', () => {
    registerAppScheme();
    expect(protocol.privileged).toEqual([
      { scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true } },
    ]);
  });

  it('serves the renderer’s files with the CSP header', async () => {
    serveAppPages(join(root, 'renderer'));
    const page = await protocol.fetch('app://headcount/');
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(page.headers.get('content-security-policy')).toBe(APP_CSP);
    expect(page.headers.get('x-content-type-options')).toBe('nosniff');
    expect(await page.text()).toContain('<title>Headcount</title>');
    const script = await protocol.fetch('app://headcount/app.js');
    expect(script.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
  });

  it('answers 404 outside the renderer folder or for a missing file, and 405 for anything but GET', async () => {
    serveAppPages(join(root, 'renderer'));
    expect((await protocol.fetch('app://headcount/%2e%2e%2fsecret.json')).status).toBe(404);
    expect((await protocol.fetch('app://headcount/missing.js')).status).toBe(404);
    expect((await protocol.fetch('app://elsewhere/index.html')).status).toBe(404);
    expect((await protocol.fetch('app://headcount/index.html', { method: 'POST', body: 'x' })).status).toBe(
      405,
    );
  });
});

describe('installSecurity', () => {
  it('denies every permission request, check and device', async () => {
    installSecurity();
    const ses = session.defaultSession;
    for (const permission of ['media', 'geolocation', 'notifications', 'clipboard-read', 'openExternal']) {
      expect(await ses.requestPermission(permission), permission).toBe(false);
      expect(ses.checkPermission(permission), permission).toBe(false);
    }
    expect(ses.checkDevice()).toBe(false);
  });

  it('keeps every window on the app’s own pages', () => {
    installSecurity();
    const { webContents } = new BrowserWindow({});
    expect(webContents.navigate('app://headcount/settings.html')).toBe(false);
    expect(webContents.navigate('https://example.com/')).toBe(true);
    expect(webContents.navigate('file:///etc/passwd')).toBe(true);
    expect(webContents.navigate('https://evil.example/', 'will-redirect')).toBe(true);
    expect(webContents.attachWebview()).toBe(true);
  });

  it('opens no new window; an https link goes to the browser, anything else nowhere', () => {
    installSecurity();
    const { webContents } = new BrowserWindow({});
    expect(webContents.open('https://cloud.tencent.com/document/product/269')).toBe('deny');
    expect(webContents.open('http://example.com/')).toBe('deny');
    expect(webContents.open('file:///C:/Windows/System32/calc.exe')).toBe('deny');
    expect(webContents.open('app://headcount/index.html')).toBe('deny');
    expect(shell.opened).toEqual(['https://cloud.tencent.com/document/product/269']);
  });
});
