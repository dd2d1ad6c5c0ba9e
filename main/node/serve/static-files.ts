import { readFile } from 'node:fs/promises';
import type { ServerResponse } from 'node:http';
import { resolve, sep } from 'node:path';
import { contentTypeOf } from '../../shell/app-page';
import { APP_CSP } from '../../shell/content-security-policy';

/** Headers of every answer: the app's strict CSP, no sniffing, no framing, the token kept out of Referer. */
export const SECURITY_HEADERS: Readonly<Record<string, string>> = {
  'content-security-policy': APP_CSP,
  'x-content-type-options': 'nosniff',
  'x-frame-options': 'DENY',
  'referrer-policy': 'no-referrer',
  'cross-origin-opener-policy': 'same-origin',
  'cross-origin-resource-policy': 'same-origin',
  'cache-control': 'no-store',
};

/**
 * The file under `root` a URL path names ("/" is index.html), or null when the path would reach
 * outside `root` (`..`, an encoded separator, a NUL).
 */
export function pagePath(pathname: string, root: string): string | null {
  let path: string;
  try {
    path = decodeURIComponent(pathname);
  } catch {
    return null;
  }
  if (path.includes('\0') || path.includes('\\')) return null;
  const relative = path === '/' ? 'index.html' : path.replace(/^\/+/, '');
  const base = resolve(root);
  const file = resolve(base, relative);
  return file.startsWith(base + sep) ? file : null;
}

/** Answers with one file of the renderer (the dashboard page, its script and styles), or 404. */
export async function sendPageFile(
  response: ServerResponse,
  file: string | null,
  headOnly: boolean,
  extraHeaders: Record<string, string> = {},
): Promise<void> {
  let body: Buffer;
  try {
    if (file === null) throw new Error('outside the page folder');
    body = await readFile(file);
  } catch {
    response.writeHead(404, { ...SECURITY_HEADERS, 'content-type': 'text/plain; charset=utf-8' });
    response.end('Not found.\n');
    return;
  }
  response.writeHead(200, {
    ...SECURITY_HEADERS,
    ...extraHeaders,
    'content-type': contentTypeOf(file),
    'content-length': body.length,
  });
  response.end(headOnly ? undefined : body);
}
