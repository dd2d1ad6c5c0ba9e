import type { SecretCipher } from '../../../main/core/vault/secret-cipher';
import { FakeSafeStorage, type FakeSafeStorageOptions } from '../../support/fake-electron/safe-storage';

/**
 * A {@link SecretCipher} over the fake `safeStorage`, through its asynchronous calls as the Electron
 * adapter maps them. Plain-text encryption is allowed, as the adapter does, so `basic_text` can
 * encrypt when the user opts in to weak storage.
 */
export function fakeCipher(options: FakeSafeStorageOptions & { platform?: NodeJS.Platform } = {}) {
  const storage = new FakeSafeStorage(options);
  storage.setUsePlainTextEncryption(true);
  const cipher: SecretCipher = {
    platform: options.platform ?? 'linux',
    isEncryptionAvailable: () => storage.isAsyncEncryptionAvailable(),
    getSelectedStorageBackend: () => storage.getSelectedStorageBackend(),
    encryptString: (plainText) => storage.encryptStringAsync(plainText),
    decryptString: (encrypted) => storage.decryptStringAsync(encrypted),
  };
  return { storage, cipher };
}
