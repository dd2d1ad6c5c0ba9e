import type { AddRoomsResult } from '../contract/monitor-api';
import { groupIdProblem } from '../core/group-id';
import type { ProfileEngine } from './service-ports';

/** A room that may be added, with the group's Name when the server told it. */
export interface AdmittedRoom {
  groupId: string;
  name?: string;
}

/**
 * Checks pasted room ids before they are watched: syntax first, duplicates, then get_group_info, so
 * a missing group or one that is not a live-stream room is explained before it is added. Without a
 * running engine (no key yet) only the syntax can be checked.
 */
export async function admitRooms(
  pasted: readonly string[],
  alreadyWatched: ReadonlySet<string>,
  engine: ProfileEngine | null,
): Promise<{ admitted: AdmittedRoom[]; refused: AddRoomsResult['refused'] }> {
  const refused: AddRoomsResult['refused'] = [];
  const candidates: string[] = [];
  for (const groupId of pasted.map((id) => id.trim()).filter(Boolean)) {
    const problem = groupIdProblem(groupId);
    if (problem) refused.push({ groupId, reason: problem });
    else if (alreadyWatched.has(groupId)) refused.push({ groupId, reason: 'This room is already watched.' });
    else if (candidates.includes(groupId)) refused.push({ groupId, reason: 'This room was pasted twice.' });
    else candidates.push(groupId);
  }
  if (!engine || candidates.length === 0)
    return { admitted: candidates.map((groupId) => ({ groupId })), refused };
  const info = await engine.client.getGroupInfo(candidates);
  if (!info.ok) {
    const reason = `Could not check the room with the server: ${info.error.message}`;
    return { admitted: [], refused: [...refused, ...candidates.map((groupId) => ({ groupId, reason }))] };
  }
  const admitted: AdmittedRoom[] = [];
  for (const item of info.value) {
    if (!item.ok) refused.push({ groupId: item.groupId, reason: item.error.message });
    else if (item.type !== 'AVChatRoom') {
      refused.push({
        groupId: item.groupId,
        reason: `"${item.name}" is a ${item.type} group, not a live-stream room (AVChatRoom): it has no online count.`,
      });
    } else admitted.push({ groupId: item.groupId, ...(item.name ? { name: item.name } : {}) });
  }
  return { admitted, refused };
}
