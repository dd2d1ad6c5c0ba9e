import type { IncomingMessage } from 'node:http';
import { isIP } from 'node:net';
import { hostname, networkInterfaces } from 'node:os';
import { isLoopbackHost } from './serve-token';

/** Names every loopback listener answers to. */
const LOOPBACK_NAMES = ['localhost', '127.0.0.1', '::1'];
/** The machine's addresses are looked up again after this long (an interface may come or go). */
const ADDRESSES_FRESH_MS = 5_000;

/**
 * Refuses a request that names a host this server does not listen as, before its token is looked
 * at: a page on another site whose name was re-pointed at this machine (DNS rebinding) sends its
 * own name in `Host`, and, when it changes something, in `Origin`. The names allowed are those the
 * listener is reached by: the loopback names for 127.0.0.1, ::1 or localhost; for a wildcard
 * (0.0.0.0, ::) also the machine's addresses and host name; for one address or name, that one;
 * and always the names given with `--allow-host` (a proxy's public name). Returns the refusal in
 * words, or null to let the request on.
 */
export function hostCheck(
  listenHost: string,
  allowHosts: readonly string[],
): (request: IncomingMessage) => string | null {
  const fixed = new Set(allowHosts.map(bareHost));
  const listen = bareHost(listenHost);
  const wildcard = listen === '0.0.0.0' || listen === '::';
  if (isLoopbackHost(listen)) for (const name of LOOPBACK_NAMES) fixed.add(name);
  if (!wildcard) fixed.add(listen);
  let machine: { names: Set<string>; at: number } | null = null;
  const allowed = (name: string): boolean => {
    if (fixed.has(name)) return true;
    if (!wildcard) return false;
    if (!machine || Date.now() - machine.at > ADDRESSES_FRESH_MS)
      machine = { names: machineNames(), at: Date.now() };
    return machine.names.has(name);
  };
  return (request) => {
    const host = hostOf(request.headers.host);
    if (host === null || !allowed(host)) return refusal('Host');
    const changes = request.method !== 'GET' && request.method !== 'HEAD';
    const origin = request.headers.origin;
    if (changes && origin !== undefined && !allowed(originHost(origin) ?? '')) return refusal('Origin');
    return null;
  };
}

function refusal(header: 'Host' | 'Origin'): string {
  return (
    `Refused: the request's ${header} names a host this headcount serve does not listen as (a page of ` +
    'another site re-pointed at this machine looks like this). Open the printed link; behind a proxy, ' +
    'start headcount serve with --allow-host <the name people use>.'
  );
}

/** The host name (no port, no brackets, lower case) a `Host` header names, or null when it names none. */
function hostOf(header: string | undefined): string | null {
  if (!header) return null;
  try {
    const url = new URL(`http://${header}`);
    if (url.username || url.password || url.pathname !== '/' || url.search || url.hash) return null;
    return bareHost(url.hostname);
  } catch {
    return null;
  }
}

function originHost(origin: string): string | null {
  try {
    const url = new URL(origin);
    return url.protocol === 'http:' || url.protocol === 'https:' ? bareHost(url.hostname) : null;
  } catch {
    return null;
  }
}

/** Lower case, without IPv6 brackets or a trailing dot; addresses as URL parsing writes them. */
function bareHost(host: string): string {
  const bare = host
    .trim()
    .toLowerCase()
    .replace(/^\[(.*)\]$/, '$1')
    .replace(/\.$/, '');
  if (isIP(bare) !== 6) return bare;
  try {
    return new URL(`http://[${bare}]`).hostname.replace(/^\[(.*)\]$/, '$1');
  } catch {
    return bare;
  }
}

function machineNames(): Set<string> {
  const names = new Set<string>(LOOPBACK_NAMES);
  const name = bareHost(hostname());
  names.add(name);
  names.add(`${name}.local`);
  for (const list of Object.values(networkInterfaces())) {
    for (const address of list ?? []) names.add(bareHost(address.address.replace(/%.*$/, '')));
  }
  return names;
}
