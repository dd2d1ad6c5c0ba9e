import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { roomSettings } from '../../core/settings/settings-rules';
import type { Settings } from '../../core/settings/settings-schema';
import {
  DEMO_PUSH,
  DEMO_SHOW_SECONDS,
  demoLabel,
  demoShow,
  type RoomSpec,
  startSimulator,
} from '../../simulator';
import { createEngine } from '../engine';
import { openSettingsStore } from '../settings-store';
import { alertingForCli } from './alerting-for-cli';
import { durationFlag, INTERVAL_RULE, parseCommand, RUN_DURATION_RULE } from './options';
import { pushTargetsFor } from './push-flags';
import { watchRooms } from './watch-loop';

export const DEMO_HELP = `Usage: headcount demo [--interval S] [--duration S] [--json] [--notify]

Plays a scripted three-minute show on the built-in simulator and watches it, so you can see
Headcount work without an account: a steady room, a stream starting, a raid, a sudden drop, a
stream that ends and is disbanded, and a group that is not a live room. Alerts show as they fire;
with --notify also as desktop notifications. The stream that starts shows its count to its
viewers: it is written into the room as a group attribute. The demo ends with its show, or after
--duration.`;

/** The show moves faster than real audiences, so the demo polls more often than the API's 10 s. */
const DEMO_INTERVAL_S = 2;

/** `headcount demo`: the simulator plays the show; the real engine watches it over loopback HTTP. */
export async function runDemo(args: string[]): Promise<number> {
  const { values } = parseCommand(
    args,
    {
      interval: { type: 'string' },
      duration: { type: 'string' },
      json: { type: 'boolean' },
      notify: { type: 'boolean' },
    },
    'demo',
  );
  if (values.help) {
    process.stdout.write(`${DEMO_HELP}\n`);
    return 0;
  }
  const intervalMs = durationFlag(values.interval, INTERVAL_RULE) ?? DEMO_INTERVAL_S * 1000;
  const notify = values.notify === true;
  // Without --duration the demo ends with its show (and a few seconds to see the last counts).
  const durationMs = durationFlag(values.duration, RUN_DURATION_RULE) ?? (DEMO_SHOW_SECONDS + 10) * 1000;
  const rooms = demoShow();
  const simulator = await startSimulator({ rooms });
  const json = values.json === true;
  if (!json)
    process.stderr.write('Demo mode: a built-in simulator plays a scripted show; no account is used.\n');
  const engine = createEngine({
    connection: { ...simulator.credentials, endpoint: { primary: simulator.baseUrl } },
    intervalMs,
  });
  // The demo's alerts go to a log of its own, never to the user's.
  const store = openSettingsStore(join(mkdtempSync(join(tmpdir(), 'headcount-demo-')), 'config.json'));
  const settings = demoSettings(rooms);
  try {
    const groupIds = rooms.map((room) => room.groupId);
    return await watchRooms({
      engine,
      groupIds,
      pushes: pushTargetsFor(groupIds, settings, null),
      json,
      durationMs,
      title: 'Headcount demo',
      endNote: json
        ? undefined
        : 'The demo is over. Run it again with `npm run demo`, see it in a browser with `headcount serve --demo`, or connect your own app (see the README).',
      labels: roomSettings(settings).labels,
      alerting: (onAlert) => alertingForCli({ store, settings, where: 'the simulator', notify, onAlert }),
    });
  } finally {
    store.close();
    await simulator.close();
  }
}

/** The show's room names as labels, and a milestone so that one shows too. */
function demoSettings(rooms: RoomSpec[]): Settings {
  const { groupId: shown, via, key } = DEMO_PUSH;
  const labels = Object.fromEntries(
    rooms.map((room) => [
      room.groupId,
      room.groupId === shown ? { label: demoLabel(room), push: { via, key } } : { label: demoLabel(room) },
    ]),
  );
  return { profile: { label: 'Demo' }, rules: { milestones: [5_000] }, rooms: labels };
}
