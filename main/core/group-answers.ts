/**
 * Reading the command-specific parts of get_group_info (doc 1047/34961) and get_appid_group_list
 * (doc 1047/34960) answers, once their envelope said OK.
 */
import type { ImError } from './error-kind';
import { type ApiResult, protocolError } from './im-response';
import { isUint64Decimal, topLevelMemberText } from './uint64';

/** One group's info, or why the server could not give it. */
export type GroupInfo =
  | { groupId: string; ok: true; type: string; name: string }
  | { groupId: string; ok: false; error: ImError };

/** One page of get_appid_group_list. `next` is an exact decimal uint64; `'0'` means no more pages. */
export interface GroupListPage {
  totalCount: number;
  groupIds: string[];
  next: string;
}

/** The `GroupInfo` items, each judged by its own ErrorCode. */
export function parseGroupInfoList(
  body: Record<string, unknown>,
  errorFromCode: (code: number, info: string) => ImError,
): ApiResult<GroupInfo[]> {
  const list = body.GroupInfo;
  if (!Array.isArray(list)) return { ok: false, error: protocolError('GroupInfo is missing or not a list') };
  const items: GroupInfo[] = [];
  for (const entry of list) {
    if (typeof entry !== 'object' || entry === null || typeof entry.GroupId !== 'string') {
      return { ok: false, error: protocolError('a GroupInfo item has no GroupId') };
    }
    items.push(groupInfoItem(entry as Record<string, unknown>, entry.GroupId, errorFromCode));
  }
  return { ok: true, value: items };
}

function groupInfoItem(
  entry: Record<string, unknown>,
  groupId: string,
  errorFromCode: (code: number, info: string) => ImError,
): GroupInfo {
  const { ErrorCode: code, ErrorInfo: info, Type: type, Name: name } = entry;
  if (typeof code !== 'number' || !Number.isSafeInteger(code)) {
    return { groupId, ok: false, error: protocolError('the group has no integer ErrorCode') };
  }
  if (code !== 0)
    return { groupId, ok: false, error: errorFromCode(code, typeof info === 'string' ? info : '') };
  if (typeof type !== 'string') return { groupId, ok: false, error: protocolError('the group has no Type') };
  return { groupId, ok: true, type, name: typeof name === 'string' ? name : '' };
}

/** A get_appid_group_list page; `text` is the raw answer, read for the exact `Next`. */
export function parseGroupList(body: Record<string, unknown>, text: string): ApiResult<GroupListPage> {
  const { TotalCount: totalCount, GroupIdList: list } = body;
  if (typeof totalCount !== 'number' || !Number.isSafeInteger(totalCount) || totalCount < 0) {
    return { ok: false, error: protocolError('TotalCount is missing or not a non-negative integer') };
  }
  if (!Array.isArray(list))
    return { ok: false, error: protocolError('GroupIdList is missing or not a list') };
  const groupIds: string[] = [];
  for (const entry of list) {
    if (typeof entry !== 'object' || entry === null || typeof entry.GroupId !== 'string') {
      return { ok: false, error: protocolError('a GroupIdList item has no GroupId') };
    }
    groupIds.push(entry.GroupId);
  }
  const next =
    typeof body.Next === 'number' || typeof body.Next === 'string'
      ? topLevelMemberText(text, 'Next')
      : undefined;
  if (next === undefined || !isUint64Decimal(next)) {
    return { ok: false, error: protocolError('Next is missing or not an unsigned 64-bit integer') };
  }
  return { ok: true, value: { totalCount, groupIds, next } };
}
