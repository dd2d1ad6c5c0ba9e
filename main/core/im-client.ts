/**
 * The Tencent Cloud IM REST client for the group service commands Headcount uses: online counts
 * (doc 1047/38521), group info (1047/34961), the app's group list (1047/34960), and the three ways
 * to write a count into a room (1047/44188, 1047/53428, 1047/34959). It signs with one
 * cached UserSig, waits at the app's rate gate before every request, falls back to the region's
 * backup host, and returns every server or network outcome as an {@link ApiResult}.
 */
import type { Clock } from './clock';
import { type ImError, imErrorFromCode, USERSIG_EXPIRED } from './error-kind';
import { type GroupInfo, type GroupListPage, parseGroupInfoList, parseGroupList } from './group-answers';
import type { HttpPost } from './http-port';
import { type ApiResult, protocolError, readEnvelope } from './im-response';
import { ImTransport, type ImTransportOptions } from './im-transport';
import { groupAttrBody, groupCounterBody, groupMessageBody } from './push/room-write-bodies';
import { pooledRandomUint32 } from './random-words';
import type { Endpoint } from './regions';
import { isUint64Decimal } from './uint64';

export type { GroupInfo, GroupListPage } from './group-answers';
export type { ApiResult } from './im-response';

/** One app profile's credentials and where its data centre is. */
export interface AppConnection {
  sdkAppId: number;
  /** An App admin account. */
  identifier: string;
  secretKey: string;
  endpoint: Endpoint;
}

export interface ImClientOptions {
  connection: AppConnection;
  post: HttpPost;
  /** Its wall clock dates the UserSig. */
  clock: Clock;
  /**
   * The rate gate of each command (one budget per command), passed before every HTTP request,
   * retries and backup-host attempts too: a slot at once, or a promise of one.
   */
  acquire?: ImTransportOptions['acquire'];
  /** Source of the per-request uint32 `random`; crypto-random by default. */
  random?: () => number;
  /** Per-request timeout; the server's own is 3 s, so keep this above it. Default 8000. */
  timeoutMs?: number;
  /** How long each UserSig lives; two days by default. */
  userSigLifetimeSeconds?: number | undefined;
}

const SERVICE = 'group_open_http_svc';
const DEFAULT_TIMEOUT_MS = 8000;
const GROUP_INFO_BATCH = 50;
const GROUP_LIST_MAX_LIMIT = 10_000;

type Answer = { body: Record<string, unknown>; text: string };

/** Talks to one app's IM REST API. Never throws for server or network outcomes. */
export class ImClient {
  private readonly transport: ImTransport;
  private readonly random: () => number;

  constructor(options: ImClientOptions) {
    this.random = options.random ?? pooledRandomUint32();
    this.transport = new ImTransport({
      ...options.connection,
      post: options.post,
      clock: options.clock,
      acquire: options.acquire ?? (() => undefined),
      random: options.random,
      timeoutMs: options.timeoutMs ?? DEFAULT_TIMEOUT_MS,
      userSigLifetimeSeconds: options.userSigLifetimeSeconds,
    });
  }

  /**
   * The number of people online in one live-stream group (AVChatRoom). Asked about 200 times a
   * second: the answer is read by a function of the module rather than by one more async step.
   */
  getOnlineMemberNum(groupId: string): Promise<ApiResult<number>> {
    return this.call('get_online_member_num', `{"GroupId":${JSON.stringify(groupId)}}`).then(onlineCount);
  }

  /**
   * Type and name of each group, in the order asked, each with its own outcome. Asks for at most 50
   * groups per request; one failed request fails the whole call.
   */
  async getGroupInfo(groupIds: string[]): Promise<ApiResult<GroupInfo[]>> {
    const distinct = [...new Set(groupIds)];
    const found = new Map<string, GroupInfo>();
    for (let start = 0; start < distinct.length; start += GROUP_INFO_BATCH) {
      const batch = distinct.slice(start, start + GROUP_INFO_BATCH);
      const body = JSON.stringify({
        GroupIdList: batch,
        ResponseFilter: { GroupBaseInfoFilter: ['Type', 'Name'] },
      });
      const answer = await this.call('get_group_info', body, true);
      if (!answer.ok) return answer;
      const items = parseGroupInfoList(answer.value.body, (code, info) =>
        imErrorFromCode(code, this.transport.scrub(info)),
      );
      if (!items.ok) return items;
      for (const item of items.value) if (batch.includes(item.groupId)) found.set(item.groupId, item);
    }
    const missing = (groupId: string): GroupInfo => ({
      groupId,
      ok: false,
      error: protocolError('the group is missing from the GroupInfo list'),
    });
    return { ok: true, value: groupIds.map((groupId) => found.get(groupId) ?? missing(groupId)) };
  }

  /**
   * One page of the app's groups, AVChatRoom only unless `groupType` says otherwise. Pass the
   * previous page's `next` to continue; `next` is `'0'` after the last page.
   */
  async getAppidGroupList(
    options: { limit?: number; next?: string; groupType?: string } = {},
  ): Promise<ApiResult<GroupListPage>> {
    const limit = options.limit ?? GROUP_LIST_MAX_LIMIT;
    const next = options.next ?? '0';
    if (!Number.isInteger(limit) || limit < 1 || limit > GROUP_LIST_MAX_LIMIT) {
      return { ok: false, error: requestError(`Limit must be an integer from 1 to ${GROUP_LIST_MAX_LIMIT}`) };
    }
    if (!isUint64Decimal(next)) return { ok: false, error: requestError('Next must be a decimal uint64') };
    const groupType = JSON.stringify(options.groupType ?? 'AVChatRoom');
    // Next goes in as its exact integer literal: as a JS number it would be rounded above 2^53.
    const body = `{"Limit":${limit},"Next":${next},"GroupType":${groupType}}`;
    const answer = await this.call('get_appid_group_list', body);
    return answer.ok ? parseGroupList(answer.value.body, answer.value.text) : answer;
  }

  /**
   * Writes one custom group attribute of a room (its members get a change event). `sendIf`, here
   * and in the other writes, is asked when the command's budget lets the write go: false sends
   * nothing (the value went stale while it waited).
   */
  async modifyGroupAttr(
    groupId: string,
    key: string,
    value: string,
    sendIf?: () => boolean,
  ): Promise<ApiResult<void>> {
    return done(await this.call('modify_group_attr', groupAttrBody(groupId, key, value), false, sendIf));
  }

  /** Sets one group counter of a room (Pro, Pro Plus and Enterprise editions only). */
  async updateGroupCounter(
    groupId: string,
    key: string,
    value: number,
    sendIf?: () => boolean,
  ): Promise<ApiResult<void>> {
    return done(
      await this.call('update_group_counter', groupCounterBody(groupId, key, value), false, sendIf),
    );
  }

  /** Sends a low-priority custom message into a room, as the app admin. */
  async sendGroupCustomMessage(
    groupId: string,
    key: string,
    data: string,
    sendIf?: () => boolean,
  ): Promise<ApiResult<void>> {
    const body = groupMessageBody(groupId, key, data, Math.floor(this.random()));
    return done(await this.call('send_group_msg', body, false, sendIf));
  }

  /** One command, renewing the UserSig and retrying once when the server says it expired (70001). */
  private async call(
    command: string,
    body: string,
    okIgnoresCode = false,
    sendIf?: () => boolean,
  ): Promise<ApiResult<Answer>> {
    let renewed = false;
    for (;;) {
      const sent = await this.transport.send(SERVICE, command, body, sendIf);
      if (!sent.ok) return sent;
      const outcome = readEnvelope(sent.value, okIgnoresCode);
      if (outcome.type === 'ok') return { ok: true, value: outcome };
      if (outcome.type === 'unusable') return { ok: false, error: outcome.error };
      if (outcome.code !== USERSIG_EXPIRED || renewed) {
        return { ok: false, error: imErrorFromCode(outcome.code, this.transport.scrub(outcome.info)) };
      }
      renewed = true;
      this.transport.renewUserSig();
    }
  }
}

/** The count in an answer to get_online_member_num. */
function onlineCount(answer: ApiResult<Answer>): ApiResult<number> {
  if (!answer.ok) return answer;
  const online = answer.value.body.OnlineMemberNum;
  if (typeof online !== 'number' || !Number.isSafeInteger(online) || online < 0) {
    return { ok: false, error: protocolError('OnlineMemberNum is missing or not a non-negative integer') };
  }
  return { ok: true, value: online };
}

/** A write's outcome: nothing to read from an OK answer. */
function done(answer: ApiResult<Answer>): ApiResult<void> {
  return answer.ok ? { ok: true, value: undefined } : answer;
}

function requestError(what: string): ImError {
  return {
    kind: 'request',
    message: `Headcount built a bad request (${what}): this is a bug, please report it.`,
  };
}
