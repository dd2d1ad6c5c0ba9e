/**
 * The scripted show `headcount demo` runs against: six rooms whose counts tell a small story over
 * about three minutes, so a newcomer sees every state Headcount shows without an account.
 */
import type { RoomSpec } from './types';

/** Length of the show; after it every room holds still, so a demo may restart it by re-adding the rooms. */
export const DEMO_SHOW_SECONDS = 180;

/** The demo's rooms, freshly built on each call. */
export function demoShow(): RoomSpec[] {
  return [
    {
      groupId: '@TGS#aMainStage7Q',
      name: 'Main Stage',
      audience: { kind: 'steady', base: 12_000, noise: 0.03 },
    },
    {
      groupId: 'cooking-with-lin',
      name: 'Cooking with Lin (goes live at 0:15)',
      audience: {
        kind: 'script',
        points: [
          [0, 0],
          [15, 0],
          [105, 2_500],
        ],
        noise: 0.04,
      },
    },
    {
      groupId: '@TGS#2RaidTarget',
      name: 'Indie Game Night (gets raided at 1:00)',
      audience: { kind: 'raid', base: 900, extra: 3_000, atSeconds: 60, decaySeconds: 90, noise: 0.03 },
    },
    {
      groupId: 'Q&A room 7',
      name: 'Product Q&A (sudden drop at 1:40)',
      audience: { kind: 'drop', base: 4_200, to: 700, atSeconds: 100, noise: 0.03 },
    },
    {
      groupId: '@TGS#1LateNight',
      name: 'Late Night Radio (ends and disbands at 2:30)',
      audience: { kind: 'ends', base: 1_600, endAtSeconds: 150, disband: true, noise: 0.03 },
    },
    {
      groupId: 'fan-club-lounge',
      name: 'Fan Club Lounge (a chat group, not a live room)',
      type: 'Public',
      audience: { kind: 'fixed', online: 300 },
    },
  ];
}

/**
 * The room whose count the demo writes into the room for its viewers, as a group attribute: a
 * stream starting, so its viewers see the number climb.
 */
export const DEMO_PUSH = {
  groupId: 'cooking-with-lin',
  via: 'group-attr',
  key: 'online_member_num',
} as const;

/** The label people see for a demo room: its name without the stage direction in brackets. */
export function demoLabel(room: RoomSpec): string {
  return (room.name ?? room.groupId).replace(/\s*\(.*\)$/, '');
}
