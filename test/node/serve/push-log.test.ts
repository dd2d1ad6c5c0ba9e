import { describe, expect, it } from 'vitest';
import type { MonitorApi, MonitorPush } from '../../../main/contract/monitor-api';
import { PUSH_LOG_KEEP_MS, PushLog } from '../../../main/node/serve/push-log';

/** An engine's push side: `push` sends to every listener, in the order they subscribed. */
function pushSource() {
  const listeners = new Set<(push: MonitorPush) => void>();
  const api: Pick<MonitorApi, 'onPush'> = {
    onPush: (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
  return {
    api,
    listeners,
    push: (message: MonitorPush) => {
      for (const listener of listeners) listener(message);
    },
  };
}

const rooms = (online: number): MonitorPush => ({
  type: 'rooms',
  rooms: [{ key: 'main/@TGS#a', online } as never],
});

describe('the push log', () => {
  it('gives a stream the pushes after a snapshot, in order, and none that came before it', () => {
    const { api, push } = pushSource();
    const log = new PushLog(api, () => 0);
    push(rooms(1));
    const mark = log.mark();
    expect(log.since(mark)).toEqual([]);
    push(rooms(2));
    push({ type: 'summary', summary: { online: 2 } as never });
    push(rooms(3));
    expect(log.since(mark)).toEqual([rooms(2), { type: 'summary', summary: { online: 2 } }, rooms(3)]);
    expect(log.since(log.mark())).toEqual([]);
  });

  it('does not tell a page opened later what was said to the windows open then', () => {
    const { api, push } = pushSource();
    const log = new PushLog(api, () => 0);
    const mark = log.mark();
    push({ type: 'focus', key: 'main/@TGS#a' });
    push({ type: 'show', view: 'settings' });
    push(rooms(4));
    expect(log.since(mark)).toEqual([rooms(4)]);
  });

  it('sends a stream to a snapshot when a push since its mark is forgotten, or the mark is not of this run', () => {
    const { api, push } = pushSource();
    let now = 0;
    const log = new PushLog(api, () => now);
    const mark = log.mark();
    push(rooms(1));
    now += PUSH_LOG_KEEP_MS - 1;
    push(rooms(2));
    expect(log.since(mark)).toHaveLength(2);
    now += 2;
    // The first push after the mark is gone: what the page holds cannot be brought up to date.
    expect(log.since(mark)).toBeNull();
    const later = log.mark();
    expect(log.since(later)).toEqual([]);
    // Another run's mark, a mark from the future, and no mark at all.
    expect(log.since(new PushLog(api).mark())).toBeNull();
    expect(log.since(`${later.split('.')[0]}.99`)).toBeNull();
    expect(log.since('')).toBeNull();
    expect(log.since(`${later.split('.')[0]}.-1`)).toBeNull();
  });

  it('stops listening when closed', () => {
    const { api, listeners } = pushSource();
    const log = new PushLog(api);
    expect(listeners.size).toBe(1);
    log.close();
    expect(listeners.size).toBe(0);
  });
});
