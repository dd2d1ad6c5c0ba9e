/** The English words for rooms polled at different paces when they do not fit the rate cap. */
export const enTiers = {
  'tiers.banner': '{profile}: {rooms} do not fit {cap} calls/s, so the rooms that matter go first: {tiers}.',
  'tiers.now': 'Now: {tiers}.',
  'tiers.tier': '{rooms} at {interval} s',
  'tiers.tier.why': '{rooms} at {interval} s ({reasons})',
  'tiers.reason.alert': 'alerts',
  'tiers.reason.open': 'open',
  'tiers.reason.pinned': 'pinned',
  'tiers.reason.tray': 'tray',
  'tiers.reason.moving': 'moving',
  'tiers.reason.quiet': 'at zero',
};
