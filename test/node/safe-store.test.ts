import { mkdirSync, mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Conf from 'conf';
import { describe, expect, it } from 'vitest';
import { defaultAppSettings } from '../../main/core/settings/app-settings';
import { appSettingsDocument } from '../../main/core/settings/app-settings-load';
import { vaultRecordsIn } from '../../main/core/settings/app-settings-vault';
import { CredentialVault } from '../../main/core/vault/credential-vault';
import { type ConfFactory, openSafeStore } from '../../main/node/safe-store';
import { fakeCipher } from '../core/vault/fake-cipher';

const NOW = Date.UTC(2026, 10, 26, 12, 0, 0);
const STAMP = '2026-11-26T12-00-00-000Z';
const TOKEN = 'hook-token-5e1f';

function folder(): string {
  return mkdtempSync(join(tmpdir(), 'headcount-safe-store-'));
}

function confIn(dir: string): ConfFactory {
  return (options) => new Conf<Record<string, unknown>>({ ...options, cwd: dir, configName: 'settings' });
}

function open(dir: string) {
  return openSafeStore(confIn(dir), appSettingsDocument, { now: () => NOW });
}

const mode = (path: string) => statSync(path).mode & 0o777;
const fileIn = (dir: string) => join(dir, 'settings.json');
const readJson = (path: string) => JSON.parse(readFileSync(path, 'utf8'));

describe('a settings file opened safely with conf', () => {
  it('starts from the defaults without a file, and writes one only its owner can read', () => {
    const dir = folder();
    const store = open(dir);
    expect(store.path).toBe(fileIn(dir));
    expect(store.notices).toEqual([]);
    expect(store.read()).toEqual(defaultAppSettings());
    expect(readdirSync(dir)).toEqual([]);

    const changed = store.update((current) => ({ ...current, theme: 'dark' }));
    expect(changed.theme).toBe('dark');
    expect(mode(store.path)).toBe(0o600);
    expect(readJson(store.path)).toMatchObject({ schemaVersion: 1, theme: 'dark' });
    expect(open(dir).read().theme).toBe('dark');
  });

  it('reads a good file as it is and narrows its mode to 0600', () => {
    const dir = folder();
    writeFileSync(fileIn(dir), JSON.stringify({ schemaVersion: 1, launchAtLogin: true }), { mode: 0o644 });
    const store = open(dir);
    expect(store.notices).toEqual([]);
    expect(store.read().launchAtLogin).toBe(true);
    expect(mode(fileIn(dir))).toBe(0o600);
    expect(readdirSync(dir)).toEqual(['settings.json']);
  });

  it('reads a file that starts with a byte-order mark, and an empty one as the defaults, keeping neither aside', () => {
    const dir = folder();
    writeFileSync(fileIn(dir), `\uFEFF${JSON.stringify({ schemaVersion: 1, theme: 'dark' })}`);
    const bom = open(dir);
    expect(bom.notices).toEqual([]);
    expect(bom.read().theme).toBe('dark');
    writeFileSync(fileIn(dir), '\n');
    const empty = open(dir);
    expect(empty.notices).toEqual([]);
    expect(empty.read()).toEqual(defaultAppSettings());
    expect(readdirSync(dir)).toEqual(['settings.json']);
  });

  it('keeps a truncated file aside, starts with the defaults and says where the file went', () => {
    const dir = folder();
    const text = `{"schemaVersion": 1, "webhooks": [{"format": "slack", "url": "https://hooks.slack.com/${TOKEN}`;
    writeFileSync(fileIn(dir), text, { mode: 0o644 });
    const store = open(dir);
    const backup = join(dir, `settings.corrupt-${STAMP}.json`);
    expect(store.read()).toEqual(defaultAppSettings());
    expect(readFileSync(backup, 'utf8')).toBe(text);
    expect(mode(backup)).toBe(0o600);
    expect(readdirSync(dir)).toEqual([`settings.corrupt-${STAMP}.json`]);
    expect(store.notices).toEqual([
      `The settings file ${fileIn(dir)} could not be used (it is not valid JSON at line 1, column ${text.length + 1}: cut short, or broken by an edit). ` +
        `Headcount started with default settings; the damaged file is kept as ${backup}.`,
    ]);
    expect(store.notices.join()).not.toContain(TOKEN);

    store.write({ ...store.read(), theme: 'light' });
    expect(open(dir).notices).toEqual([]);
  });

  it('keeps what is valid of a file with wrong types, writes that, and keeps the original aside', () => {
    const dir = folder();
    const original = {
      schemaVersion: 1,
      profiles: [{ id: 'sg', label: 'SG', sdkAppId: '1400123456', identifier: 'admin', region: 'singapore' }],
      theme: 'dark',
      popover: { width: 'wide', height: 500 },
    };
    writeFileSync(fileIn(dir), JSON.stringify(original));
    const store = open(dir);
    const backup = join(dir, `settings.invalid-${STAMP}.json`);
    expect(readJson(backup)).toEqual(original);
    expect(store.read()).toMatchObject({ profiles: [], theme: 'dark', popover: { width: 380, height: 520 } });
    expect(readJson(fileIn(dir))).toMatchObject({ schemaVersion: 1, profiles: [], theme: 'dark' });
    expect(store.notices).toHaveLength(1);
    expect(store.notices[0]).toMatch(
      /^Some settings in .*settings\.json were not valid and were left out \(/,
    );
    expect(store.notices[0]).toContain('profiles.0.sdkAppId: ');
    expect(store.notices[0]).toContain('popover.width: ');
    expect(store.notices[0]).toContain(`the file as it was is kept as ${backup}.`);
    expect(open(dir).notices).toEqual([]);
  });

  it("keeps a newer version's file unchanged aside, and says how to get it back", () => {
    const dir = folder();
    const text = JSON.stringify({ schemaVersion: 2, profiles: { new: 'shape' } });
    writeFileSync(fileIn(dir), text);
    const store = open(dir);
    const backup = join(dir, `settings.newer-v2-${STAMP}.json`);
    expect(store.read()).toEqual(defaultAppSettings());
    expect(readFileSync(backup, 'utf8')).toBe(text);
    expect(readdirSync(dir)).toEqual([`settings.newer-v2-${STAMP}.json`]);
    expect(store.notices[0]).toMatch(/written by a newer version of Headcount \(settings version 2\)/);
    expect(store.notices[0]).toContain(`kept unchanged as ${backup}`);
    expect(store.notices[0]).toMatch(/rename it back to settings\.json\.$/);
  });

  it('migrates a version-0 file and writes it at the current version', () => {
    const dir = folder();
    writeFileSync(fileIn(dir), JSON.stringify({ popover: [300, 400], tray: { number: 'sum' } }));
    const store = open(dir);
    expect(store.notices).toEqual([]);
    expect(readJson(fileIn(dir))).toMatchObject({ schemaVersion: 1, popover: { width: 300, height: 400 } });
    expect(mode(fileIn(dir))).toBe(0o600);
  });

  it('gives two files kept aside in the same millisecond different names', () => {
    const dir = folder();
    writeFileSync(fileIn(dir), '{');
    open(dir);
    writeFileSync(fileIn(dir), '[');
    open(dir);
    expect(readdirSync(dir).sort()).toEqual([
      `settings.corrupt-${STAMP}-2.json`,
      `settings.corrupt-${STAMP}.json`,
    ]);
  });

  it('runs on defaults in memory when the file cannot be read at all, and says so', () => {
    const dir = folder();
    mkdirSync(fileIn(dir));
    const store = open(dir);
    expect(store.read()).toEqual(defaultAppSettings());
    expect(store.notices).toEqual([
      'The settings file could not be opened (EISDIR). Headcount started with default settings ' +
        'and will not save changes this run.',
    ]);
    expect(store.update((current) => ({ ...current, theme: 'dark' })).theme).toBe('dark');
    expect(statSync(fileIn(dir)).isDirectory()).toBe(true);
  });

  it('keeps the vault in the file as ciphertext, readable by the next start', async () => {
    const dir = folder();
    const key = '5f3c9a1e7b2d4c6f8a0e1b3d5c7f9a2e4b6d8f0a1c3e5b7d9f2a4c6e8b0d1f3a';
    const startVault = () =>
      CredentialVault.open({
        cipher: fakeCipher({ machineSecret: 'here' }).cipher,
        records: vaultRecordsIn(open(dir)),
      });
    expect(await (await startVault()).saveKey('sg', key)).toBe('protected');
    const text = readFileSync(fileIn(dir), 'utf8');
    expect(text).not.toContain(key);
    expect(JSON.parse(text).vault.sg).toMatchObject({ backend: 'gnome_libsecret' });
    expect((await startVault()).readKey('sg')).toEqual({ ok: true, key });
  });
});
