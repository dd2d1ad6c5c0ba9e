import { AppMonitor } from '../core/app-monitor';
import { type Clock, systemClock } from '../core/clock';
import { CommandBudgets } from '../core/command-budgets';
import type { HttpPost } from '../core/http-port';
import { type AppConnection, ImClient } from '../core/im-client';
import { DEFAULT_INTERVAL_MS } from '../core/poll-plan';
import { CountPusher } from '../core/push/count-pusher';
import { API_RATE_CAP } from '../core/rate-budget';
import { createHttpPost } from './http-post';

export interface EngineOptions {
  connection: AppConnection;
  ca?: string | undefined;
  intervalMs?: number;
  maxRate?: number;
  clock?: Clock;
  /** Wraps every POST the engine makes, e.g. to time it for metrics (`headcount serve`). */
  wrapPost?: ((post: HttpPost) => HttpPost) | undefined;
  /** How long its UserSigs live; the polling default (two days) when not given. */
  userSigLifetimeSeconds?: number | undefined;
}

/**
 * The engine of one app profile, wired for Node: keep-alive HTTP, one rate budget per command, the
 * monitor, and the pusher that writes opted-in rooms' counts into the rooms (its events arrive on
 * the monitor's stream).
 */
export function createEngine(options: EngineOptions) {
  const clock = options.clock ?? systemClock;
  const pooled = createHttpPost(options.ca ? { ca: options.ca } : {});
  const post = options.wrapPost ? options.wrapPost(pooled) : pooled;
  const budgets = new CommandBudgets(clock, options.maxRate ?? API_RATE_CAP);
  const client = new ImClient({
    connection: options.connection,
    post,
    clock,
    // A free slot goes at once; a call that must wait for one waits in the budget's queue.
    acquire: (command) => budgets.tryReserve(command) ?? budgets.reserve(command),
    userSigLifetimeSeconds: options.userSigLifetimeSeconds,
  });
  const monitor = new AppMonitor({
    source: client,
    budget: budgets.count,
    clock,
    intervalMs: options.intervalMs ?? DEFAULT_INTERVAL_MS,
  });
  const pusher = new CountPusher({
    writer: client,
    clock,
    slowDown: (command, code) => budgets.of(command).slowDown(code),
    onStatus: (push) => monitor.relay({ type: 'push', push, at: clock.wall() }),
  });
  monitor.on((event) => pusher.handle(event));
  return {
    client,
    budgets,
    monitor,
    pusher,
    close(): void {
      pusher.stop();
      monitor.stop();
      pooled.close();
    },
  };
}

export type Engine = ReturnType<typeof createEngine>;
