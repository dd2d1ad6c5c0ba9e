/**
 * One rate budget per IM REST command. The server limits each API on its own, per SDKAppID (each
 * page's "maximum call frequency"), so a call of one command never takes a slot another command
 * needs: writing counts into rooms can never delay counting them.
 */
import type { Clock } from './clock';
import { type CallSlot, RateBudget } from './rate-budget';

/**
 * The documented cap of every command Headcount sends, in calls per second per SDKAppID:
 * get_online_member_num 1047/38521, get_group_info 1047/34961, get_appid_group_list 1047/34960,
 * modify_group_attr 1047/44188, update_group_counter 1047/53428, send_group_msg 1047/34959.
 */
export const COMMAND_CAPS = {
  get_online_member_num: 200,
  get_group_info: 200,
  get_appid_group_list: 1,
  modify_group_attr: 200,
  update_group_counter: 200,
  send_group_msg: 200,
} as const satisfies Record<string, number>;

export type ImCommand = keyof typeof COMMAND_CAPS;

/** The command whose budget the poll scheduler plans with. */
export const COUNT_COMMAND = 'get_online_member_num' satisfies ImCommand;

/** One command's budget as the meter, the terminal and /metrics show it. */
export interface BudgetReading {
  command: ImCommand;
  /** The cap now: the documented one, or the user's lower `maxRate`. */
  capPerSecond: number;
  /** Calls allowed per second right now: below the cap while recovering from rate limiting. */
  limitPerSecond: number;
  /** Calls taken in the last second. */
  used: number;
  /** Calls waiting for a slot. */
  waiting: number;
}

/**
 * The budgets of one app profile, one per command, each at its documented cap or at the user's
 * `maxRate` when that is lower (a user who keeps headroom for their own servers keeps it on every
 * command).
 */
export class CommandBudgets {
  private readonly budgets = new Map<ImCommand, RateBudget>();
  private maxRate: number;

  constructor(
    private readonly clock: Pick<Clock, 'monotonic' | 'setTimer' | 'clearTimer'>,
    maxRate: number = COMMAND_CAPS[COUNT_COMMAND],
  ) {
    this.maxRate = maxRate;
    for (const command of Object.keys(COMMAND_CAPS) as ImCommand[]) {
      this.budgets.set(command, new RateBudget(clock, this.capOf(command)));
    }
  }

  /** The budget of `command`; a command not in {@link COMMAND_CAPS} is a bug and throws. */
  of(command: string): RateBudget {
    const budget = this.budgets.get(command as ImCommand);
    if (!budget) throw new RangeError(`No rate budget for the IM command "${command}".`);
    return budget;
  }

  /** The count's budget, which the poll scheduler plans with. */
  get count(): RateBudget {
    return this.of(COUNT_COMMAND);
  }

  /** Waits for a slot of `command`'s budget, dated now. */
  acquire(command: string): Promise<void> {
    return this.of(command).acquire();
  }

  /** Waits for a slot of `command`'s budget, dated when the call says it left. */
  reserve(command: string): Promise<CallSlot> {
    return this.of(command).reserve();
  }

  /** A slot of `command`'s budget now, when one is free and no call waits for one; else null. */
  tryReserve(command: string): CallSlot | null {
    return this.of(command).tryReserve();
  }

  /** A new user cap for every command (never above a command's documented one). */
  setMaxRate(maxRate: number): void {
    this.maxRate = maxRate;
    for (const [command, budget] of this.budgets) budget.setCap(this.capOf(command));
  }

  /** Every budget now, in the order of {@link COMMAND_CAPS}. */
  readings(): BudgetReading[] {
    const now = this.clock.monotonic();
    return [...this.budgets].map(([command, budget]) => ({
      command,
      capPerSecond: budget.cap,
      limitPerSecond: budget.limit(now),
      used: budget.used(now),
      waiting: budget.queued(),
    }));
  }

  private capOf(command: ImCommand): number {
    return Math.min(COMMAND_CAPS[command], this.maxRate);
  }
}
