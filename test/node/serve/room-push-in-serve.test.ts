import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { RoomPushSetup, RoomView } from '../../../main/contract/monitor-api';
import { SERVE_PROFILE_ID } from '../../../main/node/serve/serve-profile';
import { type RunningSimulator, startSimulator } from '../../../main/simulator';
import { cliEnv, simulatorEnv } from '../../support/cli';
import { eventually } from '../../support/eventually';
import { type ServeRun, startServe } from './serve-run';

const KEY = `${SERVE_PROFILE_ID}/stage`;

let sim: RunningSimulator | null = null;
let serve: ServeRun | null = null;
let folder = '';

afterEach(async () => {
  await serve?.stop();
  serve = null;
  await sim?.close();
  sim = null;
  if (folder) await rm(folder, { recursive: true, force: true });
  folder = '';
});

async function stageRoom(run: ServeRun): Promise<RoomView | undefined> {
  const snapshot = await run.call<{ rooms: RoomView[] }>('getSnapshot', []);
  return snapshot.body.value.rooms.find((room) => room.key === KEY);
}

describe('showing a room’s count to viewers from the dashboard', () => {
  it('keeps the choice in the settings file, writes into the room at once, and says how it stands', async () => {
    folder = await mkdtemp(join(tmpdir(), 'headcount-serve-push-'));
    sim = await startSimulator({ rooms: [{ groupId: 'stage', audience: { kind: 'fixed', online: 4321 } }] });
    const env = simulatorEnv(sim, { HEADCOUNT_CONFIG: join(folder, 'config.json') });
    serve = await startServe(['stage', '--interval', '1'], env);
    const run = serve;
    expect((await run.call<RoomPushSetup>('getRoomPush', [KEY])).body.value).toEqual({
      push: null,
      viewers: null,
    });

    const refused = await run.call('setRoomPush', [KEY, { via: 'message', key: 'online_member_num' }]);
    expect(refused.status).toBe(422);
    expect(refused.body.error).toMatch(/message quota/);
    const tooLong = await run.call('setRoomPush', [KEY, { via: 'group-attr', key: 'k'.repeat(33) }]);
    expect(tooLong.status).toBe(400);

    expect((await run.call('setRoomPush', [KEY, { via: 'group-attr', key: 'viewers' }])).status).toBe(200);
    const shown = await eventually(async () => {
      const room = await stageRoom(run);
      return room?.push?.state === 'ok' ? room : undefined;
    }, 'the push written');
    expect(shown.push).toMatchObject({ via: 'group-attr', key: 'viewers', written: { online: 4321 } });
    expect(JSON.parse(sim.control.audience('stage').attributes.viewers ?? '{}').online).toBe(4321);
    expect(JSON.parse(await readFile(join(folder, 'config.json'), 'utf8')).rooms).toEqual({
      stage: { push: { via: 'group-attr', key: 'viewers' } },
    });
    expect((await run.call<RoomPushSetup>('getRoomPush', [KEY])).body.value.push).toEqual({
      via: 'group-attr',
      key: 'viewers',
    });

    // Off: nothing more is written, and the room no longer says it shows its count.
    expect((await run.call('setRoomPush', [KEY, null])).status).toBe(200);
    expect((await stageRoom(run))?.push).toBeNull();
    sim.control.resetLog();
    sim.control.setOnline('stage', 5000);
    await eventually(async () => ((await stageRoom(run))?.online === 5000 ? true : undefined), 'a new count');
    expect(sim.control.requests().filter((r) => r.command === 'modify_group_attr')).toEqual([]);
    expect(JSON.parse(await readFile(join(folder, 'config.json'), 'utf8')).rooms).toEqual({});
  });

  it('shows a failing push in the room, in words, and the budgets with the profile', async () => {
    sim = await startSimulator({ rooms: [{ groupId: 'stage', audience: { kind: 'fixed', online: 10 } }] });
    serve = await startServe(['stage', '--interval', '1', '--push', 'group-counter'], simulatorEnv(sim));
    const run = serve;
    const refused = await eventually(async () => {
      const room = await stageRoom(run);
      return room?.push?.state === 'refused' ? room : undefined;
    }, 'the refusal');
    expect(refused.push?.reason).toMatch(/Pro, Pro Plus or Enterprise edition/);
    expect(refused.push?.error).toEqual({ kind: 'not-live-room', code: 10007 });
    const snapshot = await run.call<{
      profiles: Array<{ budgets: Array<{ command: string; capPerSecond: number }> }>;
    }>('getSnapshot', []);
    expect(snapshot.body.value.profiles[0]?.budgets.map((b) => [b.command, b.capPerSecond])).toEqual([
      ['get_online_member_num', 200],
      ['get_group_info', 200],
      ['get_appid_group_list', 1],
      ['modify_group_attr', 200],
      ['update_group_counter', 200],
      ['send_group_msg', 200],
    ]);
  });

  it('plays the demo with one room shown to its viewers, and reads what they see', async () => {
    serve = await startServe(['--demo'], cliEnv());
    const run = serve;
    const key = 'demo/cooking-with-lin';
    const setup = await eventually(async () => {
      const value = (await run.call<RoomPushSetup>('getRoomPush', [key])).body.value;
      return value.viewers?.value ? value : undefined;
    }, 'what viewers see');
    expect(setup.push).toEqual({ via: 'group-attr', key: 'online_member_num' });
    expect(JSON.parse(String(setup.viewers?.value))).toEqual({
      online: expect.any(Number),
      at: expect.any(Number),
    });
  });
});
