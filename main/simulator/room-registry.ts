/**
 * The groups a simulator knows, when each was added, and whether it is still alive.
 */
import { isDisbandedAt, onlineAt } from './audience';
import { checkCount, checkRoomSpec } from './spec-check';
import type { RoomSpec, RoomType } from './types';

/** A room as a request sees it at one instant. */
export interface RoomView {
  groupId: string;
  name: string;
  type: RoomType;
  online: number;
  /** Joined members, which on a live room is deliberately not the online count. */
  memberNum: number;
}

interface RoomEntry {
  spec: RoomSpec;
  addedAtMs: number;
  disbanded: boolean;
}

/** Rooms by group id, in the order they were added. */
export class RoomRegistry {
  private readonly rooms = new Map<string, RoomEntry>();

  constructor(private readonly wall: () => number) {}

  add(spec: RoomSpec): void {
    checkRoomSpec(spec);
    this.rooms.delete(spec.groupId);
    this.rooms.set(spec.groupId, { spec: structuredClone(spec), addedAtMs: this.wall(), disbanded: false });
  }

  remove(groupId: string): void {
    this.rooms.delete(groupId);
  }

  disband(groupId: string): void {
    this.entry(groupId).disbanded = true;
  }

  setOnline(groupId: string, online: number): void {
    checkCount(online, 'online');
    const entry = this.entry(groupId);
    entry.spec = { ...entry.spec, audience: { kind: 'fixed', online: Math.round(online) } };
  }

  /** The room now, or undefined when it does not exist or was disbanded. */
  find(groupId: string): RoomView | undefined {
    const entry = this.rooms.get(groupId);
    return entry ? this.view(entry, this.wall()) : undefined;
  }

  /** Every live room now, optionally only those of one type, in the order they were added. */
  list(type?: RoomType): RoomView[] {
    const now = this.wall();
    const views: RoomView[] = [];
    for (const entry of this.rooms.values()) {
      const view = this.view(entry, now);
      if (view && (type === undefined || view.type === type)) views.push(view);
    }
    return views;
  }

  private view(entry: RoomEntry, nowMs: number): RoomView | undefined {
    const { spec } = entry;
    const seconds = (nowMs - entry.addedAtMs) / 1000;
    if (entry.disbanded || isDisbandedAt(spec.audience, seconds)) return undefined;
    const online = onlineAt(spec.audience, spec.groupId, seconds);
    return {
      groupId: spec.groupId,
      name: spec.name ?? spec.groupId,
      type: spec.type ?? 'AVChatRoom',
      online,
      memberNum: online + 1 + memberSurplus(spec.groupId),
    };
  }

  private entry(groupId: string): RoomEntry {
    const entry = this.rooms.get(groupId);
    if (!entry) throw new Error(`the simulator has no room ${JSON.stringify(groupId)}`);
    return entry;
  }
}

/** Members who joined but are not watching: a stable amount per group (0..996). */
function memberSurplus(groupId: string): number {
  let hash = 0;
  for (const char of groupId) hash = (hash * 31 + (char.codePointAt(0) ?? 0)) % 997;
  return hash;
}
