import type { IncomingMessage } from 'node:http';
import { tokenMatches } from './serve-token';

/** Whether a request carries the run's token: `ok`, none at all (401), or a wrong one (403). */
export type AuthOutcome = 'ok' | 'missing' | 'wrong';

/**
 * Where a request may carry the token:
 * - `Authorization: Bearer <token>` on any request (the web client's API calls, Prometheus);
 * - `?token=<token>` in the URL on any request (the dashboard link, the event stream, a scrape);
 * - the cookie the dashboard page sets, on GET and HEAD only, so that the page's own scripts and
 *   styles load. A cookie is sent by the browser whoever made the request, so it never authorises a
 *   call that changes anything.
 * The first of these present decides.
 */
export function authenticate(request: IncomingMessage, url: URL, token: string, cookie: string): AuthOutcome {
  const presented = bearerOf(request) ?? url.searchParams.get('token') ?? cookieOf(request, cookie);
  if (presented === null) return 'missing';
  return tokenMatches(token, presented) ? 'ok' : 'wrong';
}

/**
 * Whether a scrape of `/metrics` may read it: with the metrics token (when one is set) as a bearer
 * token, or with whatever opens the dashboard. The metrics token is taken from the header only: in
 * a URL it would end up in proxy logs and on Prometheus's target pages.
 */
export function authenticateScrape(
  request: IncomingMessage,
  url: URL,
  tokens: { token: string; metricsToken: string | null },
  cookie: string,
): AuthOutcome {
  const bearer = bearerOf(request);
  if (tokens.metricsToken !== null && bearer !== null && tokenMatches(tokens.metricsToken, bearer))
    return 'ok';
  return authenticate(request, url, tokens.token, cookie);
}

/** The cookie's name: one per port, since browsers share cookies between the ports of a host. */
export function cookieName(port: number): string {
  return `headcount-token-${port}`;
}

/** Sets the cookie for this session of the browser, for the page's own files only to read. */
export function setCookieHeader(name: string, token: string): string {
  return `${name}=${encodeURIComponent(token)}; Path=/; HttpOnly; SameSite=Strict`;
}

function bearerOf(request: IncomingMessage): string | null {
  const header = request.headers.authorization;
  if (!header) return null;
  const match = /^Bearer\s+(\S+)\s*$/i.exec(header);
  return match?.[1] ?? '';
}

function cookieOf(request: IncomingMessage, name: string): string | null {
  if (request.method !== 'GET' && request.method !== 'HEAD') return null;
  for (const part of (request.headers.cookie ?? '').split(';')) {
    const [key, ...value] = part.trim().split('=');
    if (key !== name) continue;
    try {
      return decodeURIComponent(value.join('='));
    } catch {
      return '';
    }
  }
  return null;
}
