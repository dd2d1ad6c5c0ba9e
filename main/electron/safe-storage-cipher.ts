import { type SafeStorage, safeStorage } from 'electron';
import type { SecretCipher } from '../core/vault/secret-cipher';

/** The parts of Electron's `safeStorage` the vault uses (its asynchronous API). */
export type SafeStorageApi = Pick<
  SafeStorage,
  | 'isAsyncEncryptionAvailable'
  | 'encryptStringAsync'
  | 'decryptStringAsync'
  | 'getSelectedStorageBackend'
  | 'setUsePlainTextEncryption'
>;

/**
 * The vault's {@link SecretCipher} over Electron's `safeStorage`. Uses the asynchronous calls: the
 * synchronous ones are deprecated in Electron 45 and removed in 46 (their ciphertext decrypts with
 * the asynchronous ones). Use it after the app's `ready` event: before it, Linux reports no backend.
 */
export function safeStorageCipher(
  storage: SafeStorageApi = safeStorage,
  platform: NodeJS.Platform = process.platform,
): SecretCipher {
  const linuxLike = platform !== 'darwin' && platform !== 'win32';
  return {
    platform,
    isEncryptionAvailable: async () => {
      // Electron calls `basic_text` unavailable until plain-text encryption is allowed. Allowing it
      // lets a user opt in to weak storage; the vault still keeps such keys in memory by default.
      if (linuxLike && storage.getSelectedStorageBackend() === 'basic_text')
        storage.setUsePlainTextEncryption(true);
      return storage.isAsyncEncryptionAvailable();
    },
    getSelectedStorageBackend: () => (linuxLike ? storage.getSelectedStorageBackend() : 'unknown'),
    encryptString: (plainText) => storage.encryptStringAsync(plainText),
    decryptString: async (encrypted) => {
      const { result, shouldReEncrypt } = await storage.decryptStringAsync(encrypted);
      return { result, shouldReEncrypt };
    },
  };
}
