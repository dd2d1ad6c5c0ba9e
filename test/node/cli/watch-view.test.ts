import { describe, expect, it } from 'vitest';
import { AppMonitor } from '../../../main/core/app-monitor';
import { CommandBudgets } from '../../../main/core/command-budgets';
import { recordInto } from '../../../main/core/history/history-recorder';
import { HistoryStore } from '../../../main/core/history/history-store';
import { renderWatchScreen } from '../../../main/node/cli/watch-screen';
import { FakeClock } from '../../support/fake-clock';
import { idlePusher } from '../../support/idle-pusher';

/** One room polled every 10 s on fake time, counting up by 10 a poll from 1,000, into an in-memory history. */
function watching() {
  const clock = new FakeClock();
  let polls = 0;
  const budgets = new CommandBudgets(clock, 200);
  const monitor = new AppMonitor({
    source: { getOnlineMemberNum: async () => ({ ok: true, value: 1_000 + 10 * ++polls }) },
    budget: budgets.count,
    clock,
    intervalMs: 10_000,
  });
  const history = HistoryStore.inMemory(clock);
  monitor.on(recordInto(history, (groupId) => groupId));
  // No room opted in to show its count: the pusher writes nothing and the table says nothing of it.
  const pusher = idlePusher(clock);
  monitor.addRooms(['@TGS#stage']);
  monitor.start();
  /** The room's line of the live table. */
  const row = () =>
    renderWatchScreen({
      title: 'Headcount',
      engine: { monitor, budgets, pusher },
      history,
      nameOf: () => undefined,
      alerts: [],
      now: clock.wall(),
      size: null,
    })
      .split('\n')
      .find((line) => line.startsWith('@TGS#stage')) ?? '';
  return { clock, monitor, row };
}

describe('the live table of headcount watch', () => {
  it('shows no change over a minute until the history reaches back a minute, as the popover does', async () => {
    const { clock, monitor, row } = watching();
    await clock.advance(15_000);
    // Two counts 10 s apart: a change of +10, but not one over a minute, so the column says "-".
    expect(row()).toMatch(/^@TGS#stage +1,020 +- +\d+ s +1,020 +live$/);
    await clock.advance(60_000);
    // 75 s in, polled at 0 s to 70 s: the first count at or after a minute ago (15 s) is 20 s's 1,030.
    expect(row()).toMatch(/^@TGS#stage +1,080 +\+50 +\d+ s +1,080 +live$/);
    monitor.stop();
  });
});
