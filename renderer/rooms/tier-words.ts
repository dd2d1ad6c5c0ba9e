/** Rooms polled at different paces, in the page's language: "500 rooms at 10 s (alerts, open) · 4,500 rooms at 32 s". */
import type { TierLine } from '../../main/contract/monitor-api';
import type { Translator } from '../i18n/translator';

export function tiersWords(tiers: readonly TierLine[], tr: Translator): string {
  return tr.join(
    tiers.map((tier) => {
      const values = {
        rooms: tr.plural('rooms', tier.rooms),
        interval: tier.intervalS >= 10 ? Math.round(tier.intervalS) : Math.round(tier.intervalS * 10) / 10,
        reasons: tr.join(
          tier.reasons.map((reason) => tr.t(`tiers.reason.${reason}`)),
          'list',
        ),
      };
      return tr.t(tier.reasons.length > 0 ? 'tiers.tier.why' : 'tiers.tier', values);
    }),
    'inline',
  );
}
