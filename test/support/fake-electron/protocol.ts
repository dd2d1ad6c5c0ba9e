/** `protocol`: privileged schemes and handlers, with a helper that fetches through a handler. */

type Handler = (request: Request) => Response | Promise<Response>;

export const protocol = {
  privileged: [] as Array<{ scheme: string; privileges?: Record<string, boolean> }>,
  handlers: new Map<string, Handler>(),

  registerSchemesAsPrivileged(
    schemes: Array<{ scheme: string; privileges?: Record<string, boolean> }>,
  ): void {
    protocol.privileged.push(...schemes);
  },

  handle(scheme: string, handler: Handler): void {
    if (protocol.handlers.has(scheme)) throw new Error(`The scheme ${scheme} is already handled`);
    protocol.handlers.set(scheme, handler);
  },

  /** Test helper: a page requests `url` and gets what the scheme's handler answers. */
  async fetch(url: string, init?: RequestInit): Promise<Response> {
    const handler = protocol.handlers.get(new URL(url).protocol.slice(0, -1));
    if (!handler) throw new Error(`No handler for ${url}`);
    return handler(new Request(url, init));
  },

  reset(): void {
    protocol.privileged.length = 0;
    protocol.handlers.clear();
  },
};
