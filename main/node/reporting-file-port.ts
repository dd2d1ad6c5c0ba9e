import type { FilePort } from '../core/file-port';
import type { StorageHealth, StoragePart } from '../core/storage-health';

/**
 * A {@link FilePort} that tells `health` how each change to a file went, for one part of Headcount
 * (the history, the alert log): the first failure is said, and so is the first success after it.
 * A file that cannot be read is said too; what it held is judged by the part itself.
 */
export function reportingFilePort(port: FilePort, health: StorageHealth, part: StoragePart): FilePort {
  const watched =
    <A extends unknown[]>(operation: (path: string, ...rest: A) => Promise<void>) =>
    async (path: string, ...rest: A): Promise<void> => {
      try {
        await operation(path, ...rest);
      } catch (error) {
        health.failed(part, path, error);
        throw error;
      }
      health.succeeded(part, path);
    };
  return {
    async read(path) {
      try {
        return await port.read(path);
      } catch (error) {
        health.failed(part, path, error);
        throw error;
      }
    },
    ...(port.readChunks ? { readChunks: reportingChunks(port.readChunks.bind(port), health, part) } : {}),
    append: watched((path, text: string) => port.append(path, text)),
    replace: watched((path, text: string) => port.replace(path, text)),
    rename: watched((from, to: string) => port.rename(from, to)),
    ...(port.exclusive ? { exclusive: reportingExclusive(port.exclusive.bind(port), health, part) } : {}),
  };
}

/** The lock around a change can fail too (a full disk has no room for the lock's own line). */
function reportingExclusive(
  exclusive: NonNullable<FilePort['exclusive']>,
  health: StorageHealth,
  part: StoragePart,
): NonNullable<FilePort['exclusive']> {
  return async (path, task) => {
    try {
      return await exclusive(path, task);
    } catch (error) {
      health.failed(part, path, error);
      throw error;
    }
  };
}

/** A file read in pieces can fail as it opens or part way through. */
function reportingChunks(
  readChunks: NonNullable<FilePort['readChunks']>,
  health: StorageHealth,
  part: StoragePart,
): NonNullable<FilePort['readChunks']> {
  return async (path) => {
    let chunks: AsyncIterable<string> | Iterable<string> | null;
    try {
      chunks = await readChunks(path);
    } catch (error) {
      health.failed(part, path, error);
      throw error;
    }
    if (chunks === null) return null;
    const source = chunks;
    return (async function* () {
      try {
        yield* source;
      } catch (error) {
        health.failed(part, path, error);
        throw error;
      }
    })();
  };
}
