/**
 * The port the credential vault encrypts through: Electron's `safeStorage` (its asynchronous API,
 * which Electron 45 recommends and 46 keeps alone) in the tray app, a fake in tests. The vault
 * decides what is safe to keep on disk from the platform and the Linux backend it reports.
 */

/** What `safeStorage.getSelectedStorageBackend()` reports on Linux. */
export type LinuxStorageBackend =
  | 'basic_text'
  | 'gnome_libsecret'
  | 'kwallet'
  | 'kwallet5'
  | 'kwallet6'
  | 'unknown';

/** What encrypted a saved key: the macOS Keychain, Windows DPAPI, or a Linux backend. */
export type VaultBackend = 'keychain' | 'dpapi' | LinuxStorageBackend;

/** Every {@link VaultBackend}, for validating records read from a file. */
export const VAULT_BACKENDS = [
  'keychain',
  'dpapi',
  'basic_text',
  'gnome_libsecret',
  'kwallet',
  'kwallet5',
  'kwallet6',
  'unknown',
] as const satisfies readonly VaultBackend[];

/** An OS-backed string cipher, shaped like Electron's `safeStorage`. */
export interface SecretCipher {
  /** The platform it runs on (`process.platform`): decides what protects the key. */
  readonly platform: NodeJS.Platform;
  /** Whether strings can be encrypted now (false before the app is ready, or with no provider). */
  isEncryptionAvailable(): Promise<boolean>;
  /** The Linux secret store in use; only asked on Linux and the BSDs. */
  getSelectedStorageBackend(): LinuxStorageBackend;
  /** Rejects when encryption fails. */
  encryptString(plainText: string): Promise<Buffer>;
  /**
   * Rejects when the bytes do not decrypt. `shouldReEncrypt` says the OS rotated its key: the
   * string should be encrypted again and saved.
   */
  decryptString(encrypted: Buffer): Promise<{ result: string; shouldReEncrypt: boolean }>;
}

/** Which backend encrypts on this platform now. */
export function currentBackend(cipher: SecretCipher): VaultBackend {
  if (cipher.platform === 'darwin') return 'keychain';
  if (cipher.platform === 'win32') return 'dpapi';
  return cipher.getSelectedStorageBackend();
}

/**
 * Whether a backend keeps the key from other programs of the same user: the Keychain, DPAPI and the
 * Linux keyrings do; `basic_text` encrypts with a password built into Chromium, and `unknown` means
 * the backend could not be told (asked before the app was ready), so neither counts.
 */
export function protects(backend: VaultBackend): boolean {
  return backend !== 'basic_text' && backend !== 'unknown';
}
