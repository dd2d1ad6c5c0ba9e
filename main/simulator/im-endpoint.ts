/**
 * The IM REST endpoint `/v4/<service>/<command>`: method, query and UserSig checks, then the command.
 */
import { type Answer, failAnswer } from './envelope';
import { modifyGroupAttr } from './group-attr-command';
import { updateGroupCounter } from './group-counter-command';
import { getGroupInfo } from './group-info-command';
import { getAppidGroupList } from './group-list-command';
import { sendGroupMsg } from './group-message-command';
import { getOnlineMemberNum } from './online-count-command';
import { checkAccess } from './request-access';
import type { SimulatorState } from './simulator-state';

/** Path prefix of every IM REST API. */
export const IM_PATH_PREFIX = '/v4/';

type Command = (body: Record<string, unknown>, bodyText: string, state: SimulatorState) => Answer;

const COMMANDS: ReadonlyMap<string, Command> = new Map<string, Command>([
  ['/v4/group_open_http_svc/get_online_member_num', (body, _text, state) => getOnlineMemberNum(body, state)],
  ['/v4/group_open_http_svc/get_group_info', (body, _text, state) => getGroupInfo(body, state)],
  ['/v4/group_open_http_svc/get_appid_group_list', getAppidGroupList],
  ['/v4/group_open_http_svc/modify_group_attr', (body, _text, state) => modifyGroupAttr(body, state)],
  ['/v4/group_open_http_svc/update_group_counter', (body, _text, state) => updateGroupCounter(body, state)],
  ['/v4/group_open_http_svc/send_group_msg', (body, _text, state) => sendGroupMsg(body, state)],
]);

/** The commands whose request bodies the log keeps, so tests can read what was written. */
const LOGGED_BODIES: ReadonlySet<string> = new Set([
  'modify_group_attr',
  'update_group_counter',
  'send_group_msg',
]);

/** The parsed body to keep in the log for `command`, or undefined for a command whose body is not kept. */
export function loggedBody(command: string, bodyText: string): unknown {
  if (!LOGGED_BODIES.has(command)) return undefined;
  try {
    return JSON.parse(bodyText);
  } catch {
    return null;
  }
}

/** An IM request as received. */
export interface ImRequest {
  method: string;
  url: URL;
  bodyText: string;
}

/** The command a path names, as logged: its last segment. */
export function commandName(pathname: string): string {
  return pathname.slice(pathname.lastIndexOf('/') + 1);
}

/** The group ids a request body names, read leniently for the log and for fault matching. */
export function groupIdsNamed(bodyText: string): string[] {
  let body: unknown;
  try {
    body = JSON.parse(bodyText);
  } catch {
    return [];
  }
  if (typeof body !== 'object' || body === null) return [];
  const { GroupId, GroupIdList } = body as Record<string, unknown>;
  if (typeof GroupId === 'string') return [GroupId];
  if (Array.isArray(GroupIdList)) return GroupIdList.filter((id): id is string => typeof id === 'string');
  return [];
}

/** The answer the IM server would give. */
export function answerImRequest(request: ImRequest, state: SimulatorState): Answer {
  if (request.method !== 'POST') return failAnswer(60002, 'Only POST is supported');
  const denied = checkAccess(request.url.searchParams, state);
  if (denied !== 0) return failAnswer(denied);
  const command = COMMANDS.get(request.url.pathname);
  if (!command) return failAnswer(60009);
  let body: unknown;
  try {
    body = JSON.parse(request.bodyText);
  } catch {
    return failAnswer(60003);
  }
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    return failAnswer(10004, 'The request body must be a JSON object');
  }
  return command(body as Record<string, unknown>, request.bodyText, state);
}
