/**
 * Names for rooms that were not added from the page: rooms given on `headcount serve`'s command
 * line or in a groups file, and rooms saved by the tray app before names were kept, have no label.
 * The group's Name comes from get_group_info, asked in the background once the profiles run, so
 * the first counts never wait for it.
 */
import type { ProfileRuntimes, Runtime } from './profile-runtimes';
import type { ProfileRecord } from './service-ports';

/** get_group_info takes at most 50 groups a call (reference/tencent-im-api.md, doc 1047/34961). */
export const NAMES_PER_CALL = 50;

/** What {@link nameUnlabelledRooms} works on and reports to: the service's own runtimes. */
export interface RoomNaming {
  runtimes: Pick<ProfileRuntimes, 'all' | 'get'>;
  /** Keeps a profile whose rooms got names, as the service keeps any change to a profile. */
  save(runtime: Runtime, profile: ProfileRecord): void;
  /** A room of a profile got its name: its row is due to be pushed again. */
  named(profileId: string, groupId: string): void;
}

/**
 * Asks get_group_info for the Name of every room without a label, for every running profile, 50
 * rooms a call and one call at a time per profile (each takes a slot of the app's rate budget, in
 * turn with the polls). Each answered batch is saved at once; a failed call leaves its rooms
 * unlabelled and the next batch is still asked. Rooms labelled, removed or whose profile stopped
 * meanwhile are left as they now are. Never rejects.
 */
export async function nameUnlabelledRooms(naming: RoomNaming): Promise<void> {
  await Promise.all(naming.runtimes.all().map((runtime) => nameRoomsOf(runtime, naming)));
}

async function nameRoomsOf(runtime: Runtime, naming: RoomNaming): Promise<void> {
  const client = runtime.engine?.client;
  if (!client) return;
  const unlabelled = runtime.profile.rooms.filter((room) => !room.label).map((room) => room.groupId);
  for (let start = 0; start < unlabelled.length; start += NAMES_PER_CALL) {
    const batch = unlabelled.slice(start, start + NAMES_PER_CALL);
    const names = new Map<string, string>();
    try {
      const answer = await client.getGroupInfo(batch);
      if (answer.ok)
        for (const item of answer.value) if (item.ok && item.name) names.set(item.groupId, item.name);
    } catch {
      // A transport that throws (a closed engine) is the same as a failed call: no names.
    }
    // A profile saved again or removed meanwhile runs as a new runtime, or none: leave it be.
    if (naming.runtimes.get(runtime.profile.id) !== runtime) return;
    if (names.size > 0) applyNames(runtime, names, naming);
  }
}

function applyNames(runtime: Runtime, names: ReadonlyMap<string, string>, naming: RoomNaming): void {
  const named: string[] = [];
  const rooms = runtime.profile.rooms.map((room) => {
    const name = names.get(room.groupId);
    if (room.label || !name) return room;
    named.push(room.groupId);
    return { ...room, label: name };
  });
  if (named.length === 0) return;
  naming.save(runtime, { ...runtime.profile, rooms });
  for (const groupId of named) naming.named(runtime.profile.id, groupId);
}
