import { describe, expect, it } from 'vitest';
import { AppMonitor } from '../../../main/core/app-monitor';
import { CommandBudgets } from '../../../main/core/command-budgets';
import { HistoryStore } from '../../../main/core/history/history-store';
import type { ApiResult } from '../../../main/core/im-client';
import type { MonitorEvent } from '../../../main/core/monitor-events';
import { renderWatchScreen } from '../../../main/node/cli/watch-screen';
import { describeStatus, jsonLine } from '../../../main/node/cli/watch-view';
import { FakeClock } from '../../support/fake-clock';
import { idlePusher } from '../../support/idle-pusher';

/** `headcount watch`'s engine with 2,000 rooms at 10 s on fake time, every answer 150 ms after its call. */
async function watchingSlowAnswers() {
  const clock = new FakeClock();
  const budgets = new CommandBudgets(clock, 200);
  const source = {
    async getOnlineMemberNum(): Promise<ApiResult<number>> {
      const slot = await budgets.count.reserve();
      slot.sent();
      await new Promise<void>((resolve) => clock.setTimer(resolve, 150));
      slot.done();
      return { ok: true, value: 1_000 };
    },
  };
  const monitor = new AppMonitor({ source, budget: budgets.count, clock, intervalMs: 10_000 });
  const events: MonitorEvent[] = [];
  monitor.on((event) => events.push(event));
  monitor.addRooms(Array.from({ length: 2000 }, (_, i) => `@TGS#room${i}`));
  monitor.start();
  await clock.advance(30_000);
  // No room opted in to show its count: the pusher writes nothing and the table says nothing of it.
  const pusher = idlePusher(clock);
  const screen = renderWatchScreen({
    title: 'Headcount',
    engine: { monitor, budgets, pusher },
    history: HistoryStore.inMemory(clock),
    nameOf: () => undefined,
    alerts: [],
    now: clock.wall(),
    size: { columns: 80, rows: 24 },
  });
  monitor.stop();
  return { status: monitor.status(), events, screen };
}

describe('headcount watch with slow answers', () => {
  it('says the interval the rooms are polled at, and that answers of 150 ms are why, in every output', async () => {
    const { status, events, screen } = await watchingSlowAnswers();
    expect(status.answerMs).toBe(150);
    expect(describeStatus(status)).toBe(
      'running: 2000 rooms every 11.8 s (stretched from 10 s: 2000 rooms do not fit 200 calls/s with answers taking 150 ms)',
    );
    const json = JSON.parse(
      jsonLine(events.filter((e) => e.type === 'status').at(-1) as MonitorEvent) ?? '{}',
    );
    expect(json).toMatchObject({ type: 'status', effectiveIntervalS: 11.794871794871796, answerMs: 150 });
    const header = screen.split('\n').slice(0, 5);
    expect(header[3]).toBe('Every 11.8 s (stretched from 10 s) · calls/s: get_online_member_num 195/200');
    expect(header[4]).toBe('Answers take 150 ms: each call holds the cap until 1 s after its answer.');
    expect(screen.split('\n').every((line) => line.length <= 80)).toBe(true);
  });
});
