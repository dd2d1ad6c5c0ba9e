import { describe, expect, it } from 'vitest';
import { PUSH_FAILING_AFTER, PushAlerts } from '../../../main/core/alerts/push-alerts';
import { imErrorFromCode } from '../../../main/core/error-kind';
import type { PushStatus } from '../../../main/core/push/push-status';

const REFUSAL = imErrorFromCode(10007, 'no permission');

function status(over: Partial<PushStatus>): PushStatus {
  return {
    groupId: '@TGS#2Raid',
    via: 'group-attr',
    key: 'online_member_num',
    state: 'ok',
    reason: null,
    error: null,
    consecutiveFailures: 0,
    written: null,
    ...over,
  };
}

function rule(options: { recovered?: boolean; label?: string } = {}) {
  return new PushAlerts({
    recovered: () => options.recovered ?? true,
    label: () => ('label' in options ? options.label : 'Launch Day'),
  });
}

const failing = (failures: number) =>
  status({ state: 'failing', consecutiveFailures: failures, reason: 'the server is busy', error: REFUSAL });

describe('the push-failing rule', () => {
  it(`fires after ${PUSH_FAILING_AFTER} failed writes in a row, not before, and once`, () => {
    const alerts = rule();
    for (let failures = 1; failures < PUSH_FAILING_AFTER; failures++)
      expect(alerts.onPush(failing(failures), failures)).toEqual([]);
    expect(alerts.onPush(failing(PUSH_FAILING_AFTER), 10)).toEqual([
      {
        rule: 'push-failing',
        phase: 'firing',
        severity: 'warning',
        groupId: '@TGS#2Raid',
        label: 'Launch Day',
        title: 'Launch Day: count not reaching viewers',
        message:
          'Count not reaching viewers: fired · group-attr online_member_num: the server is busy · id @TGS#2Raid',
        at: 10,
        errorKind: REFUSAL.kind,
        push: { via: 'group-attr', key: 'online_member_num', refused: false },
      },
    ]);
    expect(alerts.onPush(failing(PUSH_FAILING_AFTER + 1), 11)).toEqual([]);
  });

  it('fires at once when the server refuses the writes, and says so', () => {
    const [alert] = rule().onPush(status({ state: 'refused', error: REFUSAL, reason: null }), 5);
    expect(alert).toMatchObject({
      phase: 'firing',
      message:
        'Count not reaching viewers: fired · group-attr online_member_num: writes fail · id @TGS#2Raid',
      push: { refused: true },
    });
  });

  it('recovers once, saying how: the count reaches viewers, the push was turned off, the room closed', () => {
    const cases = [
      ['ok', 'count reaches viewers again'],
      ['waiting', 'count reaches viewers again'],
      ['off', 'push turned off'],
      ['closed', 'room closed'],
    ] as const;
    for (const [state, how] of cases) {
      const alerts = rule();
      alerts.onPush(failing(PUSH_FAILING_AFTER), 1);
      const recovered = alerts.onPush(status({ state, error: REFUSAL }), 2);
      expect(recovered).toEqual([
        {
          rule: 'push-failing',
          phase: 'recovered',
          severity: 'info',
          groupId: '@TGS#2Raid',
          label: 'Launch Day',
          title: 'Launch Day: count not reaching viewers',
          message: `Count not reaching viewers: recovered · ${how} · id @TGS#2Raid`,
          at: 2,
          push: { via: 'group-attr', key: 'online_member_num', refused: false },
        },
      ]);
      expect(alerts.onPush(status({ state }), 3)).toEqual([]);
    }
  });

  it('stays firing, saying nothing, while the writes still fail a few at a time', () => {
    const alerts = rule();
    alerts.onPush(failing(PUSH_FAILING_AFTER), 1);
    // A failure counted again from one after a retry neither fires again nor recovers.
    expect(alerts.onPush(failing(1), 2)).toEqual([]);
    expect(alerts.onPush(status({ state: 'ok' }), 3)).toHaveLength(1);
  });

  it('keeps a recovery to itself when recoveries are not wanted', () => {
    const alerts = rule({ recovered: false });
    expect(alerts.onPush(failing(PUSH_FAILING_AFTER), 1)).toHaveLength(1);
    expect(alerts.onPush(status({ state: 'ok' }), 2)).toEqual([]);
  });

  it('names a room without a label by its id, and keeps each room apart', () => {
    const alerts = rule({ label: undefined });
    const [alert] = alerts.onPush(status({ state: 'refused' }), 1);
    expect(alert?.title).toBe('@TGS#2Raid: count not reaching viewers');
    expect(alert).not.toHaveProperty('label');
    expect(alert).not.toHaveProperty('errorKind');
    expect(alerts.onPush(status({ groupId: '@TGS#other', state: 'refused' }), 1)).toHaveLength(1);
  });
});
