import { closeSync, openSync, readSync } from 'node:fs';
import { ConfigError } from '../core/config-error';
import { quoteStart } from './cli/terminal-text';

/** Largest groups file read: ten megabytes hold well over the 100,000 ids a run can watch. */
export const MAX_GROUPS_FILE_BYTES = 10 * 1024 * 1024;
/** Most lines a groups file may have, blank and comment lines included. */
export const MAX_GROUPS_FILE_LINES = 100_000;

/**
 * Reads room ids from a file: one per line; blank lines and lines starting with `#` are skipped. An id
 * with leading or trailing spaces (custom ids may have them) is written as a JSON string: `" my room "`.
 * A file larger than {@link MAX_GROUPS_FILE_BYTES} (say, /dev/zero) is refused after reading that much.
 */
export function readGroupsFile(path: string): string[] {
  const ids = parseGroupsText(readCapped(path), path);
  if (ids.length === 0)
    throw new ConfigError(
      `${path} lists no rooms: write one group id per line (blank lines and lines starting with # are skipped).`,
    );
  return ids;
}

export function parseGroupsText(text: string, name: string): string[] {
  const lines = text.split(/\r?\n/);
  if (
    lines.length > MAX_GROUPS_FILE_LINES + 1 ||
    (lines.length === MAX_GROUPS_FILE_LINES + 1 && lines.at(-1) !== '')
  ) {
    throw new ConfigError(
      `${name} has more than ${MAX_GROUPS_FILE_LINES.toLocaleString('en-US')} lines: split the rooms over several runs.`,
    );
  }
  const ids: string[] = [];
  lines.forEach((raw, index) => {
    const line = raw.trim();
    if (!line || line.startsWith('#')) return;
    if (!line.startsWith('"')) {
      ids.push(line);
      return;
    }
    try {
      const id: unknown = JSON.parse(line);
      if (typeof id !== 'string') throw new Error('not a string');
      ids.push(id);
    } catch {
      throw new ConfigError(
        `${name}, line ${index + 1}: a quoted id must be one JSON string, like "my room" (got ${quoteStart(line)}).`,
      );
    }
  });
  return ids;
}

/** The file's text, read a chunk at a time and never past the size cap. */
function readCapped(path: string): string {
  let fd: number;
  try {
    fd = openSync(path, 'r');
  } catch {
    throw new ConfigError(`Cannot read the groups file ${path}.`);
  }
  const chunks: Buffer[] = [];
  let size = 0;
  try {
    for (;;) {
      const chunk = Buffer.alloc(64 * 1024);
      const read = readSync(fd, chunk, 0, chunk.length, null);
      if (read === 0) break;
      size += read;
      if (size > MAX_GROUPS_FILE_BYTES) {
        throw new ConfigError(
          `The groups file ${path} is larger than 10 MB: it should list room ids, one a line, at most ${MAX_GROUPS_FILE_LINES.toLocaleString('en-US')}.`,
        );
      }
      chunks.push(chunk.subarray(0, read));
    }
  } catch (error) {
    if (error instanceof ConfigError) throw error;
    throw new ConfigError(`Cannot read the groups file ${path}.`);
  } finally {
    closeSync(fd);
  }
  return Buffer.concat(chunks).toString('utf8');
}
