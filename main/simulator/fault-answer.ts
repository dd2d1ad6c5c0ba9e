/**
 * What an injected fault turns an answer into.
 */
import { type Answer, failAnswer } from './envelope';
import type { FaultSpec } from './types';

/** Delay of a `slow` fault without `delayMs`. */
export const DEFAULT_SLOW_MS = 1000;

/** HTTP 502 with an HTML body, as a gateway in front of the IM server sends it. */
export function badGatewayAnswer(): Answer {
  const body =
    '<html>\r\n<head><title>502 Bad Gateway</title></head>\r\n<body>\r\n' +
    '<center><h1>502 Bad Gateway</h1></center>\r\n</body>\r\n</html>\r\n';
  return { httpStatus: 502, contentType: 'text/html', body, errorCode: -1 };
}

/** The answer with its JSON text cut in half, still HTTP 200. */
export function truncatedAnswer(answer: Answer): Answer {
  return { ...answer, body: answer.body.slice(0, Math.floor(answer.body.length / 2)) };
}

/** An `error-code` fault's envelope; 10002 (internal error) without `code`. */
export function faultCodeAnswer(fault: FaultSpec): Answer {
  return failAnswer(fault.code ?? 10002);
}
