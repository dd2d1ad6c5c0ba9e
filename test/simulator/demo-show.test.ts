import { afterEach, describe, expect, it } from 'vitest';
import { demoShow, type RunningSimulator, startSimulator } from '../../main/simulator/index';
import { fakeWall, imCall, onlineCount } from './im-call';

let sim: RunningSimulator | undefined;
afterEach(() => sim?.close());

describe('demoShow', () => {
  it('holds about six rooms with names, auto-assigned and custom ids, and one group that is not live', () => {
    const rooms = demoShow();
    expect(rooms.length).toBeGreaterThanOrEqual(5);
    expect(rooms.length).toBeLessThanOrEqual(8);
    expect(rooms.every((room) => room.name)).toBe(true);
    expect(rooms.some((room) => room.groupId.startsWith('@TGS#'))).toBe(true);
    expect(rooms.some((room) => !room.groupId.startsWith('@TGS#'))).toBe(true);
    expect(rooms.filter((room) => (room.type ?? 'AVChatRoom') !== 'AVChatRoom')).toHaveLength(1);
    expect(demoShow()).not.toBe(rooms);
  });

  it('tells its story over three minutes', async () => {
    const clock = fakeWall();
    const origin = clock.now;
    const running = await startSimulator({ clock, rooms: demoShow() });
    sim = running;
    /** The answer for the demo room of one audience kind, `seconds` into the show. */
    const answer = async (kind: string, seconds: number) => {
      const room = demoShow().find((spec) => spec.audience.kind === kind);
      if (!room) throw new Error(`the show has no ${kind} room`);
      clock.now = origin + seconds * 1000;
      return (await onlineCount(running, room.groupId)).json;
    };

    expect((await answer('steady', 0)).OnlineMemberNum).toBeGreaterThan(10_000);
    expect((await answer('script', 10)).OnlineMemberNum).toBe(0);
    expect((await answer('script', 170)).OnlineMemberNum).toBeGreaterThan(2_000);
    const beforeRaid = (await answer('raid', 30)).OnlineMemberNum;
    expect((await answer('raid', 62)).OnlineMemberNum).toBeGreaterThan(beforeRaid + 2_000);
    expect((await answer('drop', 170)).OnlineMemberNum).toBeLessThan(
      (await answer('drop', 0)).OnlineMemberNum / 2,
    );
    expect((await answer('ends', 140)).ErrorCode).toBe(0);
    expect((await answer('ends', 170)).ErrorCode).toBe(10010);
    expect((await answer('fixed', 0)).ErrorCode).toBe(10007);
  });

  it('names its rooms in get_group_info', async () => {
    const running = await startSimulator({ rooms: demoShow() });
    sim = running;
    const ids = demoShow().map((room) => room.groupId);
    const result = await imCall(running, 'get_group_info', { GroupIdList: ids });
    const names = result.json.GroupInfo.map((item: { Name: string }) => item.Name);
    expect(names).toEqual(demoShow().map((room) => room.name));
  });
});
