/**
 * Names where a Node HTTP(S) request failed, as a {@link NetworkError} whose message holds the host
 * and Node's error code but never the request's path or query (they carry the UserSig).
 */
import { NetworkError, type NetworkPhase } from '../core/http-port';

/** How far a request got before the deadline passed. */
export type RequestStage = 'queued' | 'resolving' | 'connecting' | 'connected';

/** The failure of a request whose time ran out at `stage`. */
export function timeoutError(stage: RequestStage, url: URL, timeoutMs: number): NetworkError {
  const seconds = `${Math.round(timeoutMs / 100) / 10} s`;
  if (stage === 'resolving')
    return new NetworkError('dns', `looking up ${url.hostname} took longer than ${seconds}`);
  if (stage === 'connecting') {
    return new NetworkError('connect', `could not connect to ${url.host} within ${seconds}`);
  }
  return new NetworkError('timeout', `no complete answer from ${url.host} within ${seconds}`);
}

/** The failure of a request whose answer was over the size cap. */
export function tooLarge(url: URL, maxBodyBytes: number): NetworkError {
  return new NetworkError(
    'reset',
    `the answer from ${url.host} was larger than ${maxBodyBytes} bytes, so it was cut off`,
  );
}

const DNS_CODES = new Set(['ENOTFOUND', 'EAI_AGAIN', 'EAI_FAIL', 'EAI_NONAME', 'EAI_NODATA']);
const CONNECT_CODES = new Set([
  'ECONNREFUSED',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'EHOSTDOWN',
  'ENETDOWN',
  'EADDRNOTAVAIL',
  'ETIMEDOUT',
]);
const TLS_CODE = /CERT|SELF_SIGNED|^UNABLE_TO_|^INVALID_CA$|HOSTNAME_MISMATCH|^ERR_TLS_|^ERR_SSL_|^EPROTO$/;

/** Names where a failure happened, from Node's error code; never copies Node's text wholesale. */
export function phaseOfCode(code: string): NetworkPhase {
  if (DNS_CODES.has(code)) return 'dns';
  if (CONNECT_CODES.has(code)) return 'connect';
  if (TLS_CODE.test(code)) return 'tls';
  return 'reset';
}

/** Why a connection could not be made, in words, by Node's code. */
const CONNECT_WORDS: Record<string, string> = {
  ECONNREFUSED: 'connection refused',
  EHOSTUNREACH: 'host unreachable',
  ENETUNREACH: 'network unreachable',
  EHOSTDOWN: 'host down',
  ENETDOWN: 'network down',
  EADDRNOTAVAIL: 'address not available',
  ETIMEDOUT: 'timed out',
};

/**
 * Node's code for a failure. A name with several addresses that all refused (IPv4 and IPv6, tried
 * in turn) fails with an AggregateError that may carry no code of its own: its first error's is
 * taken, as is the code of an error it wraps.
 */
function codeOf(cause: unknown): string {
  const failure = cause as { code?: unknown; errors?: unknown; cause?: unknown } | null;
  if (typeof failure?.code === 'string') return failure.code;
  const first = Array.isArray(failure?.errors)
    ? (failure.errors[0] as { code?: unknown } | undefined)
    : undefined;
  if (typeof first?.code === 'string') return first.code;
  const wrapped = (failure?.cause as { code?: unknown } | null | undefined)?.code;
  return typeof wrapped === 'string' ? wrapped : 'ERR_UNKNOWN';
}

/** The failure for an error Node raised (or one already classified). */
export function networkError(cause: unknown, url: URL): NetworkError {
  if (cause instanceof NetworkError) return cause;
  const code = codeOf(cause);
  const phase = phaseOfCode(code);
  switch (phase) {
    case 'dns':
      return new NetworkError(phase, `cannot resolve ${url.hostname} (${code})`);
    case 'connect':
      return new NetworkError(
        phase,
        `cannot connect to ${url.host}: ${CONNECT_WORDS[code] ?? 'no connection'} (${code})`,
      );
    case 'tls':
      return new NetworkError(
        phase,
        `the TLS certificate of ${url.host} is not trusted (${code}${reason(cause, url)})`,
      );
    default:
      return new NetworkError(
        phase,
        `the connection to ${url.host} was closed before a full answer (${code})`,
      );
  }
}

/** OpenSSL's reason ("self-signed certificate"), scrubbed of anything from the URL but its host. */
function reason(cause: unknown, url: URL): string {
  const message = cause instanceof Error ? cause.message : '';
  const secretParts = [url.href, url.pathname + url.search, url.search, url.pathname].filter(
    (part) => part.length > 1,
  );
  if (!message || secretParts.some((part) => message.includes(part))) return '';
  return `: ${message.slice(0, 200)}`;
}
