/**
 * get_online_member_num (doc 1047/38521): the online count of one AVChatRoom.
 */

import { groupIdProblem } from '../core/group-id';
import { type Answer, failAnswer, okAnswer } from './envelope';
import type { SimulatorState } from './simulator-state';

/** Answers `{GroupId}` with `OnlineMemberNum`, after the per-SDKAppID rate cap. */
export function getOnlineMemberNum(body: Record<string, unknown>, state: SimulatorState): Answer {
  if (!state.onlineRate.take(state.wall())) return failAnswer(60007);
  const groupId = body.GroupId;
  if (typeof groupId !== 'string') return failAnswer(10004, 'GroupId is required and must be a string');
  if (groupIdProblem(groupId) !== null) return failAnswer(10015);
  const room = state.rooms.find(groupId);
  if (!room) return failAnswer(10010);
  if (room.type !== 'AVChatRoom') return failAnswer(10007);
  return okAnswer({ OnlineMemberNum: room.online });
}
