import { readFile } from 'node:fs/promises';
import { app, protocol, session, shell } from 'electron';
import { APP_CSP } from '../common/content-security-policy';
import { contentTypeOf } from '../common/content-types';
import { APP_SCHEME, appPagePath } from '../shell/app-page';
import { navigationAllowed, newWindowOutcome } from '../shell/navigation-policy';

/**
 * Declares the app:// scheme as a secure, standard origin (so 'self' in the CSP means the app's own
 * pages). Must run before the app is ready.
 */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([
    { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } },
  ]);
}

function notFound(): Response {
  return new Response('Not found', { status: 404, headers: { 'Content-Type': 'text/plain; charset=utf-8' } });
}

/**
 * Serves the renderer's files at app://headcount/ from `rendererDir` (dist/renderer), every response
 * with the app's Content-Security-Policy. Nothing outside `rendererDir` can be reached.
 */
export function serveAppPages(rendererDir: string): void {
  protocol.handle(APP_SCHEME, async (request) => {
    if (request.method !== 'GET') return new Response('Method not allowed', { status: 405 });
    const file = appPagePath(request.url, rendererDir);
    if (!file) return notFound();
    let body: Buffer;
    try {
      body = await readFile(file);
    } catch {
      return notFound();
    }
    return new Response(new Uint8Array(body), {
      headers: {
        'Content-Type': contentTypeOf(file),
        'Content-Security-Policy': APP_CSP,
        'X-Content-Type-Options': 'nosniff',
      },
    });
  });
}

/**
 * Locks down every page the app will ever hold: all permission requests and checks denied, no
 * navigation away from the app's pages, no new windows (an https link opens in the browser
 * instead), no <webview>. Call once the app is ready, before the first window.
 */
export function installSecurity(): void {
  const ses = session.defaultSession;
  ses.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  ses.setPermissionCheckHandler(() => false);
  ses.setDevicePermissionHandler(() => false);

  app.on('web-contents-created', (_event, contents) => {
    contents.on('will-navigate', (event) => {
      if (!navigationAllowed(event.url)) event.preventDefault();
    });
    contents.on('will-redirect', (event) => {
      if (!navigationAllowed(event.url)) event.preventDefault();
    });
    contents.on('will-attach-webview', (event) => event.preventDefault());
    contents.setWindowOpenHandler(({ url }) => {
      if (newWindowOutcome(url) === 'open-in-browser') void shell.openExternal(url);
      return { action: 'deny' };
    });
  });
}
