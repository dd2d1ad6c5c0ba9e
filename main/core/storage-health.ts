/**
 * Whether Headcount's files can be written, told once where the user looks. Each part (the count
 * history, the alert log, the settings) is failing or not: the first failure says so with the file
 * and the cause in words; later failures of a failing part say nothing more; the first success after
 * them says it is written again. Problems found when a file is read (damage kept aside, lines
 * skipped) are told the same way, once. `notices()` is what the page and the tray show now.
 */
import type { Clock } from './clock';

/** The parts of Headcount that keep files. */
export type StoragePart = 'history' | 'alert log' | 'settings';

/** A change worth telling: a part began failing, came back, or a file was found damaged. */
export interface StorageNews {
  kind: 'failing' | 'recovered' | 'found';
  part: StoragePart;
  text: string;
}

/** What a part still holds in memory while it cannot write, in words, for the notice. */
const WHILE_FAILING: Record<StoragePart, string> = {
  history: 'counts are kept in memory and written once it can be',
  'alert log': 'alerts are kept in memory and written once it can be',
  settings: 'changes hold for this run and are saved once the file can be written',
};

const CAUSES: Record<string, string> = {
  ENOSPC: 'the disk is full',
  EDQUOT: 'the disk quota is used up',
  EROFS: 'the disk is read-only',
  EACCES: 'permission denied',
  EPERM: 'permission denied',
  EIO: 'the disk reported an input/output error',
  EMFILE: 'too many files are open',
  ENFILE: 'too many files are open',
  ENOENT: 'its folder is gone',
  ENOTDIR: 'a file stands where its folder should be',
  EISDIR: 'a folder stands where the file should be',
  EBUSY: 'the file is busy',
};

/** Why a file operation failed, in words ("the disk is full"), never quoting the file's content. */
export function fileErrorWords(error: unknown): string {
  const code = (error as { code?: unknown } | null)?.code;
  if (typeof code === 'string') return CAUSES[code] ?? code;
  return error instanceof Error ? error.message : String(error);
}

interface Failing {
  path: string;
  cause: string;
  since: number;
}

/** The health of every part's files, and the news of each change. */
export class StorageHealth {
  private readonly failing = new Map<StoragePart, Failing>();
  private readonly recovered = new Map<StoragePart, string>();
  private readonly found: string[] = [];
  private readonly listeners = new Set<(news: StorageNews) => void>();

  constructor(private readonly clock: Pick<Clock, 'wall'>) {}

  /** A write (or read) of `path` failed; said when the part was not failing already. */
  failed(part: StoragePart, path: string, error: unknown): void {
    if (this.failing.has(part)) return;
    const cause = fileErrorWords(error);
    this.failing.set(part, { path, cause, since: this.clock.wall() });
    this.recovered.delete(part);
    this.tell({ kind: 'failing', part, text: failingText(part, path, cause) });
  }

  /** A write of `path` worked; said when the part was failing. */
  succeeded(part: StoragePart, path: string): void {
    const was = this.failing.get(part);
    if (!was) return;
    this.failing.delete(part);
    const again = part === 'settings' ? 'The settings are saved again' : `The ${part} is written again`;
    const text =
      `${again} since ${clockTime(this.clock.wall())} (${path}); it failed from ${clockTime(was.since)} ` +
      `(${was.cause}), and what waited meanwhile is written now.`;
    this.recovered.set(part, text);
    this.tell({ kind: 'recovered', part, text });
  }

  /** A problem found reading a file (damage kept aside, lines skipped), told once and kept on show. */
  problem(part: StoragePart, text: string): void {
    if (this.found.includes(text)) return;
    this.found.push(text);
    this.tell({ kind: 'found', part, text });
  }

  /** Whether a part cannot write now. */
  isFailing(part: StoragePart): boolean {
    return this.failing.has(part);
  }

  /** What to show now: each failing part, each recovery, each problem found. */
  notices(): string[] {
    const failing = [...this.failing].map(([part, f]) => failingText(part, f.path, f.cause));
    return [...failing, ...this.recovered.values(), ...this.found];
  }

  /** Calls back with each piece of news; returns the unsubscribe function. */
  onNews(listener: (news: StorageNews) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private tell(news: StorageNews): void {
    for (const listener of this.listeners) {
      try {
        listener(news);
      } catch {
        // One broken listener must not keep the news from the others.
      }
    }
  }
}

function failingText(part: StoragePart, path: string, cause: string): string {
  const what = part === 'settings' ? 'save the settings' : `write the ${part}`;
  // The cause before the path, so that a tooltip cut short still says why.
  return `Could not ${what}: ${cause} (${path}). Until then, ${WHILE_FAILING[part]}.`;
}

function clockTime(at: number): string {
  return new Date(at).toLocaleTimeString('en-GB');
}
