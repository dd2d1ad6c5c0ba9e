/** The Simplified Chinese words of showing a room's count to its viewers: the same keys and placeholders as the English. */
import type { enPush } from './en-push';

/** Spread into the Chinese dictionary. */
export const zhCNPush: Record<keyof typeof enPush, string> = {
  'rule.push-failing': '人数未送达观众',
  'alert.push.title': '{room}的人数未送达观众',
  'alert.rule.push-failing': '人数未送达观众',
  'alert.push.recovered': '观众已能再次看到人数',
  'alert.group.push-failing': '{rooms}的人数未送达观众',

  'push.heading': '向观众显示人数',
  'push.intro': '每次拿到新的人数后，Headcount 会把它写进直播间，你的应用读取后即可展示给观众。',
  'push.via': '方式',
  'push.via.off': '关闭',
  'push.via.group-attr': '群属性（推荐）',
  'push.via.group-counter': '群计数器（需专业版、专业版 Plus 或企业版）',
  'push.via.message': '自定义消息（不得已时使用）',
  'push.key': '键名',
  'push.key.hint': '你的应用按这个键名读取人数；最长 32 字节。',
  'push.quota':
    '消息会占用应用的额度：体验版和开发版每天最多发送 1,000 条消息（一个房间每 10 秒一条，每天就要 8,640 条），直播群每秒 40 条消息的上限也与聊天共用。',
  'push.acknowledge': '我已了解消息额度',
  'push.apply': '保存',
  'push.saved': '已保存。',
  'push.failed': '未能保存：{reason}',
  'push.problem.key': '请输入 1 到 32 字节的键名。',
  'push.problem.acknowledge': '请先确认你已了解消息额度。',
  'push.state.waiting': '正在等待新的人数写入。',
  'push.state.ok': '已写入：{count}（统计于 {time}）。',
  'push.state.failing': '推送失败：{reason}',
  'push.state.refused': '推送已停止：{reason}',
  'push.state.closed': '直播间已不存在：不再写入。',
  'push.viewers': '观众看到：{value}',
  'push.viewers.none': '观众暂时还看不到人数。',
  'push.refused.group-attr':
    '服务器拒绝了群属性：群属性仅适用于直播群（AVChatRoom），每个群最多 16 个键、共 16 KB。请释放一个键，或改用群计数器或消息。',
  'push.refused.group-counter':
    '服务器拒绝了群计数器：群计数器需要即时通信的专业版、专业版 Plus 或企业版。请在控制台升级应用，或改用群属性。',
  'push.refused.message':
    '服务器拒绝了消息：体验版和开发版每天最多发送 1,000 条消息。请升级应用，或改用群属性。',
  'room.pushFailing': '推送失败：{reason}',

  'budget.heading': '各接口每秒调用次数',
  'budget.line': '{command}：{used} / {cap}',
  'budget.slowed': '{command}：{used} / {cap}，已降至 {limit}',
};
