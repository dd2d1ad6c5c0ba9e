import { describe, expect, it } from 'vitest';
import { HistoryStore } from '../../main/core/history/history-store';
import { startSimulator } from '../../main/simulator';
import { FakeClock } from '../support/fake-clock';
import { serviceOnFakeTime } from './memory-ports';
import { stopAfterEach } from './stop-after-each';

const started = stopAfterEach();

describe('a room that answers "no such group" from the first poll of this run', () => {
  it('is closed when an earlier run counted it, and not found when none ever did', async () => {
    const clock = new FakeClock();
    const sim = started(
      await startSimulator({
        clock,
        rooms: [{ groupId: '@TGS#live', audience: { kind: 'fixed', online: 10 } }],
      }),
    );
    const history = HistoryStore.inMemory(clock);
    history.record('app-1/@TGS#ended', clock.wall() - 3_600_000, 250);
    const { service, advance } = serviceOnFakeTime(sim, clock, ['@TGS#live', '@TGS#ended', '@TGS#typo'], {
      history,
    });
    started(service);
    await service.start();
    await advance(2_000);
    const state = async (groupId: string) =>
      (await service.getSnapshot()).rooms.find((room) => room.groupId === groupId)?.state;
    expect(await state('@TGS#ended')).toBe('closed');
    expect(await state('@TGS#typo')).toBe('not-found');
    expect(await state('@TGS#live')).toBe('live');
  });
});
