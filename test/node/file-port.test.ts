import { chmod, mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { nodeFilePort } from '../../main/node/file-port';

let folder: string;

beforeEach(async () => {
  folder = await mkdtemp(join(tmpdir(), 'headcount-file-port-'));
});

afterEach(async () => {
  await rm(folder, { recursive: true, force: true });
});

const modeOf = async (path: string) => (await stat(path)).mode & 0o777;

describe('nodeFilePort', () => {
  it('reads a missing file as null and an existing one as text', async () => {
    expect(await nodeFilePort.read(join(folder, 'missing.jsonl'))).toBeNull();
    await writeFile(join(folder, 'here.txt'), 'héllo\n');
    expect(await nodeFilePort.read(join(folder, 'here.txt'))).toBe('héllo\n');
  });

  it('reads a file in pieces: a missing one as null, a large one back to the character', async () => {
    expect(await nodeFilePort.readChunks?.(join(folder, 'missing.jsonl'))).toBeNull();
    // Two-byte characters across a 256 KB piece's edge are decoded whole.
    const text = `${'é'.repeat(200_000)}\n${'x'.repeat(100_000)}\n`;
    await writeFile(join(folder, 'large.txt'), text);
    const pieces: string[] = [];
    for await (const piece of (await nodeFilePort.readChunks?.(join(folder, 'large.txt'))) ?? [])
      pieces.push(piece);
    expect(pieces.length).toBeGreaterThan(1);
    expect(pieces.join('')).toBe(text);
  });

  it('rejects when the path cannot be read as a file', async () => {
    await expect(nodeFilePort.read(folder)).rejects.toThrow(/EISDIR/);
  });

  it('appends, creating the folder (0700) and the file (0600)', async () => {
    const path = join(folder, 'nested', 'deeper', 'log.jsonl');
    await nodeFilePort.append(path, 'one\n');
    await nodeFilePort.append(path, 'two\n');
    expect(await readFile(path, 'utf8')).toBe('one\ntwo\n');
    expect(await modeOf(path)).toBe(0o600);
    expect(await modeOf(join(folder, 'nested', 'deeper'))).toBe(0o700);
  });

  it('narrows an existing file that others could read when it appends to it', async () => {
    const path = join(folder, 'wide.jsonl');
    await writeFile(path, 'old\n');
    await chmod(path, 0o644);
    await nodeFilePort.append(path, 'new\n');
    expect(await modeOf(path)).toBe(0o600);
    expect(await readFile(path, 'utf8')).toBe('old\nnew\n');
  });

  it('replaces a file whole, with mode 0600 and no temporary file left behind', async () => {
    const path = join(folder, 'log.jsonl');
    await writeFile(path, 'old content\n');
    await chmod(path, 0o644);
    await nodeFilePort.replace(path, 'new content\n');
    expect(await readFile(path, 'utf8')).toBe('new content\n');
    expect(await modeOf(path)).toBe(0o600);
    expect(await readdir(folder)).toEqual(['log.jsonl']);
  });

  it('leaves the old file and no temporary file when a replace fails', async () => {
    const path = join(folder, 'taken');
    await nodeFilePort.append(join(path, 'inner'), 'x');
    // A folder with content sits where the file should go, so the final rename fails.
    await expect(nodeFilePort.replace(path, 'new')).rejects.toThrow();
    expect(await readdir(folder)).toEqual(['taken']);
  });

  it('renames a file', async () => {
    await writeFile(join(folder, 'a'), 'content');
    await nodeFilePort.rename(join(folder, 'a'), join(folder, 'b'));
    expect(await readdir(folder)).toEqual(['b']);
  });
});
