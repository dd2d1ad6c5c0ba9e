import type { KeyStorage } from '../../common/key-storage';
import {
  type MemoryOnlyCause,
  memoryOnlyNote,
  noKeyNote,
  otherBackendReason,
  savedNote,
  UNAVAILABLE_REASON,
  UNREADABLE_REASON,
} from './key-storage-words';
import { currentBackend, protects, type SecretCipher, type VaultBackend } from './secret-cipher';
import type { VaultRecord, VaultRecordStore } from './vault-record';

/** What {@link CredentialVault.readKey} answers. */
export type KeyRead = { ok: true; key: string } | { ok: false; keyStorage: 'needs-key'; reason: string };

/** How one profile's key is kept, and that in words for the settings form. */
export interface KeyStorageView {
  keyStorage: KeyStorage;
  note: string;
  /** The key is in memory only because there is no keyring: saving with `allowWeakStorage` would keep it on disk. */
  weakOptIn?: boolean;
}

/** How {@link CredentialVault.saveKey} may keep a key. */
export interface SaveKeyOptions {
  /** On Linux without a keyring: save the key on disk under weak protection anyway. */
  allowWeakStorage?: boolean;
}

/** What {@link CredentialVault.open} works with. */
export interface CredentialVaultOptions {
  cipher: SecretCipher;
  records: VaultRecordStore;
  /** Epoch ms, for `savedAt`; `Date.now` by default. */
  now?: () => number;
}

/** A key known this run: decrypted from its record (with that record's backend), or held in memory only, and why. */
type HeldKey = { key: string; backend: VaultBackend } | { key: string; memoryOnly: MemoryOnlyCause };

/**
 * The secret keys of the app profiles. On disk only as ciphertext from the OS (macOS Keychain,
 * Windows DPAPI, a Linux keyring), with the backend that encrypted it. On Linux without a keyring a
 * key stays in memory for this run unless the user opts in to weak protection; with no encryption
 * at all it stays in memory. A saved key that does not decrypt, or was encrypted by another backend,
 * signs the profile out ("enter the key again"); its record is left as it was, so a keyring that
 * was only locked reads it again at the next start.
 *
 * Saved keys are decrypted once, in {@link CredentialVault.open}, so reads are synchronous. The key
 * leaves only through {@link CredentialVault.readKey}: never in a note, a reason or an error.
 */
export class CredentialVault {
  private readonly held = new Map<string, HeldKey>();
  private readonly signedOut = new Map<string, string>();
  private saving: Promise<unknown> = Promise.resolve();

  private constructor(
    private readonly cipher: SecretCipher,
    private readonly records: VaultRecordStore,
    private readonly now: () => number,
    private available: boolean,
  ) {}

  /** Opens the vault over its records, decrypting each one (call after Electron's `ready`). */
  static async open(options: CredentialVaultOptions): Promise<CredentialVault> {
    const available = await options.cipher.isEncryptionAvailable().catch(() => false);
    const vault = new CredentialVault(options.cipher, options.records, options.now ?? Date.now, available);
    for (const [profileId, record] of Object.entries(options.records.all())) {
      await vault.unlock(profileId, record);
    }
    return vault;
  }

  /**
   * Keeps `key` for a profile, replacing any key it had, and says how it is kept: `protected` by the
   * OS, `weak` (Linux without a keyring, only with `allowWeakStorage`), or `this-run-only`.
   * @throws Error when `key` is empty (the message never holds the key).
   */
  saveKey(profileId: string, key: string, options: SaveKeyOptions = {}): Promise<KeyStorage> {
    if (key.length === 0) return Promise.reject(new Error('The secret key is empty.'));
    // One save at a time, so two quick saves of one profile end with the later key.
    const saved = this.saving.then(() => this.store(profileId, key, options.allowWeakStorage === true));
    this.saving = saved.catch(() => undefined);
    return saved;
  }

  /** The profile's key, or why there is none (signed out, never saved, forgotten at a restart). */
  readKey(profileId: string): KeyRead {
    const held = this.held.get(profileId);
    if (held) return { ok: true, key: held.key };
    return { ok: false, keyStorage: 'needs-key', reason: this.storage(profileId).note };
  }

  /** Drops the profile's key from memory and from disk. */
  forget(profileId: string): void {
    this.held.delete(profileId);
    this.signedOut.delete(profileId);
    this.records.remove(profileId);
  }

  /** How the profile's key is kept, in words for the settings form. */
  storage(profileId: string): KeyStorageView {
    const held = this.held.get(profileId);
    if (held && 'memoryOnly' in held)
      return {
        keyStorage: 'this-run-only',
        note: memoryOnlyNote(held.memoryOnly),
        ...(held.memoryOnly === 'no-keyring' ? { weakOptIn: true } : {}),
      };
    if (held) {
      return { keyStorage: protects(held.backend) ? 'protected' : 'weak', note: savedNote(held.backend) };
    }
    const reason = this.signedOut.get(profileId);
    if (reason) return { keyStorage: 'needs-key', note: reason };
    const cause = this.memoryOnlyCause();
    return {
      keyStorage: 'needs-key',
      note: noKeyNote(cause),
      ...(cause === 'no-keyring' ? { weakOptIn: true } : {}),
    };
  }

  private async store(profileId: string, key: string, allowWeak: boolean): Promise<KeyStorage> {
    this.signedOut.delete(profileId);
    this.available = await this.cipher.isEncryptionAvailable().catch(() => false);
    const cause = this.memoryOnlyCause(allowWeak);
    if (cause) return this.keepInMemory(profileId, key, cause);
    const backend = currentBackend(this.cipher);
    let ciphertext: Buffer;
    try {
      ciphertext = await this.cipher.encryptString(key);
    } catch {
      return this.keepInMemory(profileId, key, 'encrypt-failed');
    }
    this.records.put(profileId, this.record(ciphertext, backend));
    this.held.set(profileId, { key, backend });
    return protects(backend) ? 'protected' : 'weak';
  }

  private keepInMemory(profileId: string, key: string, cause: MemoryOnlyCause): KeyStorage {
    // A record left from an earlier key would come back at the next start in place of this one.
    this.records.remove(profileId);
    this.held.set(profileId, { key, memoryOnly: cause });
    return 'this-run-only';
  }

  /** Why a key saved now would stay in memory, or null when it can go to disk. */
  private memoryOnlyCause(allowWeak = false): MemoryOnlyCause | null {
    const backend = currentBackend(this.cipher);
    if (backend === 'unknown') return 'backend-unknown';
    if (backend === 'basic_text' && !allowWeak) return 'no-keyring';
    if (!this.available) return 'no-encryption';
    return null;
  }

  private async unlock(profileId: string, record: VaultRecord): Promise<void> {
    const backend = currentBackend(this.cipher);
    if (record.backend !== backend) {
      this.signedOut.set(profileId, otherBackendReason(record.backend, backend));
      return;
    }
    if (!this.available) {
      this.signedOut.set(profileId, UNAVAILABLE_REASON);
      return;
    }
    let decrypted: { result: string; shouldReEncrypt: boolean };
    try {
      decrypted = await this.cipher.decryptString(Buffer.from(record.ciphertext, 'base64'));
    } catch {
      this.signedOut.set(profileId, UNREADABLE_REASON);
      return;
    }
    // Chromium answers some undecryptable input with an empty string rather than an error.
    if (decrypted.result.length === 0) {
      this.signedOut.set(profileId, UNREADABLE_REASON);
      return;
    }
    this.held.set(profileId, { key: decrypted.result, backend });
    if (decrypted.shouldReEncrypt) await this.reEncrypt(profileId, decrypted.result, backend);
  }

  private async reEncrypt(profileId: string, key: string, backend: VaultBackend): Promise<void> {
    try {
      this.records.put(profileId, this.record(await this.cipher.encryptString(key), backend));
    } catch {
      // The old record still decrypts; the OS asks again at the next start.
    }
  }

  private record(ciphertext: Buffer, backend: VaultBackend): VaultRecord {
    return {
      ciphertext: ciphertext.toString('base64'),
      backend,
      savedAt: new Date(this.now()).toISOString(),
    };
  }
}
