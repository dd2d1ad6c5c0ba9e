import { resolve, sep } from 'node:path';

/**
 * The app's own pages are served from `app://headcount/`, a custom scheme rather than `file://`
 * (Electron security checklist, item 18): a page can then reach no file outside the renderer
 * folder, responses carry the CSP header, and the navigation check compares one origin.
 */
export const APP_SCHEME = 'app';
/** The one host of the scheme. */
export const APP_HOST = 'headcount';
/** `app://headcount`, the origin 'self' stands for in the CSP. */
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;

/** The URL of a page of the app, e.g. appPageUrl('index.html'). */
export function appPageUrl(page: string): string {
  return `${APP_ORIGIN}/${page.replace(/^\/+/, '')}`;
}

/** Whether `url` is one of the app's own pages. */
export function isAppUrl(url: string): boolean {
  try {
    const parsed = new URL(url);
    return (
      parsed.protocol === `${APP_SCHEME}:` && parsed.host === APP_HOST && !parsed.username && !parsed.password
    );
  } catch {
    return false;
  }
}

/**
 * The file under `root` that an app URL names, or null when the URL is not the app's or would reach
 * outside `root` (`..`, an encoded separator, a NUL). "/" is index.html.
 */
export function appPagePath(url: string, root: string): string | null {
  if (!isAppUrl(url)) return null;
  let path: string;
  try {
    path = decodeURIComponent(new URL(url).pathname);
  } catch {
    return null;
  }
  if (path.includes('\0') || path.includes('\\')) return null;
  const relative = path === '/' || path === '' ? 'index.html' : path.replace(/^\/+/, '');
  const base = resolve(root);
  const file = resolve(base, relative);
  return file.startsWith(base + sep) ? file : null;
}
