import { describe, expect, it } from 'vitest';
import { deliveryLine } from '../../../renderer/alerts/delivery-line';
import { translator } from '../../../renderer/i18n/translator';
import { withViewWords } from '../../../renderer/i18n/view-words';

const en = withViewWords(translator('en'));

describe('the delivery line', () => {
  it("names each channel's latest outcome in the order they were tried", () => {
    const line = deliveryLine(
      [
        { channel: 'desktop', outcome: 'held', at: 1, detail: 'snoozed until 14:30' },
        { channel: 'webhook ops', outcome: 'failed', at: 2, detail: 'HTTP 502' },
        { channel: 'webhook ops', outcome: 'sent', at: 3 },
      ],
      en,
    );
    expect(line).toBe('Delivered to desktop (held: snoozed until 14:30), webhook ops: sent');
  });

  it('says so when an alert went nowhere, and speaks Chinese', () => {
    expect(deliveryLine([], en)).toMatch(/^Not delivered anywhere/);
    expect(
      deliveryLine([{ channel: 'desktop', outcome: 'sent', at: 1 }], withViewWords(translator('zh-CN'))),
    ).toBe('已发送至 desktop：已发送');
  });
});
