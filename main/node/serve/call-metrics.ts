/**
 * Every IM REST call an engine makes, counted by command and outcome and timed, as it crosses the
 * wire. The rate budget's use is the rate of these calls: `rate(headcount_calls_total[1m])`.
 */
import { Counter, Histogram, type Registry } from 'prom-client';
import { callOutcome } from '../../core/call-outcome';
import type { HttpPost, HttpResponse } from '../../core/http-port';

/** Wraps an engine's POST so that each call is counted and timed. */
export type TimedPost = (app: string, post: HttpPost) => HttpPost;

/** Registers the call metrics; returns the wrapper that feeds them. */
export function registerCallMetrics(registry: Registry): TimedPost {
  const calls = new Counter({
    name: 'headcount_calls_total',
    help: 'IM REST calls sent, by command and outcome (ok, or the error kind of the answer); every call takes the rate budget.',
    labelNames: ['app', 'command', 'outcome'] as const,
    registers: [registry],
  });
  const seconds = new Histogram({
    name: 'headcount_request_duration_seconds',
    help: 'Time from sending an IM REST call to its answer (or failure), by command.',
    labelNames: ['app', 'command'] as const,
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    registers: [registry],
  });
  return (app, post) => async (request) => {
    const command = commandOf(request.url);
    const stop = seconds.startTimer({ app, command });
    let response: HttpResponse | null = null;
    try {
      response = await post(request);
      return response;
    } finally {
      stop();
      calls.inc({ app, command, outcome: callOutcome(command, response) });
    }
  };
}

/**
 * The command of an IM REST URL: its last path segment. The query holds the UserSig, so nothing
 * else of the URL is ever used. Read from the text as it is, at every call: a URL object of the
 * whole signed URL, made for one segment, was garbage of its own at 190 calls a second.
 */
export function commandOf(url: string): string {
  const scheme = url.indexOf('://');
  if (scheme <= 0) return 'unknown';
  const host = scheme + 3;
  const query = url.indexOf('?', host);
  const fragment = url.indexOf('#', host);
  let end = query < 0 ? url.length : query;
  if (fragment >= 0 && fragment < end) end = fragment;
  const path = url.indexOf('/', host);
  if (path < 0 || path >= end) return 'unknown';
  while (end > path && url[end - 1] === '/') end--;
  if (end <= path + 1) return 'unknown';
  return url.slice(url.lastIndexOf('/', end - 1) + 1, end);
}
