import { describe, expect, it } from 'vitest';
import { deliveryOnce } from '../../../main/core/alerts/delivery-once';
import { FakeClock } from '../../support/fake-clock';

const SILENCE = 'No answer from the notification service within 10 s.';

describe('one notification attempt settled once', () => {
  it('is sent when the system confirms it, dated then, and ignores later answers and the time limit', async () => {
    const clock = new FakeClock();
    const { outcome, finish } = deliveryOnce(clock, 'desktop', 10_000, SILENCE);
    await clock.advance(2_000);
    finish();
    finish('too late');
    expect(clock.pendingTimers).toBe(0);
    await clock.advance(20_000);
    expect(await outcome).toEqual({
      channel: 'desktop',
      outcome: 'sent',
      at: clock.wall() - 20_000,
      attempts: 1,
    });
  });

  it('has failed with the reason the system gave', async () => {
    const clock = new FakeClock();
    const { outcome, finish } = deliveryOnce(clock, 'desktop', 10_000, SILENCE);
    finish('The notification daemon is not running.');
    expect(await outcome).toEqual({
      channel: 'desktop',
      outcome: 'failed',
      at: clock.wall(),
      attempts: 1,
      detail: 'The notification daemon is not running.',
    });
  });

  it('has failed with the silence text once nothing answered in time, and only then', async () => {
    const clock = new FakeClock();
    const { outcome, finish } = deliveryOnce(clock, 'desktop', 10_000, SILENCE);
    let settled = false;
    void outcome.then(() => {
      settled = true;
    });
    await clock.advance(9_999);
    expect(settled).toBe(false);
    await clock.advance(1);
    expect(settled).toBe(true);
    finish();
    expect(await outcome).toMatchObject({ outcome: 'failed', detail: SILENCE, at: clock.wall() });
  });
});
