import { describe, expect, it } from 'vitest';
import { CredentialVault } from '../../../main/core/vault/credential-vault';
import {
  memoryRecordStore,
  type VaultRecord,
  vaultRecordSchema,
} from '../../../main/core/vault/vault-record';
import { fakeCipher } from './fake-cipher';

const KEY = '5f3c9a1e7b2d4c6f8a0e1b3d5c7f9a2e4b6d8f0a1c3e5b7d9f2a4c6e8b0d1f3a';
const MACHINE = 'this machine, this account';
const SAVED_AT = Date.UTC(2026, 10, 26, 12, 0, 0);

type Options = Parameters<typeof fakeCipher>[0];

async function openVault(records: Record<string, VaultRecord>, options: Options = {}) {
  const { storage, cipher } = fakeCipher({ machineSecret: MACHINE, ...options });
  const vault = await CredentialVault.open({
    cipher,
    records: memoryRecordStore(records),
    now: () => SAVED_AT,
  });
  return { vault, storage };
}

/** Everything the vault says about a profile, to check that the key is never part of it. */
function words(vault: CredentialVault, profileId: string): string {
  const read = vault.readKey(profileId);
  return JSON.stringify([vault.storage(profileId), read.ok ? null : read]);
}

describe('the credential vault', () => {
  it.each([
    ['darwin', 'keychain', 'Saved in the macOS Keychain.'],
    ['win32', 'dpapi', 'Saved encrypted by Windows for your account (DPAPI).'],
    ['linux', 'gnome_libsecret', 'Saved in your keyring (Secret Service: GNOME Keyring or compatible).'],
  ] as const)(
    'on %s keeps the key as %s ciphertext, readable after a restart',
    async (platform, backend, note) => {
      const records: Record<string, VaultRecord> = {};
      const { vault } = await openVault(records, { platform });
      expect(await vault.saveKey('main', KEY)).toBe('protected');
      expect(vault.storage('main')).toEqual({ keyStorage: 'protected', note });

      const record = records.main as VaultRecord;
      expect(vaultRecordSchema.parse(record)).toEqual(record);
      expect(record).toMatchObject({ backend, savedAt: new Date(SAVED_AT).toISOString() });
      expect(Buffer.from(record.ciphertext, 'base64').includes(KEY)).toBe(false);
      expect(JSON.stringify(records)).not.toContain(KEY);

      const { vault: afterRestart } = await openVault(records, { platform });
      expect(afterRestart.readKey('main')).toEqual({ ok: true, key: KEY });
      expect(afterRestart.storage('main').keyStorage).toBe('protected');
    },
  );

  it('keeps the key in memory for this run only on Linux without a keyring, and says so', async () => {
    const records: Record<string, VaultRecord> = {};
    const { vault } = await openVault(records, { backend: 'basic_text' });
    expect(vault.storage('main')).toEqual({
      keyStorage: 'needs-key',
      note: expect.stringMatching(/no keyring, so Headcount will keep it in memory/),
      weakOptIn: true,
    });
    expect(await vault.saveKey('main', KEY)).toBe('this-run-only');
    expect(records).toEqual({});
    expect(vault.readKey('main')).toEqual({ ok: true, key: KEY });
    expect(vault.storage('main')).toEqual({
      keyStorage: 'this-run-only',
      note: expect.stringMatching(/^Kept in memory only: this Linux session has no keyring.*weak protection/),
      weakOptIn: true,
    });

    const { vault: afterRestart } = await openVault(records, { backend: 'basic_text' });
    expect(afterRestart.readKey('main')).toEqual({
      ok: false,
      keyStorage: 'needs-key',
      reason: expect.stringMatching(/^No secret key yet: enter it/),
    });
  });

  it('saves under weak protection on Linux without a keyring only when the user chose it', async () => {
    const records: Record<string, VaultRecord> = {};
    const { vault } = await openVault(records, { backend: 'basic_text' });
    expect(await vault.saveKey('main', KEY, { allowWeakStorage: true })).toBe('weak');
    expect(records.main?.backend).toBe('basic_text');
    expect(vault.storage('main').note).toMatch(/^Saved with weak protection \(you chose this\)/);

    const { vault: afterRestart } = await openVault(records, { backend: 'basic_text' });
    expect(afterRestart.readKey('main')).toEqual({ ok: true, key: KEY });
    expect(afterRestart.storage('main').keyStorage).toBe('weak');
    expect(afterRestart.storage('main').weakOptIn).toBeUndefined();
  });

  it('never persists a key where a keyring is expected but does not answer', async () => {
    const records: Record<string, VaultRecord> = {};
    const { vault } = await openVault(records, { keyringReachable: false });
    expect(await vault.saveKey('main', KEY, { allowWeakStorage: true })).toBe('this-run-only');
    expect(records).toEqual({});
    expect(vault.storage('main').note).toMatch(/^Kept in memory only: this system does not offer encryption/);
    expect(vault.readKey('main')).toEqual({ ok: true, key: KEY });

    const { vault: beforeReady } = await openVault(records, { ready: false });
    expect(await beforeReady.saveKey('main', KEY)).toBe('this-run-only');
    expect(beforeReady.storage('main').note).toMatch(/could not tell which keyring/);
  });

  it('signs a profile out when the saved key was encrypted by another backend, and keeps its record', async () => {
    const records: Record<string, VaultRecord> = {};
    const { vault } = await openVault(records, { backend: 'gnome_libsecret' });
    await vault.saveKey('main', KEY);
    const saved = structuredClone(records);

    const { vault: onKde } = await openVault(records, { backend: 'kwallet5' });
    const read = onKde.readKey('main');
    expect(read).toEqual({ ok: false, keyStorage: 'needs-key', reason: expect.any(String) });
    expect(read.ok ? '' : read.reason).toBe(
      'Signed out: the secret key was saved with the Secret Service keyring, but this session uses KWallet 5, ' +
        'which cannot read it. Enter the secret key again.',
    );
    expect(onKde.storage('main').keyStorage).toBe('needs-key');
    expect(records).toEqual(saved);

    expect(await onKde.saveKey('main', KEY)).toBe('protected');
    expect(records.main?.backend).toBe('kwallet5');
    expect(onKde.readKey('main')).toEqual({ ok: true, key: KEY });
  });

  it('signs a profile out when its saved key no longer decrypts, without throwing', async () => {
    const records: Record<string, VaultRecord> = {};
    const { vault } = await openVault(records);
    await vault.saveKey('damaged', KEY);
    await vault.saveKey('copied', KEY);
    await vault.saveKey('blank', KEY);
    const bytes = Buffer.from(records.damaged?.ciphertext ?? '', 'base64');
    bytes[bytes.length - 1] = (bytes.at(-1) ?? 0) ^ 0xff;
    records.damaged = { ...(records.damaged as VaultRecord), ciphertext: bytes.toString('base64') };
    records.blank = { ...(records.blank as VaultRecord), ciphertext: 'AAAA' };
    const { cipher } = fakeCipher({ machineSecret: 'another computer' });
    const fromElsewhere = await cipher.encryptString(KEY);
    records.copied = { ...(records.copied as VaultRecord), ciphertext: fromElsewhere.toString('base64') };

    const { vault: afterRestart } = await openVault(records);
    for (const profile of ['damaged', 'copied', 'blank']) {
      expect(afterRestart.readKey(profile)).toEqual({
        ok: false,
        keyStorage: 'needs-key',
        reason: expect.stringMatching(
          /^Signed out: the saved secret key can no longer be decrypted.*again\.$/,
        ),
      });
      expect(afterRestart.storage(profile).keyStorage).toBe('needs-key');
    }
  });

  it('signs a profile out while encryption is unavailable, and reads the key again once it is back', async () => {
    const records: Record<string, VaultRecord> = {};
    await (await openVault(records)).vault.saveKey('main', KEY);

    const { vault: locked } = await openVault(records, { keyringReachable: false });
    expect(locked.readKey('main')).toMatchObject({
      ok: false,
      reason: expect.stringMatching(/not available right now/),
    });
    expect(records.main).toBeDefined();

    const { vault: unlocked } = await openVault(records);
    expect(unlocked.readKey('main')).toEqual({ ok: true, key: KEY });
  });

  it('re-encrypts a key when the OS rotated its own key', async () => {
    const records: Record<string, VaultRecord> = {};
    const { storage, cipher } = fakeCipher({ machineSecret: MACHINE });
    const open = () => CredentialVault.open({ cipher, records: memoryRecordStore(records) });
    await (await open()).saveKey('main', KEY);
    const before = records.main?.ciphertext ?? '';
    expect(await cipher.decryptString(Buffer.from(before, 'base64'))).toEqual({
      result: KEY,
      shouldReEncrypt: false,
    });

    storage.rotateKey();
    expect((await open()).readKey('main')).toEqual({ ok: true, key: KEY });
    const after = records.main?.ciphertext ?? '';
    expect(after).not.toBe(before);
    expect(await cipher.decryptString(Buffer.from(after, 'base64'))).toEqual({
      result: KEY,
      shouldReEncrypt: false,
    });
  });

  it('drops an older record when a replacement key can only be kept in memory', async () => {
    const records: Record<string, VaultRecord> = {};
    const { vault, storage } = await openVault(records);
    await vault.saveKey('main', 'the old key');
    storage.keyringReachable = false;
    expect(await vault.saveKey('main', KEY)).toBe('this-run-only');
    expect(records).toEqual({});
    expect(vault.readKey('main')).toEqual({ ok: true, key: KEY });
  });

  it('forgets a key in memory and on disk', async () => {
    const records: Record<string, VaultRecord> = {};
    const { vault } = await openVault(records);
    await vault.saveKey('main', KEY);
    vault.forget('main');
    expect(records).toEqual({});
    expect(vault.readKey('main')).toMatchObject({ ok: false, keyStorage: 'needs-key' });
    expect((await openVault(records)).vault.readKey('main').ok).toBe(false);
  });

  it('ends two quick saves of one profile with the later key', async () => {
    const records: Record<string, VaultRecord> = {};
    const { vault } = await openVault(records);
    await Promise.all([vault.saveKey('main', 'first key'), vault.saveKey('main', KEY)]);
    expect(vault.readKey('main')).toEqual({ ok: true, key: KEY });
    expect((await openVault(records)).vault.readKey('main')).toEqual({ ok: true, key: KEY });
  });

  it('refuses an empty key, and never puts the key in a note, a reason or an error', async () => {
    const records: Record<string, VaultRecord> = {};
    const { vault } = await openVault(records, { backend: 'basic_text' });
    await expect(vault.saveKey('main', '')).rejects.toThrow('The secret key is empty.');
    await vault.saveKey('memory', KEY);
    await vault.saveKey('weak', KEY, { allowWeakStorage: true });
    const { vault: elsewhere } = await openVault(records, { backend: 'kwallet6' });
    await elsewhere.saveKey('protected', KEY);
    for (const [v, profile] of [
      [vault, 'memory'],
      [vault, 'weak'],
      [elsewhere, 'weak'],
      [elsewhere, 'protected'],
      [elsewhere, 'missing'],
    ] as const) {
      expect(words(v, profile)).not.toContain(KEY.slice(0, 16));
    }
  });
});
