import { type Stats, statSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { dirname, join, resolve, sep } from 'node:path';
import { APP_CSP } from '../../common/content-security-policy';
import { contentTypeOf } from '../../common/content-types';
import { inlineSnapshotBlock } from '../../common/inline-snapshot';
import { inlinePage } from './inline-page';

/** The page's script and stylesheet, which serve brings inside the page (inline-page.ts). */
const PAGE_SCRIPT = 'popover.js';
const PAGE_STYLE = 'popover.css';

/**
 * Headers of every answer: the app's strict CSP, no sniffing, no framing, the token kept out of
 * Referer, and nothing kept by the browser (the page's own files relax that, see
 * {@link PAGE_FILE_CACHING}).
 */
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

/**
 * How the page's files may be cached: kept by the browser, but asked for again at each use with
 * their validators, so a reload costs a 304 rather than the scripts (and Chromium can reuse the code
 * it compiled from them), while a new build is seen at once under the same names. Each such
 * request still carries the token.
 */
export const PAGE_FILE_CACHING = 'no-cache';

/** A weak validator from the file's size and modification time, as static file servers use. */
export function entityTag(file: Pick<Stats, 'size' | 'mtimeMs'>): string {
  return `W/"${file.size.toString(16)}-${Math.floor(file.mtimeMs).toString(16)}"`;
}

/**
 * Whether the browser's copy is still the file's: If-None-Match against the entity tag (weak
 * comparison), or, without it, If-Modified-Since against the modification time (to the second).
 */
export function stillFresh(
  request: Pick<IncomingMessage, 'headers'>,
  file: Pick<Stats, 'size' | 'mtimeMs'>,
): boolean {
  const tags = request.headers['if-none-match'];
  if (tags !== undefined) {
    const tag = entityTag(file).slice(2);
    return tags
      .split(',')
      .map((candidate) => candidate.trim().replace(/^W\//, ''))
      .some((candidate) => candidate === '*' || candidate === tag);
  }
  const since = Date.parse(request.headers['if-modified-since'] ?? '');
  return Number.isFinite(since) && Math.floor(file.mtimeMs / 1000) * 1000 <= since;
}

/** How many of the page's files are kept in memory (the page has a handful, their maps included). */
const MAX_KEPT_FILES = 16;

/**
 * The page's files as last read, by path. The engine shares this process's event loop, and each
 * step of a file read waits on it: with the body kept, a request costs one `stat` (which also sees
 * a new build) rather than open, stat, read and close.
 */
const keptFiles = new Map<string, { size: number; mtimeMs: number; body: Buffer }>();

async function fileBody(file: string, info: Stats): Promise<Buffer> {
  const kept = keptFiles.get(file);
  if (kept && kept.size === info.size && kept.mtimeMs === info.mtimeMs) return kept.body;
  const body = await readFile(file);
  keptFiles.delete(file);
  if (keptFiles.size >= MAX_KEPT_FILES) {
    const oldest = keptFiles.keys().next();
    if (!oldest.done) keptFiles.delete(oldest.value);
  }
  keptFiles.set(file, { size: info.size, mtimeMs: info.mtimeMs, body });
  return body;
}

/**
 * The dashboard page with its script and stylesheet inside it (see inline-page.ts) and its first
 * snapshot at the end of its body (see inline-snapshot.ts): everything before the snapshot is sent
 * at once, so the browser reads the stylesheet, paints and runs the script while the snapshot is made,
 * and the snapshot follows in the same answer. Never kept by the browser: the snapshot is of this
 * moment. Without a snapshot (the engine could not give one), the page asks for it itself and says
 * what went wrong.
 */
export async function sendPageWithSnapshot(
  request: IncomingMessage,
  response: ServerResponse,
  file: string | null,
  extraHeaders: Record<string, string>,
  snapshot: () => Promise<{ json: string; mark: string }>,
): Promise<void> {
  let page: SplitPage;
  try {
    if (file === null) throw new Error('outside the page folder');
    page = await pageOf(file);
  } catch {
    response.writeHead(404, { ...SECURITY_HEADERS, 'content-type': 'text/plain; charset=utf-8' });
    response.end('Not found.\n');
    return;
  }
  response.writeHead(200, {
    ...SECURITY_HEADERS,
    ...extraHeaders,
    'content-security-policy': page.csp,
    'content-type': 'text/html; charset=utf-8',
  });
  if (request.method === 'HEAD') {
    response.end();
    return;
  }
  response.write(page.head);
  const block = await snapshot().then(
    ({ json, mark }) => inlineSnapshotBlock(json, mark),
    () => '',
  );
  response.end(`${block}${page.tail}`);
}

/** The page as sent, split where its snapshot goes (before its body's end, or at its end). */
interface SplitPage {
  head: string;
  tail: string;
  csp: string;
}

/**
 * The page last made from its files (index.html, popover.js, popover.css, null where missing), made
 * again when one of them is read anew (a new build).
 */
let lastPage: { from: ReadonlyArray<Buffer | null>; page: SplitPage } | null = null;

/**
 * The page in `file` with the script and stylesheet beside it inside it; as it is, split before its
 * body's end, when they are not there or it is not the page inline-page.ts expects.
 */
async function pageOf(file: string): Promise<SplitPage> {
  const info = statSync(file);
  if (!info.isFile()) throw new Error('not a file');
  const html = await fileBody(file, info);
  const [script, style] = await Promise.all([besideBody(file, PAGE_SCRIPT), besideBody(file, PAGE_STYLE)]);
  const from = [html, script, style];
  if (lastPage?.from.every((body, at) => body === from[at])) return lastPage.page;
  const text = html.toString('utf8');
  const inlined =
    script && style
      ? inlinePage(text, { script: script.toString('utf8'), style: style.toString('utf8') }, APP_CSP)
      : null;
  const { html: sent, csp } = inlined ?? { html: text, csp: APP_CSP };
  const end = sent.lastIndexOf('</body>');
  const split = end < 0 ? sent.length : end;
  const page = { head: sent.slice(0, split), tail: sent.slice(split), csp };
  lastPage = { from, page };
  return page;
}

/** The body of the file `name` in `file`'s folder, or null when there is none. */
async function besideBody(file: string, name: string): Promise<Buffer | null> {
  const path = join(dirname(file), name);
  try {
    return await fileBody(path, statSync(path));
  } catch {
    return null;
  }
}

/**
 * Answers with one file of the renderer (the dashboard page, its scripts and styles), or 404: 304
 * when the browser's copy is still current, else the file with its validators.
 */
export async function sendPageFile(
  request: IncomingMessage,
  response: ServerResponse,
  file: string | null,
  extraHeaders: Record<string, string> = {},
  /** What the file is sent as (the same for the same file, so its validators still hold). */
  transform: (body: Buffer) => Buffer = (body) => body,
): Promise<void> {
  let info: Stats;
  let body: Buffer;
  try {
    if (file === null) throw new Error('outside the page folder');
    // At once rather than on the thread pool: the answer is written before the engine's next work
    // (a snapshot of 2,000 rooms asked for with the page's script must not come first).
    info = statSync(file);
    if (!info.isFile()) throw new Error('not a file');
    const validators = {
      'cache-control': PAGE_FILE_CACHING,
      etag: entityTag(info),
      'last-modified': new Date(info.mtimeMs).toUTCString(),
    };
    if (stillFresh(request, info)) {
      response.writeHead(304, { ...SECURITY_HEADERS, ...extraHeaders, ...validators });
      response.end();
      return;
    }
    body = transform(await fileBody(file, info));
    response.writeHead(200, {
      ...SECURITY_HEADERS,
      ...extraHeaders,
      ...validators,
      'content-type': contentTypeOf(file),
      'content-length': body.length,
    });
  } catch {
    response.writeHead(404, { ...SECURITY_HEADERS, 'content-type': 'text/plain; charset=utf-8' });
    response.end('Not found.\n');
    return;
  }
  response.end(request.method === 'HEAD' ? undefined : body);
}
