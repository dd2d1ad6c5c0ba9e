/**
 * Where a request goes, as node:http takes it, without parsing the whole URL on every call: the
 * engine's URLs differ from call to call only in their query (a fresh `random`, a renewed UserSig),
 * so each origin is parsed and checked once, and the path and query are passed on as they are.
 * Parsing the full URL (with its UserSig of several hundred characters) cost more of a poll's CPU
 * than anything else the engine does around it.
 */

/** An origin parsed once, and the path and query of one request to it. */
export interface RequestTarget {
  origin: URL;
  /** Path and query, as sent on the request line. */
  path: string;
}

/** Origins remembered: the primary and backup hosts of a few app profiles. */
const MOST_ORIGINS = 32;
/** What a path may hold to be sent as it is: printable ASCII without spaces (encodeURIComponent's output). */
const SENDABLE_PATH = /^\/[\x21-\x7e]*$/;

/** Parses request URLs into targets, remembering the origins seen. */
export class RequestTargets {
  private readonly origins = new Map<string, URL>();

  /** The target of `text`; throws a TypeError that does not echo the URL when it is not one to send. */
  of(text: string): RequestTarget {
    const scheme = text.indexOf('://');
    const slash = scheme < 0 ? -1 : text.indexOf('/', scheme + 3);
    const path = slash < 0 ? '' : text.slice(slash);
    // Anything unusual (no path, userinfo, characters the URL parser would escape) is parsed in full.
    if (slash < 0 || !SENDABLE_PATH.test(path) || text.lastIndexOf('@', slash) >= 0) {
      const url = parseUrl(text);
      return { origin: url, path: url.pathname + url.search };
    }
    const base = text.slice(0, slash);
    let origin = this.origins.get(base);
    if (!origin) {
      origin = parseUrl(base);
      if (this.origins.size >= MOST_ORIGINS) this.origins.clear();
      this.origins.set(base, origin);
    }
    return { origin, path };
  }
}

/** The whole URL of a target, for the rare failure whose message must be scrubbed of its path. */
export function fullUrl(target: RequestTarget): URL {
  return new URL(target.path, target.origin);
}

function parseUrl(text: string): URL {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    // TypeError from URL echoes its input, which would leak the UserSig.
    throw new TypeError('The request URL is not a valid URL.');
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new TypeError(`The request URL must be http: or https: (got ${url.protocol}).`);
  }
  return url;
}
