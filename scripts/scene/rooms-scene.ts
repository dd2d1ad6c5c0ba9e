/**
 * A scene of rooms for pictures, end-to-end tests and the benchmark of the wide views: mostly live
 * rooms, and a few in trouble as they are in real life. Every room in trouble is made so by the
 * simulator, through the real protocol: a closed room answered before and was then disbanded
 * (10010), a room that was never there is not found, failing rooms get 10002 from the server, a
 * Public group is not a live room (10007), and a raid ends in a drop.
 */
import type { RoomSpec, SimulatorControl } from '../../main/simulator';

/** The scene: what the simulator holds, what is watched, and which rooms are in which trouble. */
export interface RoomsScene {
  rooms: RoomSpec[];
  /** Every watched id, in order (the not-found one is watched but not in the simulator). */
  watched: string[];
  /** Labels for the settings file: rooms named as people name them. */
  labels: Record<string, string>;
  trouble: { closed: string[]; failing: string[]; notFound: string[]; notLive: string[]; drop: string[] };
}

/** The dropping room's count before and after its drop. */
const DROP_FROM = 24_000;
const DROP_TO = 9_000;

const NAMES = [
  'Morning Yoga',
  'Launch Day',
  'Product Q&A',
  'Late Night Radio',
  'Indie Game Night',
  'Cooking with Lin',
  '周末音乐会',
  'Study With Me',
  '读书会',
  'Retro Speedruns',
];

/**
 * `count` rooms (at least 6) and one watched id that was never there; in trouble once
 * {@link makeTrouble} ran: 4 of 6, or 7 of 2,000 (2 closed, 2 failing, 1 not found, 1 not a live room, 1 drop).
 */
export function roomsScene(count: number): RoomsScene {
  const id = (i: number) => `@TGS#scene${String(i).padStart(4, '0')}`;
  const rooms: RoomSpec[] = [];
  const labels: Record<string, string> = {};
  for (let i = 0; i < count; i++) {
    const groupId = id(i);
    const name = `${NAMES[i % NAMES.length]}${i < NAMES.length ? '' : ` ${Math.floor(i / NAMES.length) + 1}`}`;
    labels[groupId] = name;
    // A few big rooms and a long tail, as live platforms have.
    const base = Math.round(40_000 / (1 + i * 0.35)) + 20;
    rooms.push({ groupId, name, audience: { kind: 'steady', base, noise: 0.02 } });
  }
  const trouble = {
    closed: [id(3)],
    failing: [id(2)],
    notFound: ['@TGS#sceneGone'],
    notLive: [id(count - 1)],
    drop: [id(1)],
  };
  if (count > 20) {
    trouble.closed.push(id(40));
    trouble.failing.push(id(41));
  }
  for (const room of rooms) {
    if (trouble.notLive.includes(room.groupId)) room.type = 'Public';
    // The drop comes with the rest of the trouble (makeTrouble), after the room's first counts: a
    // drop timed from the simulator's start could come before a slow start-up's first poll.
    if (trouble.drop.includes(room.groupId)) room.audience = { kind: 'fixed', online: DROP_FROM };
  }
  labels['@TGS#sceneGone'] = 'Typo Room';
  return { rooms, watched: [...rooms.map((room) => room.groupId), '@TGS#sceneGone'], labels, trouble };
}

/** Puts the scene's rooms in trouble: closes rooms that answered, makes others fail. */
export function makeTrouble(control: SimulatorControl, scene: RoomsScene): void {
  for (const groupId of scene.trouble.drop) control.setOnline(groupId, DROP_TO);
  for (const groupId of scene.trouble.closed) control.disband(groupId);
  for (const groupId of scene.trouble.failing)
    control.injectFault({ kind: 'error-code', code: 10002, groupId });
}

/** The settings file of the scene: the labels, and rules that fire soon enough to be seen. */
export function sceneSettings(scene: RoomsScene): Record<string, unknown> {
  return {
    profile: { label: 'Events' },
    rules: {
      above: { threshold: 20_000, forSeconds: 0 },
      milestones: [10_000, 30_000],
      failing: { consecutive: 1, forSeconds: 0 },
    },
    rooms: Object.fromEntries(Object.entries(scene.labels).map(([groupId, label]) => [groupId, { label }])),
  };
}
