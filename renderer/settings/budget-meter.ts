/** The polling budget meter's numbers, worked out as the engine plans them. Pure, so tested without a browser. */
import { sustainableRate } from '../../main/common/budget-pace';
import type { BudgetView } from '../../main/contract/monitor-api';
import type { ViewTranslator } from '../i18n/view-words';

/** What a profile's rooms at an interval and a rate cap come to. */
export interface BudgetMeter {
  rooms: number;
  intervalS: number;
  cap: number;
  /** Calls per second the interval asks for. */
  wanted: number;
  /** When the rooms do not fit the cap: the interval each room is actually polled at; else null. */
  stretchedS: number | null;
}

/**
 * The meter for `rooms` polled every `intervalS` under `cap` calls per second, at the pace the engine
 * plans by (the cap less its headroom, each call holding its place a second and its answer time:
 * `answerMs` while answers are slow, see ProfileView.plan), so its stretched interval is the engine's.
 */
export function budgetMeter(rooms: number, intervalS: number, cap: number, answerMs?: number): BudgetMeter {
  const wanted = intervalS > 0 ? rooms / intervalS : 0;
  const sustainable = sustainableRate(cap, answerMs);
  return {
    rooms,
    intervalS,
    cap,
    wanted,
    stretchedS: wanted > sustainable ? Math.round((rooms / sustainable) * 10) / 10 : null,
  };
}

/** The interval and rate cap as typed: whole or decimal seconds from 1, a whole cap from 1 to 200. */
export function pollingFrom(
  interval: string,
  cap: string,
): { intervalSeconds: number; maxRate: number } | { problem: 'interval' | 'cap' } {
  const intervalSeconds = Number(interval.trim());
  const maxRate = Number(cap.trim());
  if (
    !interval.trim() ||
    !Number.isFinite(intervalSeconds) ||
    intervalSeconds < 1 ||
    intervalSeconds > 86_400
  )
    return { problem: 'interval' };
  if (!Number.isInteger(maxRate) || maxRate < 1 || maxRate > 200) return { problem: 'cap' };
  return { intervalSeconds, maxRate };
}

/** "1,450 rooms at 10 s use 145 of 200 calls/s", and the stretched interval when over. */
export function meterLine(
  rooms: number,
  intervalS: number,
  cap: number,
  tr: ViewTranslator,
  answerMs?: number,
): string {
  const meter = budgetMeter(rooms, intervalS, cap, answerMs);
  const values = {
    rooms: tr.plural('rooms', rooms),
    interval: intervalS,
    used: Math.round(meter.wanted * 10) / 10,
    cap,
  };
  return meter.stretchedS === null
    ? tr.t('polling.meter', values)
    : tr.t('polling.meter.over', { ...values, stretched: meter.stretchedS });
}

/** Each API's budget on a line: "modify_group_attr: 3 of 200", and the limit while it is slowed. */
export function budgetLines(budgets: readonly BudgetView[], tr: ViewTranslator): string[] {
  return budgets.map((budget) => {
    const values = {
      command: budget.command,
      used: Math.round(budget.used),
      cap: budget.capPerSecond,
      limit: budget.limitPerSecond,
    };
    return budget.limitPerSecond < budget.capPerSecond
      ? tr.t('budget.slowed', values)
      : tr.t('budget.line', values);
  });
}
