import { AppMonitor } from '../core/app-monitor';
import { type Clock, systemClock } from '../core/clock';
import type { HttpPost } from '../core/http-port';
import { type AppConnection, ImClient } from '../core/im-client';
import { DEFAULT_INTERVAL_MS } from '../core/poll-plan';
import { API_RATE_CAP, RateBudget } from '../core/rate-budget';
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

/** The engine of one app profile, wired for Node: keep-alive HTTP, one rate budget for every call, the monitor. */
export function createEngine(options: EngineOptions) {
  const clock = options.clock ?? systemClock;
  const pooled = createHttpPost(options.ca ? { ca: options.ca } : {});
  const post = options.wrapPost ? options.wrapPost(pooled) : pooled;
  const budget = new RateBudget(clock, options.maxRate ?? API_RATE_CAP);
  const client = new ImClient({
    connection: options.connection,
    post,
    clock,
    acquire: () => budget.acquire(),
    userSigLifetimeSeconds: options.userSigLifetimeSeconds,
  });
  const monitor = new AppMonitor({
    source: client,
    budget,
    clock,
    intervalMs: options.intervalMs ?? DEFAULT_INTERVAL_MS,
  });
  return {
    client,
    budget,
    monitor,
    close(): void {
      monitor.stop();
      pooled.close();
    },
  };
}

export type Engine = ReturnType<typeof createEngine>;
