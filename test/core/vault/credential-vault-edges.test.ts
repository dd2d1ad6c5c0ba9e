import { describe, expect, it } from 'vitest';
import { CredentialVault } from '../../../main/core/vault/credential-vault';
import { protects, type SecretCipher } from '../../../main/core/vault/secret-cipher';
import { memoryRecordStore, type VaultRecord } from '../../../main/core/vault/vault-record';
import { fakeCipher } from './fake-cipher';

const KEY = '5f3c9a1e7b2d4c6f8a0e1b3d5c7f9a2e4b6d8f0a1c3e5b7d9f2a4c6e8b0d1f3a';

/** A working cipher whose answers a test replaces one at a time. */
function cipherWith(change: Partial<SecretCipher>): SecretCipher {
  const { cipher } = fakeCipher({ machineSecret: 'this machine' });
  return { ...cipher, ...change };
}

const open = (cipher: SecretCipher, records: Record<string, VaultRecord>) =>
  CredentialVault.open({ cipher, records: memoryRecordStore(records) });

/** Records holding KEY, saved by a working vault. */
async function savedRecords(): Promise<Record<string, VaultRecord>> {
  const records: Record<string, VaultRecord> = {};
  await (await open(cipherWith({}), records)).saveKey('main', KEY);
  return records;
}

describe('the credential vault when the OS answers oddly', () => {
  it('treats a failed availability check at start as no encryption: signed out, record kept', async () => {
    const records = await savedRecords();
    const vault = await open(
      cipherWith({ isEncryptionAvailable: () => Promise.reject(new Error('dbus')) }),
      records,
    );
    expect(vault.readKey('main')).toMatchObject({
      ok: false,
      reason: expect.stringMatching(/not available right now/),
    });
    expect(records.main).toBeDefined();
  });

  it('keeps a key in memory only when the availability check fails while saving', async () => {
    const records: Record<string, VaultRecord> = {};
    let failing = false;
    const { cipher } = fakeCipher({ machineSecret: 'this machine' });
    const vault = await open(
      {
        ...cipher,
        isEncryptionAvailable: () =>
          failing ? Promise.reject(new Error('dbus')) : cipher.isEncryptionAvailable(),
      },
      records,
    );
    failing = true;
    expect(await vault.saveKey('main', KEY)).toBe('this-run-only');
    expect(records).toEqual({});
    expect(vault.storage('main')).toEqual({
      keyStorage: 'this-run-only',
      note: expect.stringMatching(/^Kept in memory only: this system does not offer encryption/),
    });
  });

  it('keeps a key in memory only when the system refuses to encrypt it, and says so', async () => {
    const records: Record<string, VaultRecord> = {};
    const vault = await open(
      cipherWith({ encryptString: () => Promise.reject(new Error('keyring locked')) }),
      records,
    );
    expect(await vault.saveKey('main', KEY)).toBe('this-run-only');
    expect(records).toEqual({});
    expect(vault.storage('main')).toEqual({
      keyStorage: 'this-run-only',
      note: expect.stringMatching(/^Kept in memory only: the system refused to encrypt the key/),
    });
  });

  it('offers weak storage only where the missing keyring is the reason', async () => {
    const { vault } = { vault: await open(cipherWith({}), {}) };
    expect(vault.storage('nobody')).toEqual({
      keyStorage: 'needs-key',
      note: expect.stringMatching(/^No secret key yet/),
    });
    const unreachable = fakeCipher({ machineSecret: 'this machine', keyringReachable: false });
    const memoryOnly = await open(unreachable.cipher, {});
    expect(memoryOnly.storage('nobody')).not.toHaveProperty('weakOptIn');
    await memoryOnly.saveKey('main', KEY);
    expect(memoryOnly.storage('main')).not.toHaveProperty('weakOptIn');
    expect(memoryOnly.storage('main').keyStorage).toBe('this-run-only');
  });

  it('signs a profile out when the saved key decrypts to nothing', async () => {
    const records = await savedRecords();
    const vault = await open(
      cipherWith({ decryptString: () => Promise.resolve({ result: '', shouldReEncrypt: false }) }),
      records,
    );
    expect(vault.readKey('main')).toMatchObject({
      ok: false,
      reason: expect.stringMatching(/^Signed out: the saved secret key can no longer be decrypted/),
    });
  });

  it('leaves a record as it is when the OS did not rotate its key', async () => {
    const records = await savedRecords();
    const before = structuredClone(records);
    let encrypted = 0;
    const { cipher } = fakeCipher({ machineSecret: 'this machine' });
    const vault = await open(
      {
        ...cipher,
        encryptString: (text) => {
          encrypted++;
          return cipher.encryptString(text);
        },
      },
      records,
    );
    expect(vault.readKey('main')).toEqual({ ok: true, key: KEY });
    expect(encrypted).toBe(0);
    expect(records).toEqual(before);
  });
});

describe('which backends protect a key from other programs', () => {
  it.each([
    ['keychain', true],
    ['dpapi', true],
    ['gnome_libsecret', true],
    ['kwallet6', true],
    ['basic_text', false],
    ['unknown', false],
  ] as const)('%s: %s', (backend, expected) => {
    expect(protects(backend)).toBe(expected);
  });
});
