/** One POST as the IM client needs it: the transport behind it is injected. */
export interface HttpRequest {
  url: string;
  body: string;
  timeoutMs: number;
  /**
   * Called once the request has been handed to the operating system: the moment it leaves, which
   * the rate budget dates it by. A request waiting for a connection, or behind a busy event loop,
   * has not left yet.
   */
  onSent?: () => void;
}

export interface HttpResponse {
  status: number;
  body: string;
}

/** Performs one POST. Rejects with {@link NetworkError} when no HTTP answer came back. */
export type HttpPost = (request: HttpRequest) => Promise<HttpResponse>;

/**
 * Where a request failed before an HTTP answer: `dns` and `connect` mean the host was never reached
 * (the backup host is worth a try); `timeout`, `reset` and `tls` mean it may have been.
 */
export type NetworkPhase = 'dns' | 'connect' | 'timeout' | 'reset' | 'tls';

export class NetworkError extends Error {
  override readonly name = 'NetworkError';
  constructor(
    readonly phase: NetworkPhase,
    message: string,
  ) {
    super(message);
  }
}
