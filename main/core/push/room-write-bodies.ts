/**
 * The request bodies of the three ways to write a count into a room, as the IM REST pages give
 * them. Pure: the client sends them, the simulator's tests read them back field by field.
 */

/** modify_group_attr (doc 1047/44188): one custom attribute, its value a string. */
export function groupAttrBody(groupId: string, key: string, value: string): string {
  return JSON.stringify({ GroupId: groupId, GroupAttr: [{ key, value }] });
}

/** update_group_counter (doc 1047/53428): one counter set to `value` (an int64; counts fit easily). */
export function groupCounterBody(groupId: string, key: string, value: number): string {
  return JSON.stringify({ GroupId: groupId, GroupCounter: [{ Key: key, Value: value }], Mode: 'Set' });
}

/**
 * send_group_msg (doc 1047/34959): a custom message whose `Data` is the value and whose `Desc` is
 * the key, so a client tells it from chat. Low priority, so that when a room is over its 40
 * messages a second (1047/34381) chat goes first; no unread count and not the conversation's last
 * message, so viewers' lists do not light up; and neither send callback, so the app's own backend
 * is not asked about every count. `OnlineOnlyFlag` is left out: AVChatRoom does not take it.
 * `random` (uint32) tells messages apart: the server drops a second message with the same one
 * within five minutes.
 */
export function groupMessageBody(groupId: string, key: string, data: string, random: number): string {
  return JSON.stringify({
    GroupId: groupId,
    Random: random >>> 0,
    MsgPriority: 'Low',
    MsgBody: [{ MsgType: 'TIMCustomElem', MsgContent: { Data: data, Desc: key, Ext: '' } }],
    SendMsgControl: ['NoUnread', 'NoLastMsg'],
    ForbidCallbackControl: ['ForbidBeforeSendMsgCallback', 'ForbidAfterSendMsgCallback'],
  });
}
