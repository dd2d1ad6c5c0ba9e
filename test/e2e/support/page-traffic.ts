/**
 * Everything a page receives from the server, kept as text so a test can search it for what must
 * never reach a browser: each response body, and each message of the event stream. Chromium hands
 * over an event stream's messages as they arrive (its DevTools protocol), since the stream's body
 * never ends and so cannot be read as one.
 */
import type { Page } from 'playwright-core';

/** What a page has received so far. */
export interface PageTraffic {
  /** Every response body read so far (each awaited), then every event-stream message. */
  texts(): Promise<string[]>;
  /** The event-stream messages alone, as they arrived. */
  messages: string[];
  /** The URLs of responses whose bodies could not be read (none is expected). */
  unread: string[];
}

/** Starts recording what `page` receives; call it before the page loads anything. */
export async function recordTraffic(page: Page): Promise<PageTraffic> {
  const bodies: Array<Promise<string>> = [];
  const messages: string[] = [];
  const unread: string[] = [];
  page.on('response', (response) => {
    if ((response.headers()['content-type'] ?? '').startsWith('text/event-stream')) return;
    bodies.push(
      response.text().catch(() => {
        unread.push(response.url());
        return '';
      }),
    );
  });
  const devtools = await page.context().newCDPSession(page);
  devtools.on('Network.eventSourceMessageReceived', (event) => messages.push(event.data));
  await devtools.send('Network.enable');
  return {
    async texts() {
      return [...(await Promise.all(bodies)), ...messages];
    },
    messages,
    unread,
  };
}
