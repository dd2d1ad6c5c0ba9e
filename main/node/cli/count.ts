import { ConfigError } from '../../core/config-error';
import { APP_STOPPING_KINDS } from '../../core/error-kind';
import type { ApiResult } from '../../core/im-client';
import { loadConnection } from '../credentials';
import { createEngine } from '../engine';
import { formatCount, showGroupId, table } from './format';
import { CREDENTIAL_OPTIONS, checkGroupIds, credentialFlags, parseCommand } from './options';
import { terminalJson } from './terminal-text';

export const COUNT_HELP = `Usage: headcount count <groupId>... [--json]

Asks once for the online count of each room and prints it.
Exit status: 0 when every room answered, 1 when one failed, 2 for usage or configuration
errors and when the server rejected the credentials or the account.`;

/** `headcount count`: one query per room, printed as a table or one JSON document. */
export async function runCount(args: string[]): Promise<number> {
  const { values, positionals } = parseCommand(
    args,
    { ...CREDENTIAL_OPTIONS, json: { type: 'boolean' } },
    'count',
  );
  if (values.help) {
    process.stdout.write(`${COUNT_HELP}\n`);
    return 0;
  }
  if (positionals.length === 0) throw new ConfigError('Name at least one room: headcount count <groupId>...');
  checkGroupIds(positionals);
  const { connection, ca, notes } = loadConnection(credentialFlags(values), process.env);
  for (const note of notes) process.stderr.write(`headcount: note: ${note}\n`);
  const engine = createEngine({ connection, ca });
  try {
    const results = await Promise.all(positionals.map((id) => engine.client.getOnlineMemberNum(id)));
    const groups = positionals.map((groupId, i) => toJson(groupId, results[i] as ApiResult<number>));
    process.stdout.write(values.json ? `${terminalJson({ groups })}\n` : `${render(groups)}\n`);
    if (results.some((r) => !r.ok && APP_STOPPING_KINDS.has(r.error.kind))) return 2;
    return results.every((r) => r.ok) ? 0 : 1;
  } finally {
    engine.close();
  }
}

type GroupJson =
  | { groupId: string; ok: true; online: number }
  | { groupId: string; ok: false; error: { kind: string; code?: number; message: string } };

function toJson(groupId: string, result: ApiResult<number>): GroupJson {
  if (result.ok) return { groupId, ok: true, online: result.value };
  const { kind, code, message } = result.error;
  return { groupId, ok: false, error: code === undefined ? { kind, message } : { kind, code, message } };
}

function render(groups: GroupJson[]): string {
  const rows = groups.map((g) =>
    g.ok
      ? [showGroupId(g.groupId), formatCount(g.online), '']
      : [showGroupId(g.groupId), '-', `${g.error.kind}: ${g.error.message}`],
  );
  return table(['ROOM', 'ONLINE', 'NOTE'], rows, new Set([1]));
}
