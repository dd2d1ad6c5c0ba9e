/**
 * update_group_counter (doc 1047/53428): integer counters of a group, set, increased or
 * decreased; 20 keys of at most 128 bytes. Only the Pro, Pro Plus and Enterprise editions have
 * group counters: on the others the server refuses them.
 */

import { hasGroupCounters } from './edition';
import { type Answer, failAnswer, okAnswer } from './envelope';
import { bytesOf, COUNTER_LIMITS } from './room-writes';
import type { SimulatorState } from './simulator-state';
import { writeTarget } from './write-target';

const MODES = ['Set', 'Increase', 'Decrease'] as const;

/** Answers `{GroupId, GroupCounter: [{Key, Value}], Mode}` with the counters as they now are. */
export function updateGroupCounter(body: Record<string, unknown>, state: SimulatorState): Answer {
  const target = writeTarget('update_group_counter', body, state);
  if ('refused' in target) return target.refused;
  if (!hasGroupCounters(state.edition)) {
    return failAnswer(10007, 'Group counters need the Pro, Pro Plus or Enterprise edition');
  }
  const mode = body.Mode;
  if (!MODES.includes(mode as (typeof MODES)[number]))
    return failAnswer(10004, 'Mode must be Set, Increase or Decrease');
  const list = body.GroupCounter;
  if (!Array.isArray(list) || list.length === 0 || !list.every(isCounter)) {
    return failAnswer(10004, 'GroupCounter must be a non-empty list of {Key, Value} with integer values');
  }
  if (list.some(({ Key }) => Key === '' || bytesOf(Key) > COUNTER_LIMITS.keyBytes))
    return failAnswer(10004, 'A counter key is empty or exceeds 128 bytes');
  const room = state.writes.of(target.room.groupId);
  const next = new Map(room.counters);
  for (const { Key, Value } of list) {
    const old = next.get(Key) ?? 0;
    next.set(Key, mode === 'Set' ? Value : mode === 'Increase' ? old + Value : old - Value);
  }
  if (next.size > COUNTER_LIMITS.keys) return failAnswer(10004, 'A group holds at most 20 counters');
  room.counters = next;
  return okAnswer({ GroupCounter: list.map(({ Key }) => ({ Key, Value: next.get(Key) })) });
}

function isCounter(item: unknown): item is { Key: string; Value: number } {
  if (typeof item !== 'object' || item === null) return false;
  const { Key, Value } = item as Record<string, unknown>;
  return typeof Key === 'string' && typeof Value === 'number' && Number.isSafeInteger(Value);
}
