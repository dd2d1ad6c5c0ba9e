/**
 * The alert log's lines read back: every record the log writes comes back as written, and a line
 * damaged in any one field, or from something else, is left out rather than read as a record.
 */
import { describe, expect, it } from 'vitest';
import { parseLine } from '../../../main/core/alerts/alert-log-line';

const ALERT = {
  id: 'a1',
  rule: 'above',
  phase: 'fired',
  severity: 'warning',
  profile: 'Events',
  title: 'Launch Day: above 5,000',
  message: '5,210 online',
  at: 1_733_300_000_000,
};
const DELIVERY = { channel: 'desktop', outcome: 'sent', at: 1_733_300_000_500 };

const line = (value: unknown) => JSON.stringify(value);

describe('a line of the alert log', () => {
  it('reads back each kind of record the log writes, as written', () => {
    const records = [
      { type: 'alert', alert: ALERT },
      {
        type: 'alert',
        alert: ALERT,
        deliveries: ['sent', 'failed', 'held'].map((outcome) => ({ ...DELIVERY, outcome })),
        acknowledgedAt: 1_733_300_100_000,
      },
      { type: 'alert', alert: ALERT, deliveries: [] },
      { type: 'delivery', alertId: 'a1', delivery: DELIVERY },
      { type: 'delivery', alertId: 'a1', delivery: { ...DELIVERY, outcome: 'held' } },
      { type: 'ack', alertId: 'a1', at: 1_733_300_100_000 },
    ];
    for (const record of records) expect(parseLine(line(record))).toEqual(record);
  });

  it('leaves out what is not a record of the log', () => {
    for (const text of ['', 'not json', '{"type":"alert"', 'null', '42', '"alert"', '[]', 'true'])
      expect({ text, read: parseLine(text) }).toEqual({ text, read: null });
    expect(parseLine(line({ type: 'note', alertId: 'a1', at: 1 }))).toBeNull();
    expect(parseLine(line({ alert: ALERT }))).toBeNull();
  });

  it('leaves out an alert line with any field of its alert missing or of the wrong kind', () => {
    for (const key of Object.keys(ALERT)) {
      const { [key]: _left, ...missing } = ALERT as Record<string, unknown>;
      expect({ key, read: parseLine(line({ type: 'alert', alert: missing })) }).toEqual({ key, read: null });
      const wrong = { ...ALERT, [key]: key === 'at' ? '1733300000000' : 7 };
      expect({ key, read: parseLine(line({ type: 'alert', alert: wrong })) }).toEqual({ key, read: null });
    }
    for (const alert of [null, 'a1', [ALERT]]) expect(parseLine(line({ type: 'alert', alert }))).toBeNull();
  });

  it('leaves out an alert line whose deliveries or acknowledgement are damaged', () => {
    const damaged = [
      { deliveries: DELIVERY },
      { deliveries: 'sent' },
      { deliveries: [DELIVERY, null] },
      { deliveries: [{ ...DELIVERY, channel: 3 }] },
      { deliveries: [{ ...DELIVERY, outcome: 'lost' }] },
      { deliveries: [{ ...DELIVERY, outcome: undefined }] },
      { deliveries: [{ ...DELIVERY, at: 'now' }] },
      { acknowledgedAt: '1733300100000' },
      { acknowledgedAt: null },
    ];
    for (const part of damaged)
      expect({ part, read: parseLine(line({ type: 'alert', alert: ALERT, ...part })) }).toEqual({
        part,
        read: null,
      });
  });

  it('leaves out a delivery or acknowledgement line without its alert id, time or delivery', () => {
    const damaged = [
      { type: 'delivery', delivery: DELIVERY },
      { type: 'delivery', alertId: 1, delivery: DELIVERY },
      { type: 'delivery', alertId: 'a1' },
      { type: 'delivery', alertId: 'a1', delivery: null },
      { type: 'delivery', alertId: 'a1', delivery: { ...DELIVERY, outcome: 'lost' } },
      { type: 'delivery', alertId: 'a1', delivery: { ...DELIVERY, at: '1' } },
      { type: 'ack', at: 1 },
      { type: 'ack', alertId: 7, at: 1 },
      { type: 'ack', alertId: 'a1' },
      { type: 'ack', alertId: 'a1', at: '1' },
    ];
    for (const record of damaged)
      expect({ record, read: parseLine(line(record)) }).toEqual({ record, read: null });
  });
});
