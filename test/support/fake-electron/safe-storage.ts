/**
 * `safeStorage`, behaving as Electron's does where the vault can tell: real AES-GCM under a key that
 * belongs to the selected backend (so a key saved under one backend does not decrypt under another),
 * `v10`/`v11` prefixes as Chromium writes them on Linux, Electron's error messages, encryption
 * unavailable before `ready` or when the keyring cannot be reached, and `basic_text` available only
 * after `setUsePlainTextEncryption(true)` (Electron's `IsEncryptionAvailable` on Linux).
 */
import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto';

type Backend = 'basic_text' | 'gnome_libsecret' | 'kwallet' | 'kwallet5' | 'kwallet6' | 'unknown';

export interface FakeSafeStorageOptions {
  backend?: Backend;
  /** False plays a keyring that cannot be reached (locked, its daemon gone). */
  keyringReachable?: boolean;
  /** False plays the time before the app's `ready` event. */
  ready?: boolean;
  /** Stands for this machine and account: two instances with one secret read each other's ciphertext. */
  machineSecret?: string;
}

const ENCRYPT_ERROR =
  'Error while encrypting the text provided to safeStorage.encryptString. Encryption is not available.';
const DECRYPT_ERROR = 'Error while decrypting the ciphertext provided to safeStorage.decryptString.';

export class FakeSafeStorage {
  backend: Backend;
  keyringReachable: boolean;
  ready: boolean;
  plainTextAllowed = false;
  private readonly machineSecret: string;
  /** The newest key generation; older ones still decrypt and ask for re-encryption. */
  private generation = 0;

  constructor(options: FakeSafeStorageOptions = {}) {
    this.backend = options.backend ?? 'gnome_libsecret';
    this.keyringReachable = options.keyringReachable ?? true;
    this.ready = options.ready ?? true;
    this.machineSecret = options.machineSecret ?? randomBytes(16).toString('hex');
  }

  getSelectedStorageBackend(): Backend {
    return this.ready ? this.backend : 'unknown';
  }

  setUsePlainTextEncryption(usePlainText: boolean): void {
    this.plainTextAllowed = usePlainText;
  }

  /** @deprecated as in Electron 45: use {@link isAsyncEncryptionAvailable}. */
  isEncryptionAvailable(): boolean {
    if (!this.ready) return false;
    if (this.backend === 'basic_text') return this.plainTextAllowed;
    return this.keyringReachable;
  }

  async isAsyncEncryptionAvailable(): Promise<boolean> {
    return this.isEncryptionAvailable();
  }

  /** @deprecated as in Electron 45: use {@link encryptStringAsync}. */
  encryptString(plainText: string): Buffer {
    if (!this.isEncryptionAvailable()) throw new Error(ENCRYPT_ERROR);
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', this.key(this.generation), iv);
    const body = Buffer.concat([cipher.update(plainText, 'utf8'), cipher.final()]);
    return Buffer.concat([
      Buffer.from(this.prefix()),
      Buffer.of(this.generation),
      iv,
      cipher.getAuthTag(),
      body,
    ]);
  }

  async encryptStringAsync(plainText: string): Promise<Buffer> {
    return this.encryptString(plainText);
  }

  /** @deprecated as in Electron 45: use {@link decryptStringAsync}. */
  decryptString(encrypted: Buffer): string {
    return this.open(encrypted).result;
  }

  async decryptStringAsync(encrypted: Buffer): Promise<{ result: string; shouldReEncrypt: boolean }> {
    return this.open(encrypted);
  }

  /** Test control: the OS rotates its key; what was encrypted before still decrypts, once more. */
  rotateKey(): void {
    this.generation++;
  }

  private open(encrypted: Buffer): { result: string; shouldReEncrypt: boolean } {
    if (!this.isEncryptionAvailable()) throw new Error(DECRYPT_ERROR);
    const prefix = encrypted.subarray(0, 3).toString();
    const generation = encrypted[3];
    if (prefix !== this.prefix() || generation === undefined || generation > this.generation) {
      throw new Error(DECRYPT_ERROR);
    }
    try {
      const decipher = createDecipheriv('aes-256-gcm', this.key(generation), encrypted.subarray(4, 16));
      decipher.setAuthTag(encrypted.subarray(16, 32));
      const result = Buffer.concat([decipher.update(encrypted.subarray(32)), decipher.final()]).toString(
        'utf8',
      );
      return { result, shouldReEncrypt: generation < this.generation };
    } catch {
      throw new Error(DECRYPT_ERROR);
    }
  }

  private prefix(): string {
    return this.backend === 'basic_text' ? 'v10' : 'v11';
  }

  private key(generation: number): Buffer {
    return createHash('sha256').update(`${this.machineSecret}/${this.backend}/${generation}`).digest();
  }
}

/** The module's `safeStorage`; tests set its fields to play a system. */
export const safeStorage = new FakeSafeStorage();
