import { z } from 'zod';
import { MONITOR_METHODS, type MonitorApi, type MonitorMethod } from '../../contract/monitor-api';
import { MONITOR_ARGUMENTS } from '../../service/monitor-api-schemas';

/** The body of every API answer. */
export type ApiAnswer = { ok: true; value?: unknown } | { ok: false; error: string };

/** The service an API call reaches, and what this server lets in. */
export interface ApiCallOptions {
  api: MonitorApi;
  /**
   * Whether a secret key may come in from the browser (saveProfile, testConnection). Only over
   * loopback: on any other interface it would cross the network in clear text.
   */
  acceptsSecretKeys: boolean;
}

const METHODS: ReadonlySet<string> = new Set(MONITOR_METHODS);
const KEY_METHODS: ReadonlySet<MonitorMethod> = new Set(['saveProfile', 'testConnection']);

/**
 * Runs one `POST /api/<method>` call: a JSON array of the method's arguments, checked against the
 * contract's schema before the service sees them. 404 for an unknown method, 400 for arguments that
 * do not fit, 422 when the service refuses the call (no such room, a duplicate label...).
 */
export async function answerApiCall(
  method: string,
  bodyText: string,
  options: ApiCallOptions,
): Promise<{ status: number; answer: ApiAnswer }> {
  if (!METHODS.has(method)) return refuse(404, `There is no API method "${method}".`);
  const name = method as MonitorMethod;
  let args: unknown;
  try {
    args = bodyText.trim() === '' ? [] : JSON.parse(bodyText);
  } catch {
    return refuse(400, `Refused ${name}: the body is not JSON (send the arguments as a JSON array).`);
  }
  const parsed = MONITOR_ARGUMENTS[name].safeParse(args);
  if (!parsed.success) return refuse(400, `Refused ${name}: ${z.prettifyError(parsed.error)}`);
  const values = parsed.data as unknown[];
  if (KEY_METHODS.has(name) && !options.acceptsSecretKeys && hasSecretKey(values[0])) {
    return refuse(
      403,
      `Refused ${name}: headcount serve is not on loopback, so a secret key would cross the network in clear text. ` +
        'Give it through HEADCOUNT_SECRET_KEY_FILE when starting the server instead.',
    );
  }
  try {
    const run = options.api[name] as (...input: unknown[]) => Promise<unknown>;
    const value = await run.apply(options.api, values);
    return { status: 200, answer: value === undefined ? { ok: true } : { ok: true, value } };
  } catch (error) {
    return refuse(422, error instanceof Error ? error.message : String(error));
  }
}

function hasSecretKey(input: unknown): boolean {
  return typeof input === 'object' && input !== null && 'secretKey' in input;
}

function refuse(status: number, error: string): { status: number; answer: ApiAnswer } {
  return { status, answer: { ok: false, error } };
}
