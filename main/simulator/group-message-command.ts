/**
 * send_group_msg (doc 1047/34959) as the app admin: a message into a group. Kept for the audience
 * view when it is delivered: not a second time with the same Random within five minutes, not past
 * the room's 40 messages a second at Low or Lowest priority (1047/34381), and not once the trial
 * edition's messages of the day are used up. The code for that last refusal is the simulator's
 * choice (60020, the app's package): the pages found do not name one.
 */

import { messagesPerDay } from './edition';
import { type Answer, failAnswer, okAnswer } from './envelope';
import type { SimulatorState } from './simulator-state';
import { writeTarget } from './write-target';

const PRIORITIES = ['High', 'Normal', 'Low', 'Lowest'] as const;
const DAY_MS = 86_400_000;

/** Answers a group message with its MsgTime and MsgSeq. */
export function sendGroupMsg(body: Record<string, unknown>, state: SimulatorState): Answer {
  const target = writeTarget('send_group_msg', body, state);
  if ('refused' in target) return target.refused;
  const { groupId, type } = target.room;
  const random = body.Random;
  if (!isUint32(random)) return failAnswer(10004, 'Random must be an unsigned 32-bit integer');
  const priority = body.MsgPriority ?? 'Normal';
  if (!PRIORITIES.includes(priority as (typeof PRIORITIES)[number]))
    return failAnswer(10004, 'MsgPriority must be High, Normal, Low or Lowest');
  if (body.OnlineOnlyFlag !== undefined && type === 'AVChatRoom')
    return failAnswer(10004, 'OnlineOnlyFlag is not supported by AVChatRoom');
  const element = Array.isArray(body.MsgBody) && body.MsgBody.length > 0 ? body.MsgBody[0] : null;
  const content = contentOf(element);
  if (!content) return failAnswer(10004, 'MsgBody must hold message elements with MsgType and MsgContent');
  const now = state.wall();
  const day = Math.floor(now / DAY_MS);
  if (state.messagesToday.day !== day) state.messagesToday = { day, sent: 0 };
  const perDay = messagesPerDay(state.edition);
  if (perDay !== null && state.messagesToday.sent >= perDay) {
    return failAnswer(60020, `The trial edition sends at most ${perDay} messages a day`);
  }
  state.messagesToday.sent += 1;
  const room = state.writes.of(groupId);
  const low = priority === 'Low' || priority === 'Lowest';
  if (low && !room.messageRate.take(now)) room.dropped += 1;
  else if (!state.writes.isDuplicate(groupId, random, now)) {
    state.writes.deliver(groupId, { at: now, random: random, priority: String(priority), ...content });
  }
  state.messageSeq += 1;
  return okAnswer({ MsgTime: Math.floor(now / 1000), MsgSeq: state.messageSeq });
}

function isUint32(value: unknown): value is number {
  return typeof value === 'number' && Number.isInteger(value) && value >= 0 && value <= 0xffff_ffff;
}

function contentOf(element: unknown): { data: string; desc: string; ext: string } | null {
  if (typeof element !== 'object' || element === null) return null;
  const { MsgType, MsgContent } = element as Record<string, unknown>;
  if (typeof MsgType !== 'string' || typeof MsgContent !== 'object' || MsgContent === null) return null;
  const text = (value: unknown) => (typeof value === 'string' ? value : '');
  const fields = MsgContent as Record<string, unknown>;
  // A custom element carries Data, Desc and Ext; a text element its Text, shown as the data.
  return { data: text(fields.Data ?? fields.Text), desc: text(fields.Desc), ext: text(fields.Ext) };
}
