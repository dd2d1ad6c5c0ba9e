import type { AlertRule } from '../../common/alert-rules';
import { type Clock, systemClock } from '../clock';
import type { FilePort } from '../file-port';
import { fileErrorWords } from '../storage-health';
import type { Alert, Delivery } from './alert';
import { type LogLine, parseLine } from './alert-log-line';

/** One alert with every delivery result recorded for it so far. */
export interface AlertLogEntry {
  alert: Alert;
  deliveries: Delivery[];
  /** Wall-clock epoch ms when a person acknowledged it. */
  acknowledgedAt?: number;
}

/** Filters for {@link AlertLog.list}; all optional and combined with "and". */
export interface AlertLogQuery {
  /** Only alerts at or after this epoch ms. */
  since?: number;
  /** Only alerts about this room, alone or among the rooms of a summary. */
  groupId?: string;
  rule?: AlertRule;
  profile?: string;
  limit?: number;
}

export interface AlertLogOptions {
  /** Alerts kept in memory and after compaction. Default 10 000. */
  maxEntries?: number;
  /** Dates the acknowledgements and the name of a file kept aside. */
  clock?: Clock;
}

/** What went wrong with the file, for the UI or the CLI to show; the log works on regardless. */
export interface AlertLogProblems {
  /** Complete lines that were not log records, skipped when the file was loaded. */
  skippedLines: number;
  /** The last line was cut off, as a crash mid-write leaves it; skipped. */
  truncatedLastLine: boolean;
  /** Where an unreadable file was moved to, when it was. */
  keptAside: string | null;
  /** Writes that failed; those records are kept in memory only. */
  writeFailures: number;
  /** Each problem in words. */
  messages: string[];
}

const reasonOf = (error: unknown) => fileErrorWords(error);

/** Lines kept for a disk that has no room: beyond this, the oldest are given up (and said). */
const MAX_UNSAVED_LINES = 20_000;

/**
 * Every alert and what became of it, kept in a JSON Lines file through a {@link FilePort}: one line
 * per alert, one per delivery result and one per acknowledgement, appended one batch at a time in
 * order. A damaged file never stops the app: unreadable lines are skipped and counted, a file with
 * no readable line at all is moved aside and the log starts empty, and a failed write is counted
 * while the record stays in memory. Writes never reject.
 */
export class AlertLog {
  private readonly entries = new Map<string, AlertLogEntry>();
  private readonly issues: AlertLogProblems = {
    skippedLines: 0,
    truncatedLastLine: false,
    keptAside: null,
    writeFailures: 0,
    messages: [],
  };
  private fileLines = 0;
  private needsNewline = false;
  private persist = true;
  private queue: Promise<void> = Promise.resolve();
  private pending: string[] = [];
  private pendingFlush: Promise<void> | null = null;

  private constructor(
    private readonly port: FilePort,
    private readonly path: string,
    private readonly maxEntries: number,
    private readonly clock: Clock,
  ) {}

  /** Loads the log at `path` (missing is fine: it starts empty). Never rejects over the file's content. */
  static async open(port: FilePort, path: string, options: AlertLogOptions = {}): Promise<AlertLog> {
    const maxEntries = options.maxEntries ?? 10_000;
    if (!Number.isInteger(maxEntries) || maxEntries < 1) {
      throw new RangeError('maxEntries must be at least 1.');
    }
    const log = new AlertLog(port, path, maxEntries, options.clock ?? systemClock);
    await log.load();
    return log;
  }

  /** Records a new alert (an id already in the log is ignored). Resolves once it is on disk. */
  record(alert: Alert): Promise<void> {
    if (this.entries.has(alert.id)) return this.flush();
    this.apply({ type: 'alert', alert });
    return this.write({ type: 'alert', alert });
  }

  /** Adds a delivery result to a recorded alert; one no longer in the log is ignored. */
  recordDelivery(alertId: string, delivery: Delivery): Promise<void> {
    if (!this.entries.has(alertId)) return this.flush();
    const line: LogLine = { type: 'delivery', alertId, delivery };
    this.apply(line);
    return this.write(line);
  }

  /** Marks an alert as seen by a person; false when it is not in the log. */
  async acknowledge(alertId: string): Promise<boolean> {
    const entry = this.entries.get(alertId);
    if (!entry) return false;
    if (entry.acknowledgedAt === undefined) {
      const line: LogLine = { type: 'ack', alertId, at: this.clock.wall() };
      this.apply(line);
      await this.write(line);
    }
    return true;
  }

  /** Alerts matching `query`, newest first, each with its deliveries. */
  list(query: AlertLogQuery = {}): AlertLogEntry[] {
    const { since, groupId, rule, profile, limit } = query;
    const found = [...this.entries.values()]
      .reverse()
      .filter(({ alert }) => since === undefined || alert.at >= since)
      .filter(({ alert }) => rule === undefined || alert.rule === rule)
      .filter(({ alert }) => profile === undefined || alert.profile === profile)
      .filter(
        ({ alert }) =>
          groupId === undefined || alert.groupId === groupId || !!alert.groupIds?.includes(groupId),
      )
      .sort((a, b) => b.alert.at - a.alert.at);
    return found
      .slice(0, limit ?? found.length)
      .map((entry) => ({ ...entry, deliveries: [...entry.deliveries] }));
  }

  /** What went wrong with the file so far. */
  problems(): AlertLogProblems {
    return { ...this.issues, messages: [...this.issues.messages] };
  }

  /** Resolves when every write started so far has finished. */
  flush(): Promise<void> {
    return this.queue;
  }

  private async load(): Promise<void> {
    let text: string | null;
    try {
      text = await this.port.read(this.path);
    } catch (error) {
      return this.setAside(`it could not be read (${reasonOf(error)})`);
    }
    if (text === null) return;
    const lines = text.split('\n');
    let records = 0;
    lines.forEach((raw, index) => {
      if (raw.trim() === '') return;
      this.fileLines++;
      const line = parseLine(raw);
      if (line) {
        records++;
        this.apply(line);
      } else if (index === lines.length - 1) this.issues.truncatedLastLine = true;
      else this.issues.skippedLines++;
    });
    if (this.fileLines > 0 && records === 0) return this.setAside('no line of it is an alert record');
    this.needsNewline = text.length > 0 && !text.endsWith('\n');
    if (this.issues.skippedLines > 0) await this.enqueue(() => this.locked(() => this.keepReadable()));
    if (this.issues.truncatedLastLine) {
      this.note(
        `The last line of ${this.path} was cut off (the app stopped mid-write, or the disk was full) and was skipped.`,
      );
    }
    if (this.fileLines > 2 * this.maxEntries) await this.enqueue(() => this.locked(() => this.compact()));
  }

  /**
   * Keeps a damaged log aside under its own name and puts its readable lines back in its place, so
   * that they stay and the damage is not met again at every start. Runs while the lock is held,
   * from the file as it is then (another writer may have appended since it was read).
   */
  private async keepReadable(): Promise<void> {
    const skipped = `${this.issues.skippedLines} unreadable line(s) in ${this.path} were skipped`;
    const readable = ((await this.port.read(this.path)) ?? '')
      .split('\n')
      .filter((raw) => parseLine(raw) !== null);
    const aside = `${this.path}.damaged-${new Date(this.clock.wall()).toISOString().replace(/[:.]/g, '-')}`;
    try {
      await this.port.rename(this.path, aside);
    } catch (error) {
      this.note(`${skipped}; the file could not be kept aside (${reasonOf(error)}).`);
      return;
    }
    await this.port.replace(this.path, readable.map((line) => `${line}\n`).join(''));
    this.fileLines = readable.length;
    this.needsNewline = false;
    this.note(`${skipped}. The readable lines are kept in it; the file as it was is kept as ${aside}.`);
  }

  private async setAside(reason: string): Promise<void> {
    const stamp = new Date(this.clock.wall()).toISOString().replace(/[:.]/g, '-');
    const aside = `${this.path}.corrupt-${stamp}`;
    this.fileLines = 0;
    try {
      await this.port.rename(this.path, aside);
      this.issues.keptAside = aside;
      this.note(
        `The alert log ${this.path} was unusable: ${reason}. It was kept as ${aside}; the log starts empty.`,
      );
    } catch (error) {
      // Writing after the damage could bury whatever is left in that file: keep this session in memory.
      this.persist = false;
      this.note(
        `The alert log ${this.path} was unusable: ${reason}, and it could not be moved aside (${reasonOf(error)}). Alerts are kept in memory only until the app restarts.`,
      );
    }
  }

  private apply(line: LogLine): void {
    applyLine(this.entries, line, this.maxEntries);
  }

  /** Queues a line; lines queued while a write is under way go out together in the next append. */
  private write(line: LogLine): Promise<void> {
    if (!this.persist) return this.flush();
    this.pending.push(`${JSON.stringify(line)}\n`);
    this.pendingFlush ??= this.enqueue(() => this.writePending());
    return this.pendingFlush;
  }

  /** Lines not yet in the file: a write failed (a full disk) and they wait for the next one. */
  unsavedLines(): number {
    return this.pending.length;
  }

  /**
   * Tries again to write what a failed write left waiting; the app calls it now and then, so a
   * disk that has room again gets the alerts even when no new one comes. Resolves when done.
   */
  retryUnsaved(): Promise<void> {
    if (this.pending.length === 0 || !this.persist) return this.flush();
    this.pendingFlush ??= this.enqueue(() => this.writePending());
    return this.pendingFlush;
  }

  private async writePending(): Promise<void> {
    this.pendingFlush = null;
    const batch = this.pending;
    this.pending = [];
    let written = false;
    try {
      // Other processes append and compact too: the append, and the compaction it may lead to,
      // happen while no other writer can.
      await this.locked(async () => {
        try {
          await this.port.append(this.path, (this.needsNewline ? '\n' : '') + batch.join(''));
          this.needsNewline = false;
        } catch (error) {
          // A port that cut a line short gets a fresh line next time.
          this.needsNewline = true;
          throw error;
        }
        written = true;
        this.fileLines += batch.length;
        if (this.fileLines > 2 * this.maxEntries) await this.compact();
      });
    } catch (error) {
      // Neither the append nor the lock around it worked: kept, in order, for the next write.
      if (!written) this.keepWaiting(batch);
      throw error;
    }
  }

  private keepWaiting(batch: string[]): void {
    const waiting = [...batch, ...this.pending];
    this.pending = waiting.slice(-MAX_UNSAVED_LINES);
    if (waiting.length > MAX_UNSAVED_LINES) {
      const lost = waiting.length - MAX_UNSAVED_LINES;
      this.note(`${lost} alert log line(s) waited too long for ${this.path} and were given up (the oldest).`);
    }
  }

  /**
   * Rewrites the file with one line per alert, the newest `maxEntries`, from the file as it is now
   * (not from this process's memory): whatever other processes appended (their alerts, their
   * acknowledgements) is kept. Runs while the lock is held.
   */
  private async compact(): Promise<void> {
    const kept = new Map<string, AlertLogEntry>();
    for (const raw of ((await this.port.read(this.path)) ?? '').split('\n')) {
      const line = parseLine(raw);
      if (line) applyLine(kept, line, this.maxEntries);
    }
    const lines = [...kept.values()].map((entry) =>
      JSON.stringify({ type: 'alert', ...entry } satisfies LogLine),
    );
    await this.port.replace(this.path, lines.map((line) => `${line}\n`).join(''));
    this.fileLines = lines.length;
    this.needsNewline = false;
  }

  private locked(task: () => Promise<void>): Promise<void> {
    return this.port.exclusive ? this.port.exclusive(this.path, task) : task();
  }

  private enqueue(task: () => Promise<void>): Promise<void> {
    const run = this.queue.then(task).catch((error: unknown) => {
      this.issues.writeFailures++;
      this.note(`Could not write the alert log ${this.path}: ${reasonOf(error)}.`);
    });
    this.queue = run;
    return run;
  }

  private note(message: string): void {
    this.issues.messages.push(message);
    // A disk that keeps failing must not grow this list without bound.
    if (this.issues.messages.length > 20) this.issues.messages.splice(1, 1);
  }
}

/** Applies one line to `entries`, keeping at most `maxEntries` alerts (the oldest go first). */
function applyLine(entries: Map<string, AlertLogEntry>, line: LogLine, maxEntries: number): void {
  if (line.type === 'alert') {
    if (entries.has(line.alert.id)) return;
    const entry: AlertLogEntry = { alert: line.alert, deliveries: [...(line.deliveries ?? [])] };
    if (line.acknowledgedAt !== undefined) entry.acknowledgedAt = line.acknowledgedAt;
    entries.set(line.alert.id, entry);
    // A Map iterates in insertion order, so its first key is the oldest alert.
    if (entries.size > maxEntries) entries.delete(entries.keys().next().value as string);
    return;
  }
  const entry = entries.get(line.alertId);
  if (!entry) return;
  if (line.type === 'delivery') entry.deliveries.push(line.delivery);
  else entry.acknowledgedAt ??= line.at;
}
