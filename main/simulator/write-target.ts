/**
 * What every write into a room checks first, as the server does: the command's own rate cap per
 * SDKAppID (200 a second, 60007 past it), then the GroupId and that the group exists.
 */
import { groupIdProblem } from '../core/group-id';
import { type Answer, failAnswer } from './envelope';
import type { RoomView } from './room-registry';
import type { WriteCommand } from './room-writes';
import type { SimulatorState } from './simulator-state';

/** The room `body` names, or the answer that refuses the request. */
export function writeTarget(
  command: WriteCommand,
  body: Record<string, unknown>,
  state: SimulatorState,
): { room: RoomView } | { refused: Answer } {
  if (!state.writeRates[command].take(state.wall())) return { refused: failAnswer(60007) };
  const groupId = body.GroupId;
  if (typeof groupId !== 'string')
    return { refused: failAnswer(10004, 'GroupId is required and must be a string') };
  if (groupIdProblem(groupId) !== null) return { refused: failAnswer(10015) };
  const room = state.rooms.find(groupId);
  return room ? { room } : { refused: failAnswer(10010) };
}
