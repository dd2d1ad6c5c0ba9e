/** What became of an alert, in one line of words. Pure, so tested without a browser. */
import type { AlertEntryView } from '../../main/contract/monitor-api';
import type { ViewTranslator } from '../i18n/view-words';

/**
 * "Delivered to desktop (held: snoozed until 14:30), webhook ops: sent": each channel's latest
 * outcome, in the order the channels were first tried; "not delivered anywhere" without any.
 */
export function deliveryLine(deliveries: AlertEntryView['deliveries'], tr: ViewTranslator): string {
  const latest = new Map<string, AlertEntryView['deliveries'][number]>();
  for (const delivery of deliveries) latest.set(delivery.channel, delivery);
  if (latest.size === 0) return tr.t('log.nowhere');
  const parts = [...latest.values()].map((delivery) => {
    if (delivery.outcome === 'held')
      return tr.t('log.held', { channel: delivery.channel, why: delivery.detail ?? '' });
    if (delivery.outcome === 'failed')
      return tr.t('log.failed', { channel: delivery.channel, why: delivery.detail ?? '' });
    return tr.t('log.sent', { channel: delivery.channel });
  });
  return tr.t('log.delivered', { list: tr.join(parts) });
}
