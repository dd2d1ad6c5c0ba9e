import type { Clock } from '../clock';
import type { Delivery } from './alert';

/**
 * The outcome of one attempt to show a notification, settled once: `sent` when the system confirms
 * it, `failed` with why otherwise, and `failed` when nothing answered within `timeoutMs`.
 */
export function deliveryOnce(
  clock: Pick<Clock, 'wall' | 'setTimer' | 'clearTimer'>,
  channel: string,
  timeoutMs: number,
  silence: string,
): { outcome: Promise<Delivery>; finish(detail?: string): void } {
  let resolve: (delivery: Delivery) => void = () => {};
  const outcome = new Promise<Delivery>((done) => {
    resolve = done;
  });
  let settled = false;
  const finish = (detail?: string): void => {
    if (settled) return;
    settled = true;
    clock.clearTimer(timer);
    const at = clock.wall();
    resolve(
      detail === undefined
        ? { channel, outcome: 'sent', at, attempts: 1 }
        : { channel, outcome: 'failed', at, attempts: 1, detail },
    );
  };
  const timer = clock.setTimer(() => finish(silence), timeoutMs);
  return { outcome, finish };
}
