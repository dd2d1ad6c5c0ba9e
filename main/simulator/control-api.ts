/**
 * The control API under `/_sim/`: JSON over loopback HTTP, a thin layer over {@link SimulatorControl},
 * so a simulator in another process (a benchmark, a browser test) can be driven and read.
 * It takes no UserSig. Reads are GET, changes are POST:
 *
 * - `GET /_sim/stats`, `GET /_sim/requests`
 * - `GET /_sim/audience?groupId=<id>`: what the room's members would see now (attributes, counters,
 *   last messages)
 * - `POST /_sim/add-room` with a RoomSpec; `/_sim/remove-room`, `/_sim/disband` with `{groupId}`
 * - `POST /_sim/set-online` with `{groupId, online}`
 * - `POST /_sim/inject-fault` with a FaultSpec; `/_sim/clear-faults`
 * - `POST /_sim/set-rate` with `{perSecond}`; `/_sim/set-secret-key` with `{secretKey}`
 * - `POST /_sim/reset-log`; `/_sim/set-edition` with `{edition}`
 *
 * Changes answer `{"ok":true}`; a bad request answers 400 `{"error": "..."}`.
 */
import type { Answer } from './envelope';
import type { Edition, FaultSpec, RoomSpec, SimulatorControl } from './types';

/** Path prefix of the control API. */
export const CONTROL_PATH_PREFIX = '/_sim/';

type Args = Record<string, unknown>;

const READS: Readonly<Record<string, (control: SimulatorControl, query: URLSearchParams) => unknown>> = {
  stats: (control) => control.stats(),
  requests: (control) => control.requests(),
  audience: (control, query) => control.audience(query.get('groupId') ?? ''),
};

const CHANGES: Readonly<Record<string, (control: SimulatorControl, args: Args) => void>> = {
  'add-room': (control, args) => control.addRoom(args as unknown as RoomSpec),
  'remove-room': (control, args) => control.removeRoom(text(args, 'groupId')),
  disband: (control, args) => control.disband(text(args, 'groupId')),
  'set-online': (control, args) => control.setOnline(text(args, 'groupId'), number(args, 'online')),
  'inject-fault': (control, args) => control.injectFault(args as unknown as FaultSpec),
  'clear-faults': (control) => control.clearFaults(),
  'set-rate': (control, args) => control.setRate(number(args, 'perSecond')),
  'set-secret-key': (control, args) => control.setSecretKey(text(args, 'secretKey')),
  'reset-log': (control) => control.resetLog(),
  'set-edition': (control, args) => control.setEdition(text(args, 'edition') as Edition),
};

/** The answer to one control request. */
export function answerControlRequest(
  method: string,
  url: URL,
  bodyText: string,
  control: SimulatorControl,
): Answer {
  const { pathname } = url;
  const name = pathname.slice(CONTROL_PATH_PREFIX.length);
  const read = Object.hasOwn(READS, name) ? READS[name] : undefined;
  const change = Object.hasOwn(CHANGES, name) ? CHANGES[name] : undefined;
  if (!read && !change) return reply(404, { error: `no control endpoint ${pathname}` });
  if (read) {
    if (method !== 'GET') return reply(405, { error: 'use GET' });
    try {
      return reply(200, read(control, url.searchParams));
    } catch (error) {
      return reply(404, { error: error instanceof Error ? error.message : String(error) });
    }
  }
  if (method !== 'POST' || !change) return reply(405, { error: 'use POST' });
  try {
    change(control, parseArgs(bodyText));
  } catch (error) {
    return reply(400, { error: error instanceof Error ? error.message : String(error) });
  }
  return reply(200, { ok: true });
}

function parseArgs(bodyText: string): Args {
  if (bodyText.trim() === '') return {};
  const args: unknown = JSON.parse(bodyText);
  if (typeof args !== 'object' || args === null || Array.isArray(args)) {
    throw new Error('the body must be a JSON object');
  }
  return args as Args;
}

function text(args: Args, name: string): string {
  const value = args[name];
  if (typeof value !== 'string') throw new Error(`${name} must be a string`);
  return value;
}

function number(args: Args, name: string): number {
  const value = args[name];
  if (typeof value !== 'number') throw new Error(`${name} must be a number`);
  return value;
}

function reply(httpStatus: number, value: unknown): Answer {
  return { httpStatus, contentType: 'application/json', body: JSON.stringify(value), errorCode: -1 };
}
