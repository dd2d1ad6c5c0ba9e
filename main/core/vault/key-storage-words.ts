/**
 * What the vault tells people about a key, in words. None of these ever carries the key, a part of
 * it or its ciphertext.
 */
import type { VaultBackend } from './secret-cipher';

/** Why a key is kept in memory for this run only. */
export type MemoryOnlyCause = 'no-keyring' | 'backend-unknown' | 'no-encryption' | 'encrypt-failed';

const FORGOTTEN = 'so it is forgotten when Headcount quits and asked for again at the next start';

/** Where a saved key is, for the settings form ("Saved in the macOS Keychain"). */
export function savedNote(backend: VaultBackend): string {
  switch (backend) {
    case 'keychain':
      return 'Saved in the macOS Keychain.';
    case 'dpapi':
      return 'Saved encrypted by Windows for your account (DPAPI).';
    case 'gnome_libsecret':
      return 'Saved in your keyring (Secret Service: GNOME Keyring or compatible).';
    case 'kwallet':
    case 'kwallet5':
    case 'kwallet6':
      return 'Saved in KWallet.';
    case 'basic_text':
    case 'unknown':
      return (
        'Saved with weak protection (you chose this): this Linux session has no keyring, so the key is ' +
        'encrypted with a password built into Chromium that any program running as you can use. Set up ' +
        'GNOME Keyring or KWallet and enter the key again to protect it.'
      );
  }
}

/** Why a key is kept in memory only. */
export function memoryOnlyNote(cause: MemoryOnlyCause): string {
  switch (cause) {
    case 'no-keyring':
      return (
        `Kept in memory only: this Linux session has no keyring (GNOME Keyring or KWallet), ${FORGOTTEN}. ` +
        'You can choose to save it with weak protection instead.'
      );
    case 'backend-unknown':
      return `Kept in memory only: Headcount could not tell which keyring this session uses, ${FORGOTTEN}.`;
    case 'no-encryption':
      return `Kept in memory only: this system does not offer encryption to Headcount right now, ${FORGOTTEN}.`;
    case 'encrypt-failed':
      return `Kept in memory only: the system refused to encrypt the key, ${FORGOTTEN}.`;
  }
}

const BACKEND_NAMES: Record<VaultBackend, string> = {
  keychain: 'the macOS Keychain',
  dpapi: 'Windows (DPAPI)',
  gnome_libsecret: 'the Secret Service keyring',
  kwallet: 'KWallet',
  kwallet5: 'KWallet 5',
  kwallet6: 'KWallet 6',
  basic_text: 'weak protection (no keyring)',
  unknown: 'an unknown keyring',
};

const AGAIN = 'Enter the secret key again.';

/** A saved key encrypted by another backend than the one this session uses. */
export function otherBackendReason(saved: VaultBackend, now: VaultBackend): string {
  return (
    `Signed out: the secret key was saved with ${BACKEND_NAMES[saved]}, but this session uses ` +
    `${BACKEND_NAMES[now]}, which cannot read it. ${AGAIN}`
  );
}

/** A saved key while encryption is unavailable. */
export const UNAVAILABLE_REASON =
  'Signed out: the secret key is saved encrypted, but encryption is not available right now (is the ' +
  `keyring locked or missing?). ${AGAIN}`;

/** A saved key that no longer decrypts. */
export const UNREADABLE_REASON =
  'Signed out: the saved secret key can no longer be decrypted (the keyring was reset, or the settings ' +
  `came from another computer or account). ${AGAIN}`;

/** No key for this profile yet, with what will happen to one on this system. */
export function noKeyNote(memoryOnly: MemoryOnlyCause | null): string {
  const first = 'No secret key yet: enter it to start watching.';
  if (memoryOnly === 'no-keyring') {
    return `${first} This Linux session has no keyring, so Headcount will keep it in memory until it quits unless you choose weak protection.`;
  }
  if (memoryOnly) return `${first} Headcount will keep it in memory until it quits.`;
  return first;
}
