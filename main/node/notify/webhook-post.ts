/**
 * One webhook POST over Node's fetch. Errors name the host and Node's error code, never the URL's
 * path or query, which hold the robot's token.
 */
import { networkError } from '../network-failure';

export interface WebhookPostRequest {
  url: string;
  /** JSON text. */
  body: string;
  /** Aborted when the attempt's time is up. */
  signal: AbortSignal;
}

export interface WebhookPostAnswer {
  status: number;
  body: string;
}

/** Sends one POST; rejects when no HTTP answer came back. */
export type WebhookPost = (request: WebhookPostRequest) => Promise<WebhookPostAnswer>;

// Robots answer a few hundred bytes; anything longer is only read far enough to quote it.
const MAX_ANSWER_BYTES = 64 * 1024;

/** The real {@link WebhookPost}: fetch, redirects not followed, the answer read up to 64 KiB. */
export const fetchWebhookPost: WebhookPost = async ({ url, body, signal }) => {
  const target = new URL(url);
  let response: Response;
  try {
    response = await fetch(target, {
      method: 'POST',
      headers: { 'content-type': 'application/json; charset=utf-8' },
      body,
      signal,
      // A redirect would re-send the alert (as a GET, tokenless or to another host): report it instead.
      redirect: 'manual',
    });
  } catch (error) {
    throw networkError((error as { cause?: unknown }).cause ?? error, target);
  }
  try {
    return { status: response.status, body: await readCapped(response) };
  } catch (error) {
    throw networkError((error as { cause?: unknown }).cause ?? error, target);
  }
};

async function readCapped(response: Response): Promise<string> {
  if (!response.body) return '';
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    chunks.push(value);
    size += value.byteLength;
    if (size >= MAX_ANSWER_BYTES) {
      await reader.cancel();
      break;
    }
  }
  return Buffer.concat(chunks).toString('utf8');
}
