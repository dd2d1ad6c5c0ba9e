/**
 * modify_group_attr (doc 1047/44188): custom attributes of a group, with the limits of 1047/50321
 * (16 keys of 32 bytes, values of 4 KB, 16 KB in all; 10045 for a long key) and the backend's five
 * attribute writes a second per group (10049).
 */
import { type Answer, failAnswer, okAnswer } from './envelope';
import { ATTR_LIMITS, bytesOf } from './room-writes';
import type { SimulatorState } from './simulator-state';
import { writeTarget } from './write-target';

/** Answers `{GroupId, GroupAttr: [{key, value}]}`, keeping the attributes for the audience view. */
export function modifyGroupAttr(body: Record<string, unknown>, state: SimulatorState): Answer {
  const target = writeTarget('modify_group_attr', body, state);
  if ('refused' in target) return target.refused;
  const list = body.GroupAttr;
  if (!Array.isArray(list) || list.length === 0 || !list.every(isAttr)) {
    return failAnswer(10004, 'GroupAttr must be a non-empty list of {key, value} strings');
  }
  for (const { key, value } of list) {
    if (key === '' || bytesOf(key) > ATTR_LIMITS.keyBytes)
      return failAnswer(10045, 'The attribute key exceeds 32 bytes');
    if (bytesOf(value) > ATTR_LIMITS.valueBytes) return failAnswer(10004, 'The attribute value exceeds 4 KB');
  }
  const room = state.writes.of(target.room.groupId);
  if (!room.attrWrites.take(state.wall()))
    return failAnswer(10049, 'Group attributes are written more than 5 times a second');
  const next = new Map(room.attributes);
  for (const { key, value } of list) next.set(key, value);
  let total = 0;
  for (const [key, value] of next) total += bytesOf(key) + bytesOf(value);
  if (next.size > ATTR_LIMITS.keys) return failAnswer(10004, 'A group holds at most 16 attributes');
  if (total > ATTR_LIMITS.totalBytes) return failAnswer(10004, 'A group holds at most 16 KB of attributes');
  room.attributes = next;
  return okAnswer();
}

function isAttr(item: unknown): item is { key: string; value: string } {
  if (typeof item !== 'object' || item === null) return false;
  const { key, value } = item as Record<string, unknown>;
  return typeof key === 'string' && typeof value === 'string';
}
