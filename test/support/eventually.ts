import { vi } from 'vitest';

/** What a probe answers while the condition does not hold yet. */
type NotYet = undefined | false;

/**
 * Waits until `probe` answers something other than `undefined` or `false`, and returns that answer
 * (`true` for a plain condition). The probe may be async, a read over HTTP say; Vitest's `waitFor`
 * asks it again every `everyMs`, and the wait fails after `timeoutMs` saying what it waited for.
 * The one way the tests wait for what real I/O brings (a process, the simulator, Chromium); where
 * time itself is the subject they move a FakeClock instead.
 */
export function eventually<T>(
  probe: () => T | NotYet | Promise<T | NotYet>,
  what: string,
  timeoutMs = 15_000,
  everyMs = 20,
): Promise<T> {
  return vi.waitFor(
    async () => {
      const answer = await probe();
      if (answer === undefined || answer === false) throw new Error(`Timed out waiting for ${what}`);
      return answer;
    },
    { timeout: timeoutMs, interval: everyMs },
  );
}
