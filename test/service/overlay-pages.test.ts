/**
 * Several overlay pages on one feed: each page open on a room is told each new count of it, once,
 * until it closes or the feed does.
 */
import { describe, expect, it } from 'vitest';
import type { MonitorPush, MonitorSnapshot } from '../../main/contract/monitor-api';
import type { OverlayCount } from '../../main/contract/overlay-api';
import { OverlayFeed } from '../../main/service/overlay-feed';
import { roomView } from '../shell/room-view';

/** A feed on a service whose pushes the test sends, its snapshot holding rooms a (300), b (40) and c (no count yet). */
async function feedOf() {
  let send: (push: MonitorPush) => void = () => {};
  let unsubscribed = false;
  const feed = new OverlayFeed(
    {
      onPush: (listener) => {
        send = listener;
        return () => {
          unsubscribed = true;
        };
      },
      getSnapshot: async () =>
        ({
          rooms: [roomView('@TGS#a', 300), roomView('@TGS#b', 40), roomView('@TGS#c', null)],
        }) as MonitorSnapshot,
    },
    () => 0,
  );
  await feed.ready;
  const told = () => {
    const counts: Array<number | null> = [];
    return { counts, listener: (count: OverlayCount) => counts.push(count.online) };
  };
  return { feed, send: (push: MonitorPush) => send(push), told, isUnsubscribed: () => unsubscribed };
}

const a = { groupId: '@TGS#a', profileId: null };

describe('overlay pages open on one room', () => {
  it('are each told a new count once, and not told a count they already show', async () => {
    const { feed, send, told } = await feedOf();
    const first = told();
    const second = told();
    feed.watch(a, first.listener);
    feed.watch(a, second.listener);
    send({ type: 'rooms', rooms: [roomView('@TGS#a', 310)] });
    send({ type: 'rooms', rooms: [roomView('@TGS#a', 310)] });
    expect(first.counts).toEqual([310]);
    expect(second.counts).toEqual([310]);
  });

  it('go on being told after another page on the room closes, and a closed page is told nothing', async () => {
    const { feed, send, told } = await feedOf();
    const staying = told();
    const leaving = told();
    feed.watch(a, staying.listener);
    const close = feed.watch(a, leaving.listener);
    close();
    send({ type: 'rooms', rooms: [roomView('@TGS#a', 320)] });
    expect(staying.counts).toEqual([320]);
    expect(leaving.counts).toEqual([]);
  });

  it('are told nothing more once the feed closes, which stops listening to the service', async () => {
    const { feed, send, told, isUnsubscribed } = await feedOf();
    const page = told();
    feed.watch(a, page.listener);
    feed.close();
    expect(isUnsubscribed()).toBe(true);
    send({ type: 'rooms', rooms: [roomView('@TGS#a', 330)] });
    expect(page.counts).toEqual([]);
  });

  it('show a room without a count yet as held, with no age', async () => {
    const { feed } = await feedOf();
    expect(feed.current({ groupId: '@TGS#c', profileId: null })).toEqual({
      online: null,
      ageMs: null,
      state: 'held',
    });
  });

  it('go on being told counts after the service pushes news that is not about rooms', async () => {
    const { feed, send, told } = await feedOf();
    const page = told();
    feed.watch(a, page.listener);
    send({ type: 'profiles', profiles: [] });
    send({ type: 'rooms', rooms: [roomView('@TGS#a', 340)] });
    expect(page.counts).toEqual([340]);
  });

  it('keep a room live through a new snapshot that still holds it, and hold one it no longer does', async () => {
    const { feed, send } = await feedOf();
    send({ type: 'snapshot', snapshot: { rooms: [roomView('@TGS#a', 300)] } as MonitorSnapshot });
    expect(feed.current(a).state).toBe('live');
    expect(feed.current({ groupId: '@TGS#b', profileId: null })).toMatchObject({ online: 40, state: 'held' });
  });
});
