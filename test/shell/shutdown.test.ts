import { describe, expect, it } from 'vitest';
import { ShutdownSequence } from '../../main/shell/shutdown';

function deferred() {
  let resolve = () => {};
  const promise = new Promise<void>((r) => {
    resolve = r;
  });
  return { promise, resolve };
}

const flush = () => new Promise((r) => setImmediate(r));

describe('ShutdownSequence', () => {
  it('holds the quit until stopping is done, then quits once', async () => {
    const stopped = deferred();
    const never = new Promise<void>(() => {});
    const sequence = new ShutdownSequence(
      () => stopped.promise,
      () => never,
    );
    let quits = 0;
    expect(sequence.request(() => quits++)).toBe(true);
    expect(sequence.request(() => quits++)).toBe(true);
    expect(sequence.stopping).toBe(true);
    await flush();
    expect(quits).toBe(0);
    stopped.resolve();
    await flush();
    expect(quits).toBe(1);
    expect(sequence.request(() => quits++)).toBe(false);
  });

  it('quits anyway when stopping fails or hangs, and says why', async () => {
    const errors: unknown[] = [];
    const failing = new ShutdownSequence(
      () => Promise.reject(new Error('disk full')),
      () => new Promise(() => {}),
      (e) => errors.push(e),
    );
    let quits = 0;
    failing.request(() => quits++);
    await flush();
    const timeout = deferred();
    const hanging = new ShutdownSequence(
      () => new Promise(() => {}),
      () => timeout.promise,
      (e) => errors.push(e),
      5000,
    );
    hanging.request(() => quits++);
    await flush();
    expect(quits).toBe(1);
    timeout.resolve();
    await flush();
    expect(quits).toBe(2);
    expect(errors.map((e) => (e as Error).message)).toEqual([
      'disk full',
      'Stopping took longer than 5000 ms; quitting anyway.',
    ]);
  });
});
