import type { FilePort } from '../file-port';
import { fileErrorWords } from '../storage-health';
import {
  FILE_KINDS,
  FORMAT_VERSION,
  fileNameOf,
  type HistoryFileKind,
  headerLine,
  minutesLine,
  periodOf,
  readLine,
  samplesLine,
} from './history-format';
import type { MinuteRecord } from './room-history';
import { linesOf } from './text-lines';

/** The folder the history lives in: a file port, and how a file name becomes its path. */
export interface HistoryFolder {
  port: FilePort;
  pathOf(name: string): string;
}

/** What went wrong with the files; the history works on regardless, in memory. */
export interface HistoryProblems {
  /** Complete lines that were not history lines, skipped. */
  skippedLines: number;
  /** Files whose last line was cut off (the app stopped mid-write); that line was skipped. */
  truncatedFiles: number;
  /** Files that could not be read, or were written by a newer version; their content is not used. */
  unusedFiles: number;
  /** Writes that failed; what they held is kept in memory only. */
  writeFailures: number;
  /** Each problem in words. */
  messages: string[];
}

/** Receives what the files hold, oldest file first. */
export interface HistorySink {
  minute(key: string, record: MinuteRecord): void;
  sample(key: string, atS: number, online: number | null): void;
}

/** The value at `key`, made and stored first when missing. */
function entryOf<K, V>(map: Map<K, V>, key: K, make: () => V): V {
  let value = map.get(key);
  if (value === undefined) {
    value = make();
    map.set(key, value);
  }
  return value;
}

const reasonOf = (error: unknown) => fileErrorWords(error);

/**
 * Reads and writes the history files (format in history-format.ts). Writes are batched: samples
 * and closed minutes wait in memory until {@link HistoryFiles.flush}, which appends one line per
 * file, or replaces a file that still holds an expired hour or day. Writes run one at a time and
 * never reject; a failure is counted and the next line starts on a line of its own.
 */
export class HistoryFiles {
  /** The hour or day each file holds now, as far as this process knows. */
  private readonly periods = new Map<string, number>();
  private readonly needsNewline = new Set<string>();
  private readonly issues: HistoryProblems = {
    skippedLines: 0,
    truncatedFiles: 0,
    unusedFiles: 0,
    writeFailures: 0,
    messages: [],
  };
  private samples = new Map<string, number[]>();
  private minutes = new Map<string, MinuteRecord[]>();
  private minutesSince: number | null = null;
  /** Lines a write could not put in their file (a full disk), in order, for the next write to it. */
  private readonly unwritten = new Map<string, { kind: HistoryFileKind; period: number; text: string[] }>();
  private queue: Promise<void> = Promise.resolve();
  /** Appends and replaces run so far, for the benchmark and the tests. */
  writes = 0;

  constructor(
    private readonly folder: HistoryFolder,
    /** How long closed minutes may wait: they can be rebuilt from the samples files meanwhile. */
    private readonly minuteBatchMs: number,
  ) {}

  /**
   * Reads every file still within its kind's window at `nowMs` into `sink`, minutes first, oldest
   * first, awaiting `pause` (when given) after each line.
   */
  async load(nowMs: number, pause: (() => Promise<void>) | undefined, sink: HistorySink): Promise<void> {
    for (const kind of ['minutes', 'samples'] as const) {
      const current = periodOf(kind, nowMs);
      for (let period = current - FILE_KINDS[kind].slots + 1; period <= current; period++) {
        await this.loadFile(kind, fileNameOf(kind, period), sink, pause, nowMs);
      }
    }
  }

  /** Queues a sample (time in epoch s, null for a failed poll). */
  addSample(key: string, atS: number, online: number | null): void {
    entryOf(this.samples, key, () => []).push(atS, online ?? -1);
  }

  /** Queues a closed minute. */
  addMinute(key: string, record: MinuteRecord, nowMs: number): void {
    entryOf(this.minutes, key, () => []).push(record);
    this.minutesSince ??= nowMs;
  }

  /**
   * Writes the queued samples, and the queued minutes once they have waited `minuteBatchMs` (or
   * with `all`). Resolves when written.
   */
  flush(nowMs: number, all = false): Promise<void> {
    const lines = new Map<string, { kind: HistoryFileKind; period: number; text: string[] }>();
    const add = (kind: HistoryFileKind, period: number, text: string) => {
      const name = fileNameOf(kind, period);
      const entry = lines.get(name);
      // Two periods for one file in one batch: the later one wins, as it would on disk.
      if (!entry || entry.period < period) lines.set(name, { kind, period, text: [text] });
      else if (entry.period === period) entry.text.push(text);
    };
    for (const [period, rooms] of this.takeSamples()) add('samples', period, samplesLine(rooms));
    if (this.minutesSince !== null && (all || nowMs - this.minutesSince >= this.minuteBatchMs)) {
      for (const [period, rooms] of this.takeMinutes()) add('minutes', period, minutesLine(rooms));
    }
    const oldest = {
      samples: periodOf('samples', nowMs) - FILE_KINDS.samples.slots + 1,
      minutes: periodOf('minutes', nowMs) - FILE_KINDS.minutes.slots + 1,
    };
    // A file whose lines wait for room gets a write even with nothing new for it.
    for (const [name, waiting] of this.unwritten)
      if (!lines.has(name)) lines.set(name, { ...waiting, text: [] });
    for (const [name, { kind, period, text }] of lines) {
      if (period < oldest[kind]) {
        this.unwritten.delete(name);
        continue;
      }
      this.enqueue(name, () => this.write(name, kind, period, text));
    }
    return this.queue;
  }

  /** Lines waiting for a file that could not be written. */
  unwrittenLines(): number {
    let lines = 0;
    for (const { text } of this.unwritten.values()) lines += text.length;
    return lines;
  }

  problems(): HistoryProblems {
    return { ...this.issues, messages: [...this.issues.messages] };
  }

  private async loadFile(
    kind: HistoryFileKind,
    name: string,
    sink: HistorySink,
    pause: (() => Promise<void>) | undefined,
    nowMs: number,
  ): Promise<void> {
    const path = this.folder.pathOf(name);
    let text: AsyncIterable<string> | Iterable<string> | null;
    try {
      text = await this.textOf(path);
    } catch (error) {
      await this.unreadable(path, error, nowMs);
      return;
    }
    if (text === null) return;
    let period = Number.NEGATIVE_INFINITY;
    let newer = false;
    const visitor = {
      header: (_: HistoryFileKind, headerPeriod: number, version: number) => {
        period = Math.max(period, headerPeriod);
        newer ||= version > FORMAT_VERSION;
      },
      sample: (key: string, atS: number, online: number | null) => {
        period = Math.max(period, periodOf(kind, atS * 1000));
        sink.sample(key, atS, online);
      },
      minute: (key: string, record: MinuteRecord) => {
        period = Math.max(period, periodOf(kind, record.minute * 60_000));
        sink.minute(key, record);
      },
    };
    let skipped = 0;
    let index = 0;
    // The file does not end with a newline: the next line written to it must start on its own.
    let unended = false;
    try {
      for await (const { text: line, complete } of linesOf(text)) {
        if (pause && index++ > 0) await pause();
        if (!complete && line !== '') unended = true;
        if (line.trim() === '') continue;
        if (readLine(line, kind, visitor)) {
          if (newer) break;
          continue;
        }
        if (!complete) {
          this.issues.truncatedFiles++;
          this.note(
            `The last line of ${path} was cut off (the app stopped mid-write, or the disk was full) and was skipped.`,
          );
        } else skipped++;
      }
    } catch (error) {
      // Failed part way: the counts read so far stay in memory, and the whole file is put aside.
      await this.unreadable(path, error, nowMs);
      return;
    }
    if (newer) {
      await this.newer(name, path, nowMs);
      return;
    }
    if (Number.isFinite(period)) this.periods.set(name, period);
    if (unended) this.needsNewline.add(name);
    if (skipped > 0) {
      this.issues.skippedLines += skipped;
      this.note(
        `${skipped} unreadable line(s) in ${path} were skipped: their counts are missing. ${await this.keepReadable(name, kind, nowMs)}`,
      );
    }
  }

  /** Puts aside a file that could not be read, so that a new one can start in its place. */
  private async unreadable(path: string, error: unknown, nowMs: number): Promise<void> {
    this.issues.unusedFiles++;
    const aside = await this.keepAside(path, 'unreadable', nowMs);
    this.note(
      `The history file ${path} could not be read (${reasonOf(error)}); ` +
        (aside ? `it is kept as ${aside}, and a new one is started.` : 'it will be replaced.'),
    );
  }

  /**
   * Keeps a file written by a newer version aside, so that going back to this version does not
   * overwrite what the newer one wrote, and starts a new one in its place. When it cannot be moved
   * it is left as it is and never written: its hour or day is kept in memory only.
   */
  private async newer(name: string, path: string, nowMs: number): Promise<void> {
    this.issues.unusedFiles++;
    const aside = await this.keepAside(path, 'newer', nowMs);
    if (!aside) this.periods.set(name, Number.POSITIVE_INFINITY);
    this.note(
      `The history file ${path} was written by a newer Headcount; ` +
        (aside
          ? `it is kept as ${aside}, and a new one is started.`
          : 'it could not be moved aside, so it is left as it is and its counts are kept in memory only.'),
    );
  }

  /** The file's text in pieces when the port can read it so, else whole; null when missing. */
  private async textOf(path: string): Promise<AsyncIterable<string> | Iterable<string> | null> {
    const port = this.folder.port;
    if (port.readChunks) return port.readChunks(path);
    const text = await port.read(path);
    return text === null ? null : [text];
  }

  /**
   * Keeps a damaged file aside under its own name, and puts back in its place the lines that could
   * be read, so that they stay on disk and the damage is not met again at every start. Says where.
   */
  private async keepReadable(name: string, kind: HistoryFileKind, nowMs: number): Promise<string> {
    const path = this.folder.pathOf(name);
    const aside = await this.keepAside(path, 'damaged', nowMs);
    if (!aside) return 'The file could not be kept aside, and is used as it is.';
    try {
      // Read again from where it was put aside, rather than every line held since the first read.
      const readable: string[] = [];
      const ignore = { header: () => {}, sample: () => {}, minute: () => {} };
      for await (const { text: line } of linesOf((await this.textOf(aside)) ?? []))
        if (line.trim() !== '' && readLine(line, kind, ignore)) readable.push(line);
      await this.folder.port.replace(path, readable.map((line) => `${line}\n`).join(''));
      this.needsNewline.delete(name);
      return `The readable lines are kept in it; the file as it was is kept as ${aside}.`;
    } catch (error) {
      this.periods.delete(name);
      return `The file as it was is kept as ${aside}; its readable lines could not be written back (${reasonOf(error)}).`;
    }
  }

  /** Renames a file to `<name>.<label>-<time>` beside it; null when it cannot be moved. */
  private async keepAside(path: string, label: string, nowMs: number): Promise<string | null> {
    const aside = `${path}.${label}-${new Date(nowMs).toISOString().replace(/[:.]/g, '-')}`;
    try {
      await this.folder.port.rename(path, aside);
      return aside;
    } catch {
      return null;
    }
  }

  /** The queued samples, grouped by hour and room. */
  private takeSamples(): Map<number, Map<string, number[]>> {
    const byHour = new Map<number, Map<string, number[]>>();
    for (const [key, flat] of this.samples) {
      for (let i = 0; i < flat.length; i += 2) {
        const hour = periodOf('samples', (flat[i] as number) * 1000);
        const rooms = entryOf(byHour, hour, () => new Map<string, number[]>());
        entryOf(rooms, key, () => []).push(flat[i] as number, flat[i + 1] as number);
      }
    }
    this.samples = new Map();
    return byHour;
  }

  /** The queued minutes, grouped by day and room. */
  private takeMinutes(): Map<number, Map<string, MinuteRecord[]>> {
    const byDay = new Map<number, Map<string, MinuteRecord[]>>();
    for (const [key, list] of this.minutes) {
      for (const record of list) {
        const day = periodOf('minutes', record.minute * 60_000);
        const rooms = entryOf(byDay, day, () => new Map<string, MinuteRecord[]>());
        entryOf(rooms, key, () => []).push(record);
      }
    }
    this.minutes = new Map();
    this.minutesSince = null;
    return byDay;
  }

  private async write(name: string, kind: HistoryFileKind, period: number, fresh: string[]): Promise<void> {
    // Lines an earlier write could not put in this file go first, so the file stays in time order.
    const waiting = this.unwritten.get(name);
    this.unwritten.delete(name);
    const text = waiting && waiting.period === period ? [...waiting.text, ...fresh] : fresh;
    const known = this.periods.get(name);
    // The file holds a later period than this batch: the batch is older than what is kept.
    if (known !== undefined && known > period) return;
    if (text.length === 0) return;
    const path = this.folder.pathOf(name);
    const body = text.map((line) => `${line}\n`).join('');
    this.writes++;
    try {
      if (known === period) {
        await this.folder.port.append(path, (this.needsNewline.has(name) ? '\n' : '') + body);
      } else {
        await this.folder.port.replace(path, `${headerLine(kind, period)}\n${body}`);
        this.periods.set(name, period);
      }
      this.needsNewline.delete(name);
    } catch (error) {
      // Kept for the next write to this file; a port that cut a line short gets a fresh line.
      this.needsNewline.add(name);
      this.unwritten.set(name, { kind, period, text });
      throw error;
    }
  }

  private enqueue(name: string, task: () => Promise<void>): void {
    this.queue = this.queue.then(task).catch((error: unknown) => {
      this.issues.writeFailures++;
      this.note(
        `Could not write the history file ${this.folder.pathOf(name)}: ${reasonOf(error)}; its counts wait in memory for the next write.`,
      );
    });
  }

  private note(message: string): void {
    this.issues.messages.push(message);
    // A disk that keeps failing must not grow this list without bound.
    if (this.issues.messages.length > 20) this.issues.messages.splice(1, 1);
  }
}
