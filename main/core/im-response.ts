/**
 * Reading what the IM REST API answered (doc 1047/34620): the HTTP status, the JSON envelope
 * (`ActionStatus`, `ErrorCode`, `ErrorInfo`) and transport failures, each turned into an
 * {@link ImError} with a plain message. Nothing here ever sees the request URL.
 */
import type { ImError } from './error-kind';
import { type HttpResponse, NetworkError } from './http-port';

/** The outcome of one API call: a value, or an error that says what happened. */
export type ApiResult<T> = { ok: true; value: T } | { ok: false; error: ImError };

/** What an answer amounts to before the command-specific fields are read. */
export type EnvelopeOutcome =
  | { type: 'ok'; body: Record<string, unknown>; text: string }
  | { type: 'server-error'; code: number; info: string }
  | { type: 'unusable'; error: ImError };

/**
 * Classifies one HTTP answer. `okIgnoresCode` is for batch commands (get_group_info) whose
 * top-level ErrorCode means nothing once ActionStatus is OK (doc 1047/34961).
 */
export function readEnvelope(response: HttpResponse, okIgnoresCode = false): EnvelopeOutcome {
  if (response.status !== 200) {
    return {
      type: 'unusable',
      error: {
        kind: 'transient',
        code: response.status,
        message: `The server answered HTTP ${response.status} instead of a result: a gateway or the network failed for a moment. Headcount retries.`,
      },
    };
  }
  let body: unknown;
  try {
    body = JSON.parse(response.body);
  } catch {
    return unusable(notJsonReason(response.body));
  }
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    return unusable('the answer is JSON but not an object');
  }
  const fields = body as Record<string, unknown>;
  const status = fields.ActionStatus;
  const code = fields.ErrorCode;
  if (status !== 'OK' && status !== 'FAIL') return unusable('the answer has no ActionStatus of OK or FAIL');
  if (typeof code !== 'number' || !Number.isSafeInteger(code))
    return unusable('the answer has no integer ErrorCode');
  const info = typeof fields.ErrorInfo === 'string' ? fields.ErrorInfo : '';
  if (status === 'OK' && (code === 0 || okIgnoresCode))
    return { type: 'ok', body: fields, text: response.body };
  if (code === 0) return unusable('the answer says FAIL with ErrorCode 0');
  return { type: 'server-error', code, info };
}

/** The error for an answer whose content made no sense; `what` names the problem. */
export function protocolError(what: string): ImError {
  return {
    kind: 'protocol',
    message: `The server's answer did not make sense (${what}). Headcount retries; if this keeps happening, check that the endpoint is a Tencent IM REST host.`,
  };
}

function unusable(what: string): EnvelopeOutcome {
  return { type: 'unusable', error: protocolError(what) };
}

function notJsonReason(text: string): string {
  const start = text.trimStart().slice(0, 64).toLowerCase();
  if (start === '') return 'the answer was empty';
  if (start.startsWith('<')) return 'the answer was an HTML page, not JSON';
  return 'the answer was not valid JSON; it may have been cut off';
}

/**
 * The error for a request that got no HTTP answer. `host` names where it went; `scrub` cleans the
 * transport's own description before it is shown.
 */
export function transportError(
  failure: unknown,
  host: string,
  timeoutMs: number,
  scrub: (text: string) => string,
): ImError {
  if (!(failure instanceof NetworkError)) {
    const name = failure instanceof Error ? failure.name : typeof failure;
    return {
      kind: 'transient',
      message: `The request to ${host} failed before any answer (${name}). Headcount retries.`,
    };
  }
  const detail = scrub(failure.message);
  const messages: Record<NetworkError['phase'], string> = {
    dns: `Cannot look up ${host}: check the internet connection and DNS (${detail}). Headcount retries.`,
    connect: `Cannot reach ${host}: check the internet connection, proxy or firewall (${detail}). Headcount retries.`,
    timeout: `No answer from ${host} within ${timeoutMs / 1000} s: the network or the server is slow. Headcount retries.`,
    reset: `The connection to ${host} broke before the answer was complete (${detail}). Headcount retries.`,
    tls:
      `The TLS certificate of ${host} is not trusted (${detail}). If a company proxy or antivirus inspects HTTPS, ` +
      "give Headcount its CA certificate (HEADCOUNT_CA_FILE or --ca-file); also check this computer's date and time.",
  };
  return { kind: 'transient', message: messages[failure.phase] };
}

/** True when the host was never reached, so the other host of the region is worth a try. */
export function neverReached(failure: unknown): boolean {
  return failure instanceof NetworkError && (failure.phase === 'dns' || failure.phase === 'connect');
}
