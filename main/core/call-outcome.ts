/**
 * The outcome of one IM REST call as metrics count it: `ok`, or the error kind of what came back.
 * Read from the HTTP answer alone, as it crossed the wire, so every command is counted the same way
 * whatever the client then makes of it.
 */
import type { ErrorKind } from '../common/error-kinds';
import { kindOfCode } from './error-kind';
import type { HttpResponse } from './http-port';
import { readEnvelope } from './im-response';

/** `ok`, or why the call failed. */
export type CallOutcome = 'ok' | ErrorKind;

/** Commands whose top-level ErrorCode means nothing once ActionStatus is OK (doc 1047/34961). */
const BATCH_COMMANDS: ReadonlySet<string> = new Set(['get_group_info']);

/**
 * The outcome of `command`'s answer; `null` when no HTTP answer came back (connection refused,
 * timeout), which is transient. Per-group errors inside a batch answer do not make it fail.
 */
export function callOutcome(command: string, response: HttpResponse | null): CallOutcome {
  if (response === null) return 'transient';
  const envelope = readEnvelope(response, BATCH_COMMANDS.has(command));
  if (envelope.type === 'ok') return 'ok';
  if (envelope.type === 'server-error') return kindOfCode(envelope.code);
  return envelope.error.kind;
}
