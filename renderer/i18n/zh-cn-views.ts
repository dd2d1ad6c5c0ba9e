/** The Simplified Chinese words of the views made for many rooms; the same keys and placeholders as {@link enViews}. */
import type { enViews } from './en-views';

export const zhCNViews: Record<keyof typeof enViews, string> = {
  'change.over': '/ {window}内',
  'change.noHistory': '历史数据尚不足',
  'change.noHistory.title': '历史数据尚不足，无法计算 {window} 内的变化',
  'chart.legend': '告警标记：',
  'log.filters.button': '筛选',
  'log.filters.some': '筛选（{count}）',
  'log.room.placeholder': '名称或 ID',
  'log.noRoom': '没有房间符合该搜索。',
  'log.acknowledge.short': '确认',
  'control.back.short': '← 房间',
  'look.legend': '语言和主题',
  'look.keptInApp': '立即生效，并保存在本应用的设置中。',
  'look.keptInPage': '立即生效，并由此浏览器保存。',
};
