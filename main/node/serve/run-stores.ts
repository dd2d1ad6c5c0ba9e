import type { KeyStorage } from '../../common/key-storage';
import type { KeyStore, ProfileRecord, ProfileStore } from '../../service/service-ports';

/**
 * App profiles of one `headcount serve` run, seeded from the command line. Rooms and profiles
 * changed from the browser last for this run only: the settings file is written by hand and never
 * rewritten behind its author's back.
 */
export class RunProfileStore implements ProfileStore {
  private readonly profiles = new Map<string, ProfileRecord>();

  constructor(seed: readonly ProfileRecord[]) {
    for (const profile of seed) this.save(profile);
  }

  list(): ProfileRecord[] {
    return [...this.profiles.values()].map((profile) => ({ ...profile, rooms: [...profile.rooms] }));
  }

  save(profile: ProfileRecord): void {
    this.profiles.set(profile.id, { ...profile, rooms: [...profile.rooms] });
  }

  remove(profileId: string): void {
    this.profiles.delete(profileId);
  }
}

const FROM_ENVIRONMENT =
  'Read from HEADCOUNT_SECRET_KEY or its file when headcount serve started; held in memory and never sent to the browser.';
const FROM_BROWSER =
  'Kept in memory by headcount serve for this run only; it is never sent back to the browser.';

/**
 * Secret keys held in memory for this run. Only the service reads them back, to sign UserSigs;
 * no transport ever carries a key outward.
 */
export class RunKeyStore implements KeyStore {
  private readonly keys = new Map<string, { key: string; note: string }>();

  /** A key that came with the command's credentials. */
  seed(profileId: string, key: string): void {
    this.keys.set(profileId, { key, note: FROM_ENVIRONMENT });
  }

  async saveKey(profileId: string, key: string): Promise<KeyStorage> {
    this.keys.set(profileId, { key, note: FROM_BROWSER });
    return 'this-run-only';
  }

  readKey(profileId: string): { ok: true; key: string } | { ok: false; reason: string } {
    const held = this.keys.get(profileId);
    return held ? { ok: true, key: held.key } : { ok: false, reason: 'No secret key for this app yet.' };
  }

  forget(profileId: string): void {
    this.keys.delete(profileId);
  }

  storage(profileId: string): { keyStorage: KeyStorage; note: string } {
    const held = this.keys.get(profileId);
    return held
      ? { keyStorage: 'this-run-only', note: held.note }
      : {
          keyStorage: 'needs-key',
          note: 'No secret key yet: enter it to start watching (kept for this run).',
        };
  }
}
