/** The Simplified Chinese words for rooms polled at different paces; the same keys and placeholders as {@link enTiers}. */
import type { enTiers } from './en-tiers';

export const zhCNTiers: Record<keyof typeof enTiers, string> = {
  'tiers.banner': '{profile}：{rooms}超出每秒 {cap} 次调用的上限，重要的房间优先：{tiers}。',
  'tiers.now': '当前：{tiers}。',
  'tiers.tier': '{rooms}每 {interval} 秒',
  'tiers.tier.why': '{rooms}每 {interval} 秒（{reasons}）',
  'tiers.reason.alert': '告警',
  'tiers.reason.open': '已打开',
  'tiers.reason.pinned': '已置顶',
  'tiers.reason.tray': '托盘',
  'tiers.reason.moving': '变化中',
  'tiers.reason.quiet': '持续为零',
};
