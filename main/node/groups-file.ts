import { readFileSync } from 'node:fs';
import { ConfigError } from '../core/config-error';

/**
 * Reads room ids from a file: one per line; blank lines and lines starting with `#` are skipped. An id
 * with leading or trailing spaces (custom ids may have them) is written as a JSON string: `" my room "`.
 */
export function readGroupsFile(path: string): string[] {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch {
    throw new ConfigError(`Cannot read the groups file ${path}.`);
  }
  return parseGroupsText(text, path);
}

export function parseGroupsText(text: string, name: string): string[] {
  const ids: string[] = [];
  text.split(/\r?\n/).forEach((raw, index) => {
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
        `${name}, line ${index + 1}: a quoted id must be one JSON string, like "my room".`,
      );
    }
  });
  return ids;
}
