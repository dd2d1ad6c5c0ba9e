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

/** The failure for an error Node raised (or one already classified). */
export function networkError(cause: unknown, url: URL): NetworkError {
  if (cause instanceof NetworkError) return cause;
  const code = String((cause as { code?: unknown } | null)?.code ?? 'ERR_UNKNOWN');
  const phase = phaseOfCode(code);
  switch (phase) {
    case 'dns':
      return new NetworkError(phase, `cannot resolve ${url.hostname} (${code})`);
    case 'connect':
      return new NetworkError(phase, `cannot connect to ${url.host} (${code})`);
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
