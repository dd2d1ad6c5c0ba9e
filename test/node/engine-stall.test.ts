import { describe, expect, it } from 'vitest';
import type { HttpPost } from '../../main/core/http-port';
import { createEngine } from '../../main/node/engine';
import { windowsOverCap } from '../support/call-windows';
import { FakeClock } from '../support/fake-clock';

const CAP = 200;
const ROOMS = 2000;
/** How long a request takes to leave once posted: a connection still opening. */
const LEAVE_MS = 200;
const ANSWER = JSON.stringify({ ActionStatus: 'OK', ErrorCode: 0, ErrorInfo: '', OnlineMemberNum: 7 });

/**
 * The engine's call path on fake time, with a transport whose requests leave LEAVE_MS after they
 * are posted, on the engine's own clock: when the process stalls, the requests posted just before
 * leave only after it, together.
 */
function stalledEngine() {
  const clock = new FakeClock();
  const leaves: number[] = [];
  const post: HttpPost = (request) =>
    new Promise((resolve) => {
      clock.setTimer(() => {
        leaves.push(clock.monotonic());
        request.onSent?.();
        resolve({ status: 200, body: ANSWER });
      }, LEAVE_MS);
    });
  const engine = createEngine({
    connection: {
      sdkAppId: 1400000000,
      identifier: 'admin',
      secretKey: 'k'.repeat(64),
      endpoint: { primary: 'https://example.invalid' },
    },
    clock,
    wrapPost: () => post,
  });
  return { clock, leaves, engine };
}

describe('the engine under a stalled event loop', () => {
  it('never lets calls leave over the cap after a stall: each is dated when it leaves', async () => {
    const { clock, leaves, engine } = stalledEngine();
    engine.monitor.addRooms(Array.from({ length: ROOMS }, (_, i) => `@TGS#stall${i}`));
    engine.monitor.start();
    await clock.advance(5_000);
    // The process is held up for 900 ms: nothing runs, then everything overdue at once.
    clock.stall(900);
    const stalledAt = clock.monotonic();
    await clock.advance(5_000);
    engine.close();
    expect(leaves.filter((at) => at >= stalledAt).length).toBeGreaterThan(600);
    expect(windowsOverCap(leaves, CAP)).toBe(0);
  });
});
