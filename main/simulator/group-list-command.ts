/**
 * get_appid_group_list (doc 1047/34960): pages through the app's groups with a uint64 `Next`
 * that is read from and written into the JSON text exactly.
 */
import { isUint64Decimal, stringifyWithUint64, topLevelMemberText } from '../core/uint64';
import { type Answer, failAnswer, jsonAnswer, OK_ENVELOPE } from './envelope';
import type { SimulatorState } from './simulator-state';
import { ROOM_TYPES } from './spec-check';
import type { RoomType } from './types';

/** Largest and default `Limit`. */
export const MAX_GROUP_LIST_LIMIT = 10000;

/** Answers `{Limit?, Next?, GroupType?}` with `{TotalCount, GroupIdList, Next}`; Next 0 means done. */
export function getAppidGroupList(
  body: Record<string, unknown>,
  bodyText: string,
  state: SimulatorState,
): Answer {
  if (!state.groupListRate.take(state.wall())) return failAnswer(60007);
  const limit = body.Limit ?? MAX_GROUP_LIST_LIMIT;
  if (!Number.isInteger(limit) || (limit as number) < 1 || (limit as number) > MAX_GROUP_LIST_LIMIT) {
    return failAnswer(10004, `Limit must be an integer from 1 to ${MAX_GROUP_LIST_LIMIT}`);
  }
  const type = body.GroupType;
  if (type !== undefined && !ROOM_TYPES.includes(type as RoomType)) {
    return failAnswer(10004, 'GroupType is not a group type');
  }
  const offset = resumeOffset(body, bodyText, state);
  if (offset === undefined) return failAnswer(10004, 'Next is not a value this server returned');

  const rooms = state.rooms.list(type as RoomType | undefined);
  const page = rooms.slice(offset, offset + (limit as number));
  const end = offset + page.length;
  const next = end < rooms.length ? state.pageTokens.issue(end) : 0n;
  const fields = {
    ...OK_ENVELOPE,
    TotalCount: rooms.length,
    GroupIdList: page.map((room) => ({ GroupId: room.groupId })),
  };
  return jsonAnswer(stringifyWithUint64(fields, 'Next', next), 0);
}

/** Where the listing resumes: 0 without `Next` or with 0, undefined for a token never issued. */
function resumeOffset(
  body: Record<string, unknown>,
  bodyText: string,
  state: SimulatorState,
): number | undefined {
  if (body.Next === undefined) return 0;
  if (typeof body.Next !== 'number') return undefined;
  const text = topLevelMemberText(bodyText, 'Next');
  if (text === undefined || !isUint64Decimal(text)) return undefined;
  const next = BigInt(text);
  return next === 0n ? 0 : state.pageTokens.offsetOf(next);
}
