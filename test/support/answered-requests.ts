import type { HttpPost } from '../../main/core/http-port';
import { flushPromises } from './fake-clock';

/**
 * The HTTP calls an engine makes on fake time, followed so that a test can wait for their answers:
 * wrap the engine's POST with `wrap`, and pass `settle` to FakeClock.advance, so that every poll a
 * timer starts is answered over real loopback HTTP before the clock moves on.
 */
export class AnsweredRequests {
  private readonly pending = new Set<Promise<unknown>>();

  readonly wrap = (post: HttpPost): HttpPost => {
    return (request) => {
      const answer = post(request);
      const followed: Promise<void> = answer.then(
        () => void this.pending.delete(followed),
        () => void this.pending.delete(followed),
      );
      this.pending.add(followed);
      return answer;
    };
  };

  /** Resolves once no call is on its way and what its answers started has run. */
  readonly settle = async (): Promise<void> => {
    await flushPromises();
    while (this.pending.size > 0) {
      await Promise.all([...this.pending]);
      await flushPromises();
    }
  };
}
