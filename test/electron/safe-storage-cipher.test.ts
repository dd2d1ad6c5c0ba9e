import { afterEach, describe, expect, it } from 'vitest';
import { CredentialVault } from '../../main/core/vault/credential-vault';
import { memoryRecordStore, type VaultRecord } from '../../main/core/vault/vault-record';
import { safeStorageCipher } from '../../main/electron/safe-storage-cipher';
import { FakeSafeStorage, safeStorage } from '../support/fake-electron/safe-storage';

const KEY = 'a-secret-key-that-stays-secret';

afterEach(() => {
  safeStorage.backend = 'gnome_libsecret';
  safeStorage.keyringReachable = true;
  safeStorage.ready = true;
  safeStorage.setUsePlainTextEncryption(false);
});

describe("the vault's cipher over Electron's safeStorage", () => {
  it("uses the electron module's safeStorage and its asynchronous calls", async () => {
    const cipher = safeStorageCipher(undefined, 'linux');
    expect(cipher.platform).toBe('linux');
    expect(await cipher.isEncryptionAvailable()).toBe(true);
    const encrypted = await cipher.encryptString(KEY);
    expect(encrypted.includes(KEY)).toBe(false);
    expect(await cipher.decryptString(encrypted)).toEqual({ result: KEY, shouldReEncrypt: false });
    await expect(cipher.decryptString(Buffer.from('v11 not really'))).rejects.toThrow(
      /Error while decrypting/,
    );
  });

  it('asks for the Linux backend only on Linux and the BSDs', () => {
    safeStorage.backend = 'kwallet6';
    expect(safeStorageCipher(safeStorage, 'linux').getSelectedStorageBackend()).toBe('kwallet6');
    expect(safeStorageCipher(safeStorage, 'freebsd').getSelectedStorageBackend()).toBe('kwallet6');
    expect(safeStorageCipher(safeStorage, 'darwin').getSelectedStorageBackend()).toBe('unknown');
    expect(safeStorageCipher(safeStorage, 'win32').getSelectedStorageBackend()).toBe('unknown');
  });

  it('allows plain-text encryption on basic_text only, so weak storage is possible by choice', async () => {
    const keyring = new FakeSafeStorage({ backend: 'gnome_libsecret' });
    expect(await safeStorageCipher(keyring, 'linux').isEncryptionAvailable()).toBe(true);
    expect(keyring.plainTextAllowed).toBe(false);

    safeStorage.backend = 'basic_text';
    expect(safeStorage.isEncryptionAvailable()).toBe(false);
    const records: Record<string, VaultRecord> = {};
    const vault = await CredentialVault.open({
      cipher: safeStorageCipher(safeStorage, 'linux'),
      records: memoryRecordStore(records),
    });
    expect(safeStorage.plainTextAllowed).toBe(true);
    expect(await vault.saveKey('memory', KEY)).toBe('this-run-only');
    expect(await vault.saveKey('weak', KEY, { allowWeakStorage: true })).toBe('weak');
    expect(Object.keys(records)).toEqual(['weak']);
  });

  it('reports encryption unavailable before the app is ready', async () => {
    safeStorage.ready = false;
    const cipher = safeStorageCipher(safeStorage, 'linux');
    expect(cipher.getSelectedStorageBackend()).toBe('unknown');
    expect(await cipher.isEncryptionAvailable()).toBe(false);
    await expect(cipher.encryptString(KEY)).rejects.toThrow(/Encryption is not available/);
  });
});
