/**
 * What has been written into each room, as its members would see it: custom group attributes,
 * group counters and the custom messages delivered, with the per-room limits the server keeps.
 */
import { RateWindow } from './rate-window';

/** Custom group attributes (doc 1047/50321): 16 keys of at most 32 bytes, values of 4 KB, 16 KB in all. */
export const ATTR_LIMITS = { keys: 16, keyBytes: 32, valueBytes: 4096, totalBytes: 16_384 } as const;
/** The commands that write into a room. */
export type WriteCommand = 'modify_group_attr' | 'update_group_counter' | 'send_group_msg';

/** The backend's attribute writes a second in one group, 10049 past it (1047/50321). */
export const ATTR_WRITES_PER_SECOND = 5;
/** Group counters (doc 1047/53428): 20 keys of at most 128 bytes. */
export const COUNTER_LIMITS = { keys: 20, keyBytes: 128 } as const;
/** Messages a group delivers a second; past it lower priorities are dropped first (1047/34381). */
export const GROUP_MESSAGES_PER_SECOND = 40;
/** The last messages kept for the audience view. */
const MESSAGES_KEPT = 50;

/** A custom message as a member received it. */
export interface DeliveredMessage {
  /** Wall-clock ms when it was delivered. */
  at: number;
  random: number;
  priority: string;
  data: string;
  desc: string;
  ext: string;
}

/** What the members of one room would see now. */
export interface AudienceView {
  groupId: string;
  /** The room's custom attributes, as `getGroupAttributes` returns them. */
  attributes: Record<string, string>;
  /** The room's counters, as `getGroupCounters` returns them. */
  counters: Record<string, number>;
  /** The custom messages delivered, newest last (at most the last 50). */
  messages: DeliveredMessage[];
  /** Messages sent but not delivered: over the room's 40 a second, at low priority. */
  dropped: number;
}

interface RoomState {
  attributes: Map<string, string>;
  counters: Map<string, number>;
  messages: DeliveredMessage[];
  dropped: number;
  attrWrites: RateWindow;
  messageRate: RateWindow;
}

export const bytesOf = (text: string) => Buffer.byteLength(text, 'utf8');

/** Every room's written state, created on the first write. */
export class RoomWrites {
  private readonly rooms = new Map<string, RoomState>();

  /** The room's state, made empty when it has none yet. */
  of(groupId: string): RoomState {
    let room = this.rooms.get(groupId);
    if (!room) {
      room = {
        attributes: new Map(),
        counters: new Map(),
        messages: [],
        dropped: 0,
        attrWrites: new RateWindow(ATTR_WRITES_PER_SECOND),
        messageRate: new RateWindow(GROUP_MESSAGES_PER_SECOND),
      };
      this.rooms.set(groupId, room);
    }
    return room;
  }

  /** Keeps a delivered message, forgetting the oldest beyond the last 50. */
  deliver(groupId: string, message: DeliveredMessage): void {
    const { messages } = this.of(groupId);
    messages.push(message);
    if (messages.length > MESSAGES_KEPT) messages.splice(0, messages.length - MESSAGES_KEPT);
  }

  /** Whether a message with this `random` was delivered in the room within five minutes. */
  isDuplicate(groupId: string, random: number, now: number): boolean {
    return this.of(groupId).messages.some((m) => m.random === random && now - m.at < 5 * 60_000);
  }

  /** Forgets a room's writes (it was removed or added afresh). */
  forget(groupId: string): void {
    this.rooms.delete(groupId);
  }

  view(groupId: string): AudienceView {
    const room = this.rooms.get(groupId);
    return {
      groupId,
      attributes: Object.fromEntries(room?.attributes ?? []),
      counters: Object.fromEntries(room?.counters ?? []),
      messages: room ? room.messages.map((message) => ({ ...message })) : [],
      dropped: room?.dropped ?? 0,
    };
  }
}
