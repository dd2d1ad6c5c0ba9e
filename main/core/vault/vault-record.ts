import { z } from 'zod';
import { VAULT_BACKENDS } from './secret-cipher';

/**
 * One saved secret key as it sits in the settings file: ciphertext only, with the backend that
 * encrypted it (a key encrypted by one backend cannot be read by another) and when it was saved.
 */
export const vaultRecordSchema = z.strictObject({
  /** The encrypted key, base64. */
  ciphertext: z.base64().min(1),
  backend: z.enum(VAULT_BACKENDS),
  /** ISO-8601. */
  savedAt: z.iso.datetime(),
});

/** One saved key, as {@link vaultRecordSchema} describes it. */
export type VaultRecord = z.infer<typeof vaultRecordSchema>;

/** Where the vault keeps its records: the `vault` section of the app's settings, or memory in tests. */
export interface VaultRecordStore {
  /** Every record, by profile id. */
  all(): Readonly<Record<string, VaultRecord>>;
  put(profileId: string, record: VaultRecord): void;
  remove(profileId: string): void;
}

/** A {@link VaultRecordStore} in memory; `records` may be shared to play a restart. */
export function memoryRecordStore(records: Record<string, VaultRecord> = {}): VaultRecordStore {
  return {
    all: () => records,
    put: (profileId, record) => {
      records[profileId] = record;
    },
    remove: (profileId) => {
      delete records[profileId];
    },
  };
}
