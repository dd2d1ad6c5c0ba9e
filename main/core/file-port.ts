/**
 * Text files as the core needs them: the adapter behind it is injected (Node's `fs` in the app and
 * the CLI, a real temporary folder in tests). Paths are the adapter's; the core only passes them on.
 */
export interface FilePort {
  /** The whole file as UTF-8 text, or null when it does not exist. Rejects when it cannot be read. */
  read(path: string): Promise<string | null>;
  /**
   * The file as UTF-8 text in pieces, or null when it does not exist: for files too large to hold
   * whole (a day's history is tens of megabytes). Rejects, or its pieces do, when it cannot be read.
   * A port without it is read whole with {@link FilePort.read}.
   */
  readChunks?(path: string): Promise<AsyncIterable<string> | Iterable<string> | null>;
  /**
   * Appends `text`, creating the file (mode 0600) and its folder when missing. All of it or none:
   * an append that fails (a full disk) leaves the file as it was, never a line cut short.
   */
  append(path: string, text: string): Promise<void>;
  /**
   * Replaces the file with `text` atomically: a reader sees the old content or the new, never a
   * mix (temporary file in the same folder, then a rename). The new file has mode 0600.
   */
  replace(path: string, text: string): Promise<void>;
  /** Moves a file (or whatever sits at `from`) to `to` in the same folder, replacing `to`. */
  rename(from: string, to: string): Promise<void>;
  /**
   * Runs `task` while no other process (or other writer in this one) changes `path` through its
   * own `exclusive`: for files several processes write. Absent where only one writer can exist.
   */
  exclusive?<T>(path: string, task: () => Promise<T>): Promise<T>;
}
