import { describe, expect, it } from 'vitest';
import { noKeyNote, savedNote } from '../../../main/core/vault/key-storage-words';

describe('where a key is kept, in words', () => {
  it('names KWallet for every version of it, and weak protection for a session without a keyring', () => {
    for (const backend of ['kwallet', 'kwallet5', 'kwallet6'] as const) {
      expect(savedNote(backend)).toBe('Saved in KWallet.');
    }
    for (const backend of ['basic_text', 'unknown'] as const) {
      expect(savedNote(backend)).toBe(
        'Saved with weak protection (you chose this): this Linux session has no keyring, so the key is ' +
          'encrypted with a password built into Chromium that any program running as you can use. Set up ' +
          'GNOME Keyring or KWallet and enter the key again to protect it.',
      );
    }
  });

  it('says what happens to a first key: kept in memory without a keyring or a way to encrypt, saved otherwise', () => {
    const first = 'No secret key yet: enter it to start watching.';
    expect(noKeyNote(null)).toBe(first);
    expect(noKeyNote('no-keyring')).toBe(
      `${first} This Linux session has no keyring, so Headcount will keep it in memory until it quits unless you choose weak protection.`,
    );
    for (const cause of ['backend-unknown', 'no-encryption', 'encrypt-failed'] as const) {
      expect(noKeyNote(cause)).toBe(`${first} Headcount will keep it in memory until it quits.`);
    }
  });
});
