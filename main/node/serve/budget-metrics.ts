/**
 * Each IM REST command's rate budget per app, as one scrape reads it: the cap, the limit allowed
 * now (below the cap while the command recovers from rate limiting) and the calls waiting for a
 * slot. A command's use is the rate of its calls, `rate(headcount_calls_total{command=...}[1m])`.
 */
import type { Registry } from 'prom-client';
import type { MetricsReading } from './metrics-reading';
import { readingGauge } from './state-metrics';

/** Registers the per-command budget gauges: 6 series each per app. */
export function registerBudgetGauges(registry: Registry, reading: () => MetricsReading): void {
  const specs = [
    {
      name: 'headcount_budget_cap_calls_per_second',
      help: "Calls per second an app may make of one IM REST command: the command's documented cap, or --max-rate when lower.",
      value: (budget: MetricsReading['apps'][number]['budgets'][number]) => budget.capPerSecond,
    },
    {
      name: 'headcount_budget_limit_calls_per_second',
      help: 'Calls per second an app is allowed of one command right now: the cap, or less while that command recovers from rate limiting.',
      value: (budget: MetricsReading['apps'][number]['budgets'][number]) => budget.limitPerSecond,
    },
    {
      name: 'headcount_budget_waiting_calls',
      help: "Calls of one command waiting for a slot of its budget (counts never wait behind another command's calls).",
      value: (budget: MetricsReading['apps'][number]['budgets'][number]) => budget.waiting,
    },
  ];
  for (const { value, ...spec } of specs) {
    readingGauge(registry, reading, { ...spec, labelNames: ['app', 'command'] as const }, (r, set) => {
      for (const { app, budgets } of r.apps)
        for (const budget of budgets) set({ app, command: budget.command }, value(budget));
    });
  }
}
