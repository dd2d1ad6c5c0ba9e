/**
 * get_group_info (doc 1047/34961): base info of up to 50 groups, each item with its own error.
 */

import { groupIdProblem } from '../core/group-id';
import { type Answer, errorInfo, failAnswer, okAnswer } from './envelope';
import type { RoomView } from './room-registry';
import type { SimulatorState } from './simulator-state';

/** Most ids in one call. */
export const MAX_GROUP_INFO_IDS = 50;

const BASE_FIELDS = ['Type', 'Name', 'MemberNum'] as const;
type BaseField = (typeof BASE_FIELDS)[number];

/** Answers `{GroupIdList, ResponseFilter?}` with `GroupInfo[]`; the top-level code is 0 unless the list is bad. */
export function getGroupInfo(body: Record<string, unknown>, state: SimulatorState): Answer {
  const ids = body.GroupIdList;
  if (
    !Array.isArray(ids) ||
    ids.length < 1 ||
    ids.length > MAX_GROUP_INFO_IDS ||
    !ids.every((id) => typeof id === 'string')
  ) {
    return failAnswer(10004, `GroupIdList must hold 1 to ${MAX_GROUP_INFO_IDS} group ids`);
  }
  const fields = requestedFields(body.ResponseFilter);
  if (!fields) return failAnswer(10004, 'ResponseFilter.GroupBaseInfoFilter must be a list of field names');
  const items = (ids as string[]).map((groupId) => {
    if (groupIdProblem(groupId) !== null) return failedItem(groupId, 10015);
    const room = state.rooms.find(groupId);
    return room ? foundItem(room, fields) : failedItem(groupId, 10010);
  });
  return okAnswer({ GroupInfo: items });
}

/** The base fields to return, or null when the filter is malformed. */
function requestedFields(filter: unknown): readonly BaseField[] | null {
  if (filter === undefined) return BASE_FIELDS;
  if (typeof filter !== 'object' || filter === null) return null;
  const names = (filter as Record<string, unknown>).GroupBaseInfoFilter;
  if (names === undefined) return BASE_FIELDS;
  if (!Array.isArray(names) || !names.every((name) => typeof name === 'string')) return null;
  return BASE_FIELDS.filter((field) => names.includes(field));
}

function foundItem(room: RoomView, fields: readonly BaseField[]): Record<string, unknown> {
  const values: Record<BaseField, unknown> = { Type: room.type, Name: room.name, MemberNum: room.memberNum };
  const item: Record<string, unknown> = { GroupId: room.groupId, ErrorCode: 0, ErrorInfo: '' };
  for (const field of fields) item[field] = values[field];
  return item;
}

function failedItem(groupId: string, code: number): Record<string, unknown> {
  return { GroupId: groupId, ErrorCode: code, ErrorInfo: errorInfo(code) };
}
