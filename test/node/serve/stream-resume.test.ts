import { afterEach, describe, expect, it } from 'vitest';
import type { MonitorPush, MonitorSnapshot } from '../../../main/contract/monitor-api';
import { SERVE_PROFILE_ID } from '../../../main/node/serve/serve-profile';
import { type RunningSimulator, startSimulator } from '../../../main/simulator';
import { simulatorEnv } from '../../support/cli';
import { eventually } from '../../support/eventually';
import { type ServeRun, startServe } from './serve-run';

/**
 * A page takes its rooms once at its start: `headcount serve`'s snapshot names the last push in it,
 * and an event stream asked to start after that mark sends the pushes since, not a second snapshot.
 */
let sim: RunningSimulator | null = null;
let serve: ServeRun | null = null;
afterEach(async () => {
  await serve?.stop();
  serve = null;
  await sim?.close();
  sim = null;
});

const KEY = `${SERVE_PROFILE_ID}/@TGS#aLive`;
const countOf = (push: MonitorPush) =>
  push.type === 'rooms' ? push.rooms.find((room) => room.key === KEY)?.online : undefined;

describe('an event stream that starts after a snapshot', () => {
  it('sends the pushes since the snapshot, with every change the engine saw, and no second snapshot', async () => {
    sim = await startSimulator({
      rooms: [
        { groupId: '@TGS#aLive', audience: { kind: 'fixed', online: 1234 } },
        { groupId: '@TGS#aQuiet', audience: { kind: 'fixed', online: 56 } },
      ],
    });
    serve = await startServe(['@TGS#aLive', '@TGS#aQuiet', '--interval', '1'], simulatorEnv(sim));
    const run = serve;
    const counted = async () => {
      const answer = await fetch(`${run.base}/api/getSnapshot`, {
        headers: { authorization: `Bearer ${run.token}` },
      });
      const snapshot = ((await answer.json()) as { value: MonitorSnapshot }).value;
      const live = snapshot.rooms.find((room) => room.key === KEY)?.online;
      return { snapshot, live, mark: answer.headers.get('x-headcount-pushes-after') };
    };
    await eventually(async () => (await counted()).live === 1234, 'the first count', 15_000);
    const { mark } = await counted();
    expect(mark).toMatch(/^[0-9a-f]+\.\d+$/);

    // The count moves after the snapshot was taken, before the page's stream opens.
    sim.control.setOnline('@TGS#aLive', 98_765);
    const seen = run.events(); // A stream of its own, to know when the engine pushed the change.
    await eventually(() => seen.pushes.some((push) => countOf(push) === 98_765), 'the change', 15_000);
    seen.close();

    const resumed = run.events({ after: mark as string });
    await eventually(() => resumed.pushes.length > 0, 'the first message', 5_000);
    expect(resumed.pushes.map((push) => push.type)).not.toContain('snapshot');
    expect(resumed.pushes.some((push) => countOf(push) === 98_765)).toBe(true);
    resumed.close();
  });

  it('starts with a snapshot when the mark is of another run, or is no mark', async () => {
    sim = await startSimulator({
      rooms: [{ groupId: '@TGS#aLive', audience: { kind: 'fixed', online: 77 } }],
    });
    serve = await startServe(['@TGS#aLive', '--interval', '1'], simulatorEnv(sim));
    for (const after of ['0123456789ab.0', 'not a mark']) {
      const stream = serve.events({ after });
      await eventually(() => stream.pushes.length > 0, 'the first message', 5_000);
      expect(stream.pushes[0]?.type).toBe('snapshot');
      stream.close();
    }
  });
});
