import type { LiveRoomsPage } from '../contract/settings-api';
import type { Clock } from '../core/clock';
import type { ProfileEngine } from './service-ports';

/** Rooms asked for per page: names come from get_group_info, 50 at a time, so a page costs 1 + 2 calls. */
export const LIVE_ROOMS_PAGE = 100;

/**
 * get_appid_group_list allows one call per second per app (doc 1047/34960). The margin covers
 * network jitter, since the server counts arrivals, not departures.
 */
const GROUP_LIST_GAP_MS = 1100;

/** Spaces the get_appid_group_list calls of one app profile at least a second apart. */
export class GroupListPacer {
  private readonly lastCall = new Map<string, number>();

  constructor(private readonly clock: Pick<Clock, 'monotonic' | 'setTimer'>) {}

  /** Resolves when `profileId` may call again, and books that call. */
  async turn(profileId: string): Promise<void> {
    const last = this.lastCall.get(profileId);
    const now = this.clock.monotonic();
    const at = last === undefined ? now : Math.max(now, last + GROUP_LIST_GAP_MS);
    // Booked before waiting, so two calls made together wait one after the other.
    this.lastCall.set(profileId, at);
    if (at > now) await new Promise<void>((resolve) => this.clock.setTimer(resolve, at - now));
  }
}

/**
 * One page of the app's live-stream rooms with their names. `next` goes to the server as the exact
 * decimal string it came as (it may exceed 2^53); a failure is thrown in words.
 */
export async function liveRoomsPage(
  engine: ProfileEngine | null,
  watched: ReadonlySet<string>,
  next: string | undefined,
): Promise<LiveRoomsPage> {
  if (!engine) throw new Error('This app profile has no secret key yet: enter it first.');
  const page = await engine.client.getAppidGroupList({
    limit: LIVE_ROOMS_PAGE,
    next: next ?? '0',
    groupType: 'AVChatRoom',
  });
  if (!page.ok) throw new Error(`Could not list the app's rooms: ${page.error.message}`);
  const names = new Map<string, string>();
  if (page.value.groupIds.length > 0) {
    const info = await engine.client.getGroupInfo(page.value.groupIds);
    // Without names the ids are still worth showing: a room can be added by its id alone.
    if (info.ok) for (const item of info.value) if (item.ok) names.set(item.groupId, item.name);
  }
  return {
    rooms: page.value.groupIds.map((groupId) => ({
      groupId,
      name: names.get(groupId) ?? '',
      watched: watched.has(groupId),
    })),
    next: page.value.next === '0' ? null : page.value.next,
    total: page.value.totalCount,
  };
}
