import { chmodSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadConnection } from '../../main/node/credentials';
import { secretFromEnv } from '../../main/node/secret-file';

function secretFile(folder: string, name: string, mode: number, text = 'the-secret-value\n'): string {
  const file = join(folder, name);
  writeFileSync(file, text);
  chmodSync(file, mode);
  return file;
}

describe('secrets read from files', () => {
  it('refuses a file group or others can read, naming the mode and the fix, never the secret', () => {
    const folder = mkdtempSync(join(tmpdir(), 'headcount-secret-'));
    const open = secretFile(folder, 'token', 0o640);
    expect(() => secretFromEnv({ T_FILE: open }, 'T', 'metrics token')).toThrow(
      `The metrics token file ${open} can be read by other users (mode 640): run chmod 600 ${open}.`,
    );
    expect(secretFromEnv({ T_FILE: secretFile(folder, 'ok', 0o600) }, 'T', 'metrics token')).toBe(
      'the-secret-value',
    );
    expect(secretFromEnv({ T: '  inline-value ' }, 'T', 'metrics token')).toBe('inline-value');
    expect(secretFromEnv({}, 'T', 'metrics token')).toBeUndefined();
    expect(() => secretFromEnv({ T_FILE: secretFile(folder, 'empty', 0o600, '\n') }, 'T', 'x')).toThrow(
      'is empty',
    );
  });

  it("takes systemd's credentials as LoadCredential= leaves them: read by an ACL that shows as a group bit", () => {
    // systemd writes each credential 0400 and grants the service's user read access by an ACL
    // entry; stat then shows the ACL mask in the group bits: 0440, which is what is made here.
    const credentials = mkdtempSync(join(tmpdir(), 'headcount-credentials-'));
    const key = secretFile(credentials, 'secret-key', 0o440);
    const env = {
      CREDENTIALS_DIRECTORY: credentials,
      HEADCOUNT_SDKAPPID: '1400000001',
      HEADCOUNT_IDENTIFIER: 'administrator',
      HEADCOUNT_REGION: 'singapore',
      HEADCOUNT_SECRET_KEY_FILE: key,
    };
    expect(loadConnection({}, env).connection.secretKey).toBe('the-secret-value');
    // Readable by others is refused there too; and a group bit outside that folder still is.
    chmodSync(key, 0o444);
    expect(() => loadConnection({}, env)).toThrow('can be read by other users (mode 444)');
    const elsewhere = mkdtempSync(join(tmpdir(), 'headcount-not-credentials-'));
    const outside = secretFile(elsewhere, 'secret-key', 0o440);
    expect(() => loadConnection({}, { ...env, HEADCOUNT_SECRET_KEY_FILE: outside })).toThrow('(mode 440)');
    // A folder that only starts with the credentials folder's name is not inside it.
    const lookalike = `${credentials}-x`;
    mkdirSync(lookalike);
    const beside = secretFile(lookalike, 'secret-key', 0o440);
    expect(() => loadConnection({}, { ...env, HEADCOUNT_SECRET_KEY_FILE: beside })).toThrow('(mode 440)');
  });
});
