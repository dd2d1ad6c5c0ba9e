import { isAppUrl } from './app-page';

/**
 * Whether a link may be opened in the user's browser: an `https:` URL with a host and no user name
 * or password in it. Anything else (http, file, javascript, custom schemes that launch programs)
 * is never handed to the OS.
 */
export function externalLinkAllowed(url: string): boolean {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  return parsed.protocol === 'https:' && parsed.hostname !== '' && !parsed.username && !parsed.password;
}

/** A page may navigate only within the app's own pages. */
export function navigationAllowed(url: string): boolean {
  return isAppUrl(url);
}

/**
 * What a request for a new window (window.open, a target=_blank link) becomes: never a window of
 * the app; an allowed external link opens in the browser, anything else is dropped.
 */
export function newWindowOutcome(url: string): 'open-in-browser' | 'drop' {
  return externalLinkAllowed(url) ? 'open-in-browser' : 'drop';
}
