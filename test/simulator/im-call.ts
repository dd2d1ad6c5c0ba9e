/**
 * Calls the simulator as a client would: real HTTP over loopback, with UserSigs from signUserSig.
 */
import { signUserSig } from '../../main/core/usersig';
import type { RunningSimulator } from '../../main/simulator/index';

/** A settable wall clock for the simulator's `clock` option. */
export interface FakeWall {
  now: number;
  wall(): number;
}

/** A fake wall clock starting at `startMs` (default: a fixed instant in 2024, on a second boundary). */
export function fakeWall(startMs = 1_717_171_717_000): FakeWall {
  const clock = {
    now: startMs,
    wall: () => clock.now,
  };
  return clock;
}

export interface SignFor {
  identifier?: string;
  sdkAppId?: number;
  secretKey?: string;
  nowSeconds?: number;
  expireSeconds?: number;
}

/** A UserSig for the simulator's admin, with any field overridden. */
export function signFor(sim: RunningSimulator, overrides: SignFor = {}): string {
  return signUserSig({
    sdkAppId: overrides.sdkAppId ?? sim.credentials.sdkAppId,
    identifier: overrides.identifier ?? sim.credentials.identifier,
    secretKey: overrides.secretKey ?? sim.credentials.secretKey,
    nowSeconds: overrides.nowSeconds ?? Math.floor(Date.now() / 1000),
    expireSeconds: overrides.expireSeconds ?? 86_400,
  });
}

export interface CallOptions {
  /** Query parameters to set; `undefined` removes one. */
  query?: Record<string, string | undefined>;
  method?: string;
  /** The body text as sent, instead of `JSON.stringify(body)`. */
  rawBody?: string;
  service?: string;
}

export interface CallResult {
  status: number;
  contentType: string | null;
  text: string;
  // biome-ignore lint/suspicious/noExplicitAny: tests read arbitrary envelope fields
  json: any;
}

/** The request URL for `command` with a fresh admin UserSig and the query overrides applied. */
export function imUrl(sim: RunningSimulator, command: string, options: CallOptions = {}): string {
  const url = new URL(`${sim.baseUrl}/v4/${options.service ?? 'group_open_http_svc'}/${command}`);
  const query: Record<string, string | undefined> = {
    sdkappid: String(sim.credentials.sdkAppId),
    identifier: sim.credentials.identifier,
    usersig: signFor(sim),
    random: String(Math.floor(Math.random() * 2 ** 32)),
    contenttype: 'json',
    ...options.query,
  };
  for (const [name, value] of Object.entries(query)) {
    if (value !== undefined) url.searchParams.set(name, value);
  }
  return url.toString();
}

/** POSTs `body` to `command` and reads the answer. */
export async function imCall(
  sim: RunningSimulator,
  command: string,
  body: unknown,
  options: CallOptions = {},
): Promise<CallResult> {
  const method = options.method ?? 'POST';
  const text = options.rawBody ?? JSON.stringify(body);
  const response = await fetch(imUrl(sim, command, options), {
    method,
    body: method === 'GET' || method === 'HEAD' ? undefined : text,
  });
  const answer = await response.text();
  let json: unknown;
  try {
    json = JSON.parse(answer);
  } catch {
    json = undefined;
  }
  return { status: response.status, contentType: response.headers.get('content-type'), text: answer, json };
}

/** get_online_member_num for `groupId`. */
export function onlineCount(
  sim: RunningSimulator,
  groupId: string,
  options?: CallOptions,
): Promise<CallResult> {
  return imCall(sim, 'get_online_member_num', { GroupId: groupId }, options);
}
