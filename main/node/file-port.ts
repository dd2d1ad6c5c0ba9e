import { randomBytes } from 'node:crypto';
import { type FileHandle, mkdir, open, readFile, rename, unlink } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import type { FilePort } from '../core/file-port';
import { withFileLock } from './file-lock';

const FILE_MODE = 0o600;
const FOLDER_MODE = 0o700;
/** The pieces a large file is read in. */
const CHUNK_BYTES = 256 * 1024;

function isMissing(error: unknown): boolean {
  return (error as NodeJS.ErrnoException | null)?.code === 'ENOENT';
}

async function ensureFolder(path: string): Promise<void> {
  await mkdir(dirname(path), { recursive: true, mode: FOLDER_MODE });
}

/**
 * The {@link FilePort} on Node's file system. Files are created with mode 0600 and folders with
 * 0700 (alert text names rooms and counts a person may not want to share with other accounts).
 */
export const nodeFilePort: FilePort = {
  async read(path) {
    try {
      return await readFile(path, 'utf8');
    } catch (error) {
      if (isMissing(error)) return null;
      throw error;
    }
  },

  async readChunks(path) {
    let handle: FileHandle;
    try {
      handle = await open(path, 'r');
    } catch (error) {
      if (isMissing(error)) return null;
      throw error;
    }
    // Closed when read to the end, or when the reader stops early.
    return handle.createReadStream({ encoding: 'utf8', highWaterMark: CHUNK_BYTES });
  },

  async append(path, text) {
    await ensureFolder(path);
    const handle = await open(path, 'a', FILE_MODE);
    try {
      // The mode given to open applies only to a new file; an older one may have been created wider.
      await handle.chmod(FILE_MODE);
      const before = (await handle.stat()).size;
      try {
        await handle.appendFile(text, 'utf8');
      } catch (error) {
        // A full disk takes part of a write: cut it off again, so no reader finds half a line.
        await handle.truncate(before).catch(() => undefined);
        throw error;
      }
    } finally {
      await handle.close();
    }
  },

  async replace(path, text) {
    await ensureFolder(path);
    const temporary = join(dirname(path), `.${basename(path)}.${randomBytes(6).toString('hex')}.tmp`);
    try {
      const handle = await open(temporary, 'wx', FILE_MODE);
      try {
        await handle.writeFile(text, 'utf8');
        // Flushed before the rename, so a crash right after it cannot leave an empty file in place.
        await handle.datasync();
      } finally {
        await handle.close();
      }
      await rename(temporary, path);
    } catch (error) {
      await unlink(temporary).catch(() => undefined);
      throw error;
    }
  },

  async rename(from, to) {
    await rename(from, to);
  },

  exclusive: (path, task) => withFileLock(`${path}.lock`, task),
};
